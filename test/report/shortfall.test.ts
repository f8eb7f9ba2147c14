import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { readResultFile } from '../../src/results/load.js';
import { toReportInputs } from '../../src/report/data/report-input.js';
import { escapeMarkdown, markdownExporter } from '../../src/report/export/markdown.js';
import { escapeHtml } from '../../src/report/html/escape.js';
import { renderReport } from '../../src/report/html/report.js';
import { shortfallRemedy, shortfallSentences } from '../../src/report/text/shortfall.js';
import { okCell } from '../helpers/synthetic-cell.js';
import { realResult } from './fixtures.js';

/** A cell that reached ±`reachedPct` against ±3 %. */
function short(reachedPct: number) {
  const cell = okCell({ strategy: 'parallel', threads: 2, medianMs: 50 });
  return { ...cell, precision: { targetPct: 3, reachedPct, met: false } };
}

describe('what would narrow the imprecise cells', () => {
  it("names the median cell's samples factor and the --max-time that buys it", () => {
    // Factors (6/3)² = 4, (9/3)² = 9 and (30/3)² = 100: the median is 9, so 12 s becomes 108 s.
    const text = shortfallRemedy([short(6), short(30), short(9)], { rounds: null, maxTimeMs: 12_000 });
    expect(text).toContain('about 9× its samples (--max-time 108s)');
  });

  it('says --rounds when the run fixed them, and no flag when the file does not say its budget', () => {
    expect(shortfallRemedy([short(6)], { rounds: 10 })).toContain('about 4× its samples (--rounds 40)');
    expect(shortfallRemedy([short(6)], { rounds: null })).toMatch(/about 4× its samples; /);
  });
});

describe('what every report says under the tables of a run short of --precision', () => {
  it('counts the short cells and says what would narrow them; nothing when every cell is precise', () => {
    const result = realResult();
    const [count, ...rest] = shortfallSentences(result);
    expect(count).toMatch(/^20 of 20 cells short of ±3 % \(--precision\): at the spread they showed/);
    expect(rest).toEqual([]);
    const precise = structuredClone(result);
    precise.benchmarks = precise.benchmarks.map((cell) =>
      cell.status === 'ok' ? { ...cell, precision: { ...cell.precision, met: true } } : cell,
    );
    expect(shortfallSentences(precise)).toEqual([]);
  });

  it('adds the process that moved every cell of a workload alike, as the plain reference computes it', () => {
    // A default run kept in results/reference/; benchmarks/reference/precision-bound.mjs, plain arithmetic on the
    // same file, reads process 2 of cpu-hash and of cpu-hash-async 4.4 % slower in every one of their 5 cells.
    const result = readResultFile(join(PACKAGE_ROOT, 'results', 'reference', 'dev-2core-precision-quiet.json'));
    const sentences = shortfallSentences(result);
    expect(sentences).toHaveLength(2);
    expect(sentences[1]).toContain(
      "cpu-hash's process 2 of 3 ran 4.4 % slower in all 5 cells, cpu-hash-async's process 2 of 3 ran 4.4 % slower",
    );
  });

  it('is what the Markdown and HTML reports print, as the terminal does', () => {
    const inputs = toReportInputs([{ path: 'a.json', result: realResult() }]);
    const [count] = shortfallSentences(realResult());
    expect(markdownExporter.render(inputs)).toContain(`Precision:\n\n- ${escapeMarkdown(count ?? '')}`);
    expect(renderReport(inputs)).toContain(`<p>${escapeHtml(count ?? '')}</p>`);
  });
});
