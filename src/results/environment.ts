import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Environment } from './schema.js';

/** libuv clamps UV_THREADPOOL_SIZE to this; asking for more would silently measure 1024. */
export const UV_THREADPOOL_MAX = 1024;

/** libuv's pool size when UV_THREADPOOL_SIZE is unset. */
export const UV_THREADPOOL_DEFAULT = 4;

/** CPUs the cgroup (v2 `cpu.max`, else v1 cfs quota) allows this process, or null when unlimited. */
export function readCgroupCpuLimit(readFile: (path: string) => string = (path) => readFileSync(path, 'utf8')): number | null {
  const attempts: Array<() => number | null> = [
    () => parseCpuMax(readFile('/sys/fs/cgroup/cpu.max')),
    () => {
      const quota = Number(readFile('/sys/fs/cgroup/cpu/cpu.cfs_quota_us').trim());
      const period = Number(readFile('/sys/fs/cgroup/cpu/cpu.cfs_period_us').trim());
      return quota > 0 && period > 0 ? quota / period : null;
    },
  ];
  for (const attempt of attempts) {
    try {
      return attempt();
    } catch {
      // Not this cgroup version, or not Linux: try the next source.
    }
  }
  return null;
}

/** `cpu.max` holds "<quota> <period>" or "max <period>". */
export function parseCpuMax(content: string): number | null {
  const [quota, period] = content.trim().split(/\s+/);
  if (quota === undefined || quota === 'max') return null;
  const cpus = Number(quota) / Number(period ?? 100_000);
  return Number.isFinite(cpus) && cpus > 0 ? cpus : null;
}

/** Cores a run can use: availableParallelism, capped by a cgroup quota (rounded down, at least 1). */
export function usableCores(availableParallelism: number, cgroupCpuLimit: number | null): number {
  if (cgroupCpuLimit === null) return availableParallelism;
  return Math.max(1, Math.min(availableParallelism, Math.floor(cgroupCpuLimit)));
}

const CI_VARIABLES: ReadonlyArray<[string, string]> = [
  ['GITHUB_ACTIONS', 'github-actions'],
  ['GITLAB_CI', 'gitlab-ci'],
  ['CIRCLECI', 'circleci'],
  ['BUILDKITE', 'buildkite'],
  ['TF_BUILD', 'azure-pipelines'],
  ['JENKINS_URL', 'jenkins'],
  ['TRAVIS', 'travis-ci'],
  ['CI', 'ci'],
];

export function detectCi(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const [variable, name] of CI_VARIABLES) {
    const value = env[variable];
    if (value !== undefined && value !== '' && value !== 'false' && value !== '0') return name;
  }
  return null;
}

export function probeEnvironment(): Environment {
  const cpus = os.cpus();
  const available = os.availableParallelism();
  const cgroupCpuLimit = readCgroupCpuLimit();
  const threadpool = Number(process.env.UV_THREADPOOL_SIZE);
  return {
    node: process.versions.node,
    v8: process.versions.v8,
    uv: process.versions.uv ?? 'unknown',
    platform: process.platform,
    arch: process.arch,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    logicalCpus: Math.max(1, cpus.length),
    availableParallelism: available,
    cgroupCpuLimit,
    usableCores: usableCores(available, cgroupCpuLimit),
    memoryBytes: os.totalmem(),
    // libuv's default pool is 4 threads; it clamps the variable to 1..UV_THREADPOOL_MAX.
    uvThreadpoolSize:
      Number.isInteger(threadpool) && threadpool > 0 ? Math.min(threadpool, UV_THREADPOOL_MAX) : UV_THREADPOOL_DEFAULT,
    ci: detectCi(),
    hostname: os.hostname(),
  };
}
