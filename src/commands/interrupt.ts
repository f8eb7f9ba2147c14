import { EXIT } from '../errors.js';
import { requestStop } from '../runner/run-suite.js';
import { killAllChildren } from '../runner/supervisor.js';

/**
 * Ctrl-C or SIGTERM while measuring: the first stops at the next sample boundary, so what was measured is written
 * (the command then exits 130); a second ends everything at once. Returns the function that stops listening.
 */
export function onInterrupt(): () => void {
  let signals = 0;
  const onSignal = (): void => {
    if (signals === 0) {
      process.stderr.write('\nstopping after the current sample (Ctrl-C again to quit now)…\n');
      requestStop();
    } else {
      killAllChildren();
      process.exit(EXIT.interrupted);
    }
    signals += 1;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
