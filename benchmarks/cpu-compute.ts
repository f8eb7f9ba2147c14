import { defineWorkload } from '../src/workload.js';

/**
 * Pure JavaScript computation with no I/O and no native calls: counts the primes below `size`
 * by trial division. It never yields, so on one thread nothing else can run while it computes.
 */
export default defineWorkload<undefined, number>({
  id: 'cpu-compute',
  kind: 'cpu',
  description: 'count primes below `size` by trial division (pure JavaScript)',
  defaultSize: 120_000,
  task({ size }) {
    let count = 0;
    for (let candidate = 2; candidate < size; candidate += 1) {
      let prime = true;
      for (let divisor = 2; divisor * divisor <= candidate; divisor += 1) {
        if (candidate % divisor === 0) {
          prime = false;
          break;
        }
      }
      if (prime) count += 1;
    }
    return count;
  },
});
