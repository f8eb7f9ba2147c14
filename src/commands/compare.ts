import type { Argv } from 'yargs';
import { compareResults, type Comparison } from '../compare/index.js';
import { EXIT } from '../errors.js';
import { renderComparisonMarkdown } from '../report/compare/markdown.js';
import { regressionLine } from '../report/compare/rows.js';
import { renderComparisonTerminal } from '../report/compare/terminal.js';
import { MAX_RESULT_FILE_BYTES, readResultFile } from '../results/load.js';
import { SUPPORTED_SCHEMA_VERSIONS } from '../results/schema.js';
import { writeFileAtomic } from '../results/store.js';
import { ensureWritableFile } from '../options/parse.js';
import { judgeFlags, type JudgeArgs, type JudgeFormat, type JudgeWording } from './judge-flags.js';
import { outputWidth } from '../report/terminal/width.js';

interface CompareArgs extends JudgeArgs {
  base: string;
  head: string;
  more: string[];
}

/** What compare's judging flags act on (judge-flags.ts declares them). */
const WORDING: JudgeWording = {
  change: 'a change in median time',
  alpha: "False-discovery rate over the benchmarks of one comparison (Benjamini–Hochberg); sets the intervals' level",
  regression: 'a benchmark is slower beyond the margin',
  formats: { terminal: 'tables', markdown: 'for a pull request or $GITHUB_STEP_SUMMARY' },
  out: 'Write the output to this file instead of stdout',
};

export const command = 'compare <base> <head> [more..]';
export const describe =
  'Compare result files: same machine → a verdict per benchmark from its interval; different machines → ' +
  'speedup and efficiency side by side';

export function builder(yargs: Argv): Argv<CompareArgs> {
  return judgeFlags(yargs, WORDING)
    .positional('base', {
      type: 'string',
      demandOption: true,
      describe: 'Result file to compare against (JSON from corescope run)',
    })
    .positional('head', { type: 'string', demandOption: true, describe: 'Result file to judge against the base' })
    .positional('more', {
      type: 'string',
      array: true,
      default: [],
      describe: 'More result files (e.g. one per machine)',
    })
    .epilogue(
      `Files over ${MAX_RESULT_FILE_BYTES / (1024 * 1024)} MiB are refused unread; schemaVersion ` +
        `${SUPPORTED_SCHEMA_VERSIONS.join(', ')} is supported. ` +
        ('Same machine = same CPU model, usable cores and Node major: each file is judged against the ' +
          'first file from its machine. ') +
        ('Verdicts: slower / faster (the whole interval beyond the margin), same (the whole interval ' +
          'within it), inconclusive ') +
        ('(neither: the row says how many times the samples would likely decide), unreliable (data that ' +
          'cannot decide: under 2 samples). ') +
        'Exit codes: 0 ok, 2 bad usage or bad file, 3 slower beyond the margin (with --fail-on regression).',
    );
}

export function handler(args: CompareArgs): void {
  const outPath = args.out === undefined ? null : ensureWritableFile(args.out);
  const paths = [args.base, args.head, ...args.more];
  const files = paths.map((path) => ({ name: path, result: readResultFile(path) }));
  const comparison = compareResults(files, { threshold: args.threshold, alpha: args.alpha });
  const text = render(comparison, args.format, outputWidth(outPath));
  if (outPath === null) {
    process.stdout.write(text);
  } else {
    writeFileAtomic(outPath, text);
    process.stderr.write(`${regressionLine(comparison)}\ncomparison: ${outPath}\n`);
  }
  process.exitCode = comparison.regressions.length > 0 && args['fail-on'] === 'regression' ? EXIT.regression : EXIT.ok;
}

function render(comparison: Comparison, format: JudgeFormat, widthColumns: number): string {
  if (format === 'json') return `${JSON.stringify(comparison, null, 2)}\n`;
  if (format === 'markdown') return renderComparisonMarkdown(comparison);
  return `${renderComparisonTerminal(comparison, widthColumns)}\n`;
}
