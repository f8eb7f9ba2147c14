// plain-two-threads.mjs's piscina worker: the workload file's task, handed the setup data once (piscina's
// `workerData`), as the plain script's own threads are.
import { workerData } from 'node:worker_threads';

const { task } = (await import(workerData.file)).default;
export default (index) => task({ data: workerData.data, size: workerData.size, index });
