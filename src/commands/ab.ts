import type { Argv } from 'yargs';
import { pairSides } from '../ab/sides.js';
import { compareResults, type Comparison } from '../compare/index.js';
import { measurePairedChange } from '../compare/paired-change.js';
import { renderComparisonMarkdown } from '../report/compare/markdown.js';
import { regressionLine } from '../report/compare/rows.js';
import { renderComparisonTerminal } from '../report/compare/terminal.js';
import { EXIT, UsageError } from '../errors.js';
import { ensureWritableFile } from '../options/parse.js';
import { buildRunRequest } from '../options/run-options.js';
import { probeEnvironment } from '../results/environment.js';
import { writeFileAtomic } from '../results/store.js';
import { runSuite } from '../runner/scheduler.js';
import { abPairing } from '../ab/pairing.js';
import { onInterrupt } from './interrupt.js';
import { judgeFlags, type JudgeArgs, type JudgeWording } from './judge-flags.js';
import { flagOf, measureFlags, measureInput, type MeasureArgs } from './measure-flags.js';
import { outputWidth } from '../report/terminal/width.js';

interface AbArgs extends MeasureArgs, JudgeArgs {
  base: string;
  head: string;
  'base-out'?: string;
  'head-out'?: string;
}

/** What ab's judging flags act on (judge-flags.ts declares them). */
const WORDING: JudgeWording = {
  change: 'a change',
  alpha: 'False-discovery rate over the benchmarks (Benjamini–Hochberg), as for compare',
  regression: 'head is slower beyond the threshold',
  formats: { terminal: 'a table', markdown: 'for $GITHUB_STEP_SUMMARY' },
  out: 'Write the comparison to this file instead of stdout',
};

export const command = 'ab <base> <head>';
export const describe =
  'Measure two versions of the same workloads on this machine, alternating their processes, and judge ' +
  'head against base';

export function builder(yargs: Argv): Argv<AbArgs> {
  return judgeFlags(measureFlags(yargs), WORDING)
    .positional('base', {
      type: 'string',
      demandOption: true,
      describe: 'The base: a workload file, a comma-separated list, or a directory of workload files',
    })
    .positional('head', {
      type: 'string',
      demandOption: true,
      describe: 'The head: the same, with the same workloads (by position, or by file name)',
    })
    .option('base-out', { type: 'string', describe: "Also write the base's result file here" })
    .option('head-out', { type: 'string', describe: "Also write the head's result file here" })
    .epilogue(
      'Exit codes: 0 no regression, 1 a workload failed, 2 bad input (the sides do not hold the same ' +
        'workloads), 3 head slower beyond the threshold.',
    );
}

export async function handler(args: AbArgs): Promise<void> {
  const sides = pairSides(args.base, args.head);
  const outPath = args.out === undefined ? null : ensureWritableFile(args.out);
  const baseOut = args['base-out'] === undefined ? undefined : ensureWritableFile(args['base-out'], '--base-out');
  const headOut = args['head-out'] === undefined ? undefined : ensureWritableFile(args['head-out'], '--head-out');
  const interrupt = onInterrupt();
  try {
    const request = buildRunRequest(
      {
        ...measureInput(args, sides.base),
        label: 'base',
        ...(baseOut !== undefined ? { out: baseOut } : {}),
        signal: interrupt.signal,
      },
      { environment: probeEnvironment(), argv: process.argv.slice(2), killSignal: interrupt.killSignal },
      flagOf,
    );
    const head = { workloads: sides.head, label: 'head', outPath: headOut ?? null };
    const outcome = await runSuite(request, abPairing(head));
    if (outcome.usageError !== undefined) throw new UsageError(outcome.usageError);
    if (outcome.versusResult === undefined) throw new Error('ab: the head was not measured');
    const comparison = compareResults(
      [
        { name: 'base', result: outcome.result },
        { name: 'head', result: outcome.versusResult },
      ],
      { threshold: args.threshold, alpha: args.alpha },
      { command: 'ab', change: measurePairedChange },
    );
    const text = render(comparison, args.format, outputWidth(outPath));
    if (outPath === null) {
      process.stdout.write(text);
    } else {
      writeFileAtomic(outPath, text);
      process.stderr.write(`${regressionLine(comparison)}\ncomparison: ${outPath}\n`);
    }
    if (outcome.writeError !== undefined) process.stderr.write(`corescope: ${outcome.writeError}\n`);
    process.exitCode = exitCode(comparison, outcome.exitCode, args['fail-on']);
  } finally {
    interrupt.dispose();
  }
}

function render(comparison: Comparison, format: AbArgs['format'], widthColumns: number): string {
  if (format === 'json') return `${JSON.stringify(comparison, null, 2)}\n`;
  return format === 'markdown'
    ? renderComparisonMarkdown(comparison)
    : `${renderComparisonTerminal(comparison, widthColumns)}\n`;
}

/** A failed or interrupted run says so first; then a regression (unless --fail-on none). */
function exitCode(comparison: Comparison, runExit: number, failOn: AbArgs['fail-on']): number {
  if (runExit !== EXIT.ok) return runExit;
  return failOn === 'regression' && comparison.regressions.length > 0 ? EXIT.regression : EXIT.ok;
}
