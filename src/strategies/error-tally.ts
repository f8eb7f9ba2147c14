import type { SerializedError } from '../errors.js';

/** One distinct way tasks failed in a batch, and how many tasks failed that way. */
export interface TaskErrorCount {
  name: string;
  code?: string;
  /** For a worker that died: its exit code. */
  exitCode?: number;
  message: string;
  tasks: number;
}

/** A batch of 10 000 requests can fail in a handful of ways; the file keeps the commonest few. */
export const MAX_DISTINCT_ERRORS = 5;

/**
 * Groups a batch's task errors by name, code and message, commonest first (ties in order of first
 * appearance), so a cell that failed 3 000 of 10 000 tasks on EMFILE and 12 on ECONNRESET says so.
 */
export function tallyErrors(errors: readonly SerializedError[]): TaskErrorCount[] {
  const groups = new Map<string, TaskErrorCount>();
  for (const error of errors) {
    const key = JSON.stringify([error.name, error.code ?? null, error.message]);
    const group = groups.get(key);
    if (group !== undefined) group.tasks += 1;
    else {
      const { name, code, exitCode, message } = error;
      groups.set(key, {
        name,
        ...(code !== undefined ? { code } : {}),
        ...(exitCode !== undefined ? { exitCode } : {}),
        message,
        tasks: 1,
      });
    }
  }
  // Array.prototype.sort is stable, so equal counts keep their first-seen order.
  return [...groups.values()].sort((a, b) => b.tasks - a.tasks).slice(0, MAX_DISTINCT_ERRORS);
}
