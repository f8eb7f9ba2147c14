import type { Argv } from 'yargs';
import { DEFAULT_THRESHOLD } from '../compare/index.js';
import { EXIT, UsageError } from '../errors.js';
import { analyzeHistory } from '../history/analyze.js';
import { METHOD_NAME } from '../history/describe.js';
import { historyJson } from '../history/history-json.js';
import { loadHistoryFiles } from '../history/history-files.js';
import { newestRegressions, regressionText } from '../history/regressions.js';
import { renderHistoryHtml } from '../history/render-html.js';
import { renderHistoryMarkdown } from '../history/render-markdown.js';
import { renderHistoryTerminal } from '../history/render-terminal.js';
import { writeFileAtomic } from '../results/store.js';
import { DEFAULT_CHANGE_POINT_OPTIONS } from '../stats/change-points.js';
import { ensureWritableFile, parseChoice, parseInteger, parsePercent } from '../options/parse.js';
import { outputWidth } from '../report/terminal/width.js';

const FORMATS = ['terminal', 'markdown', 'html', 'json'] as const;
type Format = (typeof FORMATS)[number];

interface HistoryArgs {
  files: string[];
  format: Format;
  out?: string;
  threshold: number;
  'fail-on-regression': boolean;
  'p-value': number;
  window: number;
}

export const command = 'history <files..>';
export const describe =
  'Trend of every benchmark across many result files (a directory of them), with change points: where a ' +
  'step up or down began';

export function builder(yargs: Argv): Argv<HistoryArgs> {
  return yargs
    .positional('files', {
      type: 'string',
      array: true,
      demandOption: true,
      describe: 'Result files, or directories whose *.json files are all result files',
    })
    .option('format', {
      alias: 'f',
      type: 'string',
      default: 'terminal',
      describe:
        'terminal: tables; markdown: for $GITHUB_STEP_SUMMARY; html: an offline trend chart per ' +
        'benchmark; json: for machines',
      coerce: (value: unknown) => parseChoice(value, '--format', FORMATS),
    })
    .option('out', {
      alias: 'o',
      type: 'string',
      describe: 'Write the output to this file (atomically) instead of stdout',
    })
    .option('fail-on-regression', {
      type: 'boolean',
      default: false,
      describe: 'Exit 3 when the newest change point of any series is a slowdown beyond --threshold',
    })
    .option('threshold', {
      type: 'string',
      default: DEFAULT_THRESHOLD,
      defaultDescription: `${DEFAULT_THRESHOLD * 100} %`,
      describe: 'Smallest slowdown --fail-on-regression acts on, in percent ("5" or "5%")',
      coerce: (value: unknown) => parsePercent(value, '--threshold', { allowZero: true }),
    })
    .option('p-value', {
      type: 'string',
      default: DEFAULT_CHANGE_POINT_OPTIONS.maxPValue,
      describe: "Largest p-value of Student's t-test a change point may have (Otava's default)",
      coerce: (value: unknown) => parseProbability(value, '--p-value'),
    })
    .option('window', {
      type: 'string',
      default: DEFAULT_CHANGE_POINT_OPTIONS.windowLength,
      describe:
        "Points per sliding window of the split step (Otava's default): longer is less swayed by noise, " +
        'but may pass over a short-lived step',
      coerce: (value: unknown) => (typeof value === 'number' ? value : parseInteger(value, '--window', 3, 10_000)),
    })
    .epilogue(
      `Change points: ${METHOD_NAME}. ` +
        ('One series per benchmark id and machine (CPU model, usable cores, Node major): files from ' +
          'different machines are never mixed. ') +
        ("A point is the run's median time per sample; files are ordered by the committer time of the " +
          'commit they measured when every file records one, else by when each run started. ') +
        'A series needs 3 points before it can show a change. ' +
        ('Exit codes: 0 ok, 2 bad usage or bad file, 3 newest change is a slowdown beyond --threshold ' +
          '(with --fail-on-regression).'),
    );
}

export function handler(args: HistoryArgs): void {
  const outPath = args.out === undefined ? null : ensureWritableFile(args.out);
  const analysis = analyzeHistory(loadHistoryFiles(args.files), {
    ...DEFAULT_CHANGE_POINT_OPTIONS,
    windowLength: args.window,
    maxPValue: args['p-value'],
  });
  const regressions = newestRegressions(analysis, args.threshold);
  const text = render(args.format)(analysis, regressions, args.threshold, outputWidth(outPath));
  if (outPath === null) process.stdout.write(text);
  else {
    writeFileAtomic(outPath, text);
    process.stderr.write(`history (${args.format}): ${outPath}\n`);
  }
  if (args['fail-on-regression'] && regressions.length > 0) {
    // On stderr as well, so a CI log names the regression whatever the format went to.
    for (const regression of regressions)
      process.stderr.write(`corescope: regression: ${regressionText(regression, analysis.machines.length > 1)}\n`);
    process.exitCode = EXIT.regression;
  } else {
    process.exitCode = EXIT.ok;
  }
}

function render(format: Format): typeof renderHistoryTerminal {
  if (format === 'markdown') return renderHistoryMarkdown;
  if (format === 'html') return renderHistoryHtml;
  if (format === 'json') return historyJson;
  return renderHistoryTerminal;
}

function parseProbability(value: unknown, flag: string): number {
  if (typeof value === 'number') return value;
  const text = String(value).trim();
  const number = Number(text);
  if (text === '' || !Number.isFinite(number) || number <= 0 || number >= 0.5)
    throw new UsageError(`${flag}: "${text}" is not a p-value between 0 and 0.5 (e.g. 0.001)`);
  return number;
}
