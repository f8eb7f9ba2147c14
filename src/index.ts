/**
 * corescope's public API: `import { defineWorkload, run, compare } from 'corescope'`.
 *
 * Light on purpose: a user's workload module imports this on the measuring process and on every worker
 * thread, so only the workload contract loads eagerly; the runner and the comparison code are imported when
 * `run` or `compare` is first called, and never inside a worker.
 */
import type { Comparison, JudgeOptions, NamedResult } from './compare/index.js';
import type { RunOptions } from './options/run-options.js';
import { UsageError } from './errors.js';
import type { ResultFile } from './results/schema.js';

export { defineWorkload, WORKLOAD_KINDS } from './workload.js';
export type {
  BoundContext,
  ComputeInput,
  SetupContext,
  TaskInput,
  Workload,
  WorkloadDefinition,
  WorkloadKind,
} from './workload.js';
export type { Benchmark, OkBenchmark, ResultFile } from './results/schema.js';
export type { Comparison, Judgement, JudgeOptions, NamedResult, Verdict } from './compare/index.js';
export { EXIT, UsageError } from './errors.js';

export type { RunOptions } from './options/run-options.js';

export interface RunOutcome {
  result: ResultFile;
  /** What the CLI would exit with: 0 ok, 1 a workload failed (recorded in `result`), 130 interrupted. */
  exitCode: number;
}

/**
 * Runs workloads like `corescope run` does (each in a supervised child process) and resolves with the result.
 * Bad input (an unknown strategy, a workload file that does not exist or exports no valid workload) rejects
 * with a UsageError whose message names the option or the file. Aborting `options.signal` ends the run as Ctrl-C
 * would: it resolves with the results so far, `interrupted: true` and exit code 130. Runs are independent: two
 * at once in one process share nothing.
 */
export async function run(options: RunOptions): Promise<RunOutcome> {
  const [{ runSuite }, { buildRunRequest }, { probeEnvironment }] = await Promise.all([
    import('./runner/scheduler.js'),
    import('./options/run-options.js'),
    import('./results/environment.js'),
  ]);
  const outcome = await runSuite(buildRunRequest(options, { environment: probeEnvironment(), argv: [] }));
  if (outcome.usageError !== undefined) throw new UsageError(outcome.usageError);
  return { result: outcome.result, exitCode: outcome.exitCode };
}

/**
 * Compares result files like `corescope compare`: the first is the base. Give paths (read and validated) or
 * already loaded results with a name each.
 */
export async function compare(
  files: ReadonlyArray<string | NamedResult>,
  options: Partial<JudgeOptions> = {},
): Promise<Comparison> {
  const [{ compareResults }, { readResultFile }] = await Promise.all([
    import('./compare/index.js'),
    import('./results/load.js'),
  ]);
  const named = files.map((file): NamedResult =>
    typeof file === 'string' ? { name: file, result: readResultFile(file) } : file,
  );
  return compareResults(named, options);
}
