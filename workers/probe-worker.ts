/**
 * Entry of the payload probe thread: sends every message straight back. An ArrayBuffer that arrived in a
 * transfer list goes back the same way, so `transfer` moves memory both ways and `clone` copies it both
 * ways. One byte is read first, so the payload is really there on this side, whatever way it came.
 */
import { parentPort } from 'node:worker_threads';
import type { ProbeMessage } from '../src/studies/payload-messages.js';

const port = parentPort;
if (port === null) throw new Error('probe-worker.js must run as a worker thread');

let touched = 0;
port.on('message', (message: ProbeMessage) => {
  const { payload } = message;
  if (payload !== null) touched += new Uint8Array(payload)[0] ?? 0;
  port.postMessage(
    { ...message, touched },
    message.mode === 'transfer' && payload instanceof ArrayBuffer ? [payload] : [],
  );
});
