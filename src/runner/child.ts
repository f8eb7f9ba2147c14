/**
 * Entry of the measuring child process (forked by the supervisor). It receives one job over IPC, measures it
 * and streams every reading back as soon as it is taken, so whatever arrived survives a crash or a kill.
 */
import { serializeError } from '../errors.js';
import { measureJob } from './measure-job.js';
import type { ChildMessage, ParentMessage } from './protocol.js';

let stop = false;
let unsent = 0;
let allSent: (() => void) | undefined;

// Ctrl-C reaches the whole process group; the supervisor decides what happens, the child only hears 'stop'.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => undefined);

function emit(message: ChildMessage): void {
  unsent += 1;
  process.send?.(message, undefined, {}, () => {
    unsent -= 1;
    if (unsent === 0) allSent?.();
  });
}

/** Resolves once every queued IPC message has been handed to the channel, so none is lost on exit. */
function flushed(): Promise<void> {
  return unsent === 0 ? Promise.resolve() : new Promise((resolve) => (allSent = resolve));
}

process.on('message', (message: ParentMessage) => {
  if (message.type === 'stop') {
    stop = true;
    return;
  }
  void measureJob(message.job, emit, () => stop)
    .catch((error: unknown) => emit({ type: 'fatal', error: serializeError(error), usage: false }))
    .then(flushed)
    .finally(() => process.disconnect());
});
