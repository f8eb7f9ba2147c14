import type { Argv } from 'yargs';
import type { RunOptions } from '../options/run-options.js';
import {
  parseBatch,
  parseChoices,
  parseDurationMs,
  parseInteger,
  parsePercentage,
  parsePositiveNumber,
  parseThreadCounts,
} from '../options/parse.js';
import { DEFAULT_BATCH, DEFAULT_TASK_TIMEOUT_MS, DEFAULT_TRACE_SAMPLES, RUN_PROFILES } from '../runner/defaults.js';
import type { BatchSetting } from '../strategies/batch-size.js';
import { DEFAULT_STRATEGY_NAMES, STRATEGY_NAMES, type StrategyName } from '../strategies/index.js';

/**
 * The flags that say how to measure, shared by every command that measures (`run`, `ab`): defined once, so the
 * commands cannot drift apart, and handed to the one options builder (options/run-options.ts).
 */
export interface MeasureArgs {
  strategies: StrategyName[];
  threads?: number[];
  tasks?: number;
  size?: number;
  rounds?: number;
  processes?: number;
  precision?: number;
  'max-time'?: number;
  'min-sample'?: number;
  probe: boolean;
  'trace-samples'?: number;
  warmup?: number;
  quick: boolean;
  'task-timeout': number;
  'max-in-flight'?: number;
  'worker-max-old-space-mb'?: number;
  'child-max-old-space-mb'?: number;
  batch: BatchSetting;
  'uv-threadpool'?: number[];
}

export function measureFlags<T>(yargs: Argv<T>): Argv<T & MeasureArgs> {
  return yargs
    .option('strategies', {
      alias: 's',
      type: 'string',
      array: true,
      default: [...DEFAULT_STRATEGY_NAMES],
      defaultDescription: `${DEFAULT_STRATEGY_NAMES.join(',')} (all: ${STRATEGY_NAMES.join(',')})`,
      describe: 'Strategies to run (sequential always runs: it is the baseline every speedup is measured against)',
      coerce: (values: unknown) => parseChoices(values, '--strategies', STRATEGY_NAMES),
    })
    .option('threads', {
      alias: 't',
      type: 'string',
      describe: 'Pool sizes for parallel: a list (1,2,4) or a range (1-8)',
      defaultDescription: 'powers of 2 up to the usable cores, plus 2× cores',
      coerce: (value: unknown) => parseThreadCounts(value, '--threads'),
    })
    .option('tasks', {
      alias: 'n',
      type: 'string',
      describe: 'Tasks per sample (one sample = one batch of this many tasks)',
      defaultDescription: "each workload's own, else 16; 8 with --quick",
      coerce: (value: unknown) => parseInteger(value, '--tasks', 1, 100_000),
    })
    .option('size', {
      type: 'string',
      describe: "Task size in the workload's own unit (ms to wait, KiB to read, rounds to hash...)",
      defaultDescription: "each workload's defaultSize",
      coerce: (value: unknown) => parsePositiveNumber(value, '--size'),
    })
    .option('rounds', {
      alias: 'r',
      type: 'string',
      describe:
        'Rounds per measuring process, fixed (cells take turns, one sample each per round); no stopping on --precision',
      defaultDescription: 'until every cell is within --precision or --max-time is spent',
      coerce: (value: unknown) => parseInteger(value, '--rounds', 1, 10_000),
    })
    .option('processes', {
      alias: 'p',
      type: 'string',
      describe:
        'Fresh measuring processes per workload: at least this many (more while imprecise), exactly this ' +
        'many with --rounds',
      defaultDescription: `${RUN_PROFILES.full.processes}; ${RUN_PROFILES.quick.processes} with --quick`,
      coerce: (value: unknown) => parseInteger(value, '--processes', 1, 100),
    })
    .option('precision', {
      type: 'string',
      describe: "Stop once every cell's 95 % interval is within ± this % of its median",
      defaultDescription: `${RUN_PROFILES.full.precisionPct}`,
      coerce: (value: unknown) => parsePercentage(value, '--precision', { allowZero: false }),
    })
    .option('max-time', {
      type: 'string',
      describe:
        'Time budget per workload (30s, 1.5min; a bare number is seconds): measuring stops there, precise or not',
      defaultDescription: `${RUN_PROFILES.full.maxTimeMs / 1000}s; ${RUN_PROFILES.quick.maxTimeMs / 1000}s with --quick`,
      coerce: (value: unknown) => parseDurationMs(value, '--max-time'),
    })
    .option('min-sample', {
      type: 'string',
      describe: 'A sample repeats its batch until it lasts this long (figures stay per batch; 0: one batch per sample)',
      defaultDescription: `${RUN_PROFILES.full.minSampleMs}ms; ${RUN_PROFILES.quick.minSampleMs}ms with --quick`,
      coerce: (value: unknown) => parseDurationMs(value, '--min-sample', { allowZero: true }),
    })
    .option('probe', {
      type: 'boolean',
      default: true,
      describe: 'First spin a plain thread per core to measure what the machine delivers (--no-probe: skip it)',
    })
    .option('trace-samples', {
      type: 'string',
      describe: 'Traced batches per cell, taken apart from the timed samples (timelines, per-worker figures; 0: none)',
      defaultDescription: String(DEFAULT_TRACE_SAMPLES),
      coerce: (value: unknown) => parseInteger(value, '--trace-samples', 0, 100),
    })
    .option('warmup', {
      type: 'string',
      describe: 'Unrecorded warm-up rounds before sampling',
      defaultDescription: String(RUN_PROFILES.full.warmupRounds),
      coerce: (value: unknown) => parseInteger(value, '--warmup', 0, 1000),
    })
    .option('quick', {
      alias: 'q',
      type: 'boolean',
      default: false,
      describe:
        `Quick profile: ${RUN_PROFILES.quick.processes} processes, ${RUN_PROFILES.quick.maxTimeMs / 1000}s ` +
        `per workload, ${RUN_PROFILES.quick.tasks} tasks, threads 1 and the core count`,
    })
    .option('task-timeout', {
      type: 'string',
      default: DEFAULT_TASK_TIMEOUT_MS,
      describe: 'A task that takes longer (ms) fails its cell with status "timeout"',
      coerce: (value: unknown) => parseInteger(value, '--task-timeout', 1, 24 * 3_600_000),
    })
    .option('max-in-flight', {
      type: 'string',
      describe: 'Cap on tasks in flight for concurrent',
      defaultDescription: 'no cap',
      coerce: (value: unknown) => parseInteger(value, '--max-in-flight', 1),
    })
    .option('worker-max-old-space-mb', {
      type: 'string',
      describe: 'Heap cap per worker thread (MiB): a worker over it fails its task with ERR_WORKER_OUT_OF_MEMORY',
      defaultDescription: "Node's default",
      coerce: (value: unknown) => parseInteger(value, '--worker-max-old-space-mb', 8, 1_048_576),
    })
    .option('child-max-old-space-mb', {
      type: 'string',
      describe:
        'Heap cap of each measuring process (MiB): past it the process dies and its cell is "crashed"; ' +
        'the rest goes on',
      defaultDescription: "Node's default",
      coerce: (value: unknown) => parseInteger(value, '--child-max-old-space-mb', 16, 1_048_576),
    })
    .option('uv-threadpool', {
      type: 'string',
      describe:
        "Sweep libuv's thread pool: run every workload once per UV_THREADPOOL_SIZE (1,2,4,8 or 1-8), " +
        'each in its own process; ' +
        ("shows how much of concurrent's gain on async fs/crypto comes from libuv's threads (e.g. -w " +
          'fs-read-cached,cpu-hash-async)'),
      defaultDescription: 'no sweep: the inherited size (4 unless set)',
      coerce: (value: unknown) => parseThreadCounts(value, '--uv-threadpool'),
    })
    .option('batch', {
      type: 'string',
      default: DEFAULT_BATCH,
      describe:
        'Tasks per message for parallel: a number (1 = one message per task, piscina as is) or auto ' +
        '(chosen per cell from the measured dispatch cost and task time)',
      coerce: (value: unknown) => parseBatch(value, '--batch'),
    });
}

