/**
 * The watcher thread of the measuring child (see watchdog.ts). Sleeps in Atomics.wait, so it costs nothing
 * while the main thread is healthy; it runs no event loop of its own, so the main thread's state cannot stop it.
 */
import { writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { workerData } from 'node:worker_threads';
import { ARMED, BEATS, type WatchdogThreadData } from './watchdog.js';

const POLL_MS = 100;
const { state: buffer, limitMs, fd } = workerData as WatchdogThreadData;
const state = new Int32Array(buffer);

for (;;) {
  while (Atomics.load(state, ARMED) === 0) Atomics.wait(state, ARMED, 0);
  let lastBeats = Atomics.load(state, BEATS);
  let lastBeatAt = performance.now();
  while (Atomics.load(state, ARMED) === 1) {
    Atomics.wait(state, ARMED, 1, POLL_MS);
    const beats = Atomics.load(state, BEATS);
    if (beats !== lastBeats) {
      lastBeats = beats;
      lastBeatAt = performance.now();
    } else if (performance.now() - lastBeatAt > limitMs) {
      try {
        writeSync(fd, `stalled ${Math.round(performance.now() - lastBeatAt)}\n`);
      } catch {
        // No supervisor listening (the child run on its own): nothing to tell.
      }
      // Said once; the supervisor ends the process. Wait to be disarmed in case it does not.
      while (Atomics.load(state, ARMED) === 1) Atomics.wait(state, ARMED, 1);
    }
  }
}
