import { closeSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT, UsageError } from '../../src/errors.js';
import { MAX_RESULT_FILE_BYTES, parseResultText, readResultFile } from '../../src/results/load.js';
import { runCli, scratchDir } from '../helpers/cli.js';
import { expectOneCleanLine, fixture } from './fault-run.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

let dir: string;
let validPath: string;
let validText: string;
const valid = (): Record<string, Json> => JSON.parse(validText) as Record<string, Json>;

// A real result file from a real (short) run: every mutation below starts from what corescope writes.
beforeAll(async () => {
  dir = scratchDir();
  validPath = join(dir, 'valid.json');
  const cli = await runCli([
    'run',
    '-w',
    fixture('ok'),
    '-s',
    'sequential,concurrent',
    '--tasks',
    '2',
    '--rounds',
    '3',
    '--warmup',
    '0',
    '--no-chart',
    '--out',
    validPath,
  ]);
  expect(cli.code, cli.stderr).toBe(EXIT.ok);
  validText = readFileSync(validPath, 'utf8');
}, 60_000);

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** What corescope says about a file: the UsageError's one line, or 'valid'. Anything else thrown fails the test. */
function verdictOf(path: string): string {
  try {
    readResultFile(path);
    return 'valid';
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return error.message;
  }
}

const BAD_FILES: [string, () => string, RegExp][] = [
  ['not JSON', () => 'this is not JSON', /not valid JSON/],
  ['truncated', () => validText.slice(0, Math.floor(validText.length / 2)), /not valid JSON .*truncated\?/],
  ['empty', () => '', /empty file/],
  [
    'a future schemaVersion',
    () => JSON.stringify({ ...valid(), schemaVersion: 4 }),
    /\$\.schemaVersion: 4 is not supported/,
  ],
  [
    'a missing field',
    () => JSON.stringify({ ...valid(), environment: { ...(valid().environment as object), node: undefined } }),
    /\$\.environment\.node: /,
  ],
  ['a mistyped field', () => JSON.stringify(withBenchmark(0, { threads: 'two' })), /\$\.benchmarks\[0\]\.threads: /],
  [
    'a "NaN" string for a number',
    () => JSON.stringify(withBenchmark(0, { stats: { ...(firstBenchmark().stats as object), median: 'NaN' } })),
    /\$\.benchmarks\[0\]\.stats\.median: /,
  ],
  [
    'a __proto__ key',
    () => validText.replace('"run": {', '"run": { "__proto__": { "polluted": true },'),
    /\$\.run\.__proto__: key "__proto__" is not allowed/,
  ],
  [
    'duplicate ids',
    () => JSON.stringify(withBenchmark(1, { id: firstBenchmark().id as string })),
    /\$\.benchmarks\[1\]\.id: duplicate id/,
  ],
  ['zero benchmarks', () => JSON.stringify({ ...valid(), benchmarks: [] }), /\$\.benchmarks: holds no benchmark/],
  ['a JSON array', () => '[1, 2, 3]', /\$: expected a JSON object/],
];

function firstBenchmark(): Record<string, Json> {
  return (valid().benchmarks as Record<string, Json>[])[0] ?? {};
}

function withBenchmark(index: number, change: Record<string, Json>): Record<string, Json> {
  const result = valid();
  const benchmarks = result.benchmarks as Record<string, Json>[];
  benchmarks[index] = { ...benchmarks[index], ...change };
  return result;
}