/** The measuring flags as the options builder takes them (everything but what to measure and where to write). */
export function measureOptions(args: MeasureArgs): Omit<RunOptions, 'workloads' | 'label' | 'out'> {
  return {
    strategies: args.strategies,
    ...(args.threads !== undefined ? { threads: args.threads } : {}),
    ...(args.tasks !== undefined ? { tasks: args.tasks } : {}),
    ...(args.size !== undefined ? { size: args.size } : {}),
    ...(args.rounds !== undefined ? { rounds: args.rounds } : {}),
    ...(args.processes !== undefined ? { processes: args.processes } : {}),
    ...(args.precision !== undefined ? { precision: args.precision } : {}),
    ...(args['max-time'] !== undefined ? { maxTimeMs: args['max-time'] } : {}),
    ...(args['min-sample'] !== undefined ? { minSampleMs: args['min-sample'] } : {}),
    ...(args.warmup !== undefined ? { warmupRounds: args.warmup } : {}),
    quick: args.quick,
    probe: args.probe,
    ...(args['trace-samples'] !== undefined ? { traceSamples: args['trace-samples'] } : {}),
    taskTimeoutMs: args['task-timeout'],
    ...(args['max-in-flight'] !== undefined ? { maxInFlight: args['max-in-flight'] } : {}),
    batch: args.batch,
    ...(args['uv-threadpool'] !== undefined ? { uvThreadpool: args['uv-threadpool'] } : {}),
    ...(args['worker-max-old-space-mb'] !== undefined ? { workerMaxOldSpaceMb: args['worker-max-old-space-mb'] } : {}),
    ...(args['child-max-old-space-mb'] !== undefined ? { childMaxOldSpaceMb: args['child-max-old-space-mb'] } : {}),
  };
}
