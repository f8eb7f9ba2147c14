import type { Argv, Options } from 'yargs';
import type { MeasureInput } from '../options/measure-config.js';
import { parseDurationMs, parseThreadCounts, splitList, toBatch, toNumber } from '../options/parse.js';
import { MEASURE_DEFAULTS, RUN_PROFILES } from '../results/config-schema.js';
import { DEFAULT_STRATEGY_NAMES, STRATEGY_NAMES } from '../strategies/index.js';

const { full, quick } = RUN_PROFILES;

/**
 * One measuring flag: its name on the command line, the MeasureConfig key it sets, its help, and how its text
 * becomes a value. Ranges are not checked here: the config schema (results/config-schema.ts) holds them, and
 * resolveMeasureConfig checks every value once, naming the flag.
 */
interface MeasureFlag {
  flag: string;
  key: keyof MeasureInput;
  option: Omit<Options, 'coerce'>;
  toValue?: (text: unknown, flag: string) => unknown;
}

/** Every flag that says how to measure, shared by the commands that measure (`run`, `ab`), in help order. */
const MEASURE_FLAGS: readonly MeasureFlag[] = [
  {
    flag: 'strategies',
    key: 'strategies',
    option: {
      alias: 's',
      type: 'string',
      array: true,
      default: [...DEFAULT_STRATEGY_NAMES],
      defaultDescription: `${DEFAULT_STRATEGY_NAMES.join(',')} (all: ${STRATEGY_NAMES.join(',')})`,
      describe: 'Strategies to run (sequential always runs: it is the baseline every speedup is measured against)',
    },
    toValue: splitList,
  },
  {
    flag: 'threads',
    key: 'threads',
    option: {
      alias: 't',
      type: 'string',
      describe: 'Pool sizes for parallel: a list (1,2,4) or a range (1-8)',
      defaultDescription: 'powers of 2 up to the usable cores, plus 2× cores',
    },
    toValue: parseThreadCounts,
  },
  {
    flag: 'tasks',
    key: 'tasks',
    option: {
      alias: 'n',
      type: 'string',
      describe: 'Tasks per sample (one sample = one batch of this many tasks)',
      defaultDescription: "each workload's own, else 16; 8 with --quick",
    },
    toValue: toNumber,
  },
  {
    flag: 'size',
    key: 'size',
    option: {
      type: 'string',
      describe: "Task size in the workload's own unit (ms to wait, KiB to read, rounds to hash...)",
      defaultDescription: "each workload's defaultSize",
    },
    toValue: toNumber,
  },
  {
    flag: 'rounds',
    key: 'rounds',
    option: {
      alias: 'r',
      type: 'string',
      describe:
        'Rounds per measuring process, fixed (cells take turns, one sample each per round); no stopping on --precision',
      defaultDescription: 'until every cell is within --precision or --max-time is spent',
    },
    toValue: toNumber,
  },
  {
    flag: 'processes',
    key: 'processes',
    option: {
      alias: 'p',
      type: 'string',
      describe:
        'Fresh measuring processes per workload: at least this many (more while imprecise), exactly this ' +
        'many with --rounds',
      defaultDescription: `${full.processes}; ${quick.processes} with --quick`,
    },
    toValue: toNumber,
  },
  {
    flag: 'precision',
    key: 'precisionPct',
    option: {
      type: 'string',
      describe: "Stop once every cell's 95 % interval is within ± this % of its median",
      defaultDescription: `${full.precisionPct}`,
    },
    toValue: (text) => toNumber(String(text).replace(/\s*%$/, '')),
  },
  {
    flag: 'max-time',
    key: 'maxTimeMs',
    option: {
      type: 'string',
      describe:
        'Time budget per workload (30s, 1.5min; a bare number is seconds): measuring stops there, precise or ' +
        'not. It pays for start-up and timed rounds; the warm-up of the first --processes processes comes on top',
      defaultDescription: `${full.maxTimeMs / 1000}s; ${quick.maxTimeMs / 1000}s with --quick`,
    },
    toValue: (text, flag) => parseDurationMs(text, flag),
  },
  {
    flag: 'min-sample',
    key: 'minSampleMs',
    option: {
      type: 'string',
      describe: 'A sample repeats its batch until it lasts this long (figures stay per batch; 0: one batch per sample)',
      defaultDescription: `${full.minSampleMs}ms; ${quick.minSampleMs}ms with --quick`,
    },
    toValue: (text, flag) => parseDurationMs(text, flag, { allowZero: true }),
  },
  {
    flag: 'probe',
    key: 'probe',
    option: {
      type: 'boolean',
      default: MEASURE_DEFAULTS.probe,
      describe: 'First spin a plain thread per core to measure what the machine delivers (--no-probe: skip it)',
    },
  },
  {
    flag: 'trace-samples',
    key: 'traceSamples',
    option: {
      type: 'string',
      describe: 'Traced batches per cell, taken apart from the timed samples (timelines, per-worker figures; 0: none)',
      defaultDescription: String(MEASURE_DEFAULTS.traceSamples),
    },
    toValue: toNumber,
  },
  {
    flag: 'warmup',
    key: 'warmupRounds',
    option: {
      type: 'string',
      describe:
        'Warm-up before sampling: each cell runs until its batch times are steady, up to --warmup-max (0: none; ' +
        'any other count warms the same way)',
      defaultDescription: String(full.warmupRounds),
    },
    toValue: toNumber,
  },
  {
    flag: 'warmup-max',
    key: 'warmupMaxMs',
    option: {
      type: 'string',
      describe: 'Longest warm-up per cell and process (30s, 500ms): a cell still not steady is measured and marked',
      defaultDescription: `${full.warmupMaxMs / 1000}s; ${quick.warmupMaxMs / 1000}s with --quick`,
    },
    toValue: (text, flag) => parseDurationMs(text, flag),
  },
  {
    flag: 'quick',
    key: 'quick',
    option: {
      alias: 'q',
      type: 'boolean',
      default: false,
      describe:
        `Quick profile: ${quick.processes} processes, ${quick.maxTimeMs / 1000}s ` +
        `per workload, ${quick.tasks} tasks, threads 1 and the core count`,
    },
  },
  {
    flag: 'task-timeout',
    key: 'taskTimeoutMs',
    option: {
      type: 'string',
      default: MEASURE_DEFAULTS.taskTimeoutMs,
      describe: 'A task that takes longer (ms) fails its cell with status "timeout"',
    },
    toValue: toNumber,
  },
  {
    flag: 'max-in-flight',
    key: 'maxInFlight',
    option: { type: 'string', describe: 'Cap on tasks in flight for concurrent', defaultDescription: 'no cap' },
    toValue: toNumber,
  },
  {
    flag: 'worker-max-old-space-mb',
    key: 'workerMaxOldSpaceMb',
    option: {
      type: 'string',
      describe: 'Heap cap per worker thread (MiB): a worker over it fails its task with ERR_WORKER_OUT_OF_MEMORY',
      defaultDescription: "Node's default",
    },
    toValue: toNumber,
  },
  {
    flag: 'child-max-old-space-mb',
    key: 'childMaxOldSpaceMb',
    option: {
      type: 'string',
      describe:
        'Heap cap of each measuring process (MiB): past it the process dies and its cell is "crashed"; ' +
        'the rest goes on',
      defaultDescription: "Node's default",
    },
    toValue: toNumber,
  },
  {
    flag: 'uv-threadpool',
    key: 'uvThreadpoolSizes',
    option: {
      type: 'string',
      describe:
        "Sweep libuv's thread pool: run every workload once per UV_THREADPOOL_SIZE (1,2,4,8 or 1-8), " +
        'each in its own process; ' +
        ("shows how much of concurrent's gain on async fs/crypto comes from libuv's threads (e.g. -w " +
          'fs-read-cached,cpu-hash-async)'),
      defaultDescription: 'no sweep: the inherited size (4 unless set)',
    },
    toValue: parseThreadCounts,
  },
  {
    flag: 'batch',
    key: 'batch',
    option: {
      type: 'string',
      default: MEASURE_DEFAULTS.batch,
      describe:
        'Tasks per message for parallel: a number (1 = one message per task, piscina as is) or auto ' +
        '(chosen per cell from the measured dispatch cost and task time)',
    },
    toValue: toBatch,
  },
];

