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

export function taskTimeoutError(timeoutMs: number): Error {
  return Object.assign(new Error(`task did not settle within ${timeoutMs} ms (--task-timeout)`), {
    name: 'TaskTimeout',
    code: TASK_TIMEOUT_CODE,
  });
}

/**
 * Runs units 0 .. count - 1 through `start`, at most `lanes` started and unsettled at once (one for
 * `sequential`; all for `concurrent` and the pools, which queue), and resolves with every outcome in index order.
 *
 * Deadlines: one timer per batch, not one per task (a timer and an abort listener per task cost the raw pool
 * about 30 µs a task on the 2-core development VM, an eighth of a 0.4 ms task). It fires only when no unit has
 * settled for `timeoutMs` while some are unsettled. A lane frees only when a unit settles, so every unit running
 * then started before that quiet spell and has run longer than `timeoutMs`: those fail as timeouts, and units not
 * yet started still run. A cell that times out is retired and its threads ended, so no stray work outlives it.
 * A unit that returns a plain value settles at once, without a promise or a timer. (The clock is the global
 * `performance`, which a test's fake timers replace.)
 */
export function settleAll(
  count: number,
  timeoutMs: number,
  start: (index: number) => unknown,
  lanes = count,
): Promise<PromiseSettledResult<unknown>[]> {
  const outcomes = new Array<PromiseSettledResult<unknown> | undefined>(count);
  let next = 0;
  let settled = 0;
  let running = 0;
  let lastSettledMs = 0;
  let timer: NodeJS.Timeout | undefined;
  let finish: (() => void) | undefined;

  const record = (index: number, outcome: PromiseSettledResult<unknown>): void => {
    if (outcomes[index] !== undefined) return;
    outcomes[index] = outcome;
    settled += 1;
    running -= 1;
    lastSettledMs = performance.now();
  };
  const pump = (): void => {
    while (running < lanes && next < count) {
      const index = next;
      next += 1;
      running += 1;
      let value: unknown;
      try {
        value = start(index);
      } catch (reason) {
        record(index, { status: 'rejected', reason });
        continue;
      }
      if (!isThenable(value)) {
        record(index, { status: 'fulfilled', value });
        continue;
      }
      value.then(
        (result) => {
          record(index, { status: 'fulfilled', value: result });
          if (finish !== undefined) pump();
        },
        (reason: unknown) => {
          record(index, { status: 'rejected', reason });
          if (finish !== undefined) pump();
        },
      );
    }
    if (settled === count) finish?.();
  };

  pump();
  if (settled === count) return Promise.resolve(outcomes as PromiseSettledResult<unknown>[]);
  return new Promise((resolve) => {
    finish = () => {
      finish = undefined;
      clearTimeout(timer);
      resolve(outcomes as PromiseSettledResult<unknown>[]);
    };
    const check = (): void => {
      const quietMs = performance.now() - lastSettledMs;
      if (quietMs >= timeoutMs) {
        // The started units still unsettled are the ones over time; the batch goes on with the rest.
        const reason = taskTimeoutError(timeoutMs);
        for (let index = 0; index < next; index += 1)
          if (outcomes[index] === undefined) record(index, { status: 'rejected', reason });
        pump();
        if (finish === undefined) return;
      }
      timer = setTimeout(check, Math.max(1, timeoutMs - (performance.now() - lastSettledMs)));
    };
    lastSettledMs = performance.now();
    timer = setTimeout(check, timeoutMs);
  });
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
