import os from 'node:os';
import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';
import { probeEnvironment } from '../results/environment.js';
import { progressLine } from '../report/progress.js';
import { renderRunSummary } from '../report/terminal.js';
import { renderRunCharts, shouldColor } from '../report/terminal-chart.js';
import { defaultThreadCounts } from '../runner/plan.js';
import { killAllChildren } from '../runner/supervisor.js';
import { requestStop, runSuite, type SuiteProgress } from '../runner/run-suite.js';
import type { BatchSetting } from '../strategies/batch-size.js';
import { DEFAULT_STRATEGY_NAMES, STRATEGY_NAMES, type StrategyName } from '../strategies/index.js';
import { BUILTIN_WORKLOADS, resolveWorkloadUrl } from '../workload-source.js';
import { parseBatch } from './batch-option.js';
import {
  defaultResultPath,
  ensureWritableFile,
  parseChoices,
  parseInteger,
  parsePositiveNumber,
  parseThreadCounts,
  splitList,
} from './options.js';
import { DEFAULT_BATCH, DEFAULT_TASK_TIMEOUT_MS, RUN_PROFILES } from '../runner/defaults.js';


interface RunArgs {
  workloads: string[];
  strategies: StrategyName[];
  threads?: number[];
  tasks?: number;
  size?: number;
  rounds?: number;
  warmup?: number;
  quick: boolean;
  out?: string;
  json: boolean;
  chart: boolean;
  label?: string;
  'task-timeout': number;
  'max-in-flight'?: number;
  'worker-max-old-space-mb'?: number;
  'child-max-old-space-mb'?: number;
  batch: BatchSetting;
  'uv-threadpool'?: number[];
}

export const command = 'run';
export const describe = 'Run workloads sequentially, concurrently (Promise.all) and in parallel (worker pool) and report the difference';

export function builder(yargs: Argv): Argv<RunArgs> {
  return yargs
    .option('workloads', {
      // `--workload ./my-workload.js` reads naturally for one file of your own.
      alias: ['w', 'workload'],
      type: 'string',
      array: true,
      default: [...BUILTIN_WORKLOADS],
      defaultDescription: BUILTIN_WORKLOADS.join(','),
      describe: 'Workloads to run: built-in ids or paths to your own workload files (comma-separated)',
      coerce: (values: unknown) => {
        const specs = splitList(values, '--workloads');
        for (const spec of specs) resolveWorkloadUrl(spec);
        return [...new Set(specs)];
      },
    })
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
      defaultDescription: 'each workload\'s own, else 16; 8 with --quick',
      coerce: (value: unknown) => parseInteger(value, '--tasks', 1, 100_000),
    })
    .option('size', {
      type: 'string',
      describe: 'Task size in the workload\'s own unit (ms to wait, KiB to read, rounds to hash...)',
      defaultDescription: 'each workload\'s defaultSize',
      coerce: (value: unknown) => parsePositiveNumber(value, '--size'),
    })
    .option('rounds', {
      alias: 'r',
      type: 'string',
      describe: 'Samples per cell; cells take turns, one sample each per round',
      defaultDescription: `${RUN_PROFILES.full.rounds}; ${RUN_PROFILES.quick.rounds} with --quick`,
      coerce: (value: unknown) => parseInteger(value, '--rounds', 1, 10_000),
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
      describe: `Quick profile: ${RUN_PROFILES.quick.rounds} rounds, ${RUN_PROFILES.quick.tasks} tasks, threads 1 and the core count`,
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
      defaultDescription: 'Node\'s default',
      coerce: (value: unknown) => parseInteger(value, '--worker-max-old-space-mb', 8, 1_048_576),
    })
    .option('child-max-old-space-mb', {
      type: 'string',
      describe: 'Heap cap of each measuring process (MiB): past it the process dies and its cell is "crashed"; the rest goes on',
      defaultDescription: 'Node\'s default',
      coerce: (value: unknown) => parseInteger(value, '--child-max-old-space-mb', 16, 1_048_576),
    })
    .option('uv-threadpool', {
      type: 'string',
      describe:
        'Sweep libuv\'s thread pool: run every workload once per UV_THREADPOOL_SIZE (1,2,4,8 or 1-8), each in its own process; ' +
        'shows how much of concurrent\'s gain on async fs/crypto comes from libuv\'s threads (e.g. -w io-fs,cpu-hash-async)',
      defaultDescription: 'no sweep: the inherited size (4 unless set)',
      coerce: (value: unknown) => parseThreadCounts(value, '--uv-threadpool'),
    })
    .option('batch', {
      type: 'string',
      default: DEFAULT_BATCH,
      describe: 'Tasks per message for parallel: a number (1 = one message per task, piscina as is) or auto (chosen per cell from the measured dispatch cost and task time)',
      coerce: (value: unknown) => parseBatch(value, '--batch'),
    })
    .option('out', {
      alias: 'o',
      type: 'string',
      describe: 'Result file (JSON), rewritten atomically after every round',
      defaultDescription: 'results/<label or host>-<timestamp>.json',
    })
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'Print the result JSON to stdout (tables go to stderr); no file unless --out is given',
    })
    .option('chart', {
      type: 'boolean',
      default: true,
      describe: 'Draw a speedup-vs-threads chart per CPU-bound workload under the tables (--no-chart: none)',
    })
    .option('label', {
      type: 'string',
      describe: 'A name for this run, kept in the file and used in its default name',
    });
}

