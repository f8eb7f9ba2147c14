import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { summarize } from '../../src/serve/histogram.js';
import { runStream } from '../../src/serve/open-loop.js';

/**
 * A fake server that stalls for a known time, as a blocked event loop would: every request that arrives during
 * [stallAtMs, stallAtMs + stallMs) is answered only when the stall ends. Timers, not a busy loop, hold the
 * answers, so the client in this same process keeps its own clock running.
 */
async function stallingServer(stallAtMs: number, stallMs: number): Promise<{ url: string; close: () => void }> {
  const startedAt = performance.now();
  const server = http.createServer((_request, response) => {
    const sinceStartMs = performance.now() - startedAt;
    const stallEndMs = stallAtMs + stallMs;
    if (sinceStartMs >= stallAtMs && sinceStartMs < stallEndMs)
      setTimeout(() => response.end('late'), stallEndMs - sinceStartMs);
    else response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

describe('open-loop stream: latency from the intended send time', () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  it('shows a 300 ms stall in p99 with the correction and hides it without', async () => {
    const stallMs = 300;
    const fake = await stallingServer(500, stallMs);
    close = fake.close;
    // One connection, as a closed-loop generator has: requests due during the stall wait for it to come free.
    const outcome = await runStream({ url: fake.url, ratePerS: 100, durationMs: 2000, timeoutMs: 2000, maxSockets: 1 });
    const corrected = summarize(outcome.correctedUs);
    const uncorrected = summarize(outcome.uncorrectedUs);
    expect(outcome.intended).toBe(200);
    expect(outcome.ok).toBe(200);
    expect(outcome.timeouts + outcome.errors + outcome.failures).toBe(0);
    // About 30 requests (15 %) were due during the stall: p99 lands inside it, near its length.
    expect(corrected.p99Ms).toBeGreaterThan(0.6 * stallMs);
    // Measured from the actual send, only the one request in flight when the stall began waited: 0.5 % of them.
    expect(uncorrected.p99Ms).toBeLessThan(0.3 * stallMs);
    expect(uncorrected.maxMs).toBeGreaterThan(0.6 * stallMs);
  });

  it('counts a request unanswered past the timeout, and records it at the timeout', async () => {
    const server = http.createServer(() => undefined); // never answers
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => {
      server.closeAllConnections();
      server.close();
    };
    const { port } = server.address() as AddressInfo;
    const outcome = await runStream({
      url: `http://127.0.0.1:${port}/`,
      ratePerS: 20,
      durationMs: 250,
      timeoutMs: 100,
      maxSockets: 8,
    });
    expect(outcome.intended).toBe(5);
    expect(outcome.timeouts).toBe(5);
    expect(outcome.ok).toBe(0);
    expect(summarize(outcome.correctedUs).p50Ms).toBeCloseTo(100, 0);
  });

  it('counts 500 answers as errors and a refused connection as a failure', async () => {
    const server = http.createServer((_request, response) => {
      response.statusCode = 500;
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const errors = await runStream({
      url: `http://127.0.0.1:${port}/`,
      ratePerS: 50,
      durationMs: 100,
      timeoutMs: 500,
      maxSockets: 4,
    });
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    expect(errors.errors).toBe(5);
    const refused = await runStream({
      url: `http://127.0.0.1:${port}/`,
      ratePerS: 50,
      durationMs: 100,
      timeoutMs: 500,
      maxSockets: 4,
    });
    expect(refused.failures).toBe(5);
  });
});
