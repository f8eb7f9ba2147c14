import { performance } from 'node:perf_hooks';

/**
 * µs on one clock shared by every thread and process of a run: each thread's own origin plus its own elapsed
 * time, so two threads' readings of the same moment agree to well under a µs.
 */
export function nowUs(): number {
  return (performance.timeOrigin + performance.now()) * 1000;
}
