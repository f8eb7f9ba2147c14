import os from 'node:os';
import type { Argv } from 'yargs';
import { EXIT, UsageError } from '../errors.js';
import { distFileUrl } from '../paths.js';
import { renderGrain, renderOverheads } from '../report/terminal/overheads.js';
import { probeEnvironment } from '../results/environment.js';
import type { Environment } from '../results/schema.js';
import type { Overheads } from '../results/overheads-schema.js';
import { writeResultAtomic } from '../results/store.js';
import { defaultThreadCounts } from '../runner/plan.js';
import { DEFAULT_GRAINS_MS, runGrainSweep } from '../studies/grain-study.js';
import { overheadConfig, type OverheadConfig } from '../studies/overhead-study.js';
import { runInChild } from '../studies/study-child.js';
import { studyResultFile, type StudyRecord } from '../studies/study-result.js';
import { onInterrupt, type Interrupt } from './interrupt.js';
import { resolveWorkloadUrl } from '../workload-source.js';
import {
  defaultResultPath,
  ensureWritableFile,
  parseInteger,
  parseLabel,
  parsePositiveNumber,
  parseThreadCounts,
  splitList,
} from '../options/parse.js';

const STUDIES = ['overhead', 'grain'] as const;
type Study = (typeof STUDIES)[number];

/** A probe step that takes longer than this is hung (the slowest, 16 MiB payloads, takes about a second). */
const OVERHEAD_STEP_TIMEOUT_MS = 120_000;
const QUICK_GRAINS_MS = [0.1, 1, 10];
/** overhead: whose cold start on a fresh worker is measured when -w is not given. */
const DEFAULT_COLD_START_WORKLOADS = ['cpu-compute'];

interface StudyArgs {
  kind: Study;
  threads?: number[];
  grains?: number[];
  rounds?: number;
  /** --workloads as module URLs, resolved once while the flags are parsed (a bad spec is a usage error there). */
  workloads?: string[];
  quick: boolean;
  out?: string;
  json: boolean;
  label?: string;
}

export const command = 'study <kind>';
export const describe =
  'Explain the gap to ideal: "overhead" measures what a pool costs (start-up, round trip, dispatch, ' +
  'payload); "grain" sweeps task cost to find where parallel pays';

export function builder(yargs: Argv): Argv<StudyArgs> {
  return yargs
    .positional('kind', {
      type: 'string',
      describe: 'overhead (about 20 s on 2 cores) or grain (about a minute on 2 cores)',
      coerce: (value: unknown) => {
        if (!(STUDIES as readonly unknown[]).includes(value))
          throw new UsageError(`study: unknown kind "${String(value)}" (choose from ${STUDIES.join(', ')})`);
        return value as Study;
      },
    })
    .option('threads', {
      alias: 't',
      type: 'string',
      describe: 'Pool sizes to measure',
      defaultDescription: 'overhead: powers of 2 up to the usable cores, plus 2× cores; grain: up to the usable cores',
      coerce: (value: unknown) => parseThreadCounts(value, '--threads'),
    })
    .option('workloads', {
      alias: ['w', 'workload'],
      type: 'string',
      describe: 'overhead: workloads whose cold start on a fresh worker thread is measured (ids or files)',
      defaultDescription: DEFAULT_COLD_START_WORKLOADS.join(','),
      coerce: (values: unknown) =>
        [...new Set(splitList(values, '--workloads'))].map((spec) => resolveWorkloadUrl(spec)),
    })
    .option('grains', {
      type: 'string',
      describe: 'grain: task costs to sweep, ms of calibrated CPU work (comma-separated)',
      defaultDescription: DEFAULT_GRAINS_MS.join(','),
      coerce: (value: unknown) =>
        [...new Set(splitList(value, '--grains').map((item) => parsePositiveNumber(item, '--grains')))].sort(
          (a, b) => a - b,
        ),
    })
    .option('rounds', {
      alias: 'r',
      type: 'string',
      describe: 'grain: samples per point',
      defaultDescription: '5; 3 with --quick',
      coerce: (value: unknown) => parseInteger(value, '--rounds', 1, 1000),
    })
    .option('quick', {
      alias: 'q',
      type: 'boolean',
      default: false,
      describe: 'Fewer samples, sizes and grains: seconds, for a first look or a smoke test',
    })
    .option('out', {
      alias: 'o',
      type: 'string',
      describe: 'Result file (JSON)',
      defaultDescription: 'results/<label or host>-<kind>-<timestamp>.json',
    })
    .option('json', {
      type: 'boolean',
      default: false,
      describe: 'Print the result JSON to stdout (tables go to stderr); no file unless --out is given',
    })
    .option('label', {
      type: 'string',
      describe: 'A name for this study, kept in the file and used in its default name',
    }) as unknown as Argv<StudyArgs>;
}

/** What one study hands back to the handler: the file's record less the common part, its tables, its exit code. */
interface StudyOutcome {
  record: Omit<StudyRecord, 'startedAt' | 'label' | 'argv' | 'environment'>;
  lines: string[];
  exitCode: number;
}

interface StudyContext {
  args: StudyArgs;
  environment: Environment;
  interrupt: Interrupt;
  progress: (text: string) => void;
}

