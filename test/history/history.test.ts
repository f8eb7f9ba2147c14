import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeHistory } from '../../src/history/analyze.js';
import { loadHistoryFiles } from '../../src/history/history-files.js';
import { newestRegressions } from '../../src/history/regressions.js';
import { renderHistoryMarkdown } from '../../src/history/render-markdown.js';
import { renderHistoryTerminal, sparkline } from '../../src/history/render-terminal.js';
import { DEFAULT_WIDTH } from '../../src/report/terminal/width.js';
import { DEFAULT_CHANGE_POINT_OPTIONS } from '../../src/stats/change-points.js';
import { scratchDir } from '../helpers/cli.js';
import { asSkipped, historyResults, okIds, writeHistory } from './history-fixture.js';

const isCpu = (id: string): boolean => id.startsWith('cpu-');
const TWELVE = { count: 12, stepAt: 8, ratio: 1.15, stepped: isCpu, cv: 0.01, seed: 7 };

function analyze(paths: string[]) {
  return analyzeHistory(loadHistoryFiles(paths), DEFAULT_CHANGE_POINT_OPTIONS);
}

describe('corescope history: series and change points', () => {
  it('12 runs whose cpu benchmarks take 15 % longer from the 9th: one change point each, at run-09; none elsewhere', () => {
    const results = historyResults(TWELVE);
    const paths = writeHistory(scratchDir(), results);
    const analysis = analyze(paths);
    const ids = results[0] === undefined ? [] : okIds(results[0]);
    expect(analysis.series.map((history) => history.series.id)).toEqual(ids);
    for (const history of analysis.series) {
      expect(history.series.points).toHaveLength(12);
      if (isCpu(history.series.id)) {
        expect(
          history.changes.map((change) => change.index),
          history.series.id,
        ).toEqual([8]);
        const [change] = history.changes;
        expect(change?.point.file).toBe('run-09.json');
        expect(change?.direction).toBe('slower');
        expect(change?.ratio).toBeGreaterThan(1.12);
        expect(change?.ratio).toBeLessThan(1.18);
      } else {
        expect(history.changes, history.series.id).toEqual([]);
      }
    }
    // The first 8 alone hold no step.
    expect(analyze(paths.slice(0, 8)).series.flatMap((history) => history.changes)).toEqual([]);
  });

  it('a point is the median with its interval, exactly as the file records it', () => {
    const results = historyResults({ ...TWELVE, count: 3 });
    const analysis = analyze(writeHistory(scratchDir(), results));
    const first = analysis.series[0];
    const recorded = results.map((result) => result.benchmarks.find((benchmark) => benchmark.id === first?.series.id));
    first?.series.points.forEach((point, index) => {
      const benchmark = recorded[index];
      if (benchmark?.status !== 'ok') throw new Error('fixture benchmark is not ok');
      expect(point.medianMs).toBe(benchmark.stats.median);
      expect(point.intervalMs).toEqual(benchmark.stats.medianCi95);
    });
  });

  it('orders by commit time where every file records one, else by run start, whatever order the files come in', () => {
    const results = historyResults({ ...TWELVE, commits: true });
    // Runs started in reverse order of their commits (re-runs of old commits): the commits decide.
    results.forEach((result, index) => (result.run.startedAt = new Date(Date.UTC(2026, 5, 30 - index)).toISOString()));
    const directory = scratchDir();
    const paths = writeHistory(directory, results);
    const shuffled = [
      paths[5],
      paths[0],
      paths[11],
      paths[3],
      ...paths.filter((_, index) => ![5, 0, 11, 3].includes(index)),
    ].filter((path): path is string => path !== undefined);
    const analysis = analyze(shuffled);
    expect(analysis.machines[0]?.orderedBy).toBe('commit');
    expect(analysis.machines[0]?.files.map((file) => file.name)).toEqual(
      paths.map((path) => path.slice(directory.length + 1)),
    );
    const cpu = analysis.series.find((history) => isCpu(history.series.id));
    expect(cpu?.changes[0]?.point.commit).toBe('08'.repeat(20));

    // One file without a commit: the whole machine falls back to run start (newest commit first here).
    delete results[3]?.provenance;
    const mixed = analyze(writeHistory(scratchDir(), results));
    expect(mixed.machines[0]?.orderedBy).toBe('time');
    expect(mixed.machines[0]?.files.map((file) => file.name)).toEqual(
      [...paths].reverse().map((path) => path.slice(directory.length + 1)),
    );
  });

  it('keeps machines apart: each id gets one series per machine, and the output says so', () => {
    const results = historyResults({ ...TWELVE, cpuModel: (index) => (index % 2 === 0 ? 'AMD EPYC' : 'Intel Xeon') });
    const analysis = analyze(writeHistory(scratchDir(), results));
    expect(analysis.machines.map((machine) => machine.files.length)).toEqual([6, 6]);
    const ids = results[0] === undefined ? [] : okIds(results[0]);
    expect(analysis.series).toHaveLength(ids.length * 2);
    for (const history of analysis.series) {
      expect(history.series.points).toHaveLength(6);
      const cpuModels = new Set(
        history.series.points.map(
          (point) =>
            results.find((result) => point.file.endsWith(`${result.run.label?.split('-')[1]?.padStart(2, '0')}.json`))
              ?.environment.cpuModel,
        ),
      );
      expect(cpuModels.size).toBe(1);
    }
    expect(analysis.notes.join('\n')).toMatch(/2 machines: each has its own series, never mixed/);
    expect(renderHistoryTerminal(analysis, [], 0.05)).toMatch(/Intel Xeon, 2 usable cores, Node 20 · 6 files/);
  });

  it('gives a series with fewer than 3 points a note and no change point', () => {
    const results = historyResults({ ...TWELVE, count: 4 });
    // One benchmark measured only in the first two files (failed in the others).
    const lonely = 'io-http/parallel/t3';
    for (const result of results.slice(2)) {
      result.benchmarks = result.benchmarks.map((benchmark) =>
        benchmark.id === lonely ? asSkipped(benchmark, 'test') : benchmark,
      );
    }
    const analysis = analyze(writeHistory(scratchDir(), results));
    const history = analysis.series.find((entry) => entry.series.id === lonely);
    expect(history?.series.points).toHaveLength(2);
    expect(history?.series.unmeasured).toEqual(['run-03.json', 'run-04.json']);
    expect(history?.changes).toEqual([]);
    expect(history?.note).toBe('2 points: too few to judge');
    expect(analysis.notes.join('\n')).toContain(`1 series with fewer than 3 points get no change point: ${lonely} (2)`);
  });

  it('names a regression only where the newest change is a slowdown beyond the threshold', () => {
    const analysis = analyze(writeHistory(scratchDir(), historyResults(TWELVE)));
    const cpuCount = analysis.series.filter((history) => isCpu(history.series.id)).length;
    expect(newestRegressions(analysis, 0.05)).toHaveLength(cpuCount);
    expect(newestRegressions(analysis, 0.2)).toEqual([]);
    const faster = analyze(writeHistory(scratchDir(), historyResults({ ...TWELVE, ratio: 0.85 })));
    expect(faster.series.filter((history) => history.changes[0]?.direction === 'faster')).toHaveLength(cpuCount);
    expect(newestRegressions(faster, 0.05)).toEqual([]);
  });
});