/** The parsed measuring flags, as yargs hands them over (measureInput reads every row by its flag name). */
export interface MeasureArgs {
  quick: boolean;
  probe: boolean;
  'trace-samples'?: number;
}

export function measureFlags<T>(yargs: Argv<T>): Argv<T & MeasureArgs> {
  let withFlags: Argv = yargs;
  for (const { flag, option, toValue } of MEASURE_FLAGS) {
    const flagName = `--${flag}`;
    withFlags = withFlags.option(flag, {
      ...option,
      ...(toValue !== undefined ? { coerce: (text: unknown) => toValue(text, flagName) } : {}),
    });
  }
  return withFlags as Argv<T & MeasureArgs>;
}

/** The measuring settings the user gave on the command line, by config key (what resolveMeasureConfig takes). */
export function measureInput(args: MeasureArgs, workloads: string[]): MeasureInput {
  const byFlag = args as unknown as Record<string, unknown>;
  const given = MEASURE_FLAGS.flatMap(({ flag, key }) => (byFlag[flag] === undefined ? [] : [[key, byFlag[flag]]]));
  return { ...(Object.fromEntries(given) as Partial<MeasureInput>), workloads };
}

/** A config key as the user typed it on the command line: `maxTimeMs` → `--max-time`. */
export function flagOf(key: string): string {
  return `--${MEASURE_FLAGS.find((row) => row.key === key)?.flag ?? key}`;
}
