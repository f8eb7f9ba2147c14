import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { detectCi, parseCpuMax, probeEnvironment, readCgroupCpuLimit, usableCores } from '../../src/results/environment.js';

describe('environment probe', () => {
  it('reads cgroup v2 cpu.max', () => {
    expect(parseCpuMax('max 100000\n')).toBeNull();
    expect(parseCpuMax('200000 100000\n')).toBe(2);
    expect(parseCpuMax('150000 100000')).toBe(1.5);
  });

  it('falls back to cgroup v1 and to null when no quota is readable', () => {
    const v1 = (path: string): string => {
      if (path.endsWith('cpu.cfs_quota_us')) return '400000';
      if (path.endsWith('cpu.cfs_period_us')) return '100000';
      throw new Error('ENOENT');
    };
    expect(readCgroupCpuLimit(v1)).toBe(4);
    expect(
      readCgroupCpuLimit(() => {
        throw new Error('ENOENT');
      }),
    ).toBeNull();
  });

  it('caps usable cores by the quota, rounding down, never below 1', () => {
    expect(usableCores(16, null)).toBe(16);
    expect(usableCores(16, 4)).toBe(4);
    expect(usableCores(16, 2.5)).toBe(2);
    expect(usableCores(16, 0.5)).toBe(1);
    expect(usableCores(2, 8)).toBe(2);
  });

  it('names the CI service', () => {
    expect(detectCi({ GITHUB_ACTIONS: 'true', CI: 'true' })).toBe('github-actions');
    expect(detectCi({ CI: 'true' })).toBe('ci');
    expect(detectCi({ CI: 'false' })).toBeNull();
    expect(detectCi({})).toBeNull();
  });

  it('records this machine', () => {
    const environment = probeEnvironment();
    expect(environment.node).toBe(process.versions.node);
    expect(environment.availableParallelism).toBe(os.availableParallelism());
    expect(environment.usableCores).toBeLessThanOrEqual(environment.availableParallelism);
    expect(environment.memoryBytes).toBe(os.totalmem());
  });

  it('records the libuv pool size this process gets: UV_THREADPOOL_SIZE as libuv reads it, else 4', () => {
    const saved = process.env.UV_THREADPOOL_SIZE;
    const sizeWith = (value: string | undefined): number => {
      if (value === undefined) delete process.env.UV_THREADPOOL_SIZE;
      else process.env.UV_THREADPOOL_SIZE = value;
      return probeEnvironment().uvThreadpoolSize;
    };
    try {
      // libuv's rules (threadpool.c, init_threads): unset gives 4, and above 1024 is clamped to 1024.
      expect([sizeWith(undefined), sizeWith('1'), sizeWith('3'), sizeWith('5000')]).toEqual([4, 1, 3, 1024]);
    } finally {
      if (saved === undefined) delete process.env.UV_THREADPOOL_SIZE;
      else process.env.UV_THREADPOOL_SIZE = saved;
    }
  });
});
