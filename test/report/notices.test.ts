import { describe, expect, it } from 'vitest';
import type { ResultFile } from '../../src/results/schema.js';
import { renderReport } from '../../src/report/html/report.js';
import { markdownExporter } from '../../src/report/export/markdown.js';
import { renderRunSummary } from '../../src/report/terminal/terminal.js';
import { machineWarnings } from '../../src/report/text/machine-warnings.js';
import { noticesOf } from '../../src/report/text/notices.js';
import { syntheticResult } from '../helpers/result-fixture.js';

const input = (result: ResultFile) => ({ path: 'run.json', machine: 'synthetic', result });

/** The synthetic run, by hand: 2 cells short of ±3 % (both reached ±4 %), one with outliers, one failed cell. */
function handBuilt(): ResultFile {
  const result = syntheticResult();
  const [sequential] = result.benchmarks;
  if (sequential?.status !== 'ok') throw new Error('fixture changed');
  sequential.outliers = { low: 0, high: 2, severe: 0 };
  return result;
}

describe('notes and warnings', () => {
  it('counts precision shortfalls and kept outliers as notes, a failed cell as a warning', () => {
    const { warnings, notes } = noticesOf([input(handBuilt())]);
    expect(notes.map((note) => [note.where, note.text])).toEqual([
      ['cpu-hash/sequential/t1', 'not within ±3 %: reached ±4 % (2 processes, 5 samples)'],
      ['cpu-hash/sequential/t1', '2 outliers (2 slow), kept'],
      ['cpu-hash/parallel/t2', 'not within ±3 %: reached ±4 % (2 processes, 5 samples)'],
    ]);
    expect(warnings.map((warning) => warning.where)).toEqual(['cpu-hash/parallel/t4']);
    expect(warnings[0]?.text).toMatch(/^error: 3 of 16 tasks failed/);
  });

  it('makes a cell’s own warning, a run warning and an interrupted run warnings', () => {
    const result = handBuilt();
    result.benchmarks = result.benchmarks.filter((benchmark) => benchmark.status === 'ok');
    result.benchmarks[0]?.warnings.push('only 2 sample(s): no meaningful spread or interval');
    result.warnings.push('a cgroup CPU quota of 1 CPUs caps this run at 1 usable cores');
    result.run.interrupted = true;
    const { warnings, notes } = noticesOf([input(result)]);
    expect(warnings.map((warning) => warning.where)).toEqual(['run', 'run', 'cpu-hash/sequential/t1']);
    expect(notes).toHaveLength(3);
  });

  it('warns of a noisy machine from its probe, and only past the thresholds', () => {
    const quiet = { spinMs: 50, threads: [{ threads: 2, deliveredCores: 1.95 }], noiseCvPct: 1, stealPct: 0 };
    const environment = syntheticResult().environment;
    expect(machineWarnings({ ...environment, machine: quiet })).toEqual([]);
    expect(machineWarnings(environment)).toEqual([]); // no probe, no claim
    const loaded = { ...quiet, noiseCvPct: 30.1, stealPct: 4, threads: [{ threads: 2, deliveredCores: 1.45 }] };
    expect(machineWarnings({ ...environment, machine: loaded })).toEqual([
      'a noisy machine: a plain spin varied by 30.1 % (CV, over 10 %): other work shared the cores, and every ' +
        'figure carries it',
      'the hypervisor took 4.0 % of the CPU time (steal, over 3 %): figures moved by that much',
      '2 threads side by side delivered 1.45 cores of 2 (plain spin): other work or the host held the rest',
    ]);
  });

  it('says the same counts in the terminal, Markdown and the HTML header', () => {
    const result = handBuilt();
    expect(renderRunSummary(result)).toContain('1 warning, 3 notes on precision (marked * and [n] above)');
    expect(renderRunSummary(result)).toMatch(/\nwarning: cpu-hash\/parallel\/t4: error: 3 of 16 tasks failed/);
    expect(markdownExporter.render([input(result)])).toContain('**1 warning** (below) · 3 notes on precision');
    const html = renderReport([input(result)]);
    expect(html).toContain('<a href="#warnings">1 warning</a> · <a href="#notes">3 notes</a>');
  });
});
