import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST_ROOT } from '../../src/paths.js';
import { scratchDir } from '../helpers/cli.js';
import { childPids, isAlive, until } from '../helpers/processes.js';

describe('a supervisor killed outright (SIGKILL, no chance to clean up)', () => {
  it('takes its measuring process with it, and that process still removes its fixtures', async () => {
    const out = join(scratchDir(), 'result.json');
    // A run far longer than the test: only the kill can end it.
    const cli = spawn(
      process.execPath,
      [
        join(DIST_ROOT, 'src', 'cli.js'),
        'run',
        '-w',
        'io-fs',
        '-s',
        'sequential',
        '--rounds',
        '10000',
        '--no-chart',
        '--out',
        out,
      ],
      {
        stdio: 'ignore',
      },
    );
    const cliPid = cli.pid ?? -1;
    // The first round is written once the child has set up its fixture directory and measured.
    await until(
      () => existsSync(out) && readFileSync(out, 'utf8').includes('"samplesMs": [\n'),
      20_000,
      'a first sample on disk',
    );
    const measuring = childPids(cliPid);
    expect(measuring.length).toBeGreaterThan(0);
    const fixtureDirs = (): string[] =>
      execFileSync('sh', ['-c', `ls -d /tmp/corescope-io-fs-* 2>/dev/null || true`], { encoding: 'utf8' })
        .split('\n')
        .filter(Boolean);
    const before = fixtureDirs();
    expect(before.length).toBeGreaterThan(0);

    cli.kill('SIGKILL');
    await until(() => measuring.every((pid) => !isAlive(pid)), 5_000, 'the orphaned measuring process gone');
    // Its own fixture directory went with it (others may belong to runs elsewhere on the machine).
    expect(fixtureDirs().filter((dir) => before.includes(dir)).length).toBeLessThan(before.length);
  });
});
