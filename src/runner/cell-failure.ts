import { type SerializedError, serializeError } from '../errors.js';
import { WORKER_EXIT_CODE } from '../pool/worker-exit.js';
import type { TaskErrorCount } from '../strategies/error-tally.js';
import { BatchFailure, TASK_TIMEOUT_CODE } from '../strategies/task-outcome.js';

/** What the measuring child reports about a failed cell. */
export interface CellFailureReport {
  status: 'error' | 'timeout' | 'crashed';
  /** The error that decided the status (for `crashed`, the worker's exit). */
  error: SerializedError;
  failedTasks?: number;
  totalTasks?: number;
  /** The distinct task errors of the failing batch, commonest first. */
  taskErrors?: TaskErrorCount[];
  exit?: { code: number | null; signal: string | null };
}

/**
 * Judges a failed batch (or a failed start-up): a dead worker makes the cell `crashed`, else a task past its
 * deadline makes it `timeout`, else `error`. The worst thing that happened decides, whatever task it hit first.
 */
export function cellFailureOf(thrown: unknown): CellFailureReport {
  if (!(thrown instanceof BatchFailure)) return judge([serializeError(thrown)]);
  return {
    ...judge([thrown.firstError, ...thrown.errorCounts]),
    failedTasks: thrown.failedTasks,
    totalTasks: thrown.totalTasks,
    ...(thrown.errorCounts.length > 0 ? { taskErrors: thrown.errorCounts } : {}),
  };
}

function judge(errors: SerializedError[]): CellFailureReport {
  const crash = errors.find((error) => error.code === WORKER_EXIT_CODE);
  if (crash !== undefined) {
    return { status: 'crashed', error: withoutCount(crash), exit: { code: crash.exitCode ?? null, signal: null } };
  }
  const timeout = errors.find((error) => error.code === TASK_TIMEOUT_CODE);
  if (timeout !== undefined) return { status: 'timeout', error: withoutCount(timeout) };
  return { status: 'error', error: withoutCount(errors[0] ?? { name: 'Error', message: 'unknown failure' }) };
}

/** Tallies carry a `tasks` count; the cell's `error` is a plain serialized error. */
function withoutCount(error: SerializedError | TaskErrorCount): SerializedError {
  const { name, message, code } = error;
  const { exitCode } = error;
  const stack = 'stack' in error ? error.stack : undefined;
  return {
    name,
    message,
    ...(code !== undefined ? { code } : {}),
    ...(exitCode !== undefined ? { exitCode } : {}),
    ...(stack !== undefined ? { stack } : {}),
  };
}
