import type { FailedBenchmark } from '../../results/schema.js';

/**
 * One line on why a cell has no figures: its status, how many tasks failed when that is known, and the
 * error that decided it, e.g. `error: 3 of 5 tasks failed; QuotaError [E_QUOTA]: quota of 3 exceeded (+2 other
 * errors)`.
 */
export function failureNote(benchmark: FailedBenchmark): string {
  const { status, error, failedTasks, totalTasks, taskErrors, exit } = benchmark;
  const count =
    failedTasks !== undefined && totalTasks !== undefined ? `${failedTasks} of ${totalTasks} tasks failed; ` : '';
  // corescope's own errors (ERR_CORESCOPE_*) say everything in their message; a workload's keep name and code.
  const ours = error.code?.startsWith('ERR_CORESCOPE_') === true;
  const label = error.name !== 'Error' && error.name !== 'NonError' ? error.name : '';
  const code = error.code !== undefined ? `[${error.code}]` : '';
  const name =
    ours || (label === '' && code === '') ? '' : `${[label, code].filter((part) => part !== '').join(' ')}: `;
  const others =
    (taskErrors?.length ?? 0) > 1
      ? ` (+${(taskErrors?.length ?? 1) - 1} other error${(taskErrors?.length ?? 0) > 2 ? 's' : ''})`
      : '';
  const exited =
    status === 'crashed' && exit !== undefined && !error.message.includes('exited')
      ? ` (exit ${exit.signal ?? exit.code})`
      : '';
  return `${status}: ${count}${name}${error.message}${others}${exited}`;
}
