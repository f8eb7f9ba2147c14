import { type SerializedError, serializeError } from '../errors.js';
import { tallyErrors, type TaskErrorCount } from './error-tally.js';

export const TASK_TIMEOUT_CODE = 'ERR_CORESCOPE_TASK_TIMEOUT';

/** A batch in which some tasks failed. Carries counts so a partly failed cell is never read as a fast one. */
export class BatchFailure extends Error {
  override readonly name = 'BatchFailure';
  constructor(
    readonly failedTasks: number,
    readonly totalTasks: number,
    readonly firstError: SerializedError,
    /** The distinct errors and how many tasks each failed, commonest first. */
    readonly errorCounts: TaskErrorCount[] = [],
  ) {
    super(`${failedTasks} of ${totalTasks} tasks failed; first: ${firstError.name}: ${firstError.message}`);
  }

  get timedOut(): boolean {
    return this.firstError.code === TASK_TIMEOUT_CODE;
  }
}

/** Results in index order, or a BatchFailure when any settled result is a rejection. */
export function collectBatch(settled: PromiseSettledResult<unknown>[]): unknown[] {
  const failures = settled.filter((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failures.length > 0) {
    const errors = failures.map((failure) => serializeError(failure.reason));
    throw new BatchFailure(failures.length, settled.length, errors[0] as SerializedError, tallyErrors(errors));
  }
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value);
}

/**
 * Runs one task on a pool with an abort deadline. A pool ends the thread of an aborted task and starts a fresh
 * one in its place; the caller sees a task timeout (its status), not the pool's abort error.
 */
export async function runOnPoolWithDeadline<T>(run: (signal: AbortSignal) => Promise<T>, timeoutMs: number): Promise<T> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    return await run(signal);
  } catch (error) {
    if (signal.aborted) throw taskTimeoutError(timeoutMs);
    throw error;
  }
}

export function taskTimeoutError(timeoutMs: number): Error {
  return Object.assign(new Error(`task did not settle within ${timeoutMs} ms (--task-timeout)`), {
    name: 'TaskTimeout',
    code: TASK_TIMEOUT_CODE,
  });
}

/**
 * Runs one task on this thread. Synchronous results skip the timer entirely; a promise races a deadline so a
 * task that never settles fails instead of hanging (a synchronous endless loop is the supervisor's job).
 */
export function invokeWithDeadline(run: () => unknown, timeoutMs: number): Promise<unknown> {
  let result: unknown;
  try {
    result = run();
  } catch (error) {
    // Thrown values keep their own shape (a string, an object): serializeError describes them later.
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    return Promise.reject(error);
  }
  if (!isThenable(result)) return Promise.resolve(result);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(taskTimeoutError(timeoutMs)), timeoutMs);
    result.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
        reject(error);
      },
    );
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
