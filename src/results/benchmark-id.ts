/**
 * How a cell is named: `parallel/t2` within its workload, `cpu-hash/parallel/t2` in a result file (a libuv pool
 * size's `/uv<size>` suffix is added apart, runner/uv-threadpool.ts). Built here only, so the measuring child, the
 * supervisor's messages and the file always name a cell the same way.
 */

/** A cell's key within its workload: the strategy and its thread count. */
export function cellKey(strategy: string, threads: number): string {
  return `${strategy}/t${threads}`;
}

/** A cell's id in the result file: its workload's id, then its key. */
export function benchmarkIdOfKey(workloadId: string, key: string): string {
  return `${workloadId}/${key}`;
}

export function benchmarkId(workloadId: string, strategy: string, threads: number): string {
  return benchmarkIdOfKey(workloadId, cellKey(strategy, threads));
}
