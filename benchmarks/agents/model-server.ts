import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { answerTokens, DONE_EVENT, tokenEvent } from './text.js';

/**
 * A mock language-model server on 127.0.0.1 (ephemeral port) that streams its answers token by token, as
 * hosted model APIs do: `POST /v1/completions` with `{ agent, prompt, maxTokens }` answers with server-sent
 * events, the first token after `firstTokenMs`, then one every `tokenIntervalMs`, then `data: [DONE]`.
 *
 * For a pipeline, `parents` says which agents' answers each agent needs: the server holds an agent's call
 * until its parents have answered in the current batch, and feeds their answers into its prompt. The
 * dependency therefore holds whichever thread or process makes the calls.
 */
export interface ModelServerOptions {
  firstTokenMs: number;
  tokenIntervalMs: number;
  /** parents[i]: the agents whose answers agent i needs; every parent index is lower than i. Absent: none. */
  parents?: readonly (readonly number[])[];
}

export interface ModelServer {
  readonly url: string;
  /** Answers being streamed right now. */
  readonly openStreams: number;
  /** Ends every stream and connection and stops listening. */
  close(): Promise<void>;
}

export interface CompletionRequest {
  agent: number;
  prompt: string;
  maxTokens: number;
}

const MAX_BODY_BYTES = 64 * 1024;

export async function startModelServer(options: ModelServerOptions): Promise<ModelServer> {
  const { firstTokenMs, tokenIntervalMs, parents = [] } = options;
  const streams = new Set<{ response: ServerResponse; timer: NodeJS.Timeout | undefined }>();
  // A batch is every agent once. An agent's parents have answered "in this batch" when their last answer
  // finished after the agent's own last answer: true in every batch, whatever order calls arrive in.
  let finishedCount = 0;
  const lastFinished = new Map<number, number>();
  const lastAnswer = new Map<number, string>();
  const held = new Set<() => boolean>();

  const parentsOf = (agent: number): readonly number[] => parents[agent] ?? [];
  const parentsDone = (agent: number): boolean =>
    parentsOf(agent).every((parent) => (lastFinished.get(parent) ?? 0) > (lastFinished.get(agent) ?? 0));

  const finish = (agent: number, answer: string): void => {
    finishedCount += 1;
    lastFinished.set(agent, finishedCount);
    lastAnswer.set(agent, answer);
    for (const tryStart of [...held]) if (tryStart()) held.delete(tryStart);
  };

  const stream = (request: CompletionRequest, response: ServerResponse): void => {
    const context = parentsOf(request.agent).map((parent) => `\n[agent ${parent}] ${lastAnswer.get(parent) ?? ''}`);
    const tokens = answerTokens(request.prompt + context.join(''), request.maxTokens);
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const entry: { response: ServerResponse; timer: NodeJS.Timeout | undefined } = { response, timer: undefined };
    streams.add(entry);
    // Tokens fall due on the server's own clock, as on a remote server: a late timer sends all that are due.
    const startedAt = performance.now();
    const dueAt = (token: number): number => startedAt + firstTokenMs + token * tokenIntervalMs;
    let next = 0;
    const pump = (): void => {
      const now = performance.now();
      let chunk = '';
      while (next < tokens.length && dueAt(next) <= now) chunk += tokenEvent(tokens[next++] ?? '');
      if (next < tokens.length) {
        if (chunk !== '') response.write(chunk);
        entry.timer = setTimeout(pump, dueAt(next) - now);
        return;
      }
      streams.delete(entry);
      response.end(chunk + DONE_EVENT);
      finish(request.agent, tokens.join(''));
    };
    entry.timer = setTimeout(pump, firstTokenMs);
    response.on('close', () => {
      clearTimeout(entry.timer);
      streams.delete(entry);
    });
  };

  const server = createServer((request, response) => {
    void readCompletionRequest(request).then(
      (completion) => {
        if (completion === undefined) {
          response
            .writeHead(400, { 'content-type': 'text/plain' })
            .end('expected POST /v1/completions {"agent","prompt","maxTokens"}');
          return;
        }
        const tryStart = (): boolean => {
          if (response.destroyed) return true;
          if (!parentsDone(completion.agent)) return false;
          stream(completion, response);
          return true;
        };
        if (!tryStart()) {
          held.add(tryStart);
          response.on('close', () => held.delete(tryStart));
        }
      },
      () => response.destroy(),
    );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    get openStreams() {
      return streams.size;
    },
    async close() {
      for (const entry of streams) {
        clearTimeout(entry.timer);
        entry.response.destroy();
      }
      streams.clear();
      held.clear();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

async function readCompletionRequest(request: IncomingMessage): Promise<CompletionRequest | undefined> {
  if (request.method !== 'POST' || request.url !== '/v1/completions') {
    request.resume();
    return undefined;
  }
  let body = '';
  for await (const chunk of request) {
    body += (chunk as Buffer).toString('utf8');
    if (body.length > MAX_BODY_BYTES) return undefined;
  }
  try {
    const parsed = JSON.parse(body) as Partial<CompletionRequest>;
    const { agent, prompt, maxTokens } = parsed;
    if (!Number.isInteger(agent) || typeof prompt !== 'string' || !Number.isInteger(maxTokens) || (maxTokens ?? 0) < 1)
      return undefined;
    return { agent: agent as number, prompt, maxTokens: maxTokens as number };
  } catch {
    return undefined;
  }
}
