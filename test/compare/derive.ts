import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { readResultFile } from '../../src/results/load.js';
import type { Benchmark, OkBenchmark, ResultFile } from '../../src/results/schema.js';

/**
 * Test inputs derived from real runs on the 2-core development VM. Planting a slowdown (samples × factor) on real
 * samples keeps their real spread, and is deterministic. Files "from another machine" made here are SYNTHETIC: they
 * exist only to exercise the cross-machine layout and are never written to results/reference/.
 *
 * - REFERENCE_PATH: the default-profile reference run of the current engine (results/reference/dev-2core.json).
 * - V1_PATH: a default-profile run of the first engine, schemaVersion 1 (one measuring process per cell), kept as a
 *   fixture so that the upgrade path and "judges nothing in v1 files" stay tested.
 * - FIXTURE_PATH: a quick run of the current engine (2–3 processes per cell, io-timer, cpu-compute and cpu-hash),
 *   kept as a test fixture (taken on the busy shared VM: its figures are test input, not a reference).
 */
export const REFERENCE_PATH = join(PACKAGE_ROOT, 'results', 'reference', 'dev-2core.json');
export const V1_PATH = join(PACKAGE_ROOT, 'test', 'compare', 'fixtures', 'schema-v1.json');
export const FIXTURE_PATH = join(PACKAGE_ROOT, 'test', 'compare', 'fixtures', 'quick-multi.json');

export function loadReference(): ResultFile {
  return readResultFile(REFERENCE_PATH);
}

export function loadV1(): ResultFile {
  return readResultFile(V1_PATH);
}

export function loadFixture(): ResultFile {
  return readResultFile(FIXTURE_PATH);
}

/** Every sample and every time-valued statistic of one benchmark multiplied by `factor`. */
export function scaleBenchmark(result: ResultFile, id: string, factor: number): ResultFile {
  const copy = structuredClone(result);
  const benchmark = copy.benchmarks.find((candidate) => candidate.id === id);
  if (benchmark === undefined) throw new Error(`no benchmark ${id}`);
  benchmark.samplesMs = benchmark.samplesMs.map((sample) => sample * factor);
  if (benchmark.status === 'ok') {
    const { stats } = benchmark;
    for (const key of ['mean', 'median', 'sd', 'min', 'max', 'p75', 'p99'] as const) stats[key] *= factor;
    stats.medianCi95 = [stats.medianCi95[0] * factor, stats.medianCi95[1] * factor];
  }
  return copy;
}

/**
 * The ok benchmarks that reached --precision (±3 % by default), steadiest first: the ones a planted +10 % must be
 * caught in, since at that precision a 10 % change clears the 3 % margin with room for its interval.
 */
export function stableIds(result: ResultFile, maxPct = 3): string[] {
  return result.benchmarks
    .filter(
      (benchmark): benchmark is OkBenchmark =>
        benchmark.status === 'ok' && benchmark.processes >= 2 && benchmark.precision.reachedPct <= maxPct,
    )
    .sort((a, b) => a.precision.reachedPct - b.precision.reachedPct)
    .map((benchmark) => benchmark.id);
}

/** SYNTHETIC: the same figures, claimed to come from another machine. */
export function onAnotherMachine(
  result: ResultFile,
  machine: { cpuModel: string; usableCores: number; node?: string; label: string },
): ResultFile {
  const copy = structuredClone(result);
  copy.environment.cpuModel = machine.cpuModel;
  copy.environment.usableCores = machine.usableCores;
  copy.environment.availableParallelism = machine.usableCores;
  copy.environment.logicalCpus = machine.usableCores;
  if (machine.node !== undefined) copy.environment.node = machine.node;
  copy.run.label = machine.label;
  return copy;
}

export function withoutBenchmarks(result: ResultFile, keep: (benchmark: Benchmark) => boolean): ResultFile {
  const copy = structuredClone(result);
  copy.benchmarks = copy.benchmarks.filter(keep);
  return copy;
}

export function writeJson(dir: string, name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : `${JSON.stringify(value, null, 2)}\n`);
  return path;
}
