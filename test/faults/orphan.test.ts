import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { DIST_ROOT } from '../../src/paths.js';
import { scratchDir } from '../helpers/cli.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await sleep(50);
  }
  return condition();
}

describe('a supervisor killed outright (SIGKILL, no chance to clean up)', () => {
  it('takes its measuring process with it, and that process still removes its fixtures', async () => {
    const out = join(scratchDir(), 'result.json');
    // A run far longer than the test: only the kill can end it.
    const cli = spawn(process.execPath, [join(DIST_ROOT, 'src', 'cli.js'), 'run', '-w', 'io-fs', '-s', 'sequential', '--rounds', '10000', '--no-chart', '--out', out], {
      stdio: 'ignore',
    });
    const cliPid = cli.pid ?? -1;
    // The first round is written once the child has set up its fixture directory and measured.
    expect(await until(() => existsSync(out) && readFileSync(out, 'utf8').includes('"samplesMs": [\n'), 20_000)).toBe(true);
    const childPids = execFileSync('pgrep', ['-P', String(cliPid)], { encoding: 'utf8' }).trim().split('\n').map(Number);
    expect(childPids.length).toBeGreaterThan(0);
    const fixtureDirs = (): string[] => execFileSync('sh', ['-c', `ls -d /tmp/corescope-io-fs-* 2>/dev/null || true`], { encoding: 'utf8' }).split('\n').filter(Boolean);
    const before = fixtureDirs();
    expect(before.length).toBeGreaterThan(0);

    cli.kill('SIGKILL');
    expect(await until(() => childPids.every((pid) => !alive(pid)), 5_000)).toBe(true);
    // Its own fixture directory went with it (others may belong to runs elsewhere on the machine).
    expect(fixtureDirs().filter((dir) => before.includes(dir)).length).toBeLessThan(before.length);
  });
});
