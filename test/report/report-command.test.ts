import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.js';
import { REAL_RESULT_PATH, secondMachineResult, writeResult } from './fixtures.js';

const oneLine = (text: string): void => {
  expect(text.trim().split('\n')).toHaveLength(1);
  expect(text).not.toMatch(/\n\s+at /);
};

describe('corescope report', () => {
  it('writes each format, chosen by --format or by the extension of --out', async () => {
    const directory = scratchDir();
    const second = writeResult(directory, 'big-box.json', secondMachineResult());
    const html = await runCli(['report', REAL_RESULT_PATH, second, '--out', join(directory, 'report.html')]);
    expect(html.code).toBe(0);
    expect(readFileSync(join(directory, 'report.html'), 'utf8')).toMatch(/^<!doctype html>/);
    const csv = await runCli(['report', REAL_RESULT_PATH, '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toContain('median (ms)');
    const markdown = await runCli(['report', REAL_RESULT_PATH]);
    expect(markdown.stdout).toMatch(/^# corescope results/);
    const json = await runCli(['report', REAL_RESULT_PATH, second, '-f', 'json']);
    const parsed = JSON.parse(json.stdout) as unknown[];
    expect(parsed).toHaveLength(2);
  });

  it('refuses a missing or invalid result file with exit 2 and one line naming it', async () => {
    const directory = scratchDir();
    const missing = join(directory, 'nope.json');
    const result = await runCli(['report', REAL_RESULT_PATH, missing, '--format', 'html']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(missing);
    oneLine(result.stderr);
    expect(result.stdout).toBe('');

    const broken = join(directory, 'broken.json');
    writeFileSync(broken, readFileSync(REAL_RESULT_PATH, 'utf8').replace('"median":', '"median": "fast", "x":'));
    const invalid = await runCli(['report', broken]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain(broken);
    expect(invalid.stderr).toContain('median');
    oneLine(invalid.stderr);
  });

  it('refuses an --out it cannot write with exit 2 before reading any input', async () => {
    const directory = scratchDir();
    const blocker = join(directory, 'a-file');
    writeFileSync(blocker, 'not a directory');
    // The input is missing too: the --out error coming first shows no input was read.
    const result = await runCli(['report', join(directory, 'missing.json'), '--out', join(blocker, 'report.html')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^corescope: --out: cannot write/);
    oneLine(result.stderr);
  });

  it('refuses an unknown --format with exit 2', async () => {
    const result = await runCli(['report', REAL_RESULT_PATH, '--format', 'pdf']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--format');
    oneLine(result.stderr);
  });
});
