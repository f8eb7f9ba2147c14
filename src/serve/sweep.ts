import { distFileUrl } from '../paths.js';
import { POOL_STARTUP_TIMEOUT_MS } from '../pool/pool.js';
import { benchmarkId } from '../results/benchmark-id.js';
import type { ServeMeasurement, ServePoint, ServeSeries } from '../results/serve-schema.js';
import { Forked, StepError } from './forked.js';
import type {
  LoadConfig,
  LoadReport,
  ServedWorkload,
  ServeStrategy,
  ServerCommand,
  ServerConfig,
  ServerReport,
} from './messages.js';
import { usesPool } from './messages.js';
import { kneesOf, spreadOf, summarizePoint } from './point-summary.js';

/** What one serve study runs: plain data, decided by the command from its flags. */
export interface ServePlan {
  workloadUrl: string;
  workloadId: string;
  /** The workload's default when absent. */
  size?: number;
  strategies: ServeStrategy[];
  /** Pool sizes for `parallel` and `hybrid`; inline strategies run on the one event loop. */
  threads: number[];
  /** Offered `/compute` rates; when absent, these multiples of the one-at-a-time capacity (1000 / serviceMs). */
  ratesPerS?: number[];
  rateMultiples: readonly number[];
  durationMs: number;
  timeoutMs: number;
  repeats: number;
  healthRatePerS: number;
  computeSockets: number;
  healthSockets: number;
  /** Chosen by the server from the workload's kind when absent (see ServerConfig). */
  tasksPerThread?: number;
  probeMs: number;
}

export interface SweepHooks {
  onProgress?: (text: string) => void;
  /** Heard after every measured point, with everything so far: the command writes the file each time. */
  onUpdate?: (state: SweepState) => void;
  /** Aborted: stop after the current rate, keeping what was measured (the first Ctrl-C). */
  signal?: AbortSignal;
  /** Aborted: kill the server and load processes at once (the second). */
  killSignal?: AbortSignal;
}

export interface SweepState {
  series: ServeSeries[];
  serviceMs: number;
  /** What the first server found in the workload module; null until one has started. */
  workload: ServedWorkload | null;
  ratesPerS: number[];
  warnings: string[];
  interrupted: boolean;
}

/** A serve run of one workload at these defaults takes under a minute on 2 cores (2 strategies, 2 repeats). */
export const SERVE_DEFAULTS = {
  rateMultiples: [0.25, 0.5, 1, 2, 3],
  durationMs: 1500,
  timeoutMs: 1000,
  repeats: 2,
  healthRatePerS: 100,
  computeSockets: 256,
  healthSockets: 4,
  probeMs: 300,
} as const satisfies Partial<ServePlan>;

const SERVER_CHILD = distFileUrl('src', 'serve', 'server-child.js');
const LOAD_CHILD = distFileUrl('src', 'serve', 'load-child.js');
/** Deadlines for the steps around a measurement: generous, they only catch a process that is stuck. */
const LOAD_START_MS = 15_000;
const BEGIN_MS = 30_000;
const END_MS = 10_000;
const LOAD_SLACK_MS = 15_000;

type ServerProcess = Forked<ServerConfig | ServerCommand, ServerReport>;

/** Rates rounded to two significant figures: the same sweep reads the same in every table and file. */
export function ratesFromServiceTime(serviceMs: number, multiples: readonly number[]): number[] {
  const capacityPerS = 1000 / Math.max(serviceMs, 0.001);
  const rates = multiples.map((multiple) => Number((capacityPerS * multiple).toPrecision(2)));
  return [...new Set(rates)].filter((rate) => rate > 0).sort((a, b) => a - b);
}

