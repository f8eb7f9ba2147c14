import { defineAgents } from './agents/define-agents.js';

/**
 * The same agents as a dependent pipeline: a planner, researchers that each need the plan, a writer that
 * needs every researcher. The longest chain of calls is a floor no strategy can beat: the result file
 * states it (criticalPathMs) beside the measured times.
 */
export default defineAgents({
  id: 'agents-dag',
  description:
    "planner → researchers → writer pipeline of agents: each needs its parents' answers before its model call",
  pipeline: true,
});
