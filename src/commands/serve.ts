import os from 'node:os';
import { writeFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { EXIT, UsageError } from '../errors.js';
import { formatDuration } from '../format/numbers.js';
import {
  defaultResultPath,
  ensureWritableFile,
  parseChoices,
  parseInteger,
  parsePositiveNumber,
  parseThreadCounts,
  splitList,
} from '../options/parse.js';
import { renderServePage } from '../report/html/serve-page.js';
import { renderServeTables } from '../report/terminal/serve-table.js';
import { probeEnvironment } from '../results/environment.js';
import { writeFileAtomic } from '../results/store.js';
import { StepError } from '../serve/forked.js';
import { onInterrupt } from './interrupt.js';
import { SERVE_STRATEGIES, type ServeStrategy } from '../serve/messages.js';
import { buildServeResult, serializeServeResult } from '../serve/serve-result.js';
import { SERVE_DEFAULTS, type ServePlan, runServeSweep, type SweepState } from '../serve/sweep.js';
import { resolveWorkloadUrl } from '../workload-source.js';

interface ServeArgs {
  workload: string;
  strategies: ServeStrategy[];
  threads?: number[];
  rates?: number[];
  duration: number;
  repeats: number;
  size?: number;
  healthRate: number;
  timeout: number;
  out?: string;
  html?: string;
  label?: string;
}

const MAX_RATES = 20;
const MAX_RATE_PER_S = 50_000;

export const command = 'serve';
export const describe =
  'Latency under load: a real HTTP server on 127.0.0.1 runs /compute inline or on a pool while a separate ' +
  'process offers a sweep of rates; /health shows what everyone else waits';

export function builder(yargs: Argv): Argv<ServeArgs> {
  return yargs
    .option('workload', {
      alias: 'w',
      type: 'string',
      demandOption: true,
      describe: 'The workload whose task /compute runs: a built-in id or a path to your own workload file',
      coerce: (value: unknown) => {
        const [spec, ...more] = splitList(value, '--workload');
        if (spec === undefined || more.length > 0) throw new UsageError('--workload: serve takes exactly one workload');
        resolveWorkloadUrl(spec, '--workload');
        return spec;
      },
    })
    .option('strategies', {
      alias: 's',
      type: 'string',
      default: 'concurrent,parallel',
      describe: `Where /compute runs (${SERVE_STRATEGIES.join(', ')}; hybrid needs a wait/compute split)`,
      coerce: (value: unknown) => parseChoices(value, '--strategies', SERVE_STRATEGIES),
    })
    .option('threads', {
      alias: 't',
      type: 'string',
      describe: 'Pool sizes for parallel and hybrid',
      defaultDescription: 'the usable cores',
      coerce: (value: unknown) => parseThreadCounts(value, '--threads'),
    })
    .option('rates', {
      type: 'string',
      describe: `Offered /compute rates, req/s (comma-separated, at most ${MAX_RATES})`,
      defaultDescription: `${SERVE_DEFAULTS.rateMultiples.join(', ')} × the one-at-a-time capacity 1000 / task ms`,
      coerce: (value: unknown) => {
        const rates = splitList(value, '--rates').map((item) => parsePositiveNumber(item, '--rates'));
        if (rates.length > MAX_RATES) throw new UsageError(`--rates: at most ${MAX_RATES} rates`);
        const tooHigh = rates.find((rate) => rate > MAX_RATE_PER_S);
        if (tooHigh !== undefined) throw new UsageError(`--rates: ${tooHigh} is above ${MAX_RATE_PER_S} req/s`);
        return [...new Set(rates)].sort((a, b) => a - b);
      },
    })
    .option('duration', {
      alias: 'd',
      type: 'string',
      default: String(SERVE_DEFAULTS.durationMs / 1000),
      describe: 'Seconds of load per offered rate (0.2 to 30)',
      coerce: (value: unknown) => {
        const seconds = parsePositiveNumber(value, '--duration');
        if (seconds < 0.2 || seconds > 30) throw new UsageError(`--duration: ${seconds} s is out of range (0.2..30)`);
        return seconds * 1000;
      },
    })
    .option('repeats', {
      alias: 'r',
      type: 'string',
      default: String(SERVE_DEFAULTS.repeats),
      describe: 'Fresh server processes per strategy: the spread every figure is given with',
      coerce: (value: unknown) => parseInteger(value, '--repeats', 1, 10),
    })
    .option('size', {
      type: 'string',
      describe: "The workload's size (its own unit)",
      defaultDescription: "the workload's default",
      coerce: (value: unknown) => parsePositiveNumber(value, '--size'),
    })
    .option('health-rate', {
      type: 'string',
      default: String(SERVE_DEFAULTS.healthRatePerS),
      describe: 'The steady trickle of /health requests, req/s (1 to 1000)',
      coerce: (value: unknown) => {
        const rate = parsePositiveNumber(value, '--health-rate');
        if (rate < 1 || rate > 1000) throw new UsageError(`--health-rate: ${rate} is out of range (1..1000)`);
        return rate;
      },
    })
    .option('timeout', {
      type: 'string',
      default: String(SERVE_DEFAULTS.timeoutMs),
      describe: 'A request unanswered this many ms after its intended send time is a timeout (50 to 60000)',
      coerce: (value: unknown) => parseInteger(value, '--timeout', 50, 60_000),
    })
    .option('out', {
      alias: 'o',
      type: 'string',
      describe: 'Result file (JSON), rewritten after every measured rate',
      defaultDescription: 'results/<label or host>-serve-<timestamp>.json',
    })
    .option('html', { type: 'string', describe: 'Also write the charts (latency against offered load) as HTML' })
    .option('label', {
      type: 'string',
      describe: 'A name for this study, kept in the file',
    }) as unknown as Argv<ServeArgs>;
}

export async function handler(args: ServeArgs): Promise<void> {
  if (args.label !== undefined && args.label.trim() === '') throw new UsageError('--label: must not be empty');
  const environment = probeEnvironment();
  const outPath = ensureWritableFile(args.out ?? defaultResultPath(`${args.label ?? os.hostname()}-serve`));
  const htmlPath = args.html !== undefined ? ensureWritableFile(args.html, '--html') : undefined;
  const plan: ServePlan = {
    ...SERVE_DEFAULTS,
    workloadUrl: resolveWorkloadUrl(args.workload, '--workload'),
    workloadId: args.workload,
    strategies: args.strategies,
    threads: args.threads ?? [environment.usableCores],
    durationMs: args.duration,
    repeats: args.repeats,
    healthRatePerS: args.healthRate,
    timeoutMs: args.timeout,
    ...(args.rates !== undefined ? { ratesPerS: args.rates } : {}),
    ...(args.size !== undefined ? { size: args.size } : {}),
  };
  const base = { startedAt: new Date().toISOString(), label: args.label ?? null, argv: process.argv.slice(2) };
  const progress = (text: string): void => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
  };
  const interrupt = onInterrupt();
  const write = (state: SweepState, finished: boolean): void =>
    writeFileAtomic(outPath, serializeServeResult(buildServeResult(plan, state, environment, base, finished)));
  const startedMs = Date.now();
  let state: SweepState;
  try {
    state = await runServeSweep(plan, {
      onProgress: progress,
      onUpdate: (current) => write(current, false),
      signal: interrupt.signal,
      killSignal: interrupt.killSignal,
    });
  } catch (error) {
    progress('');
    if (error instanceof StepError && error.causeName === 'UsageError')
      throw new UsageError(error.message.replace(/^.*?UsageError: /, ''));
    process.stderr.write(`corescope: serve failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.workloadFailed;
    return;
  } finally {
    interrupt.dispose();
  }
  progress('');
  const result = buildServeResult(plan, state, environment, base, true);
  writeFileAtomic(outPath, serializeServeResult(result));
  if (htmlPath !== undefined) writeFileSync(htmlPath, renderServePage(result));
  const header =
    `corescope serve · ${result.config.workload.id} (size ${result.config.workload.size}) · Node ${environment.node}` +
    ` · ${environment.usableCores} usable cores · ${formatDuration((Date.now() - startedMs) / 1000)}`;
  process.stdout.write(
    [
      header,
      '',
      ...renderServeTables(result, process.stdout.columns || undefined),
      ...result.verdict,
      ...result.warnings.map((warning) => `warning: ${warning}`),
      '',
      `results: ${outPath}${htmlPath !== undefined ? `\nhtml: ${htmlPath}` : ''}`,
      '',
    ].join('\n'),
  );
  process.exitCode = state.interrupted ? EXIT.interrupted : state.warnings.length > 0 ? EXIT.workloadFailed : EXIT.ok;
}
