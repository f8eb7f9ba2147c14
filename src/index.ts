/**
 * corescope's public API: `import { defineWorkload, run, compare } from 'corescope'`.
 *
 * Light on purpose: a user's workload module imports this on the measuring process and on every worker
 * thread, so only the workload contract loads eagerly; the runner and the comparison code are imported when
 * `run` or `compare` is first called, and never inside a worker.
 */
import type { Comparison, JudgeOptions, NamedResult } from './compare/index.js';
import { UsageError } from './errors.js';
import type { ResultFile } from './results/schema.js';

export { defineWorkload, WORKLOAD_KINDS } from './workload.js';
export type { BoundContext, ComputeInput, SetupContext, TaskInput, Workload, WorkloadDefinition, WorkloadKind } from './workload.js';
export type { Benchmark, OkBenchmark, ResultFile } from './results/schema.js';
export type { Comparison, Judgement, JudgeOptions, NamedResult, Verdict } from './compare/index.js';
export { EXIT, UsageError } from './errors.js';

export interface RunOptions {
  /** Built-in ids (`cpu-compute`, `agents`) or paths to workload files, resolved from the current directory. */
  workloads: string[];
  /** Default: sequential, concurrent, parallel (plus any other strategy that is not opt-in, like hybrid). */
  strategies?: string[];
  /** Pool sizes for the strategies that use threads. Default: powers of 2 up to the usable cores, plus 2× cores. */
  threads?: number[];
  /** Tasks per sample. Default: each workload's own, else 16. */
  tasks?: number;
  /** Task size in the workload's unit. Default: each workload's defaultSize. */
  size?: number;
  /** Samples per cell. Default 10. */
  rounds?: number;
  /** Unrecorded rounds first. Default 1. */
  warmupRounds?: number;
  /** Default 10 000. */
  taskTimeoutMs?: number;
  /** Cap on tasks in flight for `concurrent`. Default: none. */
  maxInFlight?: number;
  label?: string;
  /** Result file, rewritten atomically after every round. Default: none (the result is only returned). */
  out?: string;
}

export interface RunOutcome {
  result: ResultFile;
  /** What the CLI would exit with: 0 ok, 1 a workload failed (recorded in `result`), 130 interrupted. */
  exitCode: number;
}

/**
 * Runs workloads like `corescope run` does (each in a supervised child process) and resolves with the result.
 * Bad input (an unknown strategy, a workload file that does not exist or exports no valid workload) rejects
 * with a UsageError whose message names the option or the file.
 */
export async function run(options: RunOptions): Promise<RunOutcome> {
  const [{ runSuite }, defaults, { probeEnvironment }, { defaultThreadCounts }, strategies, { resolveWorkloadUrl }, { ensureWritableFile }] = await Promise.all([
    import('./runner/run-suite.js'),
    import('./runner/defaults.js'),
    import('./results/environment.js'),
    import('./runner/plan.js'),
    import('./strategies/index.js'),
    import('./workload-source.js'),
    import('./commands/options.js'),
  ]);
  if (options.workloads.length === 0) throw new UsageError('workloads: name at least one workload');
  for (const spec of options.workloads) resolveWorkloadUrl(spec, 'workloads');
  const chosen = options.strategies ?? [...strategies.DEFAULT_STRATEGY_NAMES];
  for (const name of chosen) {
    if (!strategies.STRATEGY_NAMES.includes(name)) {
      throw new UsageError(`strategies: unknown value "${name}" (choose from ${strategies.STRATEGY_NAMES.join(', ')})`);
    }
  }
  const environment = probeEnvironment();
  const outcome = await runSuite({
    workloads: [...new Set(options.workloads)],
    strategies: chosen,
    threads: options.threads ?? defaultThreadCounts(environment.usableCores),
    tasks: options.tasks ?? null,
    size: options.size ?? null,
    rounds: options.rounds ?? defaults.RUN_PROFILES.full.rounds,
    warmupRounds: options.warmupRounds ?? defaults.RUN_PROFILES.full.warmupRounds,
    quick: false,
    taskTimeoutMs: options.taskTimeoutMs ?? defaults.DEFAULT_TASK_TIMEOUT_MS,
    // As the CLI does: parallel picks its tasks per message from measured costs.
    batch: defaults.DEFAULT_BATCH,
    maxInFlight: options.maxInFlight ?? null,
    label: options.label ?? null,
    argv: [],
    outPath: options.out === undefined ? null : ensureWritableFile(options.out, 'out'),
    environment,
  });
  if (outcome.usageError !== undefined) throw new UsageError(outcome.usageError);
  return { result: outcome.result, exitCode: outcome.exitCode };
}

/**
 * Compares result files like `corescope compare`: the first is the base. Give paths (read and validated) or
 * already loaded results with a name each.
 */
export async function compare(files: ReadonlyArray<string | NamedResult>, options: Partial<JudgeOptions> = {}): Promise<Comparison> {
  const [{ compareResults }, { readResultFile }] = await Promise.all([import('./compare/index.js'), import('./results/load.js')]);
  const named = files.map((file): NamedResult => (typeof file === 'string' ? { name: file, result: readResultFile(file) } : file));
  return compareResults(named, options);
}
