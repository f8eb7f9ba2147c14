/**
 * A task's result crosses threads under `parallel` (structured clone), so the Workload contract asks for
 * cloneable results. A function or a symbol cannot be cloned: say so plainly instead of letting the post back
 * fail inside piscina, which kills the worker and hands back an empty `{}` as the error.
 */

export const UNCLONEABLE_RESULT_CODE = 'ERR_CORESCOPE_UNCLONEABLE_RESULT';

const thoroughlyChecked = new Set<string>();

/**
 * Throws when `value` cannot be cloned. Always catches the cheap cases (a function, a symbol); runs a full
 * structuredClone only the first time for `key` (per workload and thread: that first call is the pool's
 * warm-up task, outside any timing), because cloning every result would double the cost being measured.
 */
export function assertCloneableResult(value: unknown, key: string): void {
  if (typeof value === 'function' || typeof value === 'symbol')
    throw uncloneableResultError(value, `${typeof value} cannot be cloned`);
  if (thoroughlyChecked.has(key)) return;
  thoroughlyChecked.add(key);
  assertCloneable(value);
}

/** Full check: a structured clone of `value`, as posting it to another thread would do. */
export function assertCloneable(value: unknown): void {
  try {
    structuredClone(value);
  } catch (error) {
    throw uncloneableResultError(value, error instanceof Error ? error.message : String(error));
  }
}

function uncloneableResultError(value: unknown, reason: string): Error {
  const what = typeof value === 'function' ? 'a function' : typeof value === 'symbol' ? 'a symbol' : 'a value';
  return Object.assign(
    new Error(
      `the task returned ${what} that cannot be cloned to another thread (${reason}); return plain data: ` +
        `numbers, strings, arrays, plain objects`,
    ),
    { name: 'DataCloneError', code: UNCLONEABLE_RESULT_CODE },
  );
}
