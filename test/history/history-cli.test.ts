import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.js';
import { historyResults, okIds, writeHistory } from './history-fixture.js';

const PLAN = {
  count: 12,
  stepAt: 8,
  ratio: 1.15,
  stepped: (id: string) => id === 'cpu-hash/sequential/t1',
  cv: 0.01,
  seed: 5,
};

function historyDirectory(plan = PLAN): string {
  const directory = join(scratchDir(), 'runs');
  mkdirSync(directory);
  writeHistory(directory, historyResults(plan));
  return directory;
}

describe('corescope history (CLI)', () => {
  it('reads a directory, prints the trend and exits 0 without --fail-on-regression', async () => {
    const result = await runCli(['history', historyDirectory()]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^corescope history · 12 result files · 1 machine · 20 series$/m);
    expect(result.stdout).toMatch(/^ {2}cpu-hash\/sequential\/t1: \+1\d\.\d % slower/m);
    expect(result.stdout).toMatch(/^regression: cpu-hash\/sequential\/t1: \+1\d\.\d % slower from #9 run-09\.json$/m);
    expect(result.stderr).toBe('');
  });

  it('--fail-on-regression exits 3 naming the slowdown; a higher --threshold lets it pass', async () => {
    const directory = historyDirectory();
    const failing = await runCli(['history', directory, '--fail-on-regression']);
    expect(failing.code).toBe(3);
    expect(failing.stderr).toMatch(
      /^corescope: regression: cpu-hash\/sequential\/t1: \+1\d\.\d % slower from #9 run-09\.json\n$/,
    );
    const passing = await runCli(['history', directory, '--fail-on-regression', '--threshold', '25%']);
    expect(passing.code, passing.stderr).toBe(0);
    // A step down is an improvement, never a regression.
    const faster = await runCli(['history', historyDirectory({ ...PLAN, ratio: 0.85 }), '--fail-on-regression']);
    expect(faster.code, faster.stderr).toBe(0);
    expect(faster.stdout).toMatch(/cpu-hash\/sequential\/t1: −1\d\.\d % faster/);
  });

  it('writes Markdown, HTML and JSON with --out', async () => {
    const directory = historyDirectory();
    const out = scratchDir();
    for (const format of ['markdown', 'html', 'json']) {
      const path = join(out, `history.${format}`);
      const result = await runCli(['history', directory, '--format', format, '--out', path]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe(`history (${format}): ${path}\n`);
    }
    expect(readFileSync(join(out, 'history.markdown'), 'utf8')).toMatch(/^## corescope history/);
    const html = readFileSync(join(out, 'history.html'), 'utf8');
    expect(html).toContain('Content-Security-Policy');
    expect(html.match(/data-chart="trend"/g)).toHaveLength(20);
    expect(html.match(/class="change-point point"/g)).toHaveLength(1);
    const json = JSON.parse(readFileSync(join(out, 'history.json'), 'utf8')) as {
      series: Array<{ id: string; points: unknown[]; changes: Array<{ index: number }> }>;
      regressions: Array<{ id: string }>;
    };
    const first = historyResults(PLAN)[0];
    const ids = first === undefined ? [] : okIds(first);
    expect(json.series.map((series) => series.id)).toEqual(ids);
    expect(
      json.series.find((series) => series.id === 'cpu-hash/sequential/t1')?.changes.map((change) => change.index),
    ).toEqual([8]);
    expect(json.regressions.map((regression) => regression.id)).toEqual(['cpu-hash/sequential/t1']);
  });

  it.each([
    [
      'a missing file',
      (d: string) => [join(d, 'nope.json'), join(d, 'runs')],
      /^corescope: .*nope\.json: cannot read \(ENOENT\)$/,
    ],
    [
      'a directory with no result files',
      (d: string) => [join(d, 'empty')],
      /^corescope: .*empty: no result files \(\*\.json\) in this directory$/,
    ],
    [
      'a file that is not a result file',
      (d: string) => [join(d, 'runs'), join(d, 'bmf.json')],
      /^corescope: .*bmf\.json: \$\.schemaVersion: missing is not supported/,
    ],
    [
      'a single file',
      (d: string) => [join(d, 'runs', 'run-01.json')],
      /^corescope: history: give at least two result files or a directory of them \(got 1\)$/,
    ],
    [
      'a bad --threshold',
      (d: string) => [join(d, 'runs'), '--threshold', 'lots'],
      /^corescope: --threshold: "lots" is not a percentage/,
    ],
    [
      'a bad --p-value',
      (d: string) => [join(d, 'runs'), '--p-value', '2'],
      /^corescope: --p-value: "2" is not a p-value between 0 and 0\.5/,
    ],
    [
      'a bad --window',
      (d: string) => [join(d, 'runs'), '--window', '1'],
      /^corescope: --window: 1 is out of range \(3\.\.10000\)$/,
    ],
    [
      'a bad --format',
      (d: string) => [join(d, 'runs'), '--format', 'pdf'],
      /^corescope: --format: unknown value "pdf"/,
    ],
  ])('exits 2 with one line for %s', async (_name, args, message) => {
    const root = scratchDir();
    mkdirSync(join(root, 'runs'));
    writeHistory(join(root, 'runs'), historyResults({ ...PLAN, count: 3 }));
    mkdirSync(join(root, 'empty'));
    writeFileSync(join(root, 'bmf.json'), '{"a": {"latency": {"value": 1}}}');
    const result = await runCli(['history', ...args(root)]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
  });
});
