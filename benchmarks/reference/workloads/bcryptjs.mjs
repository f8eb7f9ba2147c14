// bcrypt password hashing with bcryptjs (a real npm library, pure JavaScript). Its async API does not leave the
// thread: it computes the key schedule in chunks on the calling thread's event loop, yielding between chunks. So
// `concurrent` interleaves the hashes on one core (no gain), and only `parallel` spreads them over cores: the
// case of an async API that looks like I/O and is not. `size` is bcrypt's cost (2^size rounds).
import bcrypt from 'bcryptjs';

export default {
  id: 'ext-bcryptjs',
  kind: 'cpu',
  description: 'bcryptjs async hash at cost `size`',
  defaultSize: 6,
  defaultTasks: 16,
  setup({ size }) {
    // One salt for the run (its random bytes come from setup, once): every task hashes with the same cost.
    return { salt: bcrypt.genSaltSync(size) };
  },
  task({ data, index }) {
    return bcrypt.hash(`correct horse battery staple ${index}`, data.salt).then((hash) => hash.length);
  },
};