describe('result files given to compare and report', () => {
  it('the real file is valid', () => {
    expect(verdictOf(validPath)).toBe('valid');
  });

  it.each(BAD_FILES)('%s: one line naming the file and the JSON path', (name, text, expected) => {
    const path = write(`${name.replace(/\W+/g, '-')}.json`, text());
    const verdict = verdictOf(path);
    expect(verdict).toMatch(expected);
    expect(verdict.startsWith(`${path}: `)).toBe(true);
    expect(verdict).not.toContain('\n');
  });

  it('a 1 GB file is refused unread (size cap), and the CLI stays small', async () => {
    const path = join(dir, 'huge.json');
    // Sparse: takes no disk, but stat says 1 GiB, as a real one would.
    closeSync(openSync(path, 'w'));
    const fd = openSync(path, 'r+');
    writeFileSync(fd, '{');
    closeSync(fd);
    await import('node:fs/promises').then((fs) => fs.truncate(path, 1024 ** 3));
    expect(statSync(path).size).toBe(1024 ** 3);
    expect(verdictOf(path)).toMatch(new RegExp(`${1024 ** 3} bytes is over the ${MAX_RESULT_FILE_BYTES}-byte limit`));

    for (const args of [
      ['compare', validPath, path],
      ['report', path],
    ]) {
      const cli = await runCli([...args], { env: { NODE_OPTIONS: '--max-old-space-size=96' } });
      expect(cli.code, cli.stderr).toBe(EXIT.usage);
      expectOneCleanLine(cli.stderr);
      expect(cli.stderr).toContain('huge.json');
    }
  });

  it.each(BAD_FILES)('compare and report on %s: exit 2, one line, no stack trace', async (name, text) => {
    const path = write(`cli-${name.replace(/\W+/g, '-')}.json`, text());
    for (const args of [
      ['compare', validPath, path],
      ['report', path],
    ]) {
      const cli = await runCli(args);
      expect(cli.code, `${args.join(' ')}\n${cli.stderr}`).toBe(EXIT.usage);
      expectOneCleanLine(cli.stderr);
      expect(cli.stderr).toContain(path);
    }
  });
});

/** Every path in a JSON value, so a mutation can land anywhere in the file. */
function pathsOf(value: Json, path: (string | number)[] = []): (string | number)[][] {
  const inner = Array.isArray(value)
    ? value.flatMap((item, index) => pathsOf(item, [...path, index]))
    : typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([key, item]) => pathsOf(item, [...path, key]))
      : [];
  return [path, ...inner];
}

function mutate(root: Json, path: (string | number)[], op: 'set' | 'delete', replacement: Json): Json {
  if (path.length === 0) return op === 'set' ? replacement : {};
  const copy = structuredClone(root);
  let parent: Json = copy;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, Json>)[key] ?? null;
  const last = path.at(-1) as string | number;
  if (Array.isArray(parent) && typeof last === 'number') {
    if (op === 'set') parent[last] = replacement;
    else parent.splice(last, 1);
  } else if (typeof parent === 'object' && parent !== null) {
    const record = parent as Record<string, Json>;
    if (op === 'set') record[String(last)] = replacement;
    else delete record[String(last)];
  }
  return copy;
}

/** Arbitrary damage to the real file: a value replaced or deleted anywhere, or the text cut anywhere. */
const damagedFile = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc
      .record({
        pick: fc.nat(),
        op: fc.constantFrom('set' as const, 'delete' as const),
        replacement: fc.jsonValue() as fc.Arbitrary<Json>,
      })
      .map(({ pick, op, replacement }) => {
        const root = valid() as Json;
        const paths = pathsOf(root);
        return JSON.stringify(mutate(root, paths[pick % paths.length] ?? [], op, replacement), null, 2);
      }),
    fc.nat().map((cut) => validText.slice(0, cut % validText.length)),
    fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
    fc.string({ maxLength: 200 }),
  );

describe('property: any bytes, any damage', () => {
  it('the loader either accepts a valid result or throws one UsageError line naming the file', () => {
    fc.assert(
      fc.property(damagedFile(), (text) => {
        try {
          const result = parseResultText(text, 'damaged.json');
          expect(result.benchmarks.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(UsageError);
          const message = (error as UsageError).message;
          expect(message).toMatch(/^damaged\.json: /);
          expect(message).not.toContain('\n');
        }
      }),
      { numRuns: 400 },
    );
  });

  it.each([['compare'], ['report']])(
    '%s: exits 2 with one line on invalid data, never 0, never a stack trace',
    async (commandName) => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(damagedFile(), async (text) => {
          const path = write(`prop-${commandName}-${run++}.json`, text);
          const invalid = verdictOf(path) !== 'valid';
          const cli = await runCli(commandName === 'compare' ? ['compare', validPath, path] : ['report', path]);
          expect(cli.stderr).not.toMatch(/^\s+at /m);
          if (invalid) {
            expect(cli.code, cli.stderr).toBe(EXIT.usage);
            expectOneCleanLine(cli.stderr);
          } else {
            expect([EXIT.ok, EXIT.usage, EXIT.regression], cli.stderr).toContain(cli.code);
            if (cli.code === EXIT.usage) expectOneCleanLine(cli.stderr);
          }
        }),
        // Each case starts a CLI process: a few, to keep the suite fast; the loader property above runs hundreds.
        { numRuns: 8 },
      );
    },
  );
});
