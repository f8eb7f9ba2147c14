import { describe, expect, it } from 'vitest';
import { htmlExporter } from '../../src/report/export/html.js';
import { escapeHtml } from '../../src/report/html/escape.js';
import { toReportInputs } from '../../src/report/data/report-input.js';
import type { ResultFile } from '../../src/results/schema.js';
import { expectedCharts } from './expected-charts.js';
import {
  fittedResult,
  grainStudy,
  HOSTILE,
  HOSTILE_WORKLOAD,
  hostileResult,
  overheadStudy,
  rawUvResult,
  realResult,
  secondMachineResult,
} from './fixtures.js';

const render = (...results: ResultFile[]): string =>
  htmlExporter.render(toReportInputs(results.map((result, index) => ({ path: `r${index}.json`, result }))));

/** Charts as the markup has them: kind and the points in each series, by counting elements in the text. */
function chartsIn(html: string): Array<{ kind: string; pointsPerSeries: number[] }> {
  return [...html.matchAll(/<figure class="chart" data-chart="([^"]+)"[^>]*>([\s\S]*?)<\/figure>/g)].map((match) => {
    const series = (match[2] ?? '').split('<g class="series"').slice(1);
    return {
      kind: match[1] ?? '',
      pointsPerSeries: series.map((part) => part.split('<g class="point').length - 1).sort((a, b) => a - b),
    };
  });
}

describe('html export', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&#60;a href=&#34;x&#34;&#62;&#39;&#38;&#39;&#60;/a&#62;');
  });

  it('draws every chart with one series per strategy and machine and one point per measured cell', () => {
    expect(chartsIn(render(realResult()))).toEqual(expectedCharts([realResult()]));
    const two = [realResult(), secondMachineResult()];
    expect(chartsIn(render(...two))).toEqual(expectedCharts(two));
  });

  it('draws a chart group per libuv pool size, the raw line, the fit line and the study charts', () => {
    for (const files of [
      [rawUvResult()],
      [fittedResult()],
      [overheadStudy(), grainStudy()],
      [rawUvResult(), fittedResult(), overheadStudy()],
    ]) {
      expect(chartsIn(render(...files))).toEqual(expectedCharts(files));
    }
    const sweep = render(rawUvResult());
    for (const size of rawUvResult().config.uvThreadpoolSizes ?? [])
      expect(sweep).toContain(escapeHtml(`cpu-compute [libuv pool ${size}]`));
    // Raw floor and batching reach the table and the tooltips.
    expect(sweep).toContain('vs raw floor (%)');
    expect(sweep).toContain('tasks per message');
    expect(sweep).toMatch(/of the raw floor, 1 task per message \(auto\)/);
    expect(render(realResult())).not.toContain('vs raw floor');
    // A study file's header names the study, not "0 workloads".
    const study = render(overheadStudy(), grainStudy());
    expect(study).toContain(escapeHtml('overhead study · grain study'));
    expect(study).not.toContain('0 workloads');
  });

  it('states the fitted figures, or why there is no fit, beside the speedup chart', () => {
    const fitted = fittedResult();
    const html = render(fitted);
    const entry = fitted.scaling?.[0];
    expect(entry?.amdahl.status).toBe('ok');
    // The USL needs 6 thread counts; the 3-core re-read has 3: its reason must be shown instead of a figure.
    expect(entry?.usl.status).toBe('insufficient');
    if (entry?.amdahl.status === 'ok')
      expect(html).toContain(`serial fraction ${(entry.amdahl.serialFraction * 100).toFixed(0)} %`);
    if (entry?.usl.status === 'insufficient') expect(html).toContain(escapeHtml(`No fit: ${entry.usl.reason}`));
    expect(html).toContain('parallel · Amdahl fit');
    // A 2-core run has no fit at all: its reasons are shown, and no fit line is drawn.
    const real = render(rawUvResult());
    expect(real).toContain('No fit: Amdahl needs 3 thread counts');
    expect(real).not.toContain('data-role="fit"');
  });

  it('is self-contained: no external resource, and a policy that allows only its own inline style and script', () => {
    const html = render(realResult(), secondMachineResult());
    expect(html).not.toMatch(/\s(src|href)="(?!#)/);
    expect(html).not.toMatch(/url\((?!#)/);
    expect(html).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/,
    );
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('gives axes units and every point its exact figures', () => {
    const html = render(realResult());
    for (const title of [
      'speedup (× sequential)',
      'efficiency (% of ideal)',
      'threads (pool size)',
      'median wall time of one sample (ms)',
      'CPU time per sample, user + system (ms)',
    ]) {
      expect(html).toContain(escapeHtml(title));
    }
    const first = realResult().benchmarks.find(
      (benchmark) => benchmark.status === 'ok' && benchmark.strategy === 'parallel' && benchmark.threads === 2,
    );
    expect(first?.status).toBe('ok');
    expect(first?.status === 'ok' ? first.derived : null).not.toBeNull();
    if (first?.status === 'ok' && first.derived !== null)
      expect(html).toContain(`speedup ${first.derived.speedup.toFixed(2)}×`);
  });

  it('never lets a string from the file become markup, and shows every warning and failure', () => {
    const html = render(hostileResult());
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).not.toContain(HOSTILE_WORKLOAD);
    expect(html).toContain(escapeHtml(HOSTILE_WORKLOAD));
    expect(html).toContain(escapeHtml(`run warning ${HOSTILE}`));
    expect(html).toContain(escapeHtml(`task failed ${HOSTILE}`));
    // One script element: the report's own.
    expect(html.match(/<script/g)).toHaveLength(1);
    const cellWarnings = hostileResult().benchmarks.flatMap((benchmark) => benchmark.warnings);
    for (const warning of cellWarnings) expect(html).toContain(escapeHtml(warning));
  });

  it('says how many rounds and how much warm-up a run had, in words the run used', () => {
    const fact = (html: string, name: string): string | undefined =>
      new RegExp(`<th class="text">${name}</th><td class="text">([^<]*)</td>`).exec(html)?.[1];
    const adaptive = realResult();
    adaptive.config = { ...adaptive.config, rounds: null, warmupRounds: 1, warmupMaxMs: 3000 };
    expect(fact(render(adaptive), 'rounds per process')).toBe('until precise or out of time');
    expect(fact(render(adaptive), 'warm-up per cell and process')).toBe('until steady, at most 3.00 s');
    const fixed = { ...adaptive, config: { ...adaptive.config, rounds: 4, warmupRounds: 0 } };
    expect(fact(render(fixed), 'rounds per process')).toBe('4');
    expect(fact(render(fixed), 'warm-up per cell and process')).toBe('none');
    // A file from before warm-up to steady state: no cap, a fixed count of warm-up rounds.
    const { warmupMaxMs: _cap, ...older } = adaptive.config;
    expect(fact(render({ ...adaptive, config: { ...older, warmupRounds: 2 } }), 'warm-up per cell and process')).toBe(
      '2 rounds',
    );
  });
});
