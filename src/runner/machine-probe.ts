import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { MachineProbe } from '../results/machine-schema.js';
import { mean, median, variance } from '../stats/summary.js';

/**
 * What this machine's cores deliver right now, measured with no pool and no workload: plain worker threads
 * spinning a fixed integer loop, alone and then side by side. A shared VM's second vCPU may give well under a
 * core (on the 2-core development VM a hand-written two-thread check gave 1.05-1.80×), and a pool can never do
 * better than the hardware in the same run, so verdicts read the pool's speedup against this.
 */

const SPIN_SOURCE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (iterations) => {
  const startedAt = performance.now();
  let state = 1;
  for (let i = 0; i < iterations; i += 1) state = (Math.imul(state, 1103515245) + 12345) | 0;
  parentPort.postMessage({ ms: performance.now() - startedAt, state });
});`;

/** Repeats of the lone spin that give its noise, and of each side-by-side level (the median is kept). */
const NOISE_REPEATS = 6;
const LEVEL_REPEATS = 3;
/** Above this many cores, levels are the powers of two and the core count rather than every count. */
const EVERY_LEVEL_UP_TO = 8;
const MAX_PROBE_THREADS = 64;

interface Spinner {
  spin(iterations: number): Promise<number>;
  close(): Promise<number>;
}

function startSpinner(): Spinner {
  const worker = new Worker(SPIN_SOURCE, { eval: true });
  let pending: { resolve: (ms: number) => void; reject: (error: Error) => void } | undefined;
  worker.on('message', (reply: { ms: number }) => pending?.resolve(reply.ms));
  worker.on('error', (error) => pending?.reject(error));
  return {
    spin: (iterations) =>
      new Promise((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage(iterations);
      }),
    close: () => worker.terminate(),
  };
}

/** Thread counts the probe measures side by side: 1…P, thinned out on many cores. */
export function probeLevels(cores: number): number[] {
  const top = Math.min(cores, MAX_PROBE_THREADS);
  if (top <= EVERY_LEVEL_UP_TO) return Array.from({ length: top }, (_, index) => index + 1);
  const levels: number[] = [];
  for (let threads = 1; threads < top; threads *= 2) levels.push(threads);
  return [...levels, top];
}

/** Σ over threads of (time alone / time beside the others): 2.0 when two threads each ran as fast as one alone. */
export function deliveredCores(aloneMs: number, besideMs: readonly number[]): number {
  return besideMs.reduce((total, ms) => total + (ms > 0 ? aloneMs / ms : 0), 0);
}

export async function probeMachine(cores: number, spinMs: number): Promise<MachineProbe> {
  const spinners = Array.from({ length: Math.min(cores, MAX_PROBE_THREADS) }, startSpinner);
  try {
    const [first] = spinners as [Spinner, ...Spinner[]];
    // Calibrate on one thread: a short spin, then scale to the wanted length; JIT warms on the way.
    let iterations = 200_000;
    for (let step = 0; step < 4; step += 1) {
      const ms = await first.spin(iterations);
      iterations = Math.max(1000, Math.round((iterations * spinMs) / Math.max(ms, 0.05)));
    }
    const lone: number[] = [];
    for (let repeat = 0; repeat < NOISE_REPEATS; repeat += 1) lone.push(await first.spin(iterations));
    const aloneMs = median(lone);
    const levels: MachineProbe['threads'] = [];
    for (const threads of probeLevels(cores)) {
      const delivered: number[] = [];
      for (let repeat = 0; repeat < LEVEL_REPEATS; repeat += 1) {
        const times = await Promise.all(spinners.slice(0, threads).map((spinner) => spinner.spin(iterations)));
        delivered.push(deliveredCores(aloneMs, times));
      }
      levels.push({ threads, deliveredCores: median(delivered) });
    }
    return {
      spinMs: aloneMs,
      threads: levels,
      noiseCvPct: (Math.sqrt(variance(lone)) / mean(lone)) * 100,
      stealPct: null,
    };
  } finally {
    await Promise.all(spinners.map((spinner) => spinner.close()));
  }
}

/** CPU time the hypervisor took from this machine (steal), as ticks since boot, from the `cpu` line of /proc/stat. */
export function parseStealTicks(procStat: string): { steal: number; total: number } | null {
  const line = procStat.split('\n').find((candidate) => candidate.startsWith('cpu '));
  const fields = line?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  // user nice system idle iowait irq softirq steal [guest guest_nice]: guest time is already counted in user.
  if (fields.length < 8 || fields.some((value) => !Number.isFinite(value))) return null;
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  return { steal: fields[7] as number, total };
}

/** Starts measuring steal; the returned function gives the share of CPU time stolen since, %, or null off Linux. */
export function startStealMeter(read: () => string = () => readFileSync('/proc/stat', 'utf8')): () => number | null {
  const sample = (): ReturnType<typeof parseStealTicks> => {
    try {
      return parseStealTicks(read());
    } catch {
      return null;
    }
  };
  const before = sample();
  return () => {
    const after = sample();
    if (before === null || after === null || after.total <= before.total) return null;
    return ((after.steal - before.steal) / (after.total - before.total)) * 100;
  };
}
