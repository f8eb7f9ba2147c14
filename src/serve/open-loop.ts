import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createLatencyHistogram, type LatencyHistogram, recordMs } from './histogram.js';

/**
 * An open-loop load stream, as wrk2 sends: request i is *intended* at start + i / rate whatever the server does,
 * and its latency is measured from that intended time. A server that stalls for 300 ms therefore shows 300 ms on
 * every request that was due during the stall, not only on the one in flight when it began (coordinated
 * omission). The latency from the actual send (when a connection was free) is kept beside it, uncorrected, so the
 * difference can be shown.
 */
export interface StreamOptions {
  url: string;
  ratePerS: number;
  durationMs: number;
  /** A request not answered this long after its intended time is aborted and counted as a timeout. */
  timeoutMs: number;
  /**
   * Connections at most: the bound on what the generator holds open. Requests due while all are busy wait for one;
   * that wait counts in the corrected latency and not in the uncorrected one.
   */
  maxSockets: number;
}

export interface StreamOutcome {
  /** Requests scheduled: rate × duration, the bound on what one stream sends. */
  intended: number;
  /** 2xx responses. */
  ok: number;
  /** 2xx responses that arrived within the stream's window: achieved throughput is this over the window. */
  okInWindow: number;
  /** Responses with any other status (a task that threw answers 500). */
  errors: number;
  /** Requests that failed on the connection (reset, refused): a crashed server. */
  failures: number;
  /** Requests aborted at the timeout; they are recorded at the timeout in both histograms (a floor). */
  timeouts: number;
  windowMs: number;
  /** From the intended send time: what a user of the server waits. */
  correctedUs: LatencyHistogram;
  /** From the actual send time: what a closed-loop generator would report. */
  uncorrectedUs: LatencyHistogram;
}

/** How often overdue requests are looked for; a timeout is late by this much at most. */
const SWEEP_MS = 20;

interface Pending {
  intendedMs: number;
  sentMs: number | undefined;
  request: http.ClientRequest;
}

export async function runStream(
  options: StreamOptions,
  now: () => number = () => performance.now(),
): Promise<StreamOutcome> {
  const { url, ratePerS, durationMs, timeoutMs } = options;
  const intervalMs = 1000 / ratePerS;
  const total = Math.max(1, Math.floor((durationMs / 1000) * ratePerS));
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.maxSockets });
  const outcome: StreamOutcome = {
    intended: total,
    ok: 0,
    okInWindow: 0,
    errors: 0,
    failures: 0,
    timeouts: 0,
    windowMs: durationMs,
    correctedUs: createLatencyHistogram(),
    uncorrectedUs: createLatencyHistogram(),
  };
  const pending = new Set<Pending>();
  const startMs = now();
  const windowEndMs = startMs + durationMs;
  let next = 0;
  let settled = 0;
  let finish: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const settle = (entry: Pending, kind: 'ok' | 'error' | 'failure' | 'timeout'): void => {
    if (!pending.delete(entry)) return;
    const doneMs = now();
    const sentMs = entry.sentMs ?? doneMs;
    if (kind === 'timeout') {
      outcome.timeouts += 1;
      recordMs(outcome.correctedUs, timeoutMs);
      recordMs(outcome.uncorrectedUs, Math.min(timeoutMs, doneMs - sentMs));
    } else if (kind === 'failure') {
      outcome.failures += 1;
    } else {
      recordMs(outcome.correctedUs, doneMs - entry.intendedMs);
      recordMs(outcome.uncorrectedUs, doneMs - sentMs);
      if (kind === 'ok') {
        outcome.ok += 1;
        if (doneMs <= windowEndMs) outcome.okInWindow += 1;
      } else outcome.errors += 1;
    }
    settled += 1;
    if (settled === total) finish();
  };

  const send = (intendedMs: number): void => {
    const request = http.request(url, { agent, method: 'GET' });
    const entry: Pending = { intendedMs, sentMs: undefined, request };
    pending.add(entry);
    request.once('socket', () => (entry.sentMs = now()));
    request.once('response', (response) => {
      response.resume();
      response.once('end', () =>
        settle(entry, response.statusCode !== undefined && response.statusCode < 300 ? 'ok' : 'error'),
      );
      response.once('error', () => settle(entry, 'failure'));
    });
    // A request aborted at its timeout was settled already; settle() ignores it the second time.
    request.once('error', () => settle(entry, 'failure'));
    request.end();
  };

  const sweep = setInterval(() => {
    const nowMs = now();
    for (const entry of pending) {
      if (nowMs - entry.intendedMs >= timeoutMs) {
        settle(entry, 'timeout');
        entry.request.destroy();
      }
    }
  }, SWEEP_MS);

  // Every request due by now goes out now: a late timer makes the generator send in a burst, never send less.
  const tick = (): void => {
    const nowMs = now();
    while (next < total && startMs + next * intervalMs <= nowMs) {
      send(startMs + next * intervalMs);
      next += 1;
    }
    if (next < total) setTimeout(tick, Math.max(0, startMs + next * intervalMs - now()));
  };
  tick();
  await finished;
  clearInterval(sweep);
  agent.destroy();
  return outcome;
}
