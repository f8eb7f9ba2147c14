/**
 * Deterministic text for the mock model: the same prompt always yields the same answer, on any thread or
 * machine, so every strategy must return identical results.
 */

const VOCABULARY = [
  'the',
  'agent',
  'plans',
  'a',
  'search',
  'over',
  'sources',
  'and',
  'weighs',
  'each',
  'claim',
  'against',
  'evidence',
  'from',
  'prior',
  'steps',
  'before',
  'it',
  'drafts',
  'an',
  'answer',
  'with',
  'citations',
  'then',
  'reviews',
  'tone',
  'length',
  'accuracy',
  'latency',
  'budget',
  'tokens',
  'context',
  'window',
  'tool',
  'call',
  'result',
  'summary',
  'critique',
  'revision',
  'score',
  'confidence',
  'ranking',
  'retrieval',
  'embedding',
  'vector',
  'query',
  'document',
  'passage',
  'relevance',
  'threshold',
  'pipeline',
  'planner',
  'researcher',
  'writer',
  'verifier',
  'memory',
  'state',
  'observation',
  'action',
  'reasoning',
  'output',
  'schema',
  'json',
] as const;

/** FNV-1a, 32 bits: a stable seed from any text. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** xorshift32: a tiny seeded generator, identical everywhere. */
export function nextRandom(state: number): number {
  let x = state || 0x9e3779b9;
  x ^= x << 13;
  x ^= x >>> 17;
  x ^= x << 5;
  return x >>> 0;
}

/** The `count` tokens (words with their trailing space) the mock model answers `prompt` with. */
export function answerTokens(prompt: string, count: number): string[] {
  const tokens: string[] = [];
  let state = hashText(prompt);
  for (let index = 0; index < count; index += 1) {
    state = nextRandom(state);
    tokens.push(`${VOCABULARY[state % VOCABULARY.length] ?? 'token'} `);
  }
  return tokens;
}

/** One server-sent event as OpenAI-style streaming APIs frame a token. */
export function tokenEvent(token: string): string {
  return `data: ${JSON.stringify({ choices: [{ delta: { content: token } }] })}\n\n`;
}

export const DONE_EVENT = 'data: [DONE]\n\n';
