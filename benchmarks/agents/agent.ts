import { hashText, nextRandom } from './text.js';
import type { CompletionRequest } from './model-server.js';

/**
 * One agent's two halves. `callModel` only waits: it streams an answer from the model server. `processAnswer`
 * only computes: it parses the stream, tokenises the text and scores it with a small dense network, the
 * kind of local post-processing (guardrails, reranking, embedding) agents run on every model answer.
 */

export interface AgentResult {
  agent: number;
  tokens: number;
  pieces: number;
  /** Cosine similarity of the answer's embedding to a fixed query, rounded to 1e-9. */
  score: number;
  /** FNV-1a of the answer text: equal digests mean equal answers. */
  digest: number;
}

/** Streams one completion and returns the raw server-sent-event text as it arrived. */
export async function callModel(url: string, request: CompletionRequest): Promise<string> {
  const response = await fetch(`${url}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(request),
  });
  if (!response.ok || response.body === null)
    throw new Error(`model server: HTTP ${response.status} for agent ${request.agent}`);
  // Read as the tokens arrive, as an agent consuming a stream would.
  const decoder = new TextDecoder();
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let raw = '';
  for (let read = await reader.read(); !read.done; read = await reader.read())
    raw += decoder.decode(read.value, { stream: true });
  raw += decoder.decode();
  if (!raw.endsWith('data: [DONE]\n\n'))
    throw new Error(`model server: stream for agent ${request.agent} ended before [DONE]`);
  return raw;
}

const DIM = 64;
/** Dense layers applied to every word piece: sets the CPU cost per token (tens of ms per answer). */
const LAYERS = 16;
const WEIGHTS = seededMatrix(0xc0ffee, DIM * DIM, 1 / Math.sqrt(DIM));
const QUERY = seededMatrix(0x5eed, DIM, 1);

export function processAnswer(agent: number, raw: string): AgentResult {
  const text = parseEvents(raw);
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '');
  const pieces = words.flatMap(wordPieces);
  return { agent, tokens: words.length, pieces: pieces.length, score: score(pieces), digest: hashText(text) };
}

/** Joins the `delta.content` of every `data:` event; `[DONE]` ends the stream. */
export function parseEvents(raw: string): string {
  let text = '';
  for (const event of raw.split('\n\n')) {
    if (!event.startsWith('data: ')) continue;
    const payload = event.slice('data: '.length);
    if (payload === '[DONE]') break;
    const parsed = JSON.parse(payload) as { choices?: { delta?: { content?: string } }[] };
    text += parsed.choices?.[0]?.delta?.content ?? '';
  }
  return text;
}

/** WordPiece-style split: pieces of at most four characters, continuations marked `##`. */
function wordPieces(word: string): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < word.length; start += 4)
    pieces.push(`${start === 0 ? '' : '##'}${word.slice(start, start + 4)}`);
  return pieces;
}

function score(pieces: string[]): number {
  const pooled = new Float64Array(DIM);
  let vector = new Float64Array(DIM);
  let next = new Float64Array(DIM);
  for (const piece of pieces) {
    let state = hashText(piece);
    for (let i = 0; i < DIM; i += 1) {
      state = nextRandom(state);
      vector[i] = state / 0xffffffff - 0.5;
    }
    for (let layer = 0; layer < LAYERS; layer += 1) {
      for (let row = 0; row < DIM; row += 1) {
        let sum = 0;
        const offset = row * DIM;
        for (let column = 0; column < DIM; column += 1) sum += (WEIGHTS[offset + column] ?? 0) * (vector[column] ?? 0);
        next[row] = Math.tanh(sum);
      }
      [vector, next] = [next, vector];
    }
    for (let i = 0; i < DIM; i += 1) pooled[i] = (pooled[i] ?? 0) + (vector[i] ?? 0);
  }
  let dot = 0;
  let normPooled = 0;
  let normQuery = 0;
  for (let i = 0; i < DIM; i += 1) {
    dot += (pooled[i] ?? 0) * (QUERY[i] ?? 0);
    normPooled += (pooled[i] ?? 0) ** 2;
    normQuery += (QUERY[i] ?? 0) ** 2;
  }
  const cosine = normPooled === 0 ? 0 : dot / Math.sqrt(normPooled * normQuery);
  return Math.round(cosine * 1e9) / 1e9;
}

function seededMatrix(seed: number, length: number, scale: number): Float64Array {
  const values = new Float64Array(length);
  let state = seed;
  for (let i = 0; i < length; i += 1) {
    state = nextRandom(state);
    values[i] = (state / 0xffffffff - 0.5) * 2 * scale;
  }
  return values;
}
