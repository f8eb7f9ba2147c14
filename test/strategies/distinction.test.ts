import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { threadId as testThreadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { strategyNamed } from '../../src/strategies/index.js';
import type { StrategyContext } from '../../src/strategies/strategy.js';
import { loadWorkload } from '../../src/workload-source.js';
import { defineWorkload, type Workload } from '../../src/workload.js';
import { arm, type RendezvousResult, rendezvousData } from '../fixtures/rendezvous.mjs';

/**
 * The distinction corescope exists to show, as facts about what ran at the same time rather than as timings:
 * Promise.all runs CPU-bound tasks one after another, a pool of 2 threads runs two at once, and Promise.all
 * overlaps waits. Tasks meet at a rendezvous, so the answers hold however slow the machine is; what the
 * difference buys in wall time is measured in distinction.timed.test.ts.
 */
const RENDEZVOUS_URL = pathToFileURL(join(PACKAGE_ROOT, 'test', 'fixtures', 'rendezvous.mjs')).href;
/** How long a task that runs alone waits before it gives up: only the lonely task of each check pays it. */
const LONELY_WAIT_MS = 300;
/** Generous: two tasks on a real pool meet at once, so this is only the limit for a stalled machine. */
const PARTNER_WAIT_MS = 20_000;

async function rendezvousBatch(strategy: string, threads: number, tasks: number, giveUpMs: number) {
  const workload = await loadWorkload(RENDEZVOUS_URL);
  const data = rendezvousData(2, giveUpMs);
  const context: StrategyContext = { workload, workloadUrl: RENDEZVOUS_URL, data, size: 1, taskTimeoutMs: 60_000 };
  const prepared = await strategyNamed(strategy).prepare(context, { threads });
  try {
    arm(data);
    return (await prepared.runBatch(tasks)) as RendezvousResult[];
  } finally {
    await prepared.close();
  }
}

describe('CPU-bound work: tasks that keep their thread busy', () => {
  it.each([['sequential'], ['concurrent']])('%s runs them one at a time: the first meets no one', async (strategy) => {
    const results = await rendezvousBatch(strategy, 1, 2, LONELY_WAIT_MS);
    expect(results.map((result) => [result.index, result.threadId, result.met])).toEqual([
      [0, testThreadId, false],
      [1, testThreadId, true],
    ]);
  });

  it('parallel on 2 threads runs two at once, on two threads', async () => {
    const results = await rendezvousBatch('parallel', 2, 6, PARTNER_WAIT_MS);
    expect(results.map((result) => result.met)).toEqual(Array(6).fill(true));
    expect(new Set(results.map((result) => result.threadId)).size).toBe(2);
    expect(results.map((result) => result.threadId)).not.toContain(testThreadId);
  });

  it('parallel on 1 thread does not: its first task waits alone', async () => {
    const results = await rendezvousBatch('parallel', 1, 2, LONELY_WAIT_MS);
    expect(results.map((result) => result.met)).toEqual([false, true]);
  });
});

/**
 * Tasks that wait (a timer) until all `tasks` of the batch are waiting, or give up after `giveUpMs`: they all
 * meet only when every wait is in flight at once. Main-thread strategies call the workload object directly.
 */
function waitingRoom(tasks: number, giveUpMs: number): Workload {
  let arrived = 0;
  let openDoor: () => void = () => undefined;
  const everyoneIn = new Promise<void>((resolve) => (openDoor = resolve));
  return defineWorkload<unknown, boolean>({
    id: 'waiting-room',
    kind: 'io',
    description: 'waits until every task of the batch is waiting',
    defaultSize: 1,
    async task() {
      arrived += 1;
      if (arrived === tasks) openDoor();
      return Promise.race([everyoneIn.then(() => true), sleep(giveUpMs, false, { ref: false })]);
    },
  });
}

describe('I/O-bound work: tasks that wait', () => {
  const TASKS = 8;
  const run = async (strategy: string, giveUpMs: number): Promise<unknown[]> => {
    const workload = waitingRoom(TASKS, giveUpMs);
    // Main-thread strategies call the workload object; no module URL is needed.
    const context: StrategyContext = { workload, workloadUrl: '', data: undefined, size: 1, taskTimeoutMs: 60_000 };
    const prepared = await strategyNamed(strategy).prepare(context, { threads: 1 });
    try {
      return await prepared.runBatch(TASKS);
    } finally {
      await prepared.close();
    }
  };

  it('concurrent has every wait in flight at once', async () => {
    expect(await run('concurrent', PARTNER_WAIT_MS)).toEqual(Array(TASKS).fill(true));
  });

  it('sequential waits one at a time: only the last task finds the others', async () => {
    // Each task but the last waits alone until it gives up: 7 × 30 ms.
    expect(await run('sequential', 30)).toEqual([...Array<boolean>(TASKS - 1).fill(false), true]);
  });
});
