import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { MAX_THREADS } from '../results/config-schema.js';

/**
 * Parsers for option values, shared by the CLI's flags and the programmatic API's options. Each throws a
 * UsageError naming the flag (or option) and the rule, which the CLI prints as one line before any work starts
 * (exit 2).
 */

export function splitList(values: unknown, flag: string): string[] {
  const raw = (Array.isArray(values) ? values : [values]).map((value) => String(value));
  const items = raw
    .flatMap((value) => value.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) throw new UsageError(`${flag}: expected at least one value`);
  return items;
}

export function parseChoices<T extends string>(values: unknown, flag: string, choices: readonly T[]): T[] {
  const items = splitList(values, flag);
  for (const item of items) {
    if (!(choices as readonly string[]).includes(item)) {
      throw new UsageError(`${flag}: unknown value "${item}" (choose from ${choices.join(', ')})`);
    }
  }
  return [...new Set(items)] as T[];
}

/** One value out of `choices`: for flags that take exactly one (--format, --fail-on). */
export function parseChoice<T extends string>(value: unknown, flag: string, choices: readonly T[]): T {
  const [only, ...more] = parseChoices(value, flag, choices);
  if (only === undefined || more.length > 0) throw new UsageError(`${flag}: give exactly one value`);
  return only;
}

/** "1,2,4", "1-8" (every count from 1 to 8) or a mix: "1-4,8,16". */
export function parseThreadCounts(values: unknown, flag = '--threads'): number[] {
  const counts: number[] = [];
  for (const item of splitList(values, flag)) {
    const range = /^(\d+)\s*(?:-|\.\.)\s*(\d+)$/.exec(item);
    if (range !== null) {
      const from = parseInteger(range[1] ?? '', flag, 1, MAX_THREADS);
      const to = parseInteger(range[2] ?? '', flag, 1, MAX_THREADS);
      if (from > to) throw new UsageError(`${flag}: range "${item}" runs backwards`);
      for (let threads = from; threads <= to; threads += 1) counts.push(threads);
    } else {
      counts.push(parseInteger(item, flag, 1, MAX_THREADS));
    }
  }
  return [...new Set(counts)].sort((a, b) => a - b);
}

export function parseInteger(value: unknown, flag: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const text = String(value).trim();
  const number = Number(text);
  if (text === '' || !Number.isInteger(number)) throw new UsageError(`${flag}: "${text}" is not an integer`);
  if (number < min || number > max) {
    throw new UsageError(
      `${flag}: ${number} is out of range (${min}${max === Number.MAX_SAFE_INTEGER ? ' or more' : `..${max}`})`,
    );
  }
  return number;
}

export function parsePositiveNumber(value: unknown, flag: string): number {
  const text = String(value).trim();
  const number = Number(text);
  if (text === '' || !Number.isFinite(number) || number <= 0)
    throw new UsageError(`${flag}: "${text}" is not a positive number`);
  return number;
}

/**
 * A flag's text as a number, for a setting whose range the config schema checks: text that is no number passes
 * through unchanged, so the schema's message for that setting ("is not an integer", "is not a percentage") says so.
 */
export function toNumber(text: unknown): unknown {
  const trimmed = String(text).trim();
  const number = Number(trimmed);
  return trimmed === '' || !Number.isFinite(number) ? trimmed : number;
}

/** `--batch`: `auto`, or a number of tasks per message (its range is the config schema's to check). */
export function toBatch(text: unknown): unknown {
  return String(text).trim() === 'auto' ? 'auto' : toNumber(text);
}

/** A run's or a study's label: absent is null; given, it must say something. */
export function parseLabel(label: string | undefined, flag = '--label'): string | null {
  if (label === undefined) return null;
  if (label.trim() === '') throw new UsageError(`${flag}: must not be empty`);
  return label;
}

/**
 * Makes sure a file can be written at `path` before any work is done: its directory exists (created if
 * missing) and is writable, and the path is not a directory.
 */
export function ensureWritableFile(path: string, flag = '--out'): string {
  const absolute = resolve(path);
  if (existsSync(absolute) && statSync(absolute).isDirectory()) throw new UsageError(`${flag}: ${path} is a directory`);
  const directory = dirname(absolute);
  try {
    makeDirectories(directory);
    if (!statSync(directory).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    accessSync(directory, constants.W_OK);
    if (existsSync(absolute)) accessSync(absolute, constants.W_OK);
  } catch (error) {
    throw new UsageError(
      `${flag}: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  return absolute;
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdirSync never returns on some paths that cannot be created
 * (under /proc, for one), and a benchmark tool must not hang on a bad --out.
 */
function makeDirectories(directory: string): void {
  if (existsSync(directory)) return;
  const parent = dirname(directory);
  if (parent !== directory) makeDirectories(parent);
  mkdirSync(directory);
}

/** Default result path: results/<label or host>-<UTC timestamp>.json. */
export function defaultResultPath(labelOrHost: string, now = new Date()): string {
  const safe = labelOrHost.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'run';
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return `results/${safe}-${stamp}.json`;
}

/**
 * "5", "5%", "2.5 %" → 5, 5, 2.5: a percentage, under 100. Zero only where `allowZero` (a threshold may be 0; a
 * precision may not). A number passes as already parsed.
 */
export function parsePercentage(value: unknown, flag: string, { allowZero }: { allowZero: boolean }): number {
  const text = String(value).trim();
  const number = typeof value === 'number' ? value : Number(text.replace(/\s*%$/, ''));
  if (text === '' || !Number.isFinite(number))
    throw new UsageError(`${flag}: "${text}" is not a percentage (e.g. 5 or 5%)`);
  if (number < 0 || number >= 100 || (number === 0 && !allowZero)) {
    throw new UsageError(`${flag}: ${number} % is out of range (${allowZero ? '0' : 'over 0'} to under 100)`);
  }
  return number;
}

/** The same, as a fraction: "5%" → 0.05. A number passes as an already parsed fraction (a default). */
export function parsePercent(value: unknown, flag: string, options: { allowZero: boolean }): number {
  return typeof value === 'number' ? value : parsePercentage(value, flag, options) / 100;
}

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, sec: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** "90s", "1.5min", "500ms", "2m", or a bare number of seconds → ms. Must be positive (or 0, where allowed). */
export function parseDurationMs(
  value: unknown,
  flag: string,
  { allowZero = false }: { allowZero?: boolean } = {},
): number {
  const text = String(value).trim();
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)$/i.exec(text);
  const unit = DURATION_UNITS_MS[(match?.[2] ?? '').toLowerCase() || 's'];
  const amount = Number(match?.[1]);
  if (match === null || unit === undefined || !(amount > 0 || (allowZero && amount === 0))) {
    const what = allowZero ? 'a duration' : 'a positive duration';
    throw new UsageError(`${flag}: "${text}" is not ${what} (e.g. 30s, 1.5min, 500ms; a bare number is seconds)`);
  }
  return amount * unit;
}

/** A significance level or false-discovery rate, between 0 and 0.5. A number passes as already parsed (a default). */
export function parseAlpha(value: unknown, flag = '--alpha'): number {
  if (typeof value === 'number') return value;
  const text = String(value).trim();
  const number = Number(text);
  if (text === '' || !Number.isFinite(number) || number <= 0 || number >= 0.5) {
    throw new UsageError(`${flag}: "${text}" is not a level between 0 and 0.5 (e.g. 0.05)`);
  }
  return number;
}
