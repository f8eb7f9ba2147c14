import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratchDir } from '../helpers/cli.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('corescope serve: bad flags exit 2 with one line naming the flag', () => {
  const cases: Array<[string, string[], RegExp]> = [
    [
      'a rate that is not a positive number',
      ['-w', 'io-timer', '--rates', '10,-5'],
      /--rates: "-5" is not a positive number/,
    ],
    ['a rate that is not a number', ['-w', 'io-timer', '--rates', 'fast'], /--rates: "fast"/],
    ['a duration out of range', ['-w', 'io-timer', '--duration', '100'], /--duration: 100 s is out of range/],
    ['a duration that is not a number', ['-w', 'io-timer', '--duration', 'zero'], /--duration/],
    ['an unknown strategy', ['-w', 'io-timer', '-s', 'inline'], /--strategies: unknown value "inline"/],
    ['an unknown workload', ['-w', 'nope'], /--workload: unknown workload "nope"/],
    ['no workload', [], /workload/],
    ['a workload without a task', ['-w', join(FIXTURES, 'no-task.mjs'), '--rates', '10'], /"task" must be a function/],
    [
      'hybrid on a workload without a split',
      ['-w', 'io-timer', '-s', 'hybrid', '--rates', '10'],
      /--strategies: hybrid/,
    ],
  ];
  for (const [what, args, message] of cases) {
    it(what, async () => {
      const out = join(scratchDir(), 'serve.json');
      const result = await runCli(['serve', ...args, '--out', out]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
