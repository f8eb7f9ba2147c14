import { createHash } from 'node:crypto';
import { defineWorkload } from '../src/workload.js';

const BLOCK_BYTES = 4096;

/**
 * Synchronous SHA-256 with node:crypto: a hash chain of `size` rounds over a 4 KiB block.
 * Each round depends on the last, so the work cannot be split further or skipped.
 */
export default defineWorkload<undefined, string>({
  id: 'cpu-hash',
  kind: 'cpu',
  description: 'synchronous SHA-256 chain of `size` rounds over a 4 KiB block',
  defaultSize: 1600,
  task({ size, index }) {
    const block = Buffer.alloc(BLOCK_BYTES, index);
    let digest = createHash('sha256').update(block).digest();
    for (let round = 1; round < size; round += 1) {
      digest.copy(block);
      digest = createHash('sha256').update(block).digest();
    }
    return digest.toString('hex');
  },
});
