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
 * File reads that never reach the disk: setup writes one fixture file of `size` KiB per task into a fresh
 * temporary directory, each task reads one back with `fs.promises.readFile`, teardown removes the directory.
 * The files were just written, so the page cache serves every read: what this times is memory copies run on
 * libuv's thread pool, not waiting. That makes it the plainest case of the libuv confound (`Promise.all` gains
 * from libuv's threads, not from overlapping waits: try `--uv-threadpool 1,4`); `io-fs` is the one that waits.
 */
export default defineWorkload<FsData, number>({
  id: 'fs-read-cached',
  kind: 'mixed',
  description:
    'read a `size` KiB fixture file that the page cache holds (fs.promises.readFile: memory copies on libuv threads)',
  defaultSize: 1024,
  async setup({ size, tasks }) {
    const dir = await mkdtemp(join(tmpdir(), 'corescope-fs-read-cached-'));
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
