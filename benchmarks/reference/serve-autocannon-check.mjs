// Why `corescope serve` sends its own load rather than autocannon's: a measurement. A forked server answers at once,
// except that its event loop is blocked for 200 ms at the start of every second (as a 200 ms inline task blocks it).
// At 100 req/s offered, 20 % of requests are due while it is blocked, so the true p99 from the intended send time is
// near 200 ms. The same server is measured by autocannon (overallRate, its coordinated-omission correction on) and by
// corescope's open-loop stream (dist/, run `npm run build` first); both print p50/p99 as one line of JSON each.
// Usage: node serve-autocannon-check.mjs [seconds=5]
import { fork } from 'node:child_process';
import http from 'node:http';
import autocannon from 'autocannon';

if (process.argv[2] === 'server') {
  const startedAt = performance.now();
  const server = http.createServer((_req, res) => res.end('ok'));
  setInterval(() => {
    const until = performance.now() + 200;
    while (performance.now() < until); // the stall
  }, 1000);
  server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port, startedAt }));
  process.on('disconnect', () => process.exit(0));
} else {
  const seconds = Number(process.argv[2] ?? 5);
  const startServer = async () => {
    const child = fork(new URL(import.meta.url), ['server']);
    const { port } = await new Promise((resolve) => child.once('message', resolve));
    return { child, url: `http://127.0.0.1:${port}/` };
  };
  let { child, url } = await startServer();
  const cannon = await autocannon({ url, connections: 10, overallRate: 100, duration: seconds });
  console.log(
    JSON.stringify({
      tool: 'autocannon 9 (overallRate 100, 10 connections, correction on)',
      requests: cannon.requests.total,
      p50Ms: cannon.latency.p50,
      p99Ms: cannon.latency.p99,
      maxMs: cannon.latency.max,
    }),
  );
  child.disconnect();
  ({ child, url } = await startServer());
  const { runStream } = await import('../../dist/src/serve/open-loop.js');
  const { summarize } = await import('../../dist/src/serve/histogram.js');
  const own = await runStream({ url, ratePerS: 100, durationMs: seconds * 1000, timeoutMs: 5000, maxSockets: 10 });
  const corrected = summarize(own.correctedUs);
  const uncorrected = summarize(own.uncorrectedUs);
  console.log(
    JSON.stringify({
      tool: 'corescope open loop (100 req/s, 10 connections)',
      requests: own.ok,
      p50Ms: corrected.p50Ms,
      p99Ms: corrected.p99Ms,
      maxMs: corrected.maxMs,
      uncorrectedP99Ms: uncorrected.p99Ms,
    }),
  );
  child.disconnect();
}
