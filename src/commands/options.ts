import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/**
 * Parsers for flag values. Each throws a UsageError naming the flag and the rule, which the CLI prints as
 * one line before any work starts (exit 2).
 */

export function splitList(values: unknown, flag: string): string[] {
  const raw = (Array.isArray(values) ? values : [values]).map((value) => String(value));
  const items = raw.flatMap((value) => value.split(',')).map((item) => item.trim()).filter((item) => item !== '');
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

/** "5", "5%", "2.5 %" → 0.05, 0.05, 0.025. */
export function parsePercent(value: unknown, flag: string): number {
  if (typeof value === 'number') return value; // the default, already a fraction
  const text = String(value).trim();
  const number = Number(text.replace(/\s*%$/, ''));
  if (text === '' || !Number.isFinite(number)) throw new UsageError(`${flag}: "${text}" is not a percentage (e.g. 5 or 5%)`);
  if (number < 0 || number >= 100) throw new UsageError(`${flag}: ${number} % is out of range (0 to under 100)`);
  return number / 100;
}

const MAX_THREADS = 1024;

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
    throw new UsageError(`${flag}: ${number} is out of range (${min}${max === Number.MAX_SAFE_INTEGER ? ' or more' : `..${max}`})`);
  }
  return number;
}

export function parsePositiveNumber(value: unknown, flag: string): number {
  const text = String(value).trim();
  const number = Number(text);
  if (text === '' || !Number.isFinite(number) || number <= 0) throw new UsageError(`${flag}: "${text}" is not a positive number`);
  return number;
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
    throw new UsageError(`${flag}: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
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
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return `results/${safe}-${stamp}.json`;
}
