import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineWorkload } from '../src/workload.js';

interface FsData {
  dir: string;
}

const KIB = 1024;

/**
 * Waiting on the disk: each task writes `size` KiB to a file of its own and waits for `fsync`, which returns only
 * once the device has the data. That wait is the I/O (about 0.5 ms for 64 KiB on the development VM's virtual
 * disk); the copy into the page cache is small beside it. Writes that only reached the page cache, or reads it
 * already holds (see `fs-read-cached`), would time memory copies instead. Async fs calls run on libuv's thread
 * pool (4 threads unless UV_THREADPOOL_SIZE says), so `Promise.all` overlaps up to that many waits.
 */
export default defineWorkload<FsData, number>({
  id: 'io-fs',
  kind: 'io',
  description: 'write `size` KiB to a file and wait for fsync (the disk itself)',
  defaultSize: 64,
  async setup() {
    return { dir: await mkdtemp(join(tmpdir(), 'corescope-io-fs-')) };
  },
  async teardown({ dir }) {
    await rm(dir, { recursive: true, force: true });
  },
  async task({ data, size, index }) {
    const bytes = Buffer.alloc(Math.round(size * KIB), index & 0xff);
    const file = await open(join(data.dir, `task-${index}.bin`), 'w');
    try {
      await file.write(bytes, 0, bytes.length, 0);
      await file.sync();
    } finally {
      await file.close();
    }
    return bytes.length;
  },
});
