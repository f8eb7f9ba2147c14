import { UsageError } from '../errors.js';
import { crossMachineLayout, machineColumns, type CrossMachineLayout, type MachineColumn } from './cross-machine.js';
import { judgePair, type Judgement, type JudgeOptions, type Verdict } from './judge.js';
import { commonIds, matchBenchmarks, type Matching, type NamedResult } from './match.js';

export type { CrossMachineLayout, MachineColumn } from './cross-machine.js';
export type { Judgement, JudgeOptions, Verdict } from './judge.js';
export type { Matching, NamedResult } from './match.js';

export const DEFAULT_THRESHOLD = 0.05;
export const DEFAULT_ALPHA = 0.05;

/** One head file judged against the first file from the same machine. */
export interface SameMachineComparison {
  base: string;
  head: string;
  /** "AMD EPYC, 2 usable cores, Node 20" */
  machine: string;
  judgements: Judgement[];
  counts: Record<Verdict, number>;
}

export interface Comparison {
  options: JudgeOptions;
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
 * Node major) are judged against the first file from that machine: ratio of medians, interval, Welch's test
 * on log times, verdict. When the files span machines, they are also laid out side by side on dimensionless
 * figures. Throws UsageError (exit 2) for fewer than two files or a file with no benchmark in common with
 * the base.
 */
export function compareResults(files: readonly NamedResult[], options: Partial<JudgeOptions> = {}): Comparison {
  const judgeOptions: JudgeOptions = { threshold: options.threshold ?? DEFAULT_THRESHOLD, alpha: options.alpha ?? DEFAULT_ALPHA };
  const [base, ...rest] = files;
  if (base === undefined || rest.length === 0) throw new UsageError('compare: give at least two result files (base first)');
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
    const judgements: Judgement[] = [];
    for (const row of matching.rows) {
      const before = row.entries[baseIndex];
      const after = row.entries[headIndex];
      if (before !== undefined && after !== undefined) judgements.push(judgePair(before, after, judgeOptions));
    }
    if (judgements.length === 0) {
      throw new UsageError(`${column.file}: no benchmark in common with ${columns[baseIndex]?.file ?? 'its base'}`);
    }
    sameMachine.push({
      base: columns[baseIndex]?.file ?? '',
      head: column.file,
      machine: column.description,
      judgements,
      counts: countVerdicts(judgements),
    });
  });

  const machines = new Set(columns.map((column) => column.machine.key));
  const crossMachine = machines.size > 1 ? crossMachineLayout(columns, matching) : null;
  const warnings: string[] = [];
  if (crossMachine === null) {
    const versions = new Set(columns.map((column) => column.node));
    if (versions.size > 1) warnings.push(`Node versions differ within major ${columns[0]?.machine.nodeMajor ?? '?'} (${[...versions].join(', ')}): judged as the same machine`);
  }
  for (const file of files) {
    if (file.result.run.interrupted) warnings.push(`${file.name}: the run was interrupted; some cells may have few samples`);
  }

  const regressions = sameMachine.flatMap((comparison) =>
    comparison.judgements
      .filter((judgement) => judgement.verdict === 'slower')
      .map((judgement) => ({ base: comparison.base, head: comparison.head, id: judgement.id, ratio: judgement.ratio ?? 1 })),
  );
  return { options: judgeOptions, files: columns, partial: matching.partial, sameMachine, crossMachine, regressions, warnings: [...warnings, ...(crossMachine?.warnings ?? [])] };
}

function countVerdicts(judgements: readonly Judgement[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { slower: 0, faster: 0, 'no significant change': 0, unreliable: 0, 'not comparable': 0 };
  for (const judgement of judgements) counts[judgement.verdict] += 1;
  return counts;
}
