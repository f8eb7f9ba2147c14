import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { type ResultFile, resultFileSchema, SUPPORTED_SCHEMA_VERSIONS } from './schema.js';
import { upgradeFromV1, upgradeFromV2 } from './upgrade.js';

/** Result files larger than this are refused unread: memory stays bounded whatever a file claims to be. */
export const MAX_RESULT_FILE_BYTES = 64 * 1024 * 1024;

/**
 * Reads and validates a result file. Every problem becomes a UsageError of one line naming the file and the
 * JSON path at fault (`$.benchmarks[2].stats.median`), which the CLI prints and exits 2 on.
 */
export function readResultFile(path: string, maxBytes = MAX_RESULT_FILE_BYTES): ResultFile {
  return parseResultText(readCapped(path, maxBytes), path);
}

export function parseResultText(text: string, name: string): ResultFile {
  let value: unknown;
  try {
    // JSON.parse makes "__proto__" an own property (no pollution); it is refused below, with its path.
    value = JSON.parse(text);
  } catch (error) {
    // V8 quotes the offending text, raw newlines and all: fold it so the error stays one line.
    const reason = (error as Error).message.replace(/\s+/g, ' ');
    const truncated = text.trim() === '' ? 'empty file' : `not valid JSON (${reason}); truncated?`;
    throw new UsageError(`${name}: ${truncated}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`${name}: $: expected a JSON object (a corescope result file)`);
  }
  const forbidden = findPrototypeKey(value, []);
  if (forbidden !== undefined) {
    throw new UsageError(`${name}: ${jsonPath(forbidden)}: key "${String(forbidden.at(-1))}" is not allowed in a result file`);
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (!(SUPPORTED_SCHEMA_VERSIONS as readonly unknown[]).includes(version)) {
    throw new UsageError(
      `${name}: $.schemaVersion: ${JSON.stringify(version) ?? 'missing'} is not supported ` +
        `(supported: ${SUPPORTED_SCHEMA_VERSIONS.join(', ')})`,
    );
  }
  const parsed = resultFileSchema.safeParse(upgrade(value as Record<string, unknown>, version as number));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${name}: ${jsonPath(issue?.path ?? [])}: ${issue?.message ?? 'invalid'}`);
  }
  const result = parsed.data;
  // A study's file (`corescope study`) keeps its figures in `overheads` or `grain`, with no benchmarks.
  if (result.benchmarks.length === 0 && result.overheads === undefined && result.grain === undefined) {
    throw new UsageError(`${name}: $.benchmarks: holds no benchmark`);
  }
  const seen = new Set<string>();
  for (const [index, benchmark] of result.benchmarks.entries()) {
    if (seen.has(benchmark.id)) throw new UsageError(`${name}: $.benchmarks[${index}].id: duplicate id "${benchmark.id}"`);
    seen.add(benchmark.id);
  }
  return result;
}

/** An older file in the current shape, one version step at a time (upgrade.ts). */
function upgrade(file: Record<string, unknown>, version: number): Record<string, unknown> {
  const v2 = version === 1 ? upgradeFromV1(file) : file;
  return version <= 2 ? upgradeFromV2(v2) : v2;
}

/** `$.benchmarks[2].stats.median` from zod's path. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(String(key)) ? `${text}.${String(key)}` : `${text}[${JSON.stringify(String(key))}]`),
    '$',
  );
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

// A key like "__proto__" is never part of a result and is a classic prototype-pollution vector: refuse it,
// naming where it is. Iterative, so a deeply nested file cannot overflow the stack.
function findPrototypeKey(root: object, rootPath: (string | number)[]): (string | number)[] | undefined {
  const pending: [unknown, (string | number)[]][] = [[root, rootPath]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, [...path, index]]));
      continue;
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) return [...path, key];
      pending.push([(value as Record<string, unknown>)[key], [...path, key]]);
    }
  }
  return undefined;
}

function readCapped(path: string, maxBytes: number): string {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new UsageError(`${path}: not a regular file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (size > maxBytes) {
    throw new UsageError(`${path}: ${size} bytes is over the ${maxBytes}-byte limit for result files`);
  }
  // Read at most maxBytes + 1 even if the file grew since stat, so memory stays bounded.
  const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
  const fd = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(fd, buffer, 0, buffer.length, 0);
  } finally {
    closeSync(fd);
  }
  if (length > maxBytes) throw new UsageError(`${path}: over the ${maxBytes}-byte limit for result files`);
  return buffer.subarray(0, length).toString('utf8');
}
