/**
 * Entry of the load generator process (forked by the serve study for each offered rate), so the load never shares
 * the event loop it measures. One config in, one report out.
 */
import { serializeError } from '../errors.js';
import { encodeHistogram, summarize } from './histogram.js';
import type { LoadConfig, LoadReport, RouteFigures } from './messages.js';
import { runStream, type StreamOutcome } from './open-loop.js';

// Ctrl-C reaches the whole process group; the supervisor decides when this process ends.
process.on('SIGINT', () => undefined);

function figures(outcome: StreamOutcome): RouteFigures {
  const { correctedUs, uncorrectedUs, ...counts } = outcome;
  return {
    ...counts,
    corrected: summarize(correctedUs),
    uncorrected: summarize(uncorrectedUs),
    histogram: encodeHistogram(correctedUs),
  };
}

function send(message: LoadReport): Promise<void> {
  return new Promise((resolve) => process.send?.(message, undefined, {}, () => resolve()));
}

process.once('message', (config: LoadConfig) => {
  const stream = (url: string, ratePerS: number, maxSockets: number): Promise<StreamOutcome> =>
    runStream({ url, ratePerS, durationMs: config.durationMs, timeoutMs: config.timeoutMs, maxSockets });
  void Promise.all([
    stream(config.computeUrl, config.computeRatePerS, config.computeSockets),
    stream(config.healthUrl, config.healthRatePerS, config.healthSockets),
  ])
    .then(([compute, health]) => send({ type: 'result', compute: figures(compute), health: figures(health) }))
    .catch((error: unknown) => send({ type: 'error', error: serializeError(error) }))
    .finally(() => process.disconnect());
});
void send({ type: 'ready' });
