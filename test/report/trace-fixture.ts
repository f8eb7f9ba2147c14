import type { ResultFile } from '../../src/results/schema.js';
import type { TraceCapture, TraceSpan } from '../../src/trace/model.js';

/**
 * A made-up but plausible capture for the cells of a result file: two traced samples per cell, timed as each
 * strategy schedules its tasks. Sequential: one after another on the event loop. Concurrent: all started at
 * once on the event loop, each awaiting (I/O) or interleaving. Pool strategies: handed over 3 µs apart, run by
 * T threads in turn, each thread one task at a time. The second sample of each cell is 10 % slower.
 */
export function syntheticCapture(result: ResultFile, workloads: readonly string[], taskUs = 1000): TraceCapture {
  const capture: TraceCapture = { spans: [], counters: [], workers: [] };
  let clockUs = 1_700_000_000_000_000;
  for (const benchmark of result.benchmarks) {
    if (!workloads.includes(benchmark.workload.id)) continue;
    const tasks = benchmark.workload.tasks;
    const pool = benchmark.strategy === 'parallel' || benchmark.strategy === 'raw' || benchmark.strategy === 'hybrid';
    const threadIds = Array.from({ length: benchmark.threads }, (_, index) => 1 + index);
    for (const sample of [0, 1]) {
      const costUs = taskUs * (sample === 0 ? 1 : 1.1);
      const startUs = clockUs;
      const freeAtUs = new Map(threadIds.map((threadId) => [threadId, startUs + 20]));
      for (let taskIndex = 0; taskIndex < tasks; taskIndex += 1) {
        const common = { cellId: benchmark.id, process: 0, round: sample, sample, taskIndex };
        let span: TraceSpan;
        if (benchmark.strategy === 'sequential') {
          span = {
            ...common,
            thread: { kind: 'main' },
            startUs: startUs + taskIndex * costUs,
            endUs: startUs + (taskIndex + 1) * costUs,
          };
        } else if (!pool) {
          span = {
            ...common,
            thread: { kind: 'main' },
            startUs: startUs + taskIndex * 2,
            endUs: startUs + costUs * 1.5 + taskIndex * 7,
          };
        } else {
          const threadId = threadIds[taskIndex % threadIds.length] ?? 1;
          const dispatchUs = startUs + taskIndex * 3;
          const runStartUs = Math.max(dispatchUs + 10, freeAtUs.get(threadId) ?? dispatchUs);
          freeAtUs.set(threadId, runStartUs + costUs);
          span = {
            ...common,
            thread: { kind: 'worker', threadId },
            dispatchUs,
            startUs: runStartUs,
            endUs: runStartUs + costUs,
          };
        }
        capture.spans.push(span);
      }
      clockUs = Math.max(...capture.spans.map((span) => span.endUs)) + 5_000;
    }
    if (pool)
      for (const threadId of threadIds)
        capture.workers.push({
          cellId: benchmark.id,
          process: 0,
          threadId,
          eventLoopUtilization: 0.5 + threadId / 100,
        });
  }
  return capture;
}

/** The result with its capture in the optional top-level `trace`, as `run --trace` writes it. */
export function withTrace(result: ResultFile, capture: TraceCapture): ResultFile {
  return { ...result, trace: capture };
}
