import { UsageError } from '../errors.js';
import { moreDataFlag } from '../judgement/more-data.js';
import { DEFAULT_ALPHA, DEFAULT_MARGIN } from '../judgement/thresholds.js';
import type { Benchmark, ResultFile } from '../results/schema.js';
import { crossMachineLayout, machineColumns, type CrossMachineLayout, type MachineColumn } from './cross-machine.js';
import { judgeComparison, type Judgement, type JudgeOptions, type Verdict } from './judge-comparison.js';
import { commonIds, matchBenchmarks, type Matching, type NamedResult } from './match.js';
import { measureChange, type Measurement } from './measure-change.js';

export type { CrossMachineLayout, MachineColumn } from './cross-machine.js';
export type { Judgement, JudgeOptions, Verdict } from './judge-comparison.js';
export type { Matching, NamedResult } from './match.js';

/** compare's defaults: the judgement module's margin and false-discovery rate (judgement/thresholds.ts). */
export const DEFAULT_THRESHOLD = DEFAULT_MARGIN;
export { DEFAULT_ALPHA };

/** How the many verdicts of one comparison are corrected for being made at once (judge.ts says why). */
export const CORRECTION = 'benjamini-hochberg';

/** One head file judged against the first file from the same machine. */
export interface SameMachineComparison {
  base: string;
  head: string;
  /** "AMD EPYC, 2 usable cores, Node 20" */
  machine: string;
  judgements: Judgement[];
  counts: Record<Verdict, number>;
  /** The confidence every interval of this comparison is printed at (Benjamini–Hochberg adjusted). */
  confidence: number;
  /** Benchmarks judged, and how many of them are discoveries (slower or faster). */
  tested: number;
  discoveries: number;
  /** For inconclusive rows: what to run both files again with to likely decide them; undefined when none. */
  advice?: string;
}

export interface Comparison {
  /** `ab` for its alternated, round-paired sides; `compare` for files measured apart. */
  command: 'compare' | 'ab';
  options: JudgeOptions & { correction: typeof CORRECTION };
  files: MachineColumn[];
  partial: Matching['partial'];
  sameMachine: SameMachineComparison[];
  /** Null when every file comes from the same machine. */
  crossMachine: CrossMachineLayout | null;
  /** Significant slowdowns beyond the threshold, the ones `--fail-on regression` exits 3 on. */
  regressions: Array<{ base: string; head: string; id: string; ratio: number }>;
  warnings: string[];
}

/**
 * Compares result files, the first being the base. Files from the same machine (CPU model, usable cores,
 * Node major) are judged against the first file from that machine: ratio of medians with a two-stage bootstrap
 * over measuring processes, then samples; intervals at the Benjamini–Hochberg adjusted level; a verdict from the
 * interval against the margin (judge.ts). When the files span machines, they are also laid out side by side on
 * dimensionless figures. Throws UsageError (exit 2) for fewer than two files, a file with no benchmark in common
 * with the base, or an option out of range.
 */
