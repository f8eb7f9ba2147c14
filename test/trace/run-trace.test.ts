import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readResultFile } from '../../src/results/load.js';
import { neverOverlapped, overlappedOnOneThread, ranOnTwoWorkersAtOnce } from '../../src/trace/overlap.js';
import { taskIntervalsFromChromeTrace } from '../../src/trace/readback.js';
import { validateChromeTrace } from '../../src/trace/validate-chrome-trace.js';
import { runCli, scratchDir } from '../helpers/cli.js';

describe('run --trace', () => {
  it('writes a valid Chrome trace in which concurrency interleaves on one thread and parallelism runs side by side', async () => {
    const directory = scratchDir();
    const tracePath = join(directory, 'run.trace.json');
    const out = join(directory, 'run.json');
    const result = await runCli([
      'run',
      '--quick',
      '-w',
      'cpu-compute,io-timer',
      '-t',
      '1,2',
      '--tasks',
      '6',
      '--processes',
      '1',
      '--rounds',
      '1',
      '--no-probe',
      '--min-sample',
      '0',
      '--no-chart',
      '--timeline',
      '--trace',
      tracePath,
      '--out',
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const trace: unknown = JSON.parse(readFileSync(tracePath, 'utf8'));
    expect(validateChromeTrace(trace)).toEqual([]);
    const intervals = taskIntervalsFromChromeTrace(trace);
    // A cpu-compute task takes milliseconds: long enough that two threads' tasks run side by side.
    expect(ranOnTwoWorkersAtOnce(intervals, 'cpu-compute/parallel/t2')).toBe(true);
    expect(overlappedOnOneThread(intervals, 'io-timer/concurrent/t1')).toBe(true);
    expect(neverOverlapped(intervals, 'cpu-compute/sequential/t1')).toBe(true);
    expect(neverOverlapped(intervals, 'io-timer/sequential/t1')).toBe(true);
    // CPU work under Promise.all takes turns on the one thread: it never overlaps either.
    expect(neverOverlapped(intervals, 'cpu-compute/concurrent/t1')).toBe(true);

    // The result file holds the same capture (the report's timelines) and the pool cells' worker figures.
    const file = readResultFile(out);
    expect(file.trace?.spans.length).toBeGreaterThan(0);
    const pooled = file.benchmarks.find((benchmark) => benchmark.id === 'cpu-compute/parallel/t2');
    expect(pooled?.status === 'ok' ? pooled.workers?.threads : undefined).toBe(2);
    // The traced batch is apart from the timed one: one timed sample per cell, as --rounds 1 asked.
    for (const benchmark of file.benchmarks) expect(benchmark.samplesMs).toHaveLength(1);
    expect(result.stdout).toContain('cpu-compute/parallel/t2 · sample 0');
  });

  it('refuses --trace with nothing to trace, naming the flag', async () => {
    const result = await runCli(['run', '--trace', join(scratchDir(), 't.json'), '--trace-samples', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('corescope: --trace: nothing to write with --trace-samples 0');
  });
});
