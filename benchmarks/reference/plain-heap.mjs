// Plain check of corescope's heap figure, no corescope code: the yaml reference workload's task 200 times on the main
// thread and on one plain worker thread, reading V8's used_heap_size at each task's end, and printing the largest
// over the last 40 tasks (about the span of a run's steady warm-up window). Usage: node plain-heap.mjs
import { Worker } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
const file = new URL('./workloads/yaml.mjs', import.meta.url).href;
const source = `const { parentPort, workerData } = require('node:worker_threads');
const { getHeapStatistics } = require('node:v8');
import(workerData.file).then(async (m) => { const w = m.default; const data = await w.setup?.({ size: w.defaultSize, tasks: w.defaultTasks });
  let most = 0; for (let i = 0; i < 200; i++) { await w.task({ data, size: w.defaultSize, index: i % w.defaultTasks }); if (i >= 160) most = Math.max(most, getHeapStatistics().used_heap_size); }
  parentPort.postMessage(most); });`;
const worker = new Worker(source, { eval: true, workerData: { file } });
worker.on('message', (most) => {
  console.log('worker max used heap MiB', (most / 2 ** 20).toFixed(2));
  worker.terminate();
});
const w = (await import(file)).default;
const data = await w.setup?.({ size: w.defaultSize, tasks: w.defaultTasks });
let most = 0;
for (let i = 0; i < 200; i++) {
  await w.task({ data, size: w.defaultSize, index: i % w.defaultTasks });
  if (i >= 160) most = Math.max(most, getHeapStatistics().used_heap_size);
}
console.log('main max used heap MiB', (most / 2 ** 20).toFixed(2));
