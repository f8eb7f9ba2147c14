import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownExporter } from '../../src/report/export/markdown.js';
import { toReportInputs } from '../../src/report/data/report-input.js';
import { SUMMARY_COLUMNS } from '../../src/report/columns/results-columns.js';
import {
  fittedResult,
  grainStudy,
  hostileResult,
  overheadStudy,
  rawUvResult,
  realResult,
  secondMachineResult,
} from './fixtures.js';

/** Cells of a Markdown table row, splitting on pipes that are not backslash-escaped. */
function cells(line: string): string[] {
  return line.slice(2, -2).split(/(?<!\\) \| /);
}

describe('markdown export', () => {
  it('escapes what Markdown and inline HTML act on, and keeps values on one line', () => {
    expect(escapeMarkdown('a|b')).toBe('a\\|b');
    expect(escapeMarkdown('<b>x</b>')).toBe('\\<b\\>x\\</b\\>');
    expect(escapeMarkdown('*bold* _it_ [link](u)')).toBe('\\*bold\\* \\_it\\_ \\[link\\](u)');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('1. item')).toBe('1\\. item');
    expect(escapeMarkdown('two\nlines')).toBe('two lines');
    expect(escapeMarkdown('cpu-compute 1.5')).toBe('cpu-compute 1.5');
  });

  it('writes one table per machine and workload, headers with units, every row as wide as its header', () => {
    const inputs = toReportInputs([
      { path: 'a.json', result: realResult() },
      { path: 'b.json', result: secondMachineResult() },
    ]);
    const text = markdownExporter.render(inputs);
    const lines = text.split('\n');
    const headers = lines.filter((line) => line.startsWith('| strategy |'));
    const workloads = new Set(realResult().benchmarks.map((benchmark) => benchmark.workload.id));
    expect(headers).toHaveLength(2 * workloads.size);
    expect(headers[0]).toContain('median (ms)');
    expect(headers[0]).toContain('speedup (×)');
    expect(headers[0]).toContain('efficiency (%)');
    const tableLines = lines.filter((line) => line.startsWith('| '));
    for (const line of tableLines) expect(cells(line)).toHaveLength(SUMMARY_COLUMNS.length);
    expect(tableLines.length).toBe(headers.length * 2 + 2 * realResult().benchmarks.length);
    expect(text).toContain('## big-box');
  });

  it('writes a table per libuv pool size with the raw floor and batching, and the tables of study files', () => {
    const sweep = rawUvResult();
    const text = markdownExporter.render(toReportInputs([{ path: 'uv.json', result: sweep }]));
    for (const size of sweep.config.uvThreadpoolSizes ?? [])
      expect(text).toContain(`### cpu-compute \\[libuv pool ${size}\\]`);
    const headers = text.split('\n').filter((line) => line.startsWith('| strategy |'));
    expect(headers).toHaveLength(sweep.config.uvThreadpoolSizes?.length ?? 0);
    for (const header of headers) expect(header).toMatch(/vs raw floor \(%\) \| tasks per message \| note \|$/);
    expect(markdownExporter.render(toReportInputs([{ path: 'r.json', result: realResult() }]))).not.toContain(
      'vs raw floor',
    );

    const overhead = overheadStudy();
    const grain = grainStudy();
    const studies = markdownExporter.render(
      toReportInputs([
        { path: 'o.json', result: overhead },
        { path: 'g.json', result: grain },
      ]),
    );
    expect(studies).toContain('### Pool start-up per pool size');
    expect(studies).toContain('### Thresholds');
    // Every study table row is as wide as its header, and there is one row per measured size, variant and grain.
    const tables = studies
      .split(/\n### /)
      .slice(1)
      .map((block) => block.split('\n').filter((line) => line.startsWith('| ')));
    for (const table of tables)
      for (const line of table) expect(cells(line)).toHaveLength(cells(table[0] ?? '').length);
    const rowCount = (title: string): number =>
      (tables.find((table, index) => studies.split(/\n### /)[index + 1]?.startsWith(title)) ?? []).length - 2;
    expect(rowCount('Payload')).toBe(new Set(overhead.overheads?.payload.map((figure) => figure.bytes)).size);
    expect(rowCount('Grain sweep')).toBe(grain.grain?.grainsMs.length);
    expect(rowCount('Thresholds')).toBe(grain.grain?.thresholds.length);
  });

  it('lists the scaling fits, or why there are none', () => {
    const fitted = markdownExporter.render(toReportInputs([{ path: 'f.json', result: fittedResult() }]));
    expect(fitted).toContain('### Scaling fits');
    expect(fitted).toMatch(/- Amdahl: serial fraction \d+ %/);
    const twoCore = markdownExporter.render(toReportInputs([{ path: 'uv.json', result: rawUvResult() }]));
    expect(twoCore).toMatch(/### Scaling fits: none \(Amdahl needs 3 thread counts/);
    expect(twoCore.match(/Scaling fits/g)).toHaveLength(1);
    const study = markdownExporter.render(toReportInputs([{ path: 'o.json', result: overheadStudy() }]));
    expect(study).not.toContain('Scaling fits');
  });

  it('lets no hostile string open a tag or split a row', () => {
    const text = markdownExporter.render(toReportInputs([{ path: 'h.json', result: hostileResult() }]));
    expect(text).not.toMatch(/(?<!\\)</);
    for (const line of text.split('\n').filter((candidate) => candidate.startsWith('| ')))
      expect(cells(line)).toHaveLength(SUMMARY_COLUMNS.length);
    expect(text).toContain('task failed \\<script\\>alert("pwned")\\</script\\>');
  });
});
