/**
 * The dependent shape: a planner, researchers that each need the plan, and a writer that needs every
 * researcher's answer. Agent 0 plans, agents 1..n-2 research, agent n-1 writes. Every parent has a lower
 * index than its child, so running agents in index order (as every strategy dispatches them) never deadlocks.
 */
export function pipelineParents(agents: number): number[][] {
  return Array.from({ length: agents }, (_, agent) => {
    if (agent === 0) return [];
    if (agent < agents - 1 || agents === 2) return [0];
    return Array.from({ length: agents - 2 }, (_, researcher) => researcher + 1);
  });
}

export function roleOf(agent: number, agents: number): 'planner' | 'researcher' | 'writer' {
  if (agent === 0) return 'planner';
  return agent === agents - 1 ? 'writer' : 'researcher';
}

/** Agents on the longest chain of dependencies (1 when none depends on another). */
export function longestChain(parents: readonly (readonly number[])[]): number {
  const depth: number[] = [];
  for (const [agent, own] of parents.entries())
    depth[agent] = 1 + Math.max(0, ...own.map((parent) => depth[parent] ?? 0));
  return Math.max(0, ...depth);
}
