import { pbkdf2 } from 'node:crypto';
import { defineWorkload } from '../src/workload.js';

const KEY_BYTES = 32;

/**
 * Asynchronous key derivation: PBKDF2-HMAC-SHA256 with `size` iterations, through the callback API. The work is
 * pure CPU, yet it never runs on the calling thread: libuv's thread pool (UV_THREADPOOL_SIZE threads, 4 by
 * default) does it. So `concurrent` (Promise.all on one event loop) runs up to that many at once and gains like a
 * pool would, and a `parallel` pool's worker threads all queue on the same process-wide libuv pool. Contrast with
 * `cpu-hash`, the synchronous twin that keeps the calling thread busy. `--uv-threadpool 1,2,4` shows it.
 */
export default defineWorkload<undefined, string>({
  id: 'cpu-hash-async',
  kind: 'cpu',
  description: "async PBKDF2-SHA256 of `size` iterations (node:crypto, runs on libuv's thread pool)",
  // About 2 ms per task on a 2-core AMD EPYC VM (Node 20): long enough that dispatch costs stay small.
  defaultSize: 10_000,
  task({ size, index }) {
    return new Promise<string>((resolve, reject) => {
      pbkdf2(
        `corescope-${index}`,
        'corescope-salt',
        Math.max(1, Math.round(size)),
        KEY_BYTES,
        'sha256',
        (error, key) => {
          if (error !== null) reject(error);
          else resolve(key.toString('hex'));
        },
      );
    });
  },
});
