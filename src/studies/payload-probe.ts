import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { distFileUrl } from '../paths.js';
import type { Overheads } from '../results/overheads-schema.js';
import { median } from '../stats/summary.js';
import { PAYLOAD_MODES, type PayloadMode, type ProbeMessage } from './payload-messages.js';
import { timePerOperationUs } from './repeat-timing.js';

const PROBE_WORKER = distFileUrl('workers', 'probe-worker.js');

/** 1 KiB to 16 MiB in steps of 4×: from "free" to "costs more than a millisecond task". */
export const DEFAULT_PAYLOAD_BYTES: readonly number[] = [1, 4, 16, 64, 256, 1024, 4096, 16_384].map(
  (kib) => kib * 1024,
);

/**
 * Round trip of a payload to a thread and back, per size and way of passing it, µs; `overUs` subtracts the
 * same round trip with no payload, leaving what the payload itself costs (both ways).
 */
export async function measurePayload(
  sizesBytes: readonly number[],
  options: { samples: number; minSampleMs: number },
): Promise<Overheads['payload']> {
  const worker = new Worker(PROBE_WORKER);
  await once(worker, 'online');
  try {
    const echo = (message: ProbeMessage): Promise<ProbeMessage> =>
      new Promise((resolve, reject) => {
        worker.once('message', resolve);
        try {
          worker.postMessage(
            message,
            message.mode === 'transfer' && message.payload instanceof ArrayBuffer ? [message.payload] : [],
          );
        } catch (error) {
          worker.off('message', resolve);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    const noneUs = median(await timePerOperationUs(() => echo({ mode: 'none', payload: null }), options));
    const figures: Overheads['payload'] = [];
    for (const bytes of sizesBytes) {
      for (const mode of PAYLOAD_MODES) {
        let payload = allocate(mode, bytes);
        const samplesUs = await timePerOperationUs(async () => {
          const reply = await echo({ mode, payload });
          // A transferred buffer is detached here until it comes back: keep the one that came back.
          if (reply.payload !== null) payload = reply.payload;
        }, options);
        const medianUs = median(samplesUs);
        figures.push({ mode, bytes, samplesUs, medianUs, overUs: medianUs - noneUs });
      }
    }
    return figures;
  } finally {
    await worker.terminate();
  }
}

function allocate(mode: PayloadMode, bytes: number): ArrayBuffer | SharedArrayBuffer {
  const buffer = mode === 'shared' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  // Non-zero content: nothing downstream may treat the buffer as blank.
  new Uint8Array(buffer).fill(7);
  return buffer;
}
