import os from 'node:os';
import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';
import { buildSuiteOptions, type RunOptions } from '../options/run-options.js';
import { progressLine } from '../report/progress.js';
import { renderRunSummary } from '../report/terminal.js';
import { renderRunCharts, shouldColor } from '../report/terminal-chart.js';
import { renderRunTimelines, terminalWidth, writeChromeTrace } from '../report/run-trace.js';
import { probeEnvironment } from '../results/environment.js';
import { DEFAULT_BATCH, DEFAULT_TASK_TIMEOUT_MS, DEFAULT_TRACE_SAMPLES, RUN_PROFILES } from '../runner/defaults.js';
import { killAllChildren } from '../runner/supervisor.js';
import { requestStop, runSuite, type SuiteProgress } from '../runner/run-suite.js';
import type { BatchSetting } from '../strategies/batch-size.js';
import { DEFAULT_STRATEGY_NAMES, STRATEGY_NAMES, type StrategyName } from '../strategies/index.js';
import { BUILTIN_WORKLOADS, resolveWorkloadUrl } from '../workload-source.js';
import {
  defaultResultPath,
  ensureWritableFile,
  parseBatch,
  parseChoices,
  parseDurationMs,
  parseInteger,
  parsePercentage,
  parsePositiveNumber,
  parseThreadCounts,
  splitList,
} from '../options/parse.js';

interface RunArgs {
  workloads: string[];
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
  trace?: string;
  'trace-samples'?: number;
  timeline: boolean;
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
      describe: 'Rounds per measuring process, fixed (cells take turns, one sample each per round); no stopping on --precision',
      defaultDescription: 'until every cell is within --precision or --max-time is spent',
      coerce: (value: unknown) => parseInteger(value, '--rounds', 1, 10_000),
    })
    .option('processes', {
      alias: 'p',
      type: 'string',
      describe: 'Fresh measuring processes per workload: at least this many (more while imprecise), exactly this many with --rounds',
      defaultDescription: `${RUN_PROFILES.full.processes}; ${RUN_PROFILES.quick.processes} with --quick`,
      coerce: (value: unknown) => parseInteger(value, '--processes', 1, 100),
    })
    .option('precision', {
      type: 'string',
      describe: 'Stop once every cell\'s 95 % interval is within ± this % of its median',
      defaultDescription: `${RUN_PROFILES.full.precisionPct}`,
      coerce: (value: unknown) => parsePercentage(value, '--precision', { allowZero: false }),
    })
    .option('max-time', {
      type: 'string',
      describe: 'Time budget per workload (30s, 1.5min; a bare number is seconds): measuring stops there, precise or not',
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
    .option('trace', {
      type: 'string',
      describe: 'Also write the traced batches as a Chrome trace (open it in https://ui.perfetto.dev or chrome://tracing)',
    })
    .option('trace-samples', {
      type: 'string',
      describe: 'Traced batches per cell, taken apart from the timed samples (timelines, per-worker figures; 0: none)',
      defaultDescription: String(DEFAULT_TRACE_SAMPLES),
      coerce: (value: unknown) => parseInteger(value, '--trace-samples', 0, 100),
    })
    .option('timeline', {
      type: 'boolean',
      default: false,
      describe: 'Draw each traced cell\'s tasks on their threads under the tables',
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
      describe: `Quick profile: ${RUN_PROFILES.quick.processes} processes, ${RUN_PROFILES.quick.maxTimeMs / 1000}s per workload, ${RUN_PROFILES.quick.tasks} tasks, threads 1 and the core count`,
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
        'shows how much of concurrent\'s gain on async fs/crypto comes from libuv\'s threads (e.g. -w fs-read-cached,cpu-hash-async)',
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
  if (args.label !== undefined && args.label.trim() === '') throw new UsageError('--label: must not be empty');
  const out = args.out ?? (args.json ? undefined : defaultResultPath(args.label ?? os.hostname()));
  if (out !== undefined) ensureWritableFile(out);
  const tracePath = args.trace === undefined ? undefined : ensureWritableFile(args.trace, '--trace');
  if (tracePath !== undefined && args['trace-samples'] === 0) throw new UsageError('--trace: nothing to write with --trace-samples 0');
  const runOptions: RunOptions = {
    workloads: args.workloads,
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
    ...(args.label !== undefined ? { label: args.label } : {}),
    ...(out !== undefined ? { out } : {}),
  };

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
    const suite = buildSuiteOptions(runOptions, {
      environment,
      argv: process.argv.slice(2),
      ...(progress !== undefined ? { onProgress: (update: SuiteProgress) => progress.update(update) } : {}),
    });
    const outcome = await runSuite(suite);
    progress?.clear();
    if (outcome.usageError !== undefined) throw new UsageError(outcome.usageError);
    output.write(`${renderRunSummary(outcome.result)}\n`);
    const charts = args.chart ? renderRunCharts(outcome.result, { color: shouldColor(output) }) : '';
    if (charts !== '') output.write(`\n${charts}\n`);
    if (args.timeline) output.write(`\n${renderRunTimelines(outcome.result, terminalWidth(output))}\n`);
    if (tracePath !== undefined) writeChromeTrace(tracePath, outcome.result);
    if (outcome.writeError !== undefined) process.stderr.write(`corescope: ${outcome.writeError}\n`);
    else if (suite.outPath !== null) output.write(`\nresults: ${suite.outPath}\n`);
    if (tracePath !== undefined) output.write(`trace: ${tracePath}\n`);
    if (args.json) process.stdout.write(`${JSON.stringify(outcome.result, null, 2)}\n`);
    process.exitCode = outcome.exitCode;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}
