// Plain check of corescope's heap figure, no corescope code: the yaml reference workload's task 200 times on the main
// thread and on one plain worker thread, reading V8's used_heap_size at each task's end, and printing the largest
// over the last 40 tasks (about the span of a run's steady warm-up window). Usage: node plain-heap.mjs
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';

const TASKS = 200;
const LAST = 40;

/** The workload's task TASKS times on this thread; the largest used heap at the end of the last LAST, bytes. */
async function largestHeapBytes() {
  const w = (await import(new URL('./workloads/yaml.mjs', import.meta.url).href)).default;
  const data = await w.setup?.({ size: w.defaultSize, tasks: w.defaultTasks });
  let most = 0;
  for (let i = 0; i < TASKS; i++) {
    await w.task({ data, size: w.defaultSize, index: i % w.defaultTasks });
    if (i >= TASKS - LAST) most = Math.max(most, getHeapStatistics().used_heap_size);
  }
  return most;
}

const mib = (bytes) => (bytes / 2 ** 20).toFixed(2);
if (isMainThread) {
  // The same file on one plain worker thread, side by side with the main thread's own run.
  const worker = new Worker(new URL(import.meta.url));
  worker.on('message', (most) => {
    console.log('worker max used heap MiB', mib(most));
    worker.terminate();
  });
  console.log('main max used heap MiB', mib(await largestHeapBytes()));
} else {
  parentPort.postMessage(await largestHeapBytes());
}
