import type { HistoryFile } from './history-files.js';

/** How one machine's files were put in order. */
export type HistoryOrder = 'commit' | 'time';

/**
 * One machine's files in history order: by the committer time of the commit each measured (provenance), when
 * every file records one, since runs of a rebuilt or re-run commit must sit where the commit does; else by
 * when each run started. Ties go to the run's start, then the path, so the order never depends on the
 * order the files were given in.
 */
export function orderFiles(files: readonly HistoryFile[]): { files: HistoryFile[]; orderedBy: HistoryOrder } {
  const byCommit = files.length > 0 && files.every((file) => file.result.provenance?.commitTime !== undefined);
  const key = (file: HistoryFile): string =>
    byCommit ? (file.result.provenance?.commitTime ?? '') : file.result.run.startedAt;
  const sorted = [...files].sort(
    (a, b) =>
      compareInstants(key(a), key(b)) ||
      compareInstants(a.result.run.startedAt, b.result.run.startedAt) ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  return { files: sorted, orderedBy: byCommit ? 'commit' : 'time' };
}

/** ISO instants compared as instants (an offset or missing milliseconds do not disturb the order). */
function compareInstants(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b);
}
