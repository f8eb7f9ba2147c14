import type { Argv } from 'yargs';
import { DEFAULT_ALPHA, DEFAULT_THRESHOLD } from '../compare/index.js';
import { parseAlpha, parseChoice, parsePercent } from '../options/parse.js';

/**
 * The flags of the commands that judge a head against a base (`compare`, `ab`): the margin, the false-discovery
 * rate, what fails the command, the output format and file. One home, so the two gates parse and default them
 * alike; each command words what its margin applies to.
 */

const JUDGE_FORMATS = ['terminal', 'markdown', 'json'] as const;
const FAIL_ON = ['regression', 'none'] as const;
export type JudgeFormat = (typeof JUDGE_FORMATS)[number];

export interface JudgeArgs {
  threshold: number;
  alpha: number;
  'fail-on': (typeof FAIL_ON)[number];
  format: JudgeFormat;
  out?: string;
}

/** What each command says its flags act on. */
export interface JudgeWording {
  /** What the margin is a change of: "a change", "a change in median time". */
  change: string;
  alpha: string;
  /** When `--fail-on regression` exits 3. */
  regression: string;
  /** What the terminal and markdown formats are for. */
  formats: { terminal: string; markdown: string };
  out: string;
}

export function judgeFlags<T>(yargs: Argv<T>, wording: JudgeWording): Argv<T & JudgeArgs> {
  return yargs
    .option('threshold', {
      type: 'string',
      default: DEFAULT_THRESHOLD,
      defaultDescription: `${DEFAULT_THRESHOLD * 100} %`,
      describe:
        `The margin: ${wording.change} counts only when its whole interval lies beyond it, ` +
        'in percent ("3" or "3%")',
      coerce: (value: unknown) => parsePercent(value, '--threshold', { allowZero: true }),
    })
    .option('alpha', {
      type: 'string',
      default: DEFAULT_ALPHA,
      describe: wording.alpha,
      coerce: (value: unknown) => parseAlpha(value),
    })
    .option('fail-on', {
      type: 'string',
      default: 'regression',
      describe: `regression: exit 3 when ${wording.regression}; none: always exit 0`,
      coerce: (value: unknown) => parseChoice(value, '--fail-on', FAIL_ON),
    })
    .option('format', {
      alias: 'f',
      type: 'string',
      default: 'terminal',
      describe: `terminal: ${wording.formats.terminal}; markdown: ${wording.formats.markdown}; json: for machines`,
      coerce: (value: unknown) => parseChoice(value, '--format', JUDGE_FORMATS),
    })
    .option('out', { alias: 'o', type: 'string', describe: wording.out });
}
