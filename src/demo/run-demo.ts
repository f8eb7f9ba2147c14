import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { distFileUrl } from '../paths.js';
import { POOL_STARTUP_TIMEOUT_MS, startPool } from '../pool/pool.js';
import { idealSpeedup, OFFERS } from '../stats/ideal.js';
import { computeSlice, nowMs, runAgent, type AgentPlan, type AgentRun } from './compute-agent.js';
import type { Span } from '../trace/timeline.js';

/**
 * The demo, measured for real in this process (it is a teaching tool, not a benchmark): two fetches from a
 * loopback server, then three computing agents run one after another, with Promise.all, and on a piscina
 * worker pool. Every figure and every timeline comes from timestamps taken while it ran.
 */

const FETCHES = [
  { name: 'weather', latencyMs: 400 },
  { name: 'news', latencyMs: 200 },
] as const;
const AGENTS = 3;
const SLICES_PER_AGENT = 12;
const SLICE_MS = 25;

export interface DemoRun {
  strategy: 'sequential' | 'Promise.all' | 'worker pool';
  /** Threads of the pool; null for the main-thread strategies. */
  threads: number | null;
  wallMs: number;
  spans: Span[];
}

export interface DemoReport {
  usableCores: number;
  fetches: { latenciesMs: Record<string, number>; runs: [DemoRun, DemoRun] };
  agents: {
    agents: number;
    /** Computing time of one agent, measured in the sequential run (its slices' total, averaged). */
    cpuMsPerAgent: number;
    /** What the calibration on this thread predicted; far below `cpuMsPerAgent` means other work took the cores. */
    calibratedMsPerAgent: number;
    threads: number;
    /** Pool start-up (threads online and warmed), ms: paid once, not counted in the pool's time. */
    poolStartupMs: number;
    /** What the pool could give at best here: agents / ceil(agents / min(threads, cores)). */
    idealSpeedup: number;
    runs: [DemoRun, DemoRun, DemoRun];
    /** Every run computed the same checksums: same work, different schedule. */
    sameResults: boolean;
  };
  totalMs: number;
}

export async function runDemo(usableCores: number): Promise<DemoReport> {
  const startedMs = nowMs();
  const fetches = await fetchDemo();
  const agents = await agentsDemo(usableCores);
  return { usableCores, fetches, agents, totalMs: nowMs() - startedMs };
}

async function fetchDemo(): Promise<DemoReport['fetches']> {
  const latency = new Map<string, number>(FETCHES.map((fetch) => [`/${fetch.name}`, fetch.latencyMs]));
  const server = createServer((request, response) => {
    const timer = setTimeout(
      () => response.end(JSON.stringify({ path: request.url })),
      latency.get(request.url ?? '') ?? 0,
    );
    response.on('close', () => clearTimeout(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await (await fetch(`${url}/warm-up`)).text(); // connection set-up is not what this part is about
    const fetchOne = async (name: string, spans: Span[]): Promise<void> => {
      const span: Span = { task: name, threadId: 0, kind: 'wait', startMs: nowMs(), endMs: 0 };
      spans.push(span); // at the start, so rows keep the order the fetches began in
      await (await fetch(`${url}/${name}`)).text();
      span.endMs = nowMs();
    };
    const sequential = await timed('sequential', null, async (spans) => {
      for (const { name } of FETCHES) await fetchOne(name, spans);
    });
    const all = await timed('Promise.all', null, async (spans) => {
      await Promise.all(FETCHES.map(({ name }) => fetchOne(name, spans)));
    });
    return {
      latenciesMs: Object.fromEntries(FETCHES.map((fetch) => [fetch.name, fetch.latencyMs])),
      runs: [sequential, all],
    };
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

async function agentsDemo(usableCores: number): Promise<DemoReport['agents']> {
  const plan: AgentPlan = { slices: SLICES_PER_AGENT, sliceIterations: calibrateIterations(SLICE_MS) };
  const threads = usableCores; // one pool thread per usable core
  const toSpans = (run: AgentRun): Span[] =>
    run.slicesMs.map(([startMs, endMs]) => ({
      task: `agent ${run.agent + 1}`,
      threadId: run.threadId,
      kind: 'cpu' as const,
      startMs,
      endMs,
    }));
  const agentIndices = Array.from({ length: AGENTS }, (_, index) => index);
  const checksums: number[][] = [];
  const record = (runs: AgentRun[], spans: Span[]): void => {
    checksums.push(runs.map((run) => run.checksum));
    spans.push(...runs.flatMap(toSpans));
  };

  const sequential = await timed('sequential', null, async (spans) => {
    const runs: AgentRun[] = [];
    for (const agent of agentIndices) runs.push(await runAgent(agent, plan));
    record(runs, spans);
  });
  const all = await timed('Promise.all', null, async (spans) => {
    record(await Promise.all(agentIndices.map((agent) => runAgent(agent, plan))), spans);
  });

  const workloadUrl = distFileUrl('src', 'demo', 'compute-agent.js').href;
  // Warm-up only imports the agent module: a whole agent per thread would cost the demo a second.
  const pool = await startPool({
    threads,
    workload: { workloadUrl, data: plan, size: 1 },
    warmTask: { index: 0, step: 'load' },
    startupTimeoutMs: POOL_STARTUP_TIMEOUT_MS,
  });
  let parallel: DemoRun;
  try {
    parallel = await timed('worker pool', threads, async (spans) => {
      const runs = await Promise.all(agentIndices.map((index) => pool.run({ index })));
      record(runs as AgentRun[], spans);
    });
  } finally {
    await pool.close();
  }

  const [reference, ...others] = checksums;
  return {
    agents: AGENTS,
    calibratedMsPerAgent: SLICES_PER_AGENT * SLICE_MS,
    cpuMsPerAgent: sequential.spans.reduce((total, span) => total + span.endMs - span.startMs, 0) / AGENTS,
    threads,
    poolStartupMs: pool.startupMs,
    // The agents only compute (a share of 1): the core-count ideal of a pool of `threads`.
    idealSpeedup: idealSpeedup(AGENTS, OFFERS.pool({ tasks: AGENTS, threads, usableCores, maxInFlight: null }), 1),
    runs: [sequential, all, parallel],
    sameResults: others.every((run) => JSON.stringify(run) === JSON.stringify(reference)),
  };
}

async function timed(
  strategy: DemoRun['strategy'],
  threads: number | null,
  body: (spans: Span[]) => Promise<void>,
): Promise<DemoRun> {
  const spans: Span[] = [];
  const startMs = nowMs();
  await body(spans);
  return { strategy, threads, wallMs: nowMs() - startMs, spans };
}

/** Iterations of computeSlice that take about `targetMs` here: the fastest of a few timed tries, scaled. */
function calibrateIterations(targetMs: number): number {
  const probe = 1_000_000;
  let fastestMs = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const startMs = nowMs();
    computeSlice(probe, attempt);
    fastestMs = Math.min(fastestMs, nowMs() - startMs);
  }
  return Math.max(1000, Math.round((probe * targetMs) / Math.max(fastestMs, 0.01)));
}
