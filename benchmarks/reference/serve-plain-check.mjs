// The plain check of `corescope serve`, with no corescope code: its own node:http server (a forked process), its own
// worker_threads pool, its own open-loop client and clock. The server computes a calibrated integer spin of `ms` per
// /compute request, inline or on `threads` plain worker threads; the client (this process) offers /compute at `rate`
// and /health at `health` req/s for `seconds`, measures each /health latency from its intended send time, and prints
// the p99 (a sort of the raw values) per mode, median over `reps` fresh servers, as one line of JSON.
// Usage: node serve-plain-check.mjs [ms=10] [rate=50] [seconds=3] [reps=3] [threads=2] [health=100]
import { fork } from 'node:child_process';
import http from 'node:http';
import { Worker } from 'node:worker_threads';

const spinSource = `function spin(n) { let s = 1; for (let i = 0; i < n; i += 1) s = (Math.imul(s, 1664525) + 1013904223) | 0; return s; }`;
const spin = new Function(`${spinSource}; return spin;`)();

if (process.argv[2] === 'server') {
  const [mode, ms, threads] = [process.argv[3], Number(process.argv[4]), Number(process.argv[5])];
  // Iterations per ms on this thread: the fastest of 5 timings of at least 20 ms.
  let n = 100_000;
  let perMs = 0;
  spin(n);
  for (let timed = 0; timed < 5;) {
    const t0 = performance.now();
    spin(n);
    const took = performance.now() - t0;
    if (took < 20) {
      n *= 2;
    } else {
      perMs = Math.max(perMs, n / took);
      timed += 1;
    }
  }
  const iterations = Math.round(ms * perMs);
  const idle = [];
  const queue = [];
  if (mode === 'pool') {
    const body = `${spinSource}; const { parentPort } = require('node:worker_threads');
      parentPort.on('message', (n) => parentPort.postMessage(spin(n)));`;
    for (let i = 0; i < threads; i += 1) {
      const worker = new Worker(body, { eval: true });
      worker.on('message', () => {
        worker.done();
        const next = queue.shift();
        if (next) {
          worker.done = next;
          worker.postMessage(iterations);
        } else idle.push(worker);
      });
      idle.push(worker);
    }
  }
  const server = http.createServer((req, res) => {
    if (req.url === '/health') return res.end('ok');
    if (mode === 'inline') {
      spin(iterations);
      return res.end('done');
    }
    const done = () => res.end('done');
    const worker = idle.pop();
    if (worker) {
      worker.done = done;
      worker.postMessage(iterations);
    } else queue.push(done);
  });
  server.listen(0, '127.0.0.1', () => process.send(server.address().port));
  process.on('disconnect', () => process.exit(0));
} else {
  const [ms, rate, seconds, reps, threads, health] = [10, 50, 3, 3, 2, 100].map((d, i) =>
    Number(process.argv[i + 2] ?? d),
  );
  // Open loop: request i is due at start + i / rate; its latency counts from then, whenever it could go out.
  const stream = (port, path, perS, sockets) =>
    new Promise((resolve) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
      const total = Math.floor(perS * seconds);
      const latencies = [];
      const start = performance.now();
      let sent = 0;
      const tick = () => {
        while (sent < total && start + (sent * 1000) / perS <= performance.now()) {
          const due = start + (sent * 1000) / perS;
          http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
            res.resume();
            res.on('end', () => {
              latencies.push(performance.now() - due);
              if (latencies.length !== total) return;
              agent.destroy();
              resolve(latencies);
            });
          });
          sent += 1;
        }
        if (sent < total) setTimeout(tick, Math.max(0, start + (sent * 1000) / perS - performance.now()));
      };
      tick();
    });
  const p99 = (values) => [...values].sort((a, b) => a - b)[Math.ceil(0.99 * values.length) - 1];
  const median = (values) => {
    const s = [...values].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const result = { ms, rate, seconds, reps, threads, health, inlineHealthP99Ms: [], poolHealthP99Ms: [] };
  for (let rep = 0; rep < reps; rep += 1) {
    for (const mode of ['inline', 'pool']) {
      const child = fork(new URL(import.meta.url), ['server', mode, String(ms), String(threads)]);
      const port = await new Promise((resolve) => child.once('message', resolve));
      const [, healthMs] = await Promise.all([stream(port, '/compute', rate, 256), stream(port, '/health', health, 4)]);
      result[`${mode}HealthP99Ms`].push(Number(p99(healthMs).toFixed(2)));
      child.disconnect();
    }
  }
  result.inlineMedianMs = median(result.inlineHealthP99Ms);
  result.poolMedianMs = median(result.poolHealthP99Ms);
  console.log(JSON.stringify(result));
}
