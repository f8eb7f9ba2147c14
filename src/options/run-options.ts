import { UsageError } from '../errors.js';
import type { Environment } from '../results/schema.js';
import { DEFAULT_BATCH, DEFAULT_TASK_TIMEOUT_MS, DEFAULT_TRACE_SAMPLES, RUN_PROFILES } from '../runner/defaults.js';
import { defaultThreadCounts } from '../runner/plan.js';
import type { SuiteOptions, SuiteProgress } from '../runner/run-suite.js';
import type { BatchSetting } from '../strategies/batch-size.js';
import { DEFAULT_STRATEGY_NAMES, STRATEGY_NAMES } from '../strategies/index.js';
import { resolveWorkloadUrl } from '../workload-source.js';
import {
  ensureWritableFile,
  parseBatch,
  parseChoices,
  parseInteger,
  parsePercentage,
  parseMs,
  parseThreadCounts,
} from './parse.js';

/**
 * The options of a run, as the programmatic API takes them and as the `run` command hands them over after
 * parsing its flags: one builder turns them into the runner's settings for both, so they cannot drift apart.
 */
export interface RunOptions {
  /** Built-in ids (`cpu-compute`, `agents`) or paths to workload files, resolved from the current directory. */
  workloads: string[];
  /** Default: every strategy that is not opt-in (sequential, concurrent, parallel). */
  strategies?: string[];
  /** Pool sizes. Default: powers of 2 up to the usable cores, plus 2× cores (quick: 1 and the cores). */
  threads?: number[];
  /** Tasks per sample. Default: each workload's own, else 16 (quick: 8). */
  tasks?: number;
  /** Task size in the workload's unit. Default: each workload's defaultSize. */
  size?: number;
  /** Rounds per measuring process, fixed: no stopping on precision. Default: until precise or out of time. */
  rounds?: number;
  /** Measuring processes per workload (at least; exactly with `rounds`). Default 3 (quick: 2). */
  processes?: number;
  /** Target half-width of every cell's 95 % interval, % of its median. Default 3. */
  precision?: number;
  /** Time budget per workload, ms. Default 12 000 (quick: 2 500). */
  maxTimeMs?: number;
  /** A sample repeats its batch until it lasts this long, ms (0: one batch per sample). Default 50 (quick: 20). */
  minSampleMs?: number;
  warmupRounds?: number;
  /** Default 10 000. */
  taskTimeoutMs?: number;
  /** Cap on tasks in flight for `concurrent`. Default: none. */
  maxInFlight?: number;
  /** Tasks per message for `parallel`. Default 'auto'. */
  batch?: BatchSetting;
  /** libuv pool sizes to sweep, one measuring process set per size. */
  uvThreadpool?: number[];
  workerMaxOldSpaceMb?: number;
  childMaxOldSpaceMb?: number;
  /** The quick profile: fewer processes, a smaller budget, shorter samples, threads 1 and the core count. */
  quick?: boolean;
  /** Spin a plain thread per core first to see what the machine delivers. Default true. */
  probe?: boolean;
  /** Traced batches per cell (apart from the timed ones), for timelines and per-worker figures. Default 1. */
  traceSamples?: number;
  label?: string;
  /** Result file, rewritten atomically as the run goes. Default: none (the result is only returned). */
  out?: string;
}

export interface RunContext {
  environment: Environment;
  argv: string[];
  onProgress?: (progress: SuiteProgress) => void;
}

/** Applies the profile's defaults and checks every value; a bad one is a UsageError naming the option. */
export function buildSuiteOptions(options: RunOptions, context: RunContext): SuiteOptions {
  const { environment } = context;
  const profile = options.quick === true ? RUN_PROFILES.quick : RUN_PROFILES.full;
  if (options.workloads.length === 0) throw new UsageError('workloads: name at least one workload');
  for (const spec of options.workloads) resolveWorkloadUrl(spec, 'workloads');
  if (options.label?.trim() === '') throw new UsageError('label: must not be empty');
  const optional = <T>(value: T | undefined, check: (value: T) => T): T | undefined =>
    value === undefined ? undefined : check(value);
  const integer = (name: string, min: number, max?: number) => (value: number) => parseInteger(value, name, min, max);
  const threads =
    options.threads !== undefined
      ? parseThreadCounts(options.threads.join(','), 'threads')
      : options.quick === true
        ? [...new Set([1, environment.usableCores])]
        : defaultThreadCounts(environment.usableCores);
  const uvThreadpoolSizes = optional(options.uvThreadpool, (sizes) =>
    parseThreadCounts(sizes.join(','), 'uvThreadpool'),
  );
  const workerMaxOldSpaceMb = optional(options.workerMaxOldSpaceMb, integer('workerMaxOldSpaceMb', 8, 1_048_576));
  const childMaxOldSpaceMb = optional(options.childMaxOldSpaceMb, integer('childMaxOldSpaceMb', 16, 1_048_576));
  return {
    workloads: [...new Set(options.workloads)],
    strategies: parseChoices(options.strategies ?? [...DEFAULT_STRATEGY_NAMES], 'strategies', STRATEGY_NAMES),
    threads,
    tasks: optional(options.tasks, integer('tasks', 1, 100_000)) ?? profile.tasks,
    size: options.size ?? null,
    rounds: optional(options.rounds, integer('rounds', 1, 10_000)) ?? null,
    processes: optional(options.processes, integer('processes', 1, 100)) ?? profile.processes,
    precisionPct:
      optional(options.precision, (pct) => parsePercentage(pct, 'precision', { allowZero: false })) ??
      profile.precisionPct,
    maxTimeMs: optional(options.maxTimeMs, (ms) => parseMs(ms, 'maxTimeMs')) ?? profile.maxTimeMs,
    minSampleMs:
      optional(options.minSampleMs, (ms) => parseMs(ms, 'minSampleMs', { allowZero: true })) ?? profile.minSampleMs,
    warmupRounds: optional(options.warmupRounds, integer('warmupRounds', 0, 1000)) ?? profile.warmupRounds,
    quick: options.quick === true,
    taskTimeoutMs:
      optional(options.taskTimeoutMs, integer('taskTimeoutMs', 1, 24 * 3_600_000)) ?? DEFAULT_TASK_TIMEOUT_MS,
    maxInFlight: optional(options.maxInFlight, integer('maxInFlight', 1)) ?? null,
    batch: parseBatch(options.batch ?? DEFAULT_BATCH, 'batch'),
    label: options.label ?? null,
    ...(uvThreadpoolSizes !== undefined ? { uvThreadpoolSizes } : {}),
    ...(workerMaxOldSpaceMb !== undefined ? { workerMaxOldSpaceMb } : {}),
    ...(childMaxOldSpaceMb !== undefined ? { childMaxOldSpaceMb } : {}),
    probe: options.probe ?? true,
    traceSamples: optional(options.traceSamples, integer('traceSamples', 0, 100)) ?? DEFAULT_TRACE_SAMPLES,
    argv: context.argv,
    outPath: options.out === undefined ? null : ensureWritableFile(options.out, 'out'),
    environment,
    ...(context.onProgress !== undefined ? { onProgress: context.onProgress } : {}),
  };
}