describe('corescope history: bad input', () => {
  it('refuses what cannot be a history, naming the file or directory', () => {
    const directory = scratchDir();
    const [one] = writeHistory(directory, historyResults({ ...TWELVE, count: 1 }));
    expect(() => analyze([one ?? ''])).toThrow(
      /^history: give at least two result files or a directory of them \(got 1\)$/,
    );
    const empty = join(scratchDir(), 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'notes.txt'), 'x');
    expect(() => analyze([empty])).toThrow(
      new RegExp(`^${empty}: no result files \\(\\*\\.json\\) in this directory$`),
    );
    const notResult = join(directory, 'bmf.json');
    writeFileSync(notResult, '{"cpu-hash/sequential/t1": {"latency": {"value": 1}}}');
    expect(() => analyze([directory])).toThrow(
      new RegExp(`^${notResult}: \\$\\.schemaVersion: missing is not supported`),
    );
    expect(() => analyze([join(directory, 'missing.json'), one ?? ''])).toThrow(
      /missing\.json: cannot read \(ENOENT\)/,
    );
  });

  it('refuses files that share no benchmark id on one machine', () => {
    const results = historyResults({ ...TWELVE, count: 2, cpuModel: (index) => `CPU ${index}` });
    expect(() => analyze(writeHistory(scratchDir(), results))).toThrow(
      /^history: no benchmark id was measured in two files from the same machine \(run-01\.json, run-02\.json\)$/,
    );
  });
});

describe('corescope history: text output', () => {
  it('stays within 120 columns and lists each change point with where it began', () => {
    const analysis = analyze(writeHistory(scratchDir(), historyResults({ ...TWELVE, commits: true })));
    const text = renderHistoryTerminal(analysis, newestRegressions(analysis, 0.05), 0.05);
    for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(DEFAULT_WIDTH);
    expect(text).toMatch(
      /cpu-hash\/sequential\/t1: \+1\d\.\d % slower \(\d+(\.\d+)? ms → \d+(\.\d+)? ms, p = [\d.e-]+\)\n {6}from #9 run-09\.json \(commit 0808080, main\)/,
    );
    expect(text).toMatch(
      /^regression: cpu-compute\/sequential\/t1: \+1\d\.\d % slower from #9 run-09\.json \(commit 0808080, main\)$/m,
    );
    const markdown = renderHistoryMarkdown(analysis, [], 0.05);
    expect(markdown).toMatch(
      /^\| `cpu-hash\/sequential\/t1` \| \+1\d\.\d % slower \| .+ → .+ \| #9 run-09\.json \| `0808080` \| [\d.e-]+ \|$/m,
    );
    expect(markdown).toContain('No series ends on a slowdown beyond 5.0 %.');
  });

  it('draws a sparkline scaled to the series itself', () => {
    expect(sparkline([1, 2, 3, 4, 5, 6, 7, 8])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([5, 5, 5])).toBe('▄▄▄');
    expect(sparkline(Array.from({ length: 30 }, (_, index) => index))).toMatch(/^….{24}$/u);
  });
});
