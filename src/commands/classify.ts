import type { Argv } from 'yargs';
import { classifyWorkload, type Classification, type Recommendation } from '../classify/classify.js';
import { EXIT, UsageError } from '../errors.js';
import { moreDataPhrase } from '../judgement/more-data.js';
import { formatMs } from '../format/numbers.js';
import { ensureWritableFile, parseDurationMs, parseInteger, parsePositiveNumber } from '../options/parse.js';
import { buildRunRequest } from '../options/run-options.js';
import { RUN_PROFILES } from '../results/config-schema.js';
import { probeEnvironment } from '../results/environment.js';
import { runSuite } from '../runner/scheduler.js';
import { onInterrupt } from './interrupt.js';
import { resolveWorkloadUrl } from '../workload-source.js';
import { formatThreads } from '../format/numbers.js';

export interface ClassifyArgs {
  workload: string;
  tasks?: number;
  size?: number;
  rounds?: number;
  'max-time'?: number;
  retry: boolean;
  json: boolean;
  out?: string;
}

export const command = 'classify <workload>';
export const describe =
  'Measure a workload briefly and recommend concurrency, a worker pool, or hybrid, with the evidence';

export function builder(yargs: Argv): Argv<ClassifyArgs> {
  return yargs
    .positional('workload', {
      type: 'string',
      demandOption: true,
      describe: 'A built-in id or the path to your workload file',
      coerce: (value: unknown) => {
        const spec = String(value);
        resolveWorkloadUrl(spec, 'workload');
        return spec;
      },
    })
    .option('tasks', {
      alias: 'n',
      type: 'string',
      describe: 'Tasks per sample',
      defaultDescription: "the workload's own, else 16",
      coerce: (value: unknown) => parseInteger(value, '--tasks', 1, 100_000),
    })
    .option('size', {
      type: 'string',
      describe: "Task size in the workload's own unit",
      defaultDescription: "the workload's defaultSize",
      coerce: (value: unknown) => parsePositiveNumber(value, '--size'),
    })
    .option('rounds', {
      alias: 'r',
      type: 'string',
      describe: 'Rounds per measuring process, fixed',
      defaultDescription: 'the quick profile: until precise or out of time',
      coerce: (value: unknown) => parseInteger(value, '--rounds', 1, 1000),
    })
    .option('max-time', {
      type: 'string',
      describe: 'Time budget for the measurement (30s, 1.5min; a bare number is seconds)',
      defaultDescription: `${RUN_PROFILES.quick.maxTimeMs / 1000}s`,
      coerce: (value: unknown) => parseDurationMs(value, '--max-time'),
    })
    .option('retry', {
      type: 'boolean',
      default: true,
      describe:
        `When the evidence is inconclusive, measure again with a larger --max-time, up to ${RETRY_TOTAL_MS / 1000}s ` +
        'in all (not with --rounds or --max-time given)',
    })
    .option('json', { type: 'boolean', default: false, describe: 'Print the classification as JSON on stdout' })
    .option('out', { alias: 'o', type: 'string', describe: 'Also keep the measurements as a result file (JSON)' });
}

export async function handler(args: ClassifyArgs): Promise<void> {
  const environment = probeEnvironment();
  const outPath = args.out === undefined ? null : ensureWritableFile(args.out);
  // Parallel at 2 threads and at the core count: where a pool starts to pay, and its ceiling here.
  const threads = [...new Set([2, environment.usableCores])].sort((a, b) => a - b);
  const interrupt = onInterrupt();
  try {
    // Brief on purpose (the quick profile): `run` is for figures to keep. A second, longer attempt only when the
    // first could not decide and the user left the budget to us.
    const attempt = async (maxTimeMs: number | undefined) => {
      const outcome = await runSuite(
        buildRunRequest(
          {
            workloads: [args.workload],
            strategies: ['sequential', 'concurrent', 'parallel', 'hybrid'],
            threads,
            quick: true,
            ...(args.tasks !== undefined ? { tasks: args.tasks } : {}),
            ...(args.size !== undefined ? { size: args.size } : {}),
            ...(args.rounds !== undefined ? { rounds: args.rounds } : {}),
            ...(maxTimeMs !== undefined ? { maxTimeMs } : {}),
            label: 'classify',
            ...(outPath !== null ? { out: outPath } : {}),
            signal: interrupt.signal,
          },
          { environment, argv: process.argv.slice(2), killSignal: interrupt.killSignal },
        ),
      );
      if (outcome.usageError !== undefined) throw new UsageError(outcome.usageError);
      return outcome;
    };
    let outcome = await attempt(args['max-time']);
    let classification: Classification;
    const retries: number[] = [];
    try {
      classification = classifyWorkload(outcome.result.benchmarks, outcome.result.environment);
      for (
        let retryMs = retryBudgetMs(classification, args, retries);
        retryMs !== undefined && !interrupt.signal.aborted;
        retryMs = retryBudgetMs(classification, args, retries)
      ) {
        retries.push(retryMs);
        outcome = await attempt(retryMs);
        classification = classifyWorkload(outcome.result.benchmarks, outcome.result.environment);
      }
    } catch (error) {
      process.stderr.write(`corescope: ${args.workload}: ${(error as Error).message}\n`);
      process.exitCode = EXIT.workloadFailed;
      return;
    }
    const retried =
      retries.length === 0
        ? undefined
        : `the first ${RUN_PROFILES.quick.maxTimeMs / 1000}s measurement was inconclusive: measured again ` +
          `with --max-time ${retries.map((ms) => `${ms / 1000}s`).join(', then ')}`;
    if (retried !== undefined) classification = { ...classification, reasons: [retried, ...classification.reasons] };
    if (args.json) {
      const recommendation = {
        ...classification.recommendation,
        text: recommendationText(classification.recommendation),
      };
      const json = { ...classification, recommendation, usableCores: environment.usableCores, resultFile: outPath };
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      process.stdout.write(`${renderClassification(classification, environment.usableCores)}\n`);
      if (outPath !== null) process.stdout.write(`\nresults: ${outPath}\n`);
    }
    // A cell that failed (not the baseline) does not void the classification, but the user should know.
    process.exitCode = outcome.exitCode;
  } finally {
    interrupt.dispose();
  }
}

