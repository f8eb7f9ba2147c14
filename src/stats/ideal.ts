/**
 * The best speedup `lanes` independent lanes can give `tasks` equal tasks: they finish in ceil(tasks / lanes)
 * waves. For a pool, lanes = min(threads, usable cores); 16 tasks on 3 lanes take 6 waves, not 5.33.
 */
export function idealSpeedup(tasks: number, lanes: number): number {
  if (!(tasks >= 1 && lanes >= 1))
    throw new RangeError(`idealSpeedup: tasks and lanes must be >= 1 (got ${tasks}, ${lanes})`);
  return tasks / Math.ceil(tasks / Math.min(lanes, tasks));
}
