import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { callModel, parseEvents } from '../../benchmarks/agents/agent.js';
import { startModelServer, type ModelServer } from '../../benchmarks/agents/model-server.js';
import { answerTokens } from '../../benchmarks/agents/text.js';

const FIRST_TOKEN_MS = 60;
const TOKEN_INTERVAL_MS = 10;
const TOKENS = 12;

let server: ModelServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(`${url}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('mock model server', () => {
  it('streams tokens over time: the first after the first-token latency, the rest spread out, then [DONE]', async () => {
    server = await startModelServer({ firstTokenMs: FIRST_TOKEN_MS, tokenIntervalMs: TOKEN_INTERVAL_MS });
    const startedAt = performance.now();
    const response = await post(server.url, { agent: 0, prompt: 'hello', maxTokens: TOKENS });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const arrivalsMs: number[] = [];
    let raw = '';
    const decoder = new TextDecoder();
    for await (const chunk of response.body ?? []) {
      arrivalsMs.push(performance.now() - startedAt);
      raw += decoder.decode(chunk as Uint8Array, { stream: true });
    }
    // Timers never fire early; generous upper bounds for a busy machine.
    expect(arrivalsMs[0]).toBeGreaterThanOrEqual(FIRST_TOKEN_MS - 1);
    expect(arrivalsMs.length).toBeGreaterThan(2);
    expect(arrivalsMs.at(-1) ?? 0).toBeGreaterThanOrEqual(FIRST_TOKEN_MS + (TOKENS - 1) * TOKEN_INTERVAL_MS - 1);
    expect(raw.endsWith('data: [DONE]\n\n')).toBe(true);
    expect(parseEvents(raw)).toBe(answerTokens('hello', TOKENS).join(''));
    expect(server.openStreams).toBe(0);
  });

  it('rejects a malformed request with 400', async () => {
    server = await startModelServer({ firstTokenMs: 1, tokenIntervalMs: 1 });
    expect((await post(server.url, { agent: 'x' })).status).toBe(400);
    expect((await fetch(`${server.url}/elsewhere`)).status).toBe(400);
  });

  it('close() ends a stream in flight and stops listening', async () => {
    server = await startModelServer({ firstTokenMs: 5, tokenIntervalMs: 50 });
    const { url } = server;
    const response = await post(url, { agent: 0, prompt: 'long answer', maxTokens: 1000 });
    const reader = response.body?.getReader();
    await reader?.read(); // the first token arrived: the stream is open
    expect(server.openStreams).toBe(1);
    const closedAt = performance.now();
    await server.close();
    expect(performance.now() - closedAt).toBeLessThan(10_000); // did not wait for the 50 s of tokens left
    expect(server.openStreams).toBe(0);
    await expect(drain(reader)).rejects.toThrow();
    await expect(fetch(`${url}/v1/completions`, { method: 'POST', body: '{}' })).rejects.toThrow();
    server = undefined;
  });

  it('holds a dependent agent until its parents have answered, and feeds their answers into its own', async () => {
    server = await startModelServer({ firstTokenMs: 20, tokenIntervalMs: 2, parents: [[], [0]] });
    // Stamped when the child's answer arrives, not after the parent's call: unheld, it would arrive within the 80 ms.
    const child = callModel(server.url, { agent: 1, prompt: 'child', maxTokens: 4 }).then((raw) => ({
      raw,
      doneMs: performance.now(),
    }));
    await new Promise((resolve) => setTimeout(resolve, 80));
    const parentAsked = performance.now();
    const parentRaw = await callModel(server.url, { agent: 0, prompt: 'parent', maxTokens: 4 });
    const { raw: childRaw, doneMs: childDoneMs } = await child;
    // The child's answer could only start after the parent's: the parent's first-token latency, then its own.
    expect(childDoneMs - parentAsked).toBeGreaterThanOrEqual(20 + 20 - 1);
    const context = `\n[agent 0] ${parseEvents(parentRaw)}`;
    expect(parseEvents(childRaw)).toBe(answerTokens(`child${context}`, 4).join(''));
    // Next batch: the child waits again for the parent's next answer.
    const second = callModel(server.url, { agent: 1, prompt: 'child', maxTokens: 4 });
    const race = await Promise.race([
      second.then(() => 'child first'),
      new Promise((resolve) => setTimeout(() => resolve('held'), 100)),
    ]);
    expect(race).toBe('held');
    await callModel(server.url, { agent: 0, prompt: 'parent', maxTokens: 4 });
    await second;
  });
});

async function drain(reader: ReadableStreamDefaultReader<Uint8Array> | undefined): Promise<void> {
  for (;;) {
    // Resolves on a clean end, so the caller's rejects.toThrow() fails unless the stream was cut off.
    const { done } = (await reader?.read()) ?? { done: true };
    if (done) return;
  }
}
