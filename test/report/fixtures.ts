import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readResultFile } from '../../src/results/load.js';
import type { Benchmark, ResultFile } from '../../src/results/schema.js';
import { withScalingFits } from '../../src/runner/scaling.js';
import { cellIdealSpeedup, OFFERS } from '../../src/stats/ideal.js';

/**
 * A real result: `corescope run --quick -t 1-3 -w cpu-compute,cpu-hash,io-timer,io-http` on the 2-core AMD
 * EPYC development VM, Node 20.20.2 (a shared, busy machine: the spread warnings in it are real too).
 */
export const REAL_RESULT_PATH = fileURLToPath(new URL('./fixtures/two-core-quick.json', import.meta.url));

export function realResult(): ResultFile {
  return readResultFile(REAL_RESULT_PATH);
}

/** Text that breaks HTML, Markdown, CSV and spreadsheets alike if any exporter forgets to escape it. */
export const HOSTILE = `<script>alert("pwned")</script><img src=x onerror=alert(1)>|a,b"c'd&amp;\n=SUM(1)`;
export const HOSTILE_WORKLOAD = 'evil</title><script>alert(2)</script>';

/** The real result with untrusted strings in every place a file can carry one, and one failed cell. */
export function hostileResult(): ResultFile {
  const result = structuredClone(realResult());
  result.run.label = `label ${HOSTILE}`;
  result.environment.cpuModel = `cpu ${HOSTILE}`;
  result.environment.hostname = `host ${HOSTILE}`;
  result.warnings.push(`run warning ${HOSTILE}`);
  const renamed = result.benchmarks[0]?.workload.id ?? 'cpu-compute';
  result.benchmarks = result.benchmarks.map((benchmark): Benchmark => {
    if (benchmark.workload.id !== renamed) return benchmark;
    const workload = { ...benchmark.workload, id: HOSTILE_WORKLOAD };
    return {
      ...benchmark,
      workload,
      id: `${HOSTILE_WORKLOAD}/${benchmark.strategy}/t${benchmark.threads}`,
      warnings: [...benchmark.warnings, `cell warning ${HOSTILE}`],
    };
  });
  const last = result.benchmarks.at(-1);
  if (last !== undefined) {
    result.benchmarks[result.benchmarks.length - 1] = {
      id: last.id,
      workload: last.workload,
      strategy: last.strategy,
      threads: last.threads,
      samplesMs: [],
      samplesProcess: [],
      samplesRound: [],
      warnings: [],
      status: 'error',
      error: { name: 'Error', message: `task failed ${HOSTILE}` },
    };
  }
  return result;
}

/** The same run as if from a second machine: another name and 4 usable cores, so its ideal line differs. */
export function secondMachineResult(): ResultFile {
  const result = structuredClone(realResult());
  result.run.label = 'big-box';
  result.environment.hostname = 'big-box';
  result.environment.usableCores = 4;
  result.environment.logicalCpus = 4;
  result.environment.availableParallelism = 4;
  for (const benchmark of result.benchmarks) {
    if (benchmark.status !== 'ok' || benchmark.derived === null || benchmark.strategy !== 'parallel') continue;
    const sequential = result.benchmarks.find(
      (other) => other.workload.id === benchmark.workload.id && other.strategy === 'sequential',
    );
    const ideal = cellIdealSpeedup(
      benchmark.workload.tasks,
      OFFERS.pool({ tasks: benchmark.workload.tasks, threads: benchmark.threads, usableCores: 4, maxInFlight: null }),
      {
        coresBusy: sequential?.status === 'ok' ? sequential.cpu.effectiveParallelism : 1,
        loopBusy: sequential?.status === 'ok' ? sequential.eventLoop.utilization : 1,
        kind: benchmark.workload.kind,
      },
    );
    benchmark.derived = { ...benchmark.derived, idealSpeedup: ideal, efficiency: benchmark.derived.speedup / ideal };
  }
  return result;
}

export function writeResult(directory: string, name: string, result: ResultFile): string {
  const path = join(directory, name);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

/**
 * Real runs on the same 2-core VM (Node 20.20.2), kept small:
 * - raw + uv sweep: `run -w cpu-compute -s sequential,parallel,raw --quick -t 1,2,4 --uv-threadpool 1,4` (batch auto);
 * - `study overhead --quick`;
 * - `study grain --quick --grains 0.1,0.5,2,10 --rounds 3`.
 */
export const RAW_UV_RESULT_PATH = fixture('two-core-raw-uv.json');
export const STUDY_OVERHEAD_PATH = fixture('two-core-study-overhead.json');
export const STUDY_GRAIN_PATH = fixture('two-core-study-grain.json');

export const rawUvResult = (): ResultFile => readResultFile(RAW_UV_RESULT_PATH);
export const overheadStudy = (): ResultFile => readResultFile(STUDY_OVERHEAD_PATH);
export const grainStudy = (): ResultFile => readResultFile(STUDY_GRAIN_PATH);

/**
 * A 2-core machine can never give a scaling fit (Amdahl needs 3 thread counts within the cores, the USL 6). So
 * the real 1-3 thread run is re-read as if from a 3-core machine and its fits computed by the real code: Amdahl
 * fits, the USL has too few points and says why. Derived, not measured: only for drawing the fit.
 */
export function fittedResult(): ResultFile {
  const result = structuredClone(realResult());
  result.run.label = 'as-if-3-core';
  result.environment.usableCores = 3;
  return withScalingFits(result);
}