/** One function per study kind: `study <kind>` dispatches here. */
const RUN_STUDY: Record<Study, (context: StudyContext) => Promise<StudyOutcome | undefined>> = {
  overhead: runOverheadStudy,
  grain: runGrainStudy,
};

export async function handler(args: StudyArgs): Promise<void> {
  const label = parseLabel(args.label);
  if (args.kind === 'overhead' && (args.grains !== undefined || args.rounds !== undefined)) {
    throw new UsageError(`${args.grains !== undefined ? '--grains' : '--rounds'}: only "study grain" takes it`);
  }
  if (args.kind === 'grain' && args.workloads !== undefined)
    throw new UsageError('--workloads: only "study overhead" takes it');
  const environment = probeEnvironment();
  const outPath =
    args.out !== undefined
      ? ensureWritableFile(args.out)
      : args.json
        ? null
        : ensureWritableFile(defaultResultPath(`${label ?? os.hostname()}-${args.kind}`));
  const output = args.json ? process.stderr : process.stdout;
  const progress = (text: string): void => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[K${text}`);
  };
  const startedAt = new Date().toISOString();
  const interrupt = onInterrupt();
  let outcome: StudyOutcome | undefined;
  try {
    outcome = await RUN_STUDY[args.kind]({ args, environment, interrupt, progress });
  } finally {
    interrupt.dispose();
  }
  progress('');
  if (outcome === undefined) return;
  const result = studyResultFile({ startedAt, label, argv: process.argv.slice(2), environment, ...outcome.record });
  if (outPath !== null) writeResultAtomic(outPath, result);
  const header =
    `corescope ${result.tool.version} · Node ${environment.node} · ${environment.cpuModel} · ` +
    `${environment.usableCores} usable cores`;
  const warnings = result.warnings.map((warning) => `warning: ${warning}`);
  output.write(`${[header, '', ...outcome.lines, ...warnings].join('\n')}\n`);
  if (outPath !== null) output.write(`\nresults: ${outPath}\n`);
  if (args.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.exitCode = outcome.exitCode;
}

/** The overhead study's probes in one supervised child; Ctrl-C ends it (probes leave nothing partial to keep). */
async function runOverheadStudy({
  args,
  environment,
  interrupt,
  progress,
}: StudyContext): Promise<StudyOutcome | undefined> {
  const threads = args.threads ?? defaultThreadCounts(environment.usableCores);
  const workloads = args.workloads ?? DEFAULT_COLD_START_WORKLOADS.map((spec) => resolveWorkloadUrl(spec));
  const config = overheadConfig(threads, args.quick, workloads);
  let overheads: Overheads;
  try {
    overheads = await runInChild<Overheads>(
      distFileUrl('src', 'studies', 'overhead-child.js'),
      config satisfies OverheadConfig,
      {
        stepTimeoutMs: OVERHEAD_STEP_TIMEOUT_MS,
        onStep: (step) => progress(`study overhead: ${step}…`),
        killSignal: interrupt.signal,
      },
    );
  } catch (error) {
    progress('');
    if (interrupt.signal.aborted) {
      process.exitCode = EXIT.interrupted;
      return undefined;
    }
    // A probe that failed (a pool that would not start) is a measurement failure, not bad usage: exit 1.
    process.stderr.write(
      `corescope: study overhead failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = EXIT.workloadFailed;
    return undefined;
  }
  return {
    record: {
      interrupted: false,
      config: {
        workloads: [],
        strategies: ['parallel', 'raw'],
        threads,
        rounds: config.samples,
        warmupRounds: 1,
        quick: args.quick,
      },
      warnings: [],
      overheads,
    },
    lines: renderOverheads(overheads),
    exitCode: EXIT.ok,
  };
}

/** The grain sweep, child by child; Ctrl-C stops it after the current sample and keeps what it measured. */
async function runGrainStudy({ args, environment, interrupt, progress }: StudyContext): Promise<StudyOutcome> {
  const threads =
    args.threads ?? defaultThreadCounts(environment.usableCores).filter((count) => count <= environment.usableCores);
  const rounds = args.rounds ?? (args.quick ? 3 : 5);
  const sweep = await runGrainSweep(
    {
      grainsMs: args.grains ?? (args.quick ? QUICK_GRAINS_MS : [...DEFAULT_GRAINS_MS]),
      threads,
      rounds,
      warmupRounds: 1,
      environment,
    },
    {
      onProgress: (grainMs, done, total) => progress(`study grain: ${grainMs} ms (${done}/${total})…`),
      signal: interrupt.signal,
      killSignal: interrupt.killSignal,
    },
  );
  const stopped = interrupt.signal.aborted;
  return {
    record: {
      interrupted: stopped,
      config: {
        workloads: ['cpu-spin'],
        strategies: ['sequential', 'parallel', 'raw'],
        threads,
        rounds,
        warmupRounds: 1,
        quick: args.quick,
      },
      warnings: sweep.warnings,
      grain: sweep.grain,
    },
    lines: renderGrain(sweep.grain),
    exitCode: stopped ? EXIT.interrupted : sweep.warnings.length > 0 ? EXIT.workloadFailed : EXIT.ok,
  };
}
