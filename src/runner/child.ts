/**
 * Entry of the measuring child process (forked by the supervisor). It receives one job over IPC, measures it
 * and streams every reading back as soon as it is taken, so whatever arrived survives a crash or a kill.
 */
import { serializeError } from '../errors.js';
import { measureJob } from './measure-job.js';
import type { ChildMessage, ParentMessage } from './protocol.js';

/** Time an orphaned child gets to finish its sample and tear down (remove fixtures, close servers). */
const ORPHAN_GRACE_MS = 2_000;

/** The child's whole life: its state lives here, not in the module. */
function serve(): void {
  let stop = false;
  let finished = false;
  let unsent = 0;
  let allSent: (() => void) | undefined;
  /** Resolves the wait at the end of a round when the supervisor says `continue` (or goes away). */
  let resume: (() => void) | undefined;

  // Ctrl-C reaches the whole process group; the supervisor decides what happens, the child only hears 'stop'.
  process.on('SIGINT', () => undefined);
  process.on('SIGTERM', () => undefined);

  // The supervisor died (SIGKILL, a crash): nobody will read another figure, so stop at the next sample boundary
  // and clean up, and exit regardless after a grace period: a task spinning on this thread must not outlive it.
  process.on('disconnect', () => {
    resume?.();
    if (finished) return;
    stop = true;
    setTimeout(() => process.exit(1), ORPHAN_GRACE_MS);
  });

  const emit = (message: ChildMessage): void => {
    if (!process.connected) return;
    unsent += 1;
    process.send?.(message, undefined, {}, () => {
      unsent -= 1;
      if (unsent === 0) allSent?.();
    });
  };
  /** Resolves once every queued IPC message has been handed to the channel, so none is lost on exit. */
  const flushed = (): Promise<void> =>
    unsent === 0 ? Promise.resolve() : new Promise((resolve) => (allSent = resolve));
  const roundDone = (): Promise<void> =>
    process.connected ? new Promise((resolve) => (resume = resolve)) : Promise.resolve();

  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stop') {
      stop = true;
      return;
    }
    if (message.type === 'continue') {
      resume?.();
      resume = undefined;
      return;
    }
    void measureJob(message.job, { emit, stopRequested: () => stop, roundDone })
      .catch((error: unknown) => emit({ type: 'fatal', error: serializeError(error), usage: false }))
      .then(flushed)
      .finally(() => {
        finished = true;
        process.disconnect();
      });
  });
}

serve();
