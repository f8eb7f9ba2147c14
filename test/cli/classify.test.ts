import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Classification } from '../../src/classify/classify.js';
import { runCli, scratchDir } from '../helpers/cli.js';

type ClassifyJson = Classification & { recommendation: { text: string }; usableCores: number };

async function classify(args: string[]): Promise<ClassifyJson> {
  const result = await runCli(['classify', ...args, '--json']);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as ClassifyJson;
}

describe('corescope classify', () => {
  it('puts the built-in CPU workload in the CPU class and recommends only what its evidence shows', async () => {
    const classification = await classify(['cpu-compute', '--size', '40000', '--tasks', '4', '--rounds', '2']);
    expect(classification.class).toBe('cpu');
    expect(classification.evidence.eventLoopUtilization).toBeGreaterThan(0.75);
    expect(classification.evidence.parallelSpeedup.map((point) => point.threads)).toContain(2);
    expect(classification.evidence.hybridSpeedup).toBeNull(); // no wait/compute split
    // A short run on a shared machine may or may not decide; whatever it says must follow from the words it measured.
    const words = classification.evidence.parallelSpeedup.map((point) => point.word);
    const expected = words.includes('gain') ? 'parallel' : words.includes('inconclusive') ? 'undecided' : 'sequential';
    expect(classification.recommendation.strategy).toBe(expected);
    if (expected === 'parallel') expect(classification.recommendation.threads).toBeGreaterThanOrEqual(1);
  });

  it('puts the built-in I/O workload in the I/O class and recommends concurrency', async () => {
    const classification = await classify(['io-timer', '--size', '20', '--tasks', '8', '--rounds', '2']);
    expect(classification.class).toBe('io');
    expect(classification.recommendation.strategy).toBe('concurrent');
    expect(classification.evidence.concurrentSpeedup?.speedup).toBeGreaterThan(2);
    expect(classification.evidence.concurrentSpeedup?.word).toBe('gain');
    expect(classification.reasons.join('\n')).toMatch(/pool only adds overhead/);
  });

  it('prints the recommendation with its evidence for people', async () => {
    const result = await runCli(['classify', 'io-timer', '--size', '10', '--tasks', '4', '--rounds', '1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^io-timer: 4 tasks per sample/);
    expect(result.stdout).toMatch(/I\/O-bound → use concurrency/);
    expect(result.stdout).toMatch(/evidence:\n {2}- /);
  });
});

describe('bad workload files (classify and run --workload): exit 2, one line naming the file', () => {
  const dir = scratchDir('corescope-badwl-');
  const noExport = join(dir, 'no-export.mjs');
  const noTask = join(dir, 'no-task.mjs');
  const badKind = join(dir, 'bad-kind.mjs');
  const syntax = join(dir, 'syntax.mjs');
  writeFileSync(noExport, 'export const nothing = 1;\n');
  writeFileSync(noTask, "export default { id: 'no-task', kind: 'cpu', description: 'x', defaultSize: 1 };\n");
  writeFileSync(
    badKind,
    "export default { id: 'bad-kind', kind: 'gpu', description: 'x', defaultSize: 1, task: () => 1 };\n",
  );
  writeFileSync(syntax, 'export default {{\n');

  it.each([
    [join(dir, 'missing.mjs'), /workload file .*missing\.mjs does not exist/],
    [noExport, /no-export\.mjs: exports no workload/],
    [noTask, /no-task\.mjs: invalid workload: "task" must be a function/],
    [badKind, /bad-kind\.mjs: invalid workload: "kind" must be one of io, cpu, mixed \(got "gpu"\)/],
    [syntax, /syntax\.mjs: cannot load workload module/],
  ])('%s', async (file, message) => {
    for (const args of [
      ['classify', file],
      ['run', '--workload', file, '--rounds', '1', '--json'],
    ]) {
      const result = await runCli(args);
      expect(result.code, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
