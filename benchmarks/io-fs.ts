import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineWorkload } from '../src/workload.js';

interface FsData {
  dir: string;
  files: number;
}

const KIB = 1024;

/**
 * Real file reads: setup writes one fixture file of `size` KiB per task into a fresh temporary directory,
 * each task reads one back with `fs.promises.readFile`, teardown removes the directory.
 * Async fs calls run on libuv's thread pool, so even `Promise.all` gets some parallelism here.
 */
export default defineWorkload<FsData, number>({
  id: 'io-fs',
  kind: 'io',
  description: 'read a `size` KiB fixture file with fs.promises.readFile',
  defaultSize: 1024,
  async setup({ size, tasks }) {
    const dir = await mkdtemp(join(tmpdir(), 'corescope-io-fs-'));
    const content = Buffer.alloc(Math.round(size * KIB), 'corescope\n');
    for (let file = 0; file < tasks; file += 1) {
      await writeFile(join(dir, `fixture-${file}.bin`), content);
    }
    return { dir, files: tasks };
  },
  async teardown({ dir }) {
    await rm(dir, { recursive: true, force: true });
  },
  async task({ data, index }) {
    const bytes = await readFile(join(data.dir, `fixture-${index % data.files}.bin`));
    return bytes.byteLength;
  },
});
