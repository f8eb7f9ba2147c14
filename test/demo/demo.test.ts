import { describe, expect, it } from 'vitest';
import type { DemoReport } from '../../src/demo/run-demo.js';
import type { Span } from '../../src/trace/timeline.js';
import { runCli } from '../helpers/cli.js';

/** How often consecutive compute slices (in start order) belong to different tasks. */
function switches(spans: Span[]): number {
  const order = [...spans].sort((a, b) => a.startMs - b.startMs).map((span) => span.task);
  return order.slice(1).filter((task, index) => task !== order[index]).length;
}

function overlapMs(a: Span[], b: Span[]): number {
  const start = Math.max(Math.min(...a.map((s) => s.startMs)), Math.min(...b.map((s) => s.startMs)));
  const end = Math.min(Math.max(...a.map((s) => s.endMs)), Math.max(...b.map((s) => s.endMs)));
  return end - start;
}

/** Spans that share no moment, in start order: each ends before (or as) the next begins. */
function oneAtATime(spans: Span[]): boolean {
  const ordered = [...spans].sort((a, b) => a.startMs - b.startMs);
  return ordered.slice(1).every((span, index) => (ordered[index]?.endMs ?? 0) <= span.startMs);
}

describe('corescope demo', () => {
  // What ran when, read off the timelines: these hold however slow the machine is. What it buys in wall time is
  // in demo.timed.test.ts.
  it("--json: measured figures in the story's order, each telling its part of the lesson", async () => {
    const result = await runCli(['demo', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as DemoReport;

    // 1. Waits add up sequentially (a timer fires at most a millisecond early) and overlap under Promise.all.
    const [fetchSequential, fetchAll] = report.fetches.runs;
    expect(fetchSequential.strategy).toBe('sequential');
    expect(fetchAll.strategy).toBe('Promise.all');
    expect(fetchSequential.wallMs).toBeGreaterThanOrEqual(598);
    expect(fetchAll.wallMs).toBeGreaterThanOrEqual(399);
    expect(fetchSequential.spans.map((span) => span.task)).toEqual(['weather', 'news']);
    expect(oneAtATime(fetchSequential.spans)).toBe(true);
    const [weather, news] = fetchAll.spans;
    expect(news?.startMs).toBeLessThan(weather?.endMs ?? 0); // both in flight at once

    // 2. Promise.all gains nothing on computing: every slice runs on the main thread, never two at once. The pool
    //    computes on several threads at once.
    const [agentSequential, agentAll, agentPool] = report.agents.runs;
    expect([agentSequential.strategy, agentAll.strategy, agentPool.strategy]).toEqual([
      'sequential',
      'Promise.all',
      'worker pool',
    ]);
    expect(report.agents.sameResults).toBe(true);
    expect(
      agentSequential.spans.every((span) => span.threadId === 0) && agentAll.spans.every((span) => span.threadId === 0),
    ).toBe(true);
    expect(oneAtATime(agentAll.spans)).toBe(true);

    // 3. Concurrency interleaves slices on one thread; sequential runs each agent to the end.
    expect(switches(agentSequential.spans)).toBe(report.agents.agents - 1);
    expect(switches(agentAll.spans)).toBeGreaterThan(report.agents.agents * 4);
    if (report.usableCores >= 2) {
      const byThread = new Map<number, Span[]>();
      for (const span of agentPool.spans) byThread.set(span.threadId, [...(byThread.get(span.threadId) ?? []), span]);
      expect(byThread.size).toBeGreaterThanOrEqual(2);
      const [first, second] = [...byThread.values()];
      expect(overlapMs(first ?? [], second ?? [])).toBeGreaterThan(0); // side by side
      expect(oneAtATime(agentPool.spans)).toBe(false);
    }
  });

  it('tells the story in order: fetches, computing agents, timelines for every strategy, the lesson', async () => {
    const result = await runCli(['demo']);
    expect(result.code, result.stderr).toBe(0);
    const text = result.stdout;
    const positions = [
      /1\. Two independent fetches: "weather" \(400 ms\) and "news" \(200 ms\)/,
      /\n {3}sequential +await weather; then await news +[\d.]+ m?s/,
      /\n {3}Promise\.all +await Promise\.all\(\[weather, news\]\) +[\d.]+ m?s +[\d.]+× faster/,
      /2\. Three agents that compute/,
      /\n {3}sequential +one agent after another/,
      /\n {3}Promise\.all +all three at once/,
      /\n {3}worker pool \(\d+ threads?\) +one agent per worker thread/,
      /3\. Who ran when, and on which thread/,
      /fetches, sequential: /,
      /fetches, Promise\.all — concurrency/,
      /agents, sequential: /,
      /agents, Promise\.all — concurrency: slices interleave on one thread/,
      /agents, worker pool .* — parallelism/,
      /The lesson: async \(Promise\.all\) overlaps waiting/,
    ].map((pattern) => text.search(pattern));
    for (const position of positions) expect(position).toBeGreaterThanOrEqual(0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(text).toMatch(/agent 1 +main +│[█· ]+│/);
    expect(text).toMatch(/weather +main +│[░ ]+│/);
  });
});
