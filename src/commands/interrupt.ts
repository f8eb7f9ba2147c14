import { EXIT } from '../errors.js';

export interface Interrupt {
  /** Aborted by the first Ctrl-C or SIGTERM: stop at the next sample boundary and write what was measured. */
  signal: AbortSignal;
  /** Aborted by the second: end every measuring child at once (the command then exits 130 straight away). */
  killSignal: AbortSignal;
  /** Stop listening. */
  dispose(): void;
}

/**
 * The one Ctrl-C handler of every command that measures: the first signal stops at the next sample boundary, so
 * what was measured is written (the command then exits 130); a second ends everything at once.
 */
export function onInterrupt(): Interrupt {
  const stop = new AbortController();
  const kill = new AbortController();
  const onSignal = (): void => {
    if (!stop.signal.aborted) {
      process.stderr.write('\nstopping after the current sample (Ctrl-C again to quit now)…\n');
      stop.abort();
      return;
    }
    kill.abort();
    process.exit(EXIT.interrupted);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: stop.signal,
    killSignal: kill.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
