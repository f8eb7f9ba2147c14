import { formatDuration } from '../../format/numbers.js';
import type { SuiteProgress } from '../../runner/run-request.js';

/**
 * The one-line progress display of `run`: which workload and measuring process, time spent, and about how much is
 * left: the unspent budgets of the workloads still measuring, and the warm-up their minimum of processes has to
 * come (process-plan.ts). An estimate: a workload stops early once precise, and one not started yet has shown no
 * warm-up to go by.
 */

export function formatProgress(progress: SuiteProgress): string {
  const planned = progress.process < progress.processesPlanned ? ` of ${progress.processesPlanned}` : '';
  const left = `about ${formatDuration(progress.remainingMs / 1000)} left`;
  return (
    `${progress.workload}: process ${progress.process + 1}${planned} · ` +
    `${formatDuration(progress.elapsedMs / 1000)} elapsed · ${left}`
  );
}

export interface ProgressLine {
  update(progress: SuiteProgress): void;
  /** Erases the line, so the summary starts on a clean one. */
  clear(): void;
}

/**
 * Redraws one line in place on a terminal. Cut to the terminal's width, since a wrapped line cannot be
 * redrawn with a carriage return. Meant only for a TTY: callers pass nothing when stderr is piped.
 */
export function progressLine(stream: NodeJS.WriteStream): ProgressLine {
  let shown = false;
  return {
    update(progress) {
      const columns = stream.columns > 0 ? stream.columns : 80;
      const text = formatProgress(progress);
      stream.write(`\r\x1b[K${text.length >= columns ? `${text.slice(0, columns - 2)}…` : text}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
