import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadWorkload, resolveWorkloadUrl } from '../../src/workload-source.js';

describe('cpu-hash-async', () => {
  it('derives the same key as synchronous PBKDF2-SHA256, one per task index', async () => {
    const workload = await loadWorkload(resolveWorkloadUrl('cpu-hash-async'));
    const keys = await Promise.all([0, 1, 2].map((index) => workload.task({ data: undefined, size: 500, index })));
    expect(keys).toEqual(
      [0, 1, 2].map((index) => pbkdf2Sync(`corescope-${index}`, 'corescope-salt', 500, 32, 'sha256').toString('hex')),
    );
    expect(new Set(keys).size).toBe(3);
  });

  it('leaves the event loop free while it hashes: the work runs on libuv threads', async () => {
    const workload = await loadWorkload(resolveWorkloadUrl('cpu-hash-async'));
    const size = workload.defaultSize * 40; // tens of milliseconds of hashing
    // Counting turns, not timing them: a stalled machine slows both sides alike. The same work done
    // synchronously lets the loop turn not once; done asynchronously the loop goes on turning while it runs.
    const hashSync = (): string => pbkdf2Sync('corescope-0', 'corescope-salt', size, 32, 'sha256').toString('hex');
    const blocking = await loopTurnsDuring(() => Promise.resolve(hashSync()));
    expect(blocking).toBe(0);
    const hashAsync = (): Promise<unknown> => Promise.resolve(workload.task({ data: undefined, size, index: 0 }));
    const asynchronous = await loopTurnsDuring(hashAsync);
    expect(asynchronous).toBeGreaterThan(10);
  });
});

/** How many times the event loop turned (a setImmediate chain) while `work` ran. */
async function loopTurnsDuring(work: () => Promise<unknown>): Promise<number> {
  let turns = 0;
  let running = true;
  const turn = (): void => {
    if (!running) return;
    turns += 1;
    setImmediate(turn);
  };
  setImmediate(turn);
  await work();
  running = false;
  return turns;
}