export async function handler(args: RunArgs): Promise<void> {
  const environment = probeEnvironment();
  const profile = args.quick ? RUN_PROFILES.quick : RUN_PROFILES.full;
  const threads = args.threads ?? (args.quick ? [...new Set([1, environment.usableCores])] : defaultThreadCounts(environment.usableCores));
  if (args.label !== undefined && args.label.trim() === '') throw new UsageError('--label: must not be empty');
  const outPath =
    args.out !== undefined
      ? ensureWritableFile(args.out)
      : args.json
        ? null
        : ensureWritableFile(defaultResultPath(args.label ?? os.hostname()));

  const output = args.json ? process.stderr : process.stdout;
  const onSigint = (): void => {
    if (sigintCount === 0) {
      process.stderr.write('\nstopping after the current sample (Ctrl-C again to quit now)…\n');
      requestStop();
    } else {
      killAllChildren();
      process.exit(130);
    }
    sigintCount += 1;
  };
  let sigintCount = 0;
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  // Progress is for a person watching: only on a terminal, never mixed into piped or redirected output.
  const progress = process.stderr.isTTY ? progressLine(process.stderr) : undefined;

  try {
    const outcome = await runSuite({
      workloads: args.workloads,
      strategies: args.strategies,
      threads,
      tasks: args.tasks ?? profile.tasks,
      size: args.size ?? null,
      rounds: args.rounds ?? profile.rounds,
      warmupRounds: args.warmup ?? profile.warmupRounds,
      quick: args.quick,
      taskTimeoutMs: args['task-timeout'],
      maxInFlight: args['max-in-flight'] ?? null,
      batch: args.batch,
      label: args.label ?? null,
      ...(args['uv-threadpool'] !== undefined ? { uvThreadpoolSizes: args['uv-threadpool'] } : {}),
      ...(args['worker-max-old-space-mb'] !== undefined ? { workerMaxOldSpaceMb: args['worker-max-old-space-mb'] } : {}),
      ...(args['child-max-old-space-mb'] !== undefined ? { childMaxOldSpaceMb: args['child-max-old-space-mb'] } : {}),
      argv: process.argv.slice(2),
      outPath,
      environment,
      ...(progress !== undefined ? { onProgress: (update: SuiteProgress) => progress.update(update) } : {}),
    });
    progress?.clear();
    if (outcome.usageError !== undefined) throw new UsageError(outcome.usageError);
    output.write(`${renderRunSummary(outcome.result)}\n`);
    const charts = args.chart ? renderRunCharts(outcome.result, { color: shouldColor(output) }) : '';
    if (charts !== '') output.write(`\n${charts}\n`);
    if (outcome.writeError !== undefined) process.stderr.write(`corescope: ${outcome.writeError}\n`);
    else if (outPath !== null) output.write(`\nresults: ${outPath}\n`);
    if (args.json) process.stdout.write(`${JSON.stringify(outcome.result, null, 2)}\n`);
    process.exitCode = outcome.exitCode;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}
