/**
 * Entry of the process that runs the overhead probes (forked by `corescope study overhead`), so the CLI
 * process never hosts the pools it measures. One config in, steps and one result (or error) out.
 */
import { serializeError } from '../errors.js';
import { runOverheadProbes, type OverheadConfig } from './overhead-study.js';
import type { StudyChildMessage } from './study-child.js';

function send(message: StudyChildMessage): Promise<void> {
  return new Promise((resolve) => process.send?.(message, undefined, {}, () => resolve()));
}

process.once('message', (config: OverheadConfig) => {
  void runOverheadProbes(config, (step) => void send({ type: 'step', step }))
    .then((overheads) => send({ type: 'result', value: overheads }))
    .catch((error: unknown) => send({ type: 'error', error: serializeError(error) }))
    .finally(() => process.disconnect());
});
