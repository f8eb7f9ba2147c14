import { Worker } from 'node:worker_threads';
import { distFileUrl } from '../paths.js';

/**
 * Catches a task that blocks the measuring process's main thread (a synchronous endless loop) within about
 * `--task-timeout`, instead of the batch deadline `waves × --task-timeout`, which for 10 000 sequential tasks
 * is more than a day. A blocked main thread can neither time itself out nor tell the supervisor, so a small
 * watcher thread does: it sees the main thread beat — each time a task starts, and on an idle-loop timer — and
 * when no beat comes for `limitMs`, it writes one line to the supervisor's side channel (`WATCHDOG_FD`); the
 * supervisor then kills this process and records the cell as `timeout`.
 */

/** The measuring child's file descriptor for stall reports: the supervisor forks with a pipe there. */
export const WATCHDOG_FD = 4;
/** Slack on top of --task-timeout for a legitimately long task plus a garbage-collection pause. */
export const WATCHDOG_GRACE_MS = 2_000;
/** How often an idle main thread beats; far below any limit, far above any cost worth measuring. */
const IDLE_BEAT_MS = 250;

export const ARMED = 0;
export const BEATS = 1;

export interface Watchdog {
  /** Called as each main-thread task starts: one atomic add. */
  readonly beat: () => void;
  arm(): void;
  disarm(): void;
  close(): Promise<void>;
}

export interface WatchdogThreadData {
  state: SharedArrayBuffer;
  limitMs: number;
  fd: number;
}

export function startWatchdog(limitMs: number, fd = WATCHDOG_FD): Watchdog {
  const buffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const state = new Int32Array(buffer);
  const thread = new Worker(distFileUrl('src', 'runner', 'watchdog-thread.js'), {
    workerData: { state: buffer, limitMs, fd } satisfies WatchdogThreadData,
  });
  // The watcher must never keep the process alive, nor take it down if it fails.
  thread.unref();
  thread.on('error', () => undefined);
  const beat = (): void => void Atomics.add(state, BEATS, 1);
  let idleBeats: NodeJS.Timeout | undefined;
  const setArmed = (value: 0 | 1): void => {
    Atomics.store(state, ARMED, value);
    Atomics.notify(state, ARMED);
  };
  return {
    beat,
    arm() {
      beat();
      idleBeats ??= setInterval(beat, IDLE_BEAT_MS).unref();
      setArmed(1);
    },
    disarm() {
      clearInterval(idleBeats);
      idleBeats = undefined;
      setArmed(0);
    },
    async close() {
      this.disarm();
      await thread.terminate();
    },
  };
}
