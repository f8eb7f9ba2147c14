// gzip of 256 KiB of patterned bytes: native zlib work on the calling thread. Written outside corescope.
import { gzipSync } from 'node:zlib';
export default {
  id: 'ext-gzip',
  kind: 'cpu',
  description: 'gzip 256 KiB',
  defaultSize: 256,
  defaultTasks: 32,
  setup({ size }) {
    const b = Buffer.alloc(size * 1024);
    for (let i = 0; i < b.length; i++) b[i] = (i * 7 + (i >> 9)) & 0xff;
    return { text: b.toString('latin1') };
  },
  task({ data, index }) {
    return gzipSync(Buffer.from(data.text, 'latin1'), { level: 6 }).length + index;
  },
};
