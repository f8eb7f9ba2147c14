import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownExporter } from '../../src/report/markdown.js';
import { toReportInputs } from '../../src/report/report-input.js';
import { SUMMARY_COLUMNS } from '../../src/report/results-table.js';
import { hostileResult, realResult, secondMachineResult } from './fixtures.js';

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

  it('lets no hostile string open a tag or split a row', () => {
    const text = markdownExporter.render(toReportInputs([{ path: 'h.json', result: hostileResult() }]));
    expect(text).not.toMatch(/(?<!\\)</);
    for (const line of text.split('\n').filter((candidate) => candidate.startsWith('| '))) expect(cells(line)).toHaveLength(SUMMARY_COLUMNS.length);
    expect(text).toContain('task failed \\<script\\>alert("pwned")\\</script\\>');
  });
});
