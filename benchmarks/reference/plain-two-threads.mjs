// The plain reference: its own stopwatch and its own worker threads, no corescope code at all. It runs a workload
// file's task N times on the main thread, then on T plain worker_threads (each handed the setup data once, one
// postMessage per task, first free thread first), the two interleaved for `reps` repetitions, and prints the
// medians as one line of JSON.  Usage: node plain-two-threads.mjs <workload.mjs> [threads=2] [reps=40] [warmups=3]
// [piscina] (issue 20's plain script on real-library code: warmups 5, reps 30).
// With `piscina`, each rep also runs the tasks on two piscina pools of T threads, its defaults and `atomics:
// 'disabled'`, the three pools in an order rotated each rep: the plain counterpart of corescope's `parallel` against
// `raw` (piscina's default worker waits for its next task in Atomics.wait, so its event loop does not turn between
// tasks). N is the workload's defaultTasks, or PLAIN_TASKS from the environment (8 matches classify's quick profile).
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { median } from './plain-helpers.mjs';

const file = pathToFileURL(resolve(process.argv[2])).href;
const threads = Number(process.argv[3] ?? 2);
const reps = Number(process.argv[4] ?? 40);
const warmups = Number(process.argv[5] ?? 3);
const withPiscina = process.argv[6] === 'piscina';
const workload = (await import(file)).default;
const tasks = Number(process.env.PLAIN_TASKS ?? workload.defaultTasks);
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

const piscinaPool = (options) => {
  const { Piscina } = createRequire(import.meta.url)('piscina');
  return new Piscina({
    filename: new URL('./plain-piscina-worker.mjs', import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    workerData: { file, data, size },
    ...options,
  });
};
const piscinas = withPiscina
  ? { piscinaMs: piscinaPool({}), piscinaNoAtomicsMs: piscinaPool({ atomics: 'disabled' }) }
  : {};
const onPiscina = async (pool) => {
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: tasks }, (_, index) => pool.run(index)));
  return performance.now() - startedAt;
};
/** Every pool's time for one rep, in an order rotated by `rep`. */
async function onPools(rep) {
  const pools = [['poolMs', onPool], ...Object.entries(piscinas).map(([key, pool]) => [key, () => onPiscina(pool)])];
  const times = {};
  for (let turn = 0; turn < pools.length; turn += 1) {
    const [key, run] = pools[(rep + turn) % pools.length];
    times[key] = await run();
  }
  return times;
}

async function onMainThread() {
  const startedAt = performance.now();
  for (let index = 0; index < tasks; index += 1) await workload.task({ data, size, index });
  return performance.now() - startedAt;
}

for (let warm = 0; warm < warmups; warm += 1) {
  await onPools(warm);
  await onMainThread();
}
const sequentialMs = [];
const poolTimes = {};
for (let rep = 0; rep < reps; rep += 1) {
  sequentialMs.push(await onMainThread());
  for (const [key, ms] of Object.entries(await onPools(rep))) (poolTimes[key] ??= []).push(ms);
}
const result = {
  workload: workload.id,
  tasks,
  threads,
  reps,
  warmups,
  sequentialMs: median(sequentialMs),
  ...Object.fromEntries(Object.entries(poolTimes).map(([key, times]) => [key, median(times)])),
};
console.log(JSON.stringify({ ...result, speedup: result.sequentialMs / result.poolMs }));
await Promise.all([...workers.map((worker) => worker.terminate()), ...Object.values(piscinas).map((p) => p.destroy())]);
