import { performance } from 'node:perf_hooks';
import { defineWorkload, type Workload } from '../../src/workload.js';
import { callModel, processAnswer, type AgentResult } from './agent.js';
import { startModelServer, type ModelServer } from './model-server.js';
import { longestChain, pipelineParents, roleOf } from './pipeline.js';
import { answerTokens, DONE_EVENT, tokenEvent } from './text.js';

/**
 * A hosted model's latency scaled down about tenfold, so one sample takes a fraction of a second:
 * 40 ms to the first token, then 2 ms per token (64 tokens: about 170 ms per call).
 */
export const FIRST_TOKEN_MS = 40;
export const TOKEN_INTERVAL_MS = 2;
const CALIBRATION_RUNS = 8;
const CALIBRATION_WARMUP_RUNS = 3;

export interface AgentsData {
  url: string;
  /** Agents per batch (the run's tasks): the pipeline's roles depend on it. */
  agents: number;
}

// Servers live in the measuring process only; tasks (maybe on worker threads) see just the URL.
const servers = new Map<string, ModelServer>();

/** Both agent workloads: the same agents, independent or wired as a planner → researchers → writer pipeline. */
export function defineAgents(options: {
  id: string;
  description: string;
  pipeline: boolean;
}): Workload<AgentsData, AgentResult, string> {
  const { pipeline } = options;
  const tokensFor = (size: number): number => Math.max(1, Math.round(size));
  const prompt = (agent: number, agents: number): string =>
    pipeline
      ? `agent ${agent} (${roleOf(agent, agents)}): report on concurrency in Node.js`
      : `agent ${agent}: research topic ${agent}`;
  const wait = ({ data, size, index }: { data: AgentsData; size: number; index: number }): Promise<string> =>
    callModel(data.url, { agent: index, prompt: prompt(index, data.agents), maxTokens: tokensFor(size) });

  return defineWorkload<AgentsData, AgentResult, string>({
    id: options.id,
    kind: 'mixed',
    description: options.description,
    defaultSize: 64,
    defaultTasks: 8,
    async setup({ tasks }) {
      const server = await startModelServer({
        firstTokenMs: FIRST_TOKEN_MS,
        tokenIntervalMs: TOKEN_INTERVAL_MS,
        ...(pipeline ? { parents: pipelineParents(tasks) } : {}),
      });
      servers.set(server.url, server);
      return { url: server.url, agents: tasks };
    },
    async teardown({ url }) {
      const server = servers.get(url);
      servers.delete(url);
      await server?.close();
    },
    wait,
    compute: ({ index, waited }) => processAnswer(index, waited),
    async task(input) {
      return processAnswer(input.index, await wait(input));
    },
    // Longest chain of model calls (a child's call starts when its parents' answers are complete), then the
    // last agent's processing, timed here on this thread: the fastest it ran in a few tries.
    criticalPathMs({ size, tasks }) {
      const tokens = tokensFor(size);
      const modelMs = FIRST_TOKEN_MS + (tokens - 1) * TOKEN_INTERVAL_MS;
      const raw = answerTokens('calibration', tokens).map(tokenEvent).join('') + DONE_EVENT;
      // The first runs compile; the fastest later run is the cost with the JIT warm, as in a sample.
      let computeMs = Number.POSITIVE_INFINITY;
      for (let attempt = 0; attempt < CALIBRATION_RUNS; attempt += 1) {
        const startedAt = performance.now();
        processAnswer(0, raw);
        if (attempt >= CALIBRATION_WARMUP_RUNS) computeMs = Math.min(computeMs, performance.now() - startedAt);
      }
      const chain = pipeline ? longestChain(pipelineParents(tasks)) : 1;
      return chain * modelMs + computeMs;
    },
  });
}
