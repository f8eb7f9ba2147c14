import { describe, expect, it } from 'vitest';
import { csvExporter, csvField } from '../../src/report/export/csv.js';
import { toReportInputs } from '../../src/report/data/report-input.js';
import { FULL_COLUMNS } from '../../src/report/columns/results-columns.js';
import { STUDY_CSV_HEADER } from '../../src/report/terminal/study-tables.js';
import { grainStudy, HOSTILE, hostileResult, overheadStudy, rawUvResult, realResult } from './fixtures.js';

/** A strict RFC 4180 reader, written independently of the exporter, to read back what it wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let index = 0;
  let quoted = false;
  while (index < text.length) {
    const character = text[index] ?? '';
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (character === '"') quoted = false;
      else field += character;
      index += 1;
      continue;
    }
    if (character === '"' && field === '') quoted = true;
    else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\r' && text[index + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      index += 1;
    } else if (character === '"' || character === '\n' || character === '\r')
      throw new Error(`bare ${JSON.stringify(character)} at ${index}`);
    else field += character;
    index += 1;
  }
  if (field !== '' || row.length > 0) throw new Error('last record lacks its CRLF');
  return rows;
}

describe('csv export', () => {
  it('quotes commas, quotes and line breaks, and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula, but never touches numbers', () => {
    expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('-fast')).toBe("'-fast");
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(0.1 + 0.2)).toBe('0.3');
  });

  it('has one header with units and one record per benchmark, every record as wide as the header', () => {
    const result = realResult();
    const rows = parseCsv(csvExporter.render(toReportInputs([{ path: 'real.json', result }])));
    const [header, ...records] = rows;
    expect(header).toEqual(FULL_COLUMNS.map((column) => column.header));
    for (const unit of ['median (ms)', 'speedup (×)', 'efficiency (%)', 'event loop busy (%)', 'pool start-up (ms)'])
      expect(header).toContain(unit);
    expect(records).toHaveLength(result.benchmarks.length);
    for (const record of records) expect(record).toHaveLength(FULL_COLUMNS.length);
    // The figures survive the trip exactly enough to recompute from.
    const median = header?.indexOf('median (ms)') ?? -1;
    const first = result.benchmarks[0];
    expect(first?.status).toBe('ok');
    if (first?.status === 'ok') expect(Number(records[0]?.[median])).toBeCloseTo(first.stats.median, 9);
  });

  it('has a record per measured study figure, and the sweep and raw columns for a run', () => {
    const overhead = overheadStudy();
    const grain = grainStudy();
    const rows = parseCsv(
      csvExporter.render(
        toReportInputs([
          { path: 'o.json', result: overhead },
          { path: 'g.json', result: grain },
        ]),
      ),
    );
    const [header, ...records] = rows;
    expect(header).toEqual([...STUDY_CSV_HEADER]);
    const o = overhead.overheads;
    const g = grain.grain;
    const expected =
      (o?.startup.length ?? 0) +
      (o?.roundTrip.length ?? 0) +
      (o?.dispatch.length ?? 0) +
      (o?.payload.length ?? 0) +
      (g?.points.length ?? 0) +
      (g?.thresholds.length ?? 0);
    expect(expected).toBeGreaterThan(10);
    expect(records).toHaveLength(expected);
    for (const record of records) expect(record).toHaveLength(STUDY_CSV_HEADER.length);
    const median = header?.indexOf('median (µs)') ?? -1;
    const clone16 = records.find((record) => record[2] === 'payload clone' && record[7] === String(16 * 1024 * 1024));
    const figure = o?.payload.find((candidate) => candidate.mode === 'clone' && candidate.bytes === 16 * 1024 * 1024);
    expect(Number(clone16?.[median])).toBeCloseTo(figure?.medianUs ?? NaN, 6);

    const sweep = rawUvResult();
    const [runHeader, ...runRecords] = parseCsv(
      csvExporter.render(toReportInputs([{ path: 'uv.json', result: sweep }])),
    );
    const uv = runHeader?.indexOf('libuv thread pool (threads)') ?? -1;
    const vsRaw = runHeader?.indexOf('vs raw floor (%)') ?? -1;
    expect(new Set(runRecords.map((record) => record[uv]))).toEqual(
      new Set(sweep.config.uvThreadpoolSizes?.map(String)),
    );
    const parallel = sweep.benchmarks.filter(
      (benchmark) => benchmark.status === 'ok' && benchmark.derived?.relativeToRaw !== undefined,
    );
    expect(runRecords.filter((record) => record[vsRaw] !== '')).toHaveLength(parallel.length);
  });

  it('carries hostile strings through intact (bar the formula guard) without breaking the table', () => {
    const result = hostileResult();
    const rows = parseCsv(csvExporter.render(toReportInputs([{ path: 'hostile.json', result }])));
    expect(rows).toHaveLength(result.benchmarks.length + 1);
    for (const record of rows) expect(record).toHaveLength(FULL_COLUMNS.length);
    const notes = rows.map((record) => record.at(-1) ?? '');
    expect(notes.some((note) => note.includes(`task failed ${HOSTILE}`))).toBe(true);
    expect(rows[1]?.[0]).toBe(result.run.label);
  });
});