/** All the attempts classify adds on its own, together, at most, ms: a first look should not turn into a long run. */
const RETRY_TOTAL_MS = 30_000;

/** The least an attempt scales the one before it by: the first retry gets 4.5 s, rounded up to 5 s. */
const RETRY_MIN_FACTOR = 3;

/**
 * The budget of the next attempt, while the last one was inconclusive: the last attempt's budget times twice the
 * samples its judgement asked for, at least RETRY_MIN_FACTOR times, within what is left of RETRY_TOTAL_MS. The
 * judgement's factor is where the interval would just reach the margin, even odds of deciding; twice it makes
 * deciding likely. One retry was not enough on the 2-core VM: after a single retry of twice the factor, at most
 * 20 s, markdown-it was still undecided in 2 of 6 runs and yaml in 1 of 6, on retries of 5 s and 9 s whose
 * intervals still crossed the margin. Each attempt is fresh processes, judged on its own. Undefined when the last
 * attempt decided, the user fixed the budget, --no-retry, or what is left would not buy RETRY_MIN_FACTOR times the
 * quick budget.
 */
export function retryBudgetMs(
  classification: Classification,
  args: ClassifyArgs,
  retriesMs: readonly number[] = [],
): number | undefined {
  const { recommendation } = classification;
  if (
    recommendation.strategy !== 'undecided' ||
    !args.retry ||
    args.rounds !== undefined ||
    args['max-time'] !== undefined
  )
    return undefined;
  const quickMs = RUN_PROFILES.quick.maxTimeMs;
  const leftMs = RETRY_TOTAL_MS - retriesMs.reduce((total, ms) => total + ms, 0);
  if (leftMs < RETRY_MIN_FACTOR * quickMs) return undefined;
  const lastMs = retriesMs.at(-1) ?? quickMs;
  const factor = Math.max(RETRY_MIN_FACTOR, 2 * (recommendation.samplesFactor ?? 0));
  return Math.min(Math.floor(leftMs / 1000) * 1000, Math.ceil((lastMs * factor) / 1000) * 1000);
}

const CLASS_NAMES = { io: 'I/O-bound', cpu: 'CPU-bound', mixed: 'mixed (waits and computing)' } as const;

function recommendationText(recommendation: Recommendation): string {
  const threads = formatThreads(recommendation.threads ?? 1);
  switch (recommendation.strategy) {
    case 'concurrent':
      return 'use concurrency: start the tasks together (Promise.all, or a capped number in flight)';
    case 'parallel':
      return `use a worker pool of ${threads} (e.g. piscina)`;
    case 'hybrid':
      return `overlap the waits on the event loop and send the computing to a worker pool of ${threads} (hybrid)`;
    case 'sequential': {
      const grain = recommendation.grain;
      return grain === undefined
        ? 'keep it on the main thread: nothing measured gains'
        : `keep it on the main thread at this grain; a pool would pay from ${grain.batch} tasks per ` +
            `message (--batch ${grain.batch}) or with tasks of about ${formatMs(grain.taskMs)}`;
    }
    case 'undecided':
      return (
        `undecided: the evidence cannot tell yet; ${moreDataPhrase(recommendation.samplesFactor ?? null)} ` +
        `(classify again with a longer --max-time)`
      );
  }
}

function renderClassification(classification: Classification, usableCores: number): string {
  const { workload, evidence } = classification;
  const lines = [
    `${workload.id}: ${evidence.tasks} tasks per sample, sequential median ` +
      `${formatMs(evidence.sequentialMedianMs)}, ${usableCores} usable cores`,
    '',
    `${CLASS_NAMES[classification.class]} → ${recommendationText(classification.recommendation)}`,
    '',
    'evidence:',
    ...classification.reasons.map((reason) => `  - ${reason}`),
  ];
  if (workload.declaredKind !== classification.class) {
    lines.push(
      '',
      `note: the workload declares kind "${workload.declaredKind}"; measured, it behaves as "${classification.class}"`,
    );
  }
  return lines.join('\n');
}
