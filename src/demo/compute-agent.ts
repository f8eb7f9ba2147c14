import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { threadId } from 'node:worker_threads';
import { defineWorkload } from '../workload.js';

/**
 * The demo's computing agent: `slices` chunks of pure integer arithmetic, yielding to the event loop between
 * chunks the way async code does between awaits. It records when each chunk ran and on which thread, so the
 * demo can draw who computed when. Also a workload module, so the real worker pool can import it.
 */

export interface AgentPlan {
  slices: number;
  /** Iterations per slice, calibrated so one slice takes about the demo's slice time on this machine. */
  sliceIterations: number;
}

export interface AgentRun {
  agent: number;
  threadId: number;
  /** Absolute ms (performance.timeOrigin + now()): comparable across threads. */
  slicesMs: Array<[number, number]>;
  checksum: number;
}

export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Integer work no compiler can skip: its result feeds the checksum. */
export function computeSlice(iterations: number, seed: number): number {
  let state = seed | 1;
  let sum = 0;
  for (let i = 0; i < iterations; i += 1) {
    state = (Math.imul(state, 1103515245) + 12345) | 0;
    sum = (sum + (state >>> 24)) | 0;
  }
  return sum;
}

export async function runAgent(agent: number, plan: AgentPlan): Promise<AgentRun> {
  const slicesMs: Array<[number, number]> = [];
  let checksum = 0;
  for (let slice = 0; slice < plan.slices; slice += 1) {
    const startMs = nowMs();
    checksum = (checksum + computeSlice(plan.sliceIterations, agent * 1000 + slice)) | 0;
    slicesMs.push([startMs, nowMs()]);
    await yieldToLoop();
  }
  return { agent, threadId, slicesMs, checksum };
}

export default defineWorkload<AgentPlan, AgentRun>({
  id: 'demo-compute-agent',
  kind: 'cpu',
  description: "the demo's computing agent: slices of integer arithmetic, timestamped",
  defaultSize: 1,
  task: ({ data, index }) => runAgent(index, data),
});
