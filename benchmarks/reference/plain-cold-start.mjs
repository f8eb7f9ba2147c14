// Holds corescope's cold-start figures (`study overhead`: a fresh worker's first task over its steady speed, and the
// time its first tasks cost beyond that speed) to a plain script with no corescope code: a fresh plain worker thread
// is handed the workload's tasks one message at a time, as a pool would, and times each inside the thread on its own
// clock. Steady speed is the median of the last half of its tasks; the cost is what the first half took beyond it.
// Each repetition starts a fresh thread here and then runs `corescope study overhead --quick -w <file> --json`, so
// the two alternate and a slow spell on the machine falls on both.
// Usage (after `npm run build`): node benchmarks/reference/plain-cold-start.mjs [--reps 5] [--tasks 60]
//   [--out results/reference/plain-cold-start.json] [workload files…]   (default: the real-library workloads)
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { commandLine, corescopeOutput, median, workloadFiles, REPO_ROOT, writeSummary } from './plain-helpers.mjs';

const { args, flag } = commandLine();
const reps = Number(flag('--reps', '5'));
const taskCount = Number(flag('--tasks', '60'));
const out = flag('--out', join(REPO_ROOT, 'results', 'reference', 'plain-cold-start.json'));
const files = workloadFiles(args, ['markdown-it', 'yaml', 'bcryptjs']);

// The thread: loads the workload, then times each task it is sent and answers with the time.
const source = `const { parentPort, workerData } = require('node:worker_threads');
const ready = import(workerData.file).then((m) => m.default);
parentPort.on('message', async (index) => {
  const workload = await ready;
  const startMs = performance.now();
  await workload.task({ data: workerData.data, size: workerData.size, index });
  parentPort.postMessage(performance.now() - startMs);
});`;

/** One fresh thread's task times, in order, ms. */
async function freshThread(file) {
  const workload = (await import(pathToFileURL(file).href)).default;
  const size = workload.defaultSize;
  const tasks = workload.defaultTasks;
  const data = await workload.setup?.({ size, tasks });
  const worker = new Worker(source, { eval: true, workerData: { file: pathToFileURL(file).href, data, size } });
  const times = [];
  await new Promise((done, fail) => {
    worker.on('error', fail);
    worker.on('message', (ms) => {
      times.push(ms);
      if (times.length === taskCount) done();
      else worker.postMessage(times.length % tasks);
    });
    worker.postMessage(0);
  });
  await worker.terminate();
  await workload.teardown?.(data);
  const steadyMs = median(times.slice(taskCount / 2));
  const excessMs = times.slice(0, taskCount / 2).reduce((sum, ms) => sum + Math.max(0, ms - steadyMs), 0);
  return { steadyMs, firstTaskRatio: times[0] / steadyMs, excessMs };
}

function corescope(file) {
  const text = corescopeOutput(['study', 'overhead', '--quick', '-w', file, '--json']);
  const [figures] = JSON.parse(text).overheads.coldStart;
  return { steadyMs: figures.steadyTaskMs, firstTaskRatio: figures.firstTaskRatio, excessMs: figures.excessMs };
}

const rows = [];
for (const file of files) {
  const runs = [];
  for (let rep = 0; rep < reps; rep += 1) runs.push({ plain: await freshThread(file), corescope: corescope(file) });
  const medianOf = (side, figure) => median(runs.map((run) => run[side][figure]));
  const figures = ['steadyMs', 'firstTaskRatio', 'excessMs'];
  const row = {
    workload: relative(REPO_ROOT, file),
    plain: Object.fromEntries(figures.map((figure) => [figure, medianOf('plain', figure)])),
    corescope: Object.fromEntries(figures.map((figure) => [figure, medianOf('corescope', figure)])),
    runs,
  };
  rows.push(row);
  console.log(
    `${basename(file).padEnd(20)} ` +
      figures
        .map(
          (figure) => `${figure} plain ${row.plain[figure].toFixed(2)} corescope ${row.corescope[figure].toFixed(2)}`,
        )
        .join('  '),
  );
}
writeSummary(out, { reps, tasks: taskCount, rows });
