import type { Benchmark } from '../../results/schema.js';

/**
 * Groups a table and a verdict stand for: one per workload, and in a --uv-threadpool sweep one per workload and
 * pool size. Cells measured at the run's default size keep the plain workload id as key (their ids carry no
 * `/uv` suffix), so code that looks a workload up by id finds the cells an ordinary run would have.
 */
export function workloadGroupKey(benchmark: Benchmark): string {
  const size = benchmark.uvThreadpoolSize;
  return size !== undefined && benchmark.id.endsWith(`/uv${size}`)
    ? `${benchmark.workload.id}/uv${size}`
    : benchmark.workload.id;
}

/** How a group is named in headings and verdicts: the workload id, plus the libuv pool size in a sweep. */
export function workloadGroupLabel(benchmark: Benchmark): string {
  const size = benchmark.uvThreadpoolSize;
  return size === undefined ? benchmark.workload.id : `${benchmark.workload.id} [libuv pool ${size}]`;
}
