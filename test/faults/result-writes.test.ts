import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { DIST_ROOT } from '../../src/paths.js';
import { resultFileSchema } from '../../src/results/schema.js';
import { runCli, scratchDir } from '../helpers/cli.js';
import { expectOneCleanLine, fixture } from './fault-run.js';

/**
 * A directory no one can write to. chmod is enough for an ordinary user; root ignores permission bits, so as
 * root the directory is also made immutable (chattr +i), which stops root too. Undefined when neither works
 * on this machine (then the test says so and is skipped).
 */
function unwritableDirectory(): string | undefined {
  const dir = scratchDir('corescope-readonly-');
  chmodSync(dir, 0o555);
  if (process.getuid?.() === 0) spawnSync('chattr', ['+i', dir]);
  try {
    writeFileSync(join(dir, 'probe'), '');
    return undefined;
  } catch {
    return dir;
  }
}

const lockedDir = unwritableDirectory();
afterAll(() => {
  if (lockedDir !== undefined && process.getuid?.() === 0) spawnSync('chattr', ['-i', lockedDir]);
});

describe('where results cannot be written', () => {
  it.runIf(lockedDir !== undefined)(
    'an unwritable results directory: exit 2 before any work, one line naming --out',
    async () => {
      const out = join(lockedDir ?? '', 'result.json');
      const cli = await runCli(['run', '-w', fixture('ok'), '--out', out], { timeoutMs: 30_000 });
      expect(cli.code).toBe(EXIT.usage);
      expectOneCleanLine(cli.stderr);
      expect(cli.stderr).toMatch(/--out: cannot write .*result\.json \((EACCES|EPERM|EROFS)\)/);
      expect(readdirSync(lockedDir ?? '')).toEqual([]);
    },
  );

  it('a results "directory" that is a file: exit 2 before any work', async () => {
    const file = join(scratchDir(), 'not-a-directory');
    writeFileSync(file, 'plain file');
    const cli = await runCli(['run', '-w', fixture('ok'), '--out', join(file, 'result.json')], { timeoutMs: 30_000 });
    expect(cli.code).toBe(EXIT.usage);
    expectOneCleanLine(cli.stderr);
    expect(cli.stderr).toMatch(/--out: cannot write .* \((ENOTDIR|EEXIST)\)/);
  });

  it('a write that fails mid-run (file size limit): one clear line, exit 2, the last complete file left in place', async () => {
    const dir = scratchDir();
    const out = join(dir, 'result.json');
    const workload = [
      '-w',
      fixture('slow'),
      '-s',
      'sequential,concurrent',
      '--size',
      '5',
      '--tasks',
      '2',
      '--warmup',
      '0',
      '--no-chart',
      '--out',
      out,
    ];
    // How big the file is after one round, on this machine and with this schema: the limit sits 1 KiB above it,
    // so the first writes fit and a later, longer one cannot.
    const first = await runCli(['run', ...workload, '--rounds', '1'], { timeoutMs: 60_000 });
    expect(first.code, first.stderr).toBe(EXIT.ok);
    const limitBlocks = Math.ceil(statSync(out).size / 1024) + 1;

    // RLIMIT_FSIZE makes the kernel refuse the write (EFBIG) as a full disk would (ENOSPC).
    const cli = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        'bash',
        [
          '-c',
          `ulimit -f ${limitBlocks} && exec "$0" "$@"`,
          process.execPath,
          join(DIST_ROOT, 'src', 'cli.js'),
          'run',
          ...workload,
          '--rounds',
          '100',
        ],
        {
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    expect(cli.code).toBe(EXIT.usage);
    expectOneCleanLine(cli.stderr);
    expect(cli.stderr).toMatch(
      /cannot write results to .*result\.json \(EFBIG.*\); the file there is the last complete write/,
    );

    // The file on disk is a whole, valid result: the last write that fit, not half of the next.
    const kept = resultFileSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(kept.run.finishedAt).toBeNull();
    expect(kept.benchmarks.some((benchmark) => benchmark.samplesMs.length > 1)).toBe(true);
    expect(statSync(out).size).toBeLessThanOrEqual(limitBlocks * 1024);
    // No temporary file left behind.
    expect(readdirSync(dir)).toEqual(['result.json']);
    expect(existsSync(out)).toBe(true);
  });
});
