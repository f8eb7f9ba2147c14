import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { scratchDir } from '../helpers/cli.js';
import { childPids, isAlive, until } from '../helpers/processes.js';
import { fixture } from './fault-run.js';
import { startWatched } from './watched-run.js';

/** One task of the run: long, so that a stop which waited for the sample could not be mistaken for one at once. */
const TASK_MS = 20_000;

describe('interrupting a run twice, timed', () => {
  it('a second Ctrl-C exits mid-sample, before the sample could end, and ends the measuring process', async () => {
    const starts = join(scratchDir(), 'task-starts.log');
    const flags = ['-s', 'sequential', '--size', String(TASK_MS), '--tasks', '2', '--rounds', '5', '--warmup', '0'];
    const run = startWatched(['-w', fixture('slow'), ...flags], { CORESCOPE_TEST_TASK_STARTS: starts });
    // Interrupt once the first task is under way, so both signals land mid-sample.
    const started = (): boolean => existsSync(starts) && readFileSync(starts, 'utf8').includes('\n');
    await until(started, 30_000, 'the first task started');
    const firstTaskStartedAt = Number(readFileSync(starts, 'utf8').split('\n')[0]);
    const measuring = childPids(run.child.pid ?? 0);
    expect(measuring.length).toBeGreaterThan(0);
    run.child.kill('SIGINT');
    await sleep(200);
    const secondAt = performance.now();
    run.child.kill('SIGINT');
    const exit = await run.exited;
    expect(exit.code).toBe(EXIT.interrupted);
    // A graceful stop waits for the sample, so it cannot exit before the first task's timer fires.
    expect(Date.now()).toBeLessThan(firstTaskStartedAt + TASK_MS);
    // And at once: typically well under a second; 10 s still tells it apart from waiting out the sample.
    expect(exit.atMs - secondAt).toBeLessThan(10_000);
    await until(() => measuring.every((pid) => !isAlive(pid)), 10_000, 'the measuring process gone');
    expect(run.invalid).toEqual([]);
  });
});
