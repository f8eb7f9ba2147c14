import type { SuiteProgress } from '../runner/run-suite.js';

/**
 * The one-line progress display of `run`: which cell of how many, time spent, and an estimate of what is
 * left. The estimate scales elapsed time by the share of samples still to take; cells run in interleaved
 * rounds, so samples (not whole cells) are what finishes at a steady pace.
 */

export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

export function formatProgress(progress: SuiteProgress, elapsedMs: number): string {
  const cell = Math.min(progress.cellsTotal, progress.cellsDone + 1);
  const fraction = progress.samplesPlanned > 0 ? Math.min(1, progress.samplesTaken / progress.samplesPlanned) : 0;
  const elapsedS = elapsedMs / 1000;
  // Before any sample has landed there is nothing to scale: say so rather than guess.
  const remaining = fraction > 0 ? `~${formatDuration((elapsedS / fraction) * (1 - fraction))} left` : 'estimating…';
  return `${progress.workload}: cell ${cell} of ${progress.cellsTotal} · ${Math.round(fraction * 100)} % of samples · ${formatDuration(elapsedS)} elapsed · ${remaining}`;
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
export function progressLine(stream: NodeJS.WriteStream, startedAtMs = Date.now(), now: () => number = Date.now): ProgressLine {
  let shown = false;
  return {
    update(progress) {
      const columns = stream.columns > 0 ? stream.columns : 80;
      const text = formatProgress(progress, now() - startedAtMs);
      stream.write(`\r\x1b[K${text.length >= columns ? `${text.slice(0, columns - 2)}…` : text}`);
      shown = true;
    },
    clear() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
