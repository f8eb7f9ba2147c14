import { Worker } from 'node:worker_threads';

/**
 * A hand-written reference for timed tests: plain worker threads (no piscina, nothing of corescope's) that each
 * run their share of a batch of a workload's tasks. What two of them gain over one is what this machine gives
 * two threads at this moment, load and all.
 */
export interface PlainThreads {
  /** Runs tasks 0..tasks-1 split over the threads, and resolves when all are done. */
  runBatch(tasks: number): Promise<void>;
  close(): Promise<void>;
}

// CommonJS, as an eval worker is; the workload module is imported once, then each message runs some tasks.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const loaded = import(workerData.workloadUrl).then((module) => module.default);
parentPort.on('message', async (indices) => {
  const workload = await loaded;
  for (const index of indices) await workload.task({ data: undefined, size: workerData.size, index });
  parentPort.postMessage(indices.length);
});
`;

function ask(worker: Worker, indices: number[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error): void => {
      worker.off('message', onDone);
      reject(error);
    };
    const onDone = (): void => {
      worker.off('error', onError);
      resolve();
    };
    worker.once('message', onDone);
    worker.once('error', onError);
    worker.postMessage(indices);
  });
}

/** Starts `threads` plain threads for a workload whose tasks need no setup data, and runs one task on each. */
export async function startPlainThreads(workloadUrl: string, size: number, threads: number): Promise<PlainThreads> {
  const start = (): Worker => new Worker(WORKER_SOURCE, { eval: true, workerData: { workloadUrl, size } });
  const workers = Array.from({ length: threads }, start);
  await Promise.all(workers.map((worker) => ask(worker, [0])));
  return {
    async runBatch(tasks) {
      const indices = Array.from({ length: tasks }, (_, index) => index);
      const share = (thread: number): number[] => indices.filter((index) => index % threads === thread);
      await Promise.all(workers.map((worker, thread) => ask(worker, share(thread))));
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
