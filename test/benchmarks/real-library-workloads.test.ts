import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { hasSplit } from '../../src/workload.js';
import { loadWorkload } from '../../src/workload-source.js';

/** The reference workloads built on npm libraries load as user files do, and their tasks answer plain numbers. */
const FILES = ['markdown-it', 'yaml', 'bcryptjs', 'wait-then-render'];
const urlOf = (name: string): string =>
  pathToFileURL(fileURLToPath(new URL(`../../benchmarks/reference/workloads/${name}.mjs`, import.meta.url))).href;

describe('real-library reference workloads', () => {
  for (const name of FILES) {
    it(`${name} loads and runs a task`, async () => {
      const workload = await loadWorkload(urlOf(name));
      const size = workload.defaultSize;
      const tasks = workload.defaultTasks ?? 8;
      const data = await workload.setup?.({ size, tasks });
      // Data crosses to worker threads once: it must survive a structured clone.
      expect(structuredClone(data)).toEqual(data);
      const value = await workload.task({ data, size, index: 3 });
      expect(typeof value).toBe('number');
      // Only the wait-then-render mix has wait / compute halves: a lost split must fail here, not skip the check.
      expect(hasSplit(workload)).toBe(name === 'wait-then-render');
      if (hasSplit(workload)) {
        const waited = await workload.wait({ data, size, index: 3 });
        expect(await workload.compute({ data, size, index: 3, waited })).toBe(value);
      }
    });
  }
});
