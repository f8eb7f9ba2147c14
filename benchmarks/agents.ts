import { defineAgents } from './agents/define-agents.js';

/**
 * N independent agents, the "run 20 agents with async" case: each streams an answer from a loopback mock
 * model server (waiting), then parses, tokenises and scores it (computing). Waits overlap under Promise.all,
 * the computing does not; `hybrid` overlaps the waits and spreads the computing over a pool.
 */
export default defineAgents({
  id: 'agents',
  description:
    'N independent agents: stream a `size`-token answer from a loopback mock model, then parse, tokenise and score it',
  pipeline: false,
});
