import os from 'node:os';
import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';
import { defaultResultPath, ensureWritableFile, parseLabel, splitList } from '../options/parse.js';
import { buildRunRequest } from '../options/run-options.js';
import { progressLine } from '../report/terminal/progress.js';
import { renderRunTimelines, writeChromeTrace } from '../report/terminal/run-trace.js';
import { terminalWidth } from '../report/terminal/width.js';
import { renderRunSummary } from '../report/terminal/terminal.js';
import { renderRunCharts, shouldColor } from '../report/terminal/terminal-chart.js';
import { probeEnvironment } from '../results/environment.js';
import type { SuiteProgress } from '../runner/run-request.js';
import { runSuite } from '../runner/scheduler.js';
import { BUILTIN_WORKLOADS } from '../workload-source.js';
import { onInterrupt } from './interrupt.js';
import { flagOf, measureFlags, measureInput, type MeasureArgs } from './measure-flags.js';

interface RunArgs extends MeasureArgs {
  workloads: string[];
  trace?: string;
  timeline: boolean;
  out?: string;
  json: boolean;
  chart: boolean;
  label?: string;
}

export const command = 'run';
export const describe =
  'Run workloads sequentially, concurrently (Promise.all) and in parallel (worker pool) and report the difference';

export function builder(yargs: Argv): Argv<RunArgs> {
  return measureFlags(yargs)
    .option('workloads', {
      // `--workload ./my-workload.js` reads naturally for one file of your own.
      alias: ['w', 'workload'],
      type: 'string',
      array: true,
      default: [...BUILTIN_WORKLOADS],
      defaultDescription: BUILTIN_WORKLOADS.join(','),
      describe: 'Workloads to run: built-in ids or paths to your own workload files (comma-separated)',
      coerce: (values: unknown) => splitList(values, '--workloads'),
    })
    .option('trace', {
      type: 'string',
      describe:
        'Also write the traced batches as a Chrome trace (open it in https://ui.perfetto.dev or chrome://tracing)',
    })
    .option('timeline', {
      type: 'boolean',
      default: false,
      describe: "Draw each traced cell's tasks on their threads under the tables",
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
  const label = parseLabel(args.label) ?? undefined;
  const out = args.out ?? (args.json ? undefined : defaultResultPath(label ?? os.hostname()));
  const tracePath = args.trace === undefined ? undefined : ensureWritableFile(args.trace, '--trace');
  if (tracePath !== undefined && args['trace-samples'] === 0)
    throw new UsageError('--trace: nothing to write with --trace-samples 0');
  const output = args.json ? process.stderr : process.stdout;
  const interrupt = onInterrupt();
  // Progress is for a person watching: only on a terminal, never mixed into piped or redirected output.
  const progress = process.stderr.isTTY ? progressLine(process.stderr) : undefined;

  try {
    const request = buildRunRequest(
      {
        ...measureInput(args, args.workloads),
        ...(label !== undefined ? { label } : {}),
        ...(out !== undefined ? { out } : {}),
        signal: interrupt.signal,
      },
      {
        environment,
        argv: process.argv.slice(2),
        killSignal: interrupt.killSignal,
        ...(progress !== undefined ? { onProgress: (update: SuiteProgress) => progress.update(update) } : {}),
      },
      flagOf,
    );
    const outcome = await runSuite(request);
    progress?.clear();
    if (outcome.usageError !== undefined) throw new UsageError(outcome.usageError);
    output.write(`${renderRunSummary(outcome.result, terminalWidth(output))}\n`);
    const charts = args.chart ? renderRunCharts(outcome.result, { color: shouldColor(output) }) : '';
    if (charts !== '') output.write(`\n${charts}\n`);
    if (args.timeline) output.write(`\n${renderRunTimelines(outcome.result, terminalWidth(output))}\n`);
    if (tracePath !== undefined) writeChromeTrace(tracePath, outcome.result);
    if (outcome.writeError !== undefined) process.stderr.write(`corescope: ${outcome.writeError}\n`);
    else if (request.outPath !== null) output.write(`\nresults: ${request.outPath}\n`);
    if (tracePath !== undefined) output.write(`trace: ${tracePath}\n`);
    if (args.json) process.stdout.write(`${JSON.stringify(outcome.result, null, 2)}\n`);
    process.exitCode = outcome.exitCode;
  } finally {
    interrupt.dispose();
  }
}
