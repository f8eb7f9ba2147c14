// The plain reference: its own stopwatch and its own worker threads, no corescope code at all. It runs a workload
// file's task N times on the main thread, then on T plain worker_threads (each handed the setup data once, one
// postMessage per task, first free thread first), the two interleaved for `reps` repetitions, and prints the
// medians as one line of JSON.  Usage: node plain-two-threads.mjs <workload.mjs> [threads=2] [reps=40] [warmups=3]
// (issue 20's plain script on real-library code: warmups 5, reps 30).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const file = pathToFileURL(resolve(process.argv[2])).href;
const threads = Number(process.argv[3] ?? 2);
const reps = Number(process.argv[4] ?? 40);
const warmups = Number(process.argv[5] ?? 3);
const workload = (await import(file)).default;
const tasks = workload.defaultTasks;
const size = workload.defaultSize;
const data = workload.setup ? await workload.setup({ size, tasks }) : undefined;

const source = `const { parentPort, workerData } = require('node:worker_threads');
let task; const ready = import(workerData.file).then((m) => { task = m.default.task; });
parentPort.on('message', async (index) => { await ready; parentPort.postMessage(await task({ data: workerData.data, size: workerData.size, index })); });`;
const workers = Array.from(
  { length: threads },
  () => new Worker(source, { eval: true, workerData: { file, data, size } }),
);

function onPool() {
  return new Promise((done) => {
    const startedAt = performance.now();
    let next = 0;
    let finished = 0;
    const feed = (worker) => {
      if (next < tasks) worker.postMessage(next++);
    };
    for (const worker of workers) {
      worker.removeAllListeners('message');
      worker.on('message', () => (++finished === tasks ? done(performance.now() - startedAt) : feed(worker)));
      feed(worker);
    }
  });
}

async function onMainThread() {
  const startedAt = performance.now();
  for (let index = 0; index < tasks; index += 1) await workload.task({ data, size, index });
  return performance.now() - startedAt;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
};
for (let warm = 0; warm < warmups; warm += 1) {
  await onPool();
  await onMainThread();
}
const sequentialMs = [];
const poolMs = [];
for (let rep = 0; rep < reps; rep += 1) {
  sequentialMs.push(await onMainThread());
  poolMs.push(await onPool());
}
const result = {
  workload: workload.id,
  tasks,
  threads,
  reps,
  warmups,
  sequentialMs: median(sequentialMs),
  poolMs: median(poolMs),
};
console.log(JSON.stringify({ ...result, speedup: result.sequentialMs / result.poolMs }));
await Promise.all(workers.map((worker) => worker.terminate()));