export function compareResults(
  files: readonly NamedResult[],
  options: Partial<JudgeOptions> = {},
  /** How a benchmark's change is measured: unpaired (`compare`), or from the paired rounds of `ab`'s sides. */
  measure: { command: Comparison['command']; change: (base: Benchmark, head: Benchmark) => Measurement } = {
    command: 'compare',
    change: measureChange,
  },
): Comparison {
  const judgeOptions: JudgeOptions = {
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
    alpha: options.alpha ?? DEFAULT_ALPHA,
  };
  if (!(judgeOptions.threshold >= 0 && judgeOptions.threshold < 1))
    throw new UsageError(`threshold: ${judgeOptions.threshold} is not a fraction in [0, 1) (0.03 = 3 %)`);
  if (!(judgeOptions.alpha > 0 && judgeOptions.alpha < 0.5))
    throw new UsageError(`alpha: ${judgeOptions.alpha} is not a level between 0 and 0.5 (e.g. 0.05)`);
  const [base, ...rest] = files;
  if (base === undefined || rest.length === 0)
    throw new UsageError('compare: give at least two result files (base first)');
  for (const file of rest) {
    if (commonIds(base.result, file.result).length === 0) {
      throw new UsageError(`${file.name}: no benchmark in common with ${base.name}`);
    }
  }
  const columns = machineColumns(files);
  const matching = matchBenchmarks(files);

  const sameMachine: SameMachineComparison[] = [];
  columns.forEach((column, headIndex) => {
    const baseIndex = columns.findIndex((candidate) => candidate.machine.key === column.machine.key);
    if (baseIndex === headIndex) return;
    const measurements: Measurement[] = [];
    for (const row of matching.rows) {
      const before = row.entries[baseIndex];
      const after = row.entries[headIndex];
      if (before !== undefined && after !== undefined) measurements.push(measure.change(before, after));
    }
    if (measurements.length === 0) {
      throw new UsageError(`${column.file}: no benchmark in common with ${columns[baseIndex]?.file ?? 'its base'}`);
    }
    const judged = judgeComparison(measurements, judgeOptions);
    const advice = adviceFor(judged.judgements, measurements, files[headIndex]?.result);
    sameMachine.push({
      base: columns[baseIndex]?.file ?? '',
      head: column.file,
      machine: column.description,
      judgements: judged.judgements,
      counts: countVerdicts(judged.judgements),
      confidence: judged.confidence,
      tested: judged.tested,
      discoveries: judged.discoveries,
      ...(advice !== undefined ? { advice } : {}),
    });
  });

  const machines = new Set(columns.map((column) => column.machine.key));
  const crossMachine = machines.size > 1 ? crossMachineLayout(columns, matching) : null;
  const warnings: string[] = [];
  if (crossMachine === null) {
    const versions = new Set(columns.map((column) => column.node));
    if (versions.size > 1)
      warnings.push(
        `Node versions differ within major ${columns[0]?.machine.nodeMajor ?? '?'} ` +
          `(${[...versions].join(', ')}): judged as the same machine`,
      );
  }
  for (const file of files) {
    if (file.result.run.interrupted)
      warnings.push(`${file.name}: the run was interrupted; some cells may have few samples`);
    if (onOneProcess(file.result)) {
      warnings.push(
        `${file.name}: one measuring process per cell, so no spread between processes to judge by: unreliable`,
      );
    }
  }

  const regressions = sameMachine.flatMap((comparison) =>
    comparison.judgements
      .filter((judgement) => judgement.verdict === 'slower')
      .map((judgement) => ({
        base: comparison.base,
        head: comparison.head,
        id: judgement.id,
        ratio: judgement.ratio ?? 1,
      })),
  );
  return {
    command: measure.command,
    options: { ...judgeOptions, correction: CORRECTION },
    files: columns,
    partial: matching.partial,
    sameMachine,
    crossMachine,
    regressions,
    warnings: [...warnings, ...(crossMachine?.warnings ?? [])],
  };
}

/**
 * What to rerun both files with so that the inconclusive rows likely decide: the most samples any of them needs,
 * in the head file's own settings (judgement/more-data.ts). Undefined when no row is inconclusive or none could be.
 */
function adviceFor(
  judgements: readonly Judgement[],
  measurements: readonly Measurement[],
  head: ResultFile | undefined,
): string | undefined {
  const factors = judgements.flatMap((judgement) =>
    judgement.verdict === 'inconclusive' && judgement.samplesFactor !== null ? [judgement.samplesFactor] : [],
  );
  if (factors.length === 0 || head === undefined) return undefined;
  const factor = Math.max(...factors);
  const imprecise = measurements.some(
    (measurement) => measurement.kind === 'estimate' && !measurement.estimate.precise,
  );
  const { rounds, maxTimeMs, precisionPct } = head.config;
  const flag = moreDataFlag(factor, { rounds, maxTimeMs, precisionPct }, imprecise);
  const times = Number((Math.ceil(factor * 10) / 10).toFixed(1));
  return `inconclusive rows: about ${times}× the samples would likely decide those that can be${flag === undefined ? '' : ` (run both again with ${flag})`}`;
}

/** Every measured cell of the file came from a single measuring process (schemaVersion 1 files, --processes 1). */
function onOneProcess(result: ResultFile): boolean {
  const measured = result.benchmarks.filter((benchmark) => benchmark.status === 'ok' && benchmark.samplesMs.length > 0);
  return measured.length > 0 && measured.every((benchmark) => new Set(benchmark.samplesProcess).size < 2);
}

function countVerdicts(judgements: readonly Judgement[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = {
    slower: 0,
    faster: 0,
    same: 0,
    inconclusive: 0,
    unreliable: 0,
    'not comparable': 0,
  };
  for (const judgement of judgements) counts[judgement.verdict] += 1;
  return counts;
}