export async function runServeSweep(plan: ServePlan, hooks: SweepHooks = {}): Promise<SweepState> {
  const seriesList: ServeSeries[] = plan.strategies.flatMap((strategy) =>
    (usesPool(strategy) ? plan.threads : [1]).map((threads) => ({
      id: benchmarkId(plan.workloadId, strategy, threads),
      strategy,
      threads,
      points: [],
      knees: [],
      capacityPerS: null,
    })),
  );
  const state: SweepState = {
    series: seriesList,
    serviceMs: 0,
    workload: null,
    ratesPerS: plan.ratesPerS ?? [],
    warnings: [],
    interrupted: false,
  };
  const stop = (): boolean => (state.interrupted ||= hooks.signal?.aborted ?? false);
  const startServer = async (series: ServeSeries): Promise<ServerProcess> => {
    const server: ServerProcess = new Forked(SERVER_CHILD, `server (${series.id})`, hooks.killSignal);
    server.send({
      workloadUrl: plan.workloadUrl,
      ...(plan.size !== undefined ? { size: plan.size } : {}),
      strategy: series.strategy,
      threads: series.threads,
      ...(plan.tasksPerThread !== undefined ? { tasksPerThread: plan.tasksPerThread } : {}),
      probeMs: plan.probeMs,
    });
    try {
      const ready = await server.next(POOL_STARTUP_TIMEOUT_MS + plan.probeMs + 30_000, 'start');
      if (ready.type !== 'ready') throw new StepError('error', `server: expected "ready", got "${ready.type}"`);
      if (state.workload === null) {
        state.serviceMs = ready.serviceMs;
        state.workload = ready.workload;
        // Ids name the workload as its module does (not the path it was given by), as run results do.
        for (const each of seriesList) each.id = benchmarkId(ready.workload.id, each.strategy, each.threads);
      }
      serverPorts.set(server, ready.port);
      return server;
    } catch (error) {
      server.kill();
      throw error;
    }
  };
  const serverPorts = new WeakMap<ServerProcess, number>();

  for (let repeat = 0; repeat < plan.repeats && !stop(); repeat += 1) {
    // Series in a rotated order each repeat, so drift on a shared machine falls on all of them alike.
    const order = seriesList.map((_, index) => seriesList[(index + repeat) % seriesList.length] as ServeSeries);
    for (const series of order) {
      if (stop()) break;
      let server: ServerProcess | undefined;
      try {
        for (let rateIndex = 0; ; rateIndex += 1) {
          if (stop()) break;
          if (server === undefined) {
            try {
              server = await startServer(series);
            } catch (error) {
              // A server that will not start is a fault of its series: recorded, and the study goes on. Bad input
              // (a workload without a task, hybrid without a split) and a first server that never started end it.
              if (state.ratesPerS.length === 0 || (error instanceof StepError && error.causeName === 'UsageError'))
                throw error;
              state.warnings.push(`${series.id}: ${(error as Error).message}`);
              break;
            }
            if (state.ratesPerS.length === 0)
              state.ratesPerS = ratesFromServiceTime(state.serviceMs, plan.rateMultiples);
          }
          const ratePerS = state.ratesPerS[rateIndex];
          if (ratePerS === undefined) break;
          hooks.onProgress?.(`serve: ${series.id} at ${ratePerS} req/s (repeat ${repeat + 1}/${plan.repeats})…`);
          const port = serverPorts.get(server) ?? 0;
          const measurement = await measurePoint(plan, server, port, ratePerS, repeat, hooks.killSignal);
          if (measurement.status !== 'ok') {
            state.warnings.push(`${series.id} at ${ratePerS} req/s: ${measurement.status}: ${measurement.error ?? ''}`);
            server.kill();
            server = undefined;
          }
          recordMeasurement(series, ratePerS, measurement, plan.repeats);
          hooks.onUpdate?.(state);
        }
      } catch (error) {
        // Bad input, or a bug on this side (a file that cannot be written): no server outlives the study.
        server?.kill();
        throw error;
      }
      if (server !== undefined) await closeServer(server);
    }
  }
  return state;
}

function recordMeasurement(series: ServeSeries, offeredPerS: number, measurement: ServeMeasurement, repeats: number) {
  let point = series.points.find((candidate) => candidate.offeredPerS === offeredPerS);
  if (point === undefined) {
    point = { offeredPerS, measurements: [], summary: null } satisfies ServePoint;
    series.points.push(point);
    series.points.sort((a, b) => a.offeredPerS - b.offeredPerS);
  }
  point.measurements.push(measurement);
  point.summary = summarizePoint(point.measurements);
  series.knees = kneesOf(series.points, repeats);
  series.capacityPerS = spreadOf(series.knees.map((knee) => knee.capacityPerS));
}

async function closeServer(server: ServerProcess): Promise<void> {
  server.send({ type: 'close' });
  // The child disconnects and exits by itself; a kill after a short wait covers one that does not.
  await server.next(5_000, 'close').catch(() => undefined);
  server.kill();
}

/** One offered rate, once: a fresh load generator process against the running server. Faults become a status. */
async function measurePoint(
  plan: ServePlan,
  server: ServerProcess,
  port: number,
  ratePerS: number,
  repeat: number,
  killSignal?: AbortSignal,
): Promise<ServeMeasurement> {
  const base = 'http://127.0.0.1:' + String(port);
  const load = new Forked<LoadConfig, LoadReport>(LOAD_CHILD, 'load generator', killSignal);
  const measurement: ServeMeasurement = {
    repeat,
    status: 'ok',
    achievedPerS: 0,
    compute: null,
    health: null,
    server: null,
  };
  try {
    await load.next(LOAD_START_MS, 'start');
    server.send({ type: 'begin' });
    await server.next(BEGIN_MS, 'begin');
    load.send({
      computeUrl: `${base}/compute`,
      healthUrl: `${base}/health`,
      computeRatePerS: ratePerS,
      healthRatePerS: plan.healthRatePerS,
      durationMs: plan.durationMs,
      timeoutMs: plan.timeoutMs,
      computeSockets: plan.computeSockets,
      healthSockets: plan.healthSockets,
    });
    const report = await load.next(plan.durationMs + plan.timeoutMs + LOAD_SLACK_MS, 'load');
    if (report.type === 'result') {
      measurement.compute = report.compute;
      measurement.health = report.health;
      measurement.achievedPerS = report.compute.okInWindow / (report.compute.windowMs / 1000);
    }
    server.send({ type: 'end' });
    const figures = await server.next(END_MS, 'end');
    if (figures.type === 'figures') measurement.server = figures.figures;
  } catch (error) {
    measurement.status = error instanceof StepError ? error.fault : 'error';
    measurement.error = error instanceof Error ? error.message : String(error);
  } finally {
    load.kill();
  }
  return measurement;
}
