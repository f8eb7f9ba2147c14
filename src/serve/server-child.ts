/**
 * Entry of the measuring process of the serve study: it hosts the HTTP server, the workload and, for `parallel`
 * and `hybrid`, the pool. The supervisor starts one per strategy and thread count, and a fresh one after a fault.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { serializeError, UsageError } from '../errors.js';
import { hasSplit } from '../workload.js';
import { POOL_STARTUP_TIMEOUT_MS, startPool, type TaskPool } from '../pool/pool.js';
import { loadWorkload } from '../workload-source.js';
import { computeRoute } from './compute-route.js';
import {
  DEFAULT_TASKS_PER_THREAD,
  usesPool,
  type ServerCommand,
  type ServerConfig,
  type ServerReport,
} from './messages.js';
import { startServer, type StudyServer } from './server.js';

/** `begin` waits at most this long for the tasks of the last rate to drain before it starts the readings. */
const DRAIN_LIMIT_MS = 20_000;
const DRAIN_POLL_MS = 5;

// Ctrl-C reaches the whole process group; the supervisor decides when this process ends.
process.on('SIGINT', () => undefined);

function send(message: ServerReport): Promise<void> {
  return new Promise((resolve) => process.send?.(message, undefined, {}, () => resolve()));
}

/** Median wall time of one task run alone, ms: runs it for about `probeMs` (3 runs at least, 200 at most). */
async function serviceTimeMs(run: () => unknown, probeMs: number): Promise<number> {
  const times: number[] = [];
  const startedAt = performance.now();
  while (times.length < 3 || (times.length < 200 && performance.now() - startedAt < probeMs)) {
    const taskStart = performance.now();
    try {
      await run();
    } catch {
      // A task that throws is timed all the same: its 500s are part of what the study records.
    }
    times.push(performance.now() - taskStart);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

async function start(config: ServerConfig): Promise<void> {
  const workload = await loadWorkload(config.workloadUrl);
  const size = config.size ?? workload.defaultSize;
  const tasksPerThread = config.tasksPerThread ?? (workload.kind === 'cpu' ? 1 : DEFAULT_TASKS_PER_THREAD);
  if (config.strategy === 'hybrid' && !hasSplit(workload)) {
    throw new UsageError(
      `--strategies: hybrid needs a workload with "wait" and "compute" steps; ${workload.id} has none`,
    );
  }
  const data = await workload.setup?.({ size, tasks: 1 });
  const serviceMs = await serviceTimeMs(() => workload.task({ data, size, index: 0 }), config.probeMs);
  let pool: TaskPool | undefined;
  if (usesPool(config.strategy)) {
    pool = await startPool({
      threads: config.threads,
      workload: { workloadUrl: config.workloadUrl, data, size },
      warmTask: { index: 0 },
      startupTimeoutMs: POOL_STARTUP_TIMEOUT_MS,
      concurrentTasksPerWorker: tasksPerThread,
    });
  }
  const runCompute = computeRoute(config.strategy, { workload, data, size, ...(pool ? { pool } : {}) });
  const server = await startServer(runCompute);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let cpuAtBegin = process.cpuUsage();
  let loopAtBegin = performance.eventLoopUtilization();
  let wallAtBegin = performance.now();
  let errorsAtBegin = 0;

  process.on('message', (command: ServerCommand) => {
    void handle(command).catch((error: unknown) => send({ type: 'error', error: serializeError(error) }));
  });
  const handle = async (command: ServerCommand): Promise<void> => {
    if (command.type === 'begin') {
      await drain(server);
      delay.disable();
      delay.reset();
      delay.enable();
      cpuAtBegin = process.cpuUsage();
      loopAtBegin = performance.eventLoopUtilization();
      wallAtBegin = performance.now();
      errorsAtBegin = server.counters.taskErrors;
      await send({ type: 'begun' });
    } else if (command.type === 'end') {
      const cpu = process.cpuUsage(cpuAtBegin);
      const wallMs = performance.now() - wallAtBegin;
      delay.disable();
      await send({
        type: 'figures',
        figures: {
          eventLoopDelayP99Ms: delay.count > 0 ? delay.percentile(99) / 1e6 : 0,
          eventLoopDelayMaxMs: delay.count > 0 ? delay.max / 1e6 : 0,
          eventLoopUtilization: performance.eventLoopUtilization(loopAtBegin).utilization,
          coresBusy: wallMs > 0 ? (cpu.user + cpu.system) / 1000 / wallMs : 0,
          taskErrors: server.counters.taskErrors - errorsAtBegin,
        },
      });
    } else {
      await server.close();
      await pool?.close();
      await workload.teardown?.(data);
      process.disconnect();
    }
  };
  await send({
    type: 'ready',
    port: server.port,
    address: server.address,
    serviceMs,
    workload: { id: workload.id, kind: workload.kind, size, tasksPerThread, hasSplit: hasSplit(workload) },
  });
}

async function drain(server: StudyServer): Promise<void> {
  const limit = performance.now() + DRAIN_LIMIT_MS;
  while (server.counters.inFlight > 0 && performance.now() < limit) await sleep(DRAIN_POLL_MS);
}

process.once('message', (config: ServerConfig) => {
  start(config).catch((error: unknown) => {
    void send({ type: 'error', error: serializeError(error) }).finally(() => process.disconnect());
  });
});
