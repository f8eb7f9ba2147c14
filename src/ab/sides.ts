import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UsageError } from '../errors.js';
import { splitList } from '../options/parse.js';
import { isBuiltinWorkload, resolveWorkloadUrl } from '../workload-source.js';

/** Files a directory side may hold: workload modules, JavaScript or TypeScript. */
const WORKLOAD_FILE = /\.(?:m?js|m?ts)$/;

export interface Sides {
  base: string[];
  head: string[];
}

/**
 * The two versions `ab` measures, pair by pair: two workload files (or built-in ids), two comma-separated lists
 * of the same length, or two directories holding workload files of the same names (a base checkout's and a head
 * checkout's). Anything that does not pair up is bad input, said in one line naming what is missing where.
 */
export function pairSides(baseSpec: string, headSpec: string): Sides {
  const baseDir = isDirectory(baseSpec);
  const headDir = isDirectory(headSpec);
  if (baseDir !== headDir)
    throw new UsageError(
      `ab: ${baseDir ? baseSpec : headSpec} is a directory and ${baseDir ? headSpec : baseSpec} is not: ` +
        `give two directories or two lists`,
    );
  if (baseDir) return pairDirectories(baseSpec, headSpec);
  const base = splitList(baseSpec, 'base');
  const head = splitList(headSpec, 'head');
  if (base.length !== head.length)
    throw new UsageError(
      `ab: base names ${base.length} workload(s), head ${head.length}: give the same workloads on both sides`,
    );
  for (const spec of [...base, ...head]) resolveWorkloadUrl(spec, 'ab');
  return { base, head };
}

function pairDirectories(baseDir: string, headDir: string): Sides {
  const names = (dir: string): string[] =>
    readdirSync(dir)
      .filter((name) => WORKLOAD_FILE.test(name) && statSync(join(dir, name)).isFile())
      .sort();
  const baseNames = names(baseDir);
  const headNames = names(headDir);
  const onlyBase = baseNames.filter((name) => !headNames.includes(name));
  const onlyHead = headNames.filter((name) => !baseNames.includes(name));
  if (onlyBase.length > 0)
    throw new UsageError(`ab: ${onlyBase.join(', ')} in ${baseDir} has no file of the same name in ${headDir}`);
  if (onlyHead.length > 0)
    throw new UsageError(`ab: ${onlyHead.join(', ')} in ${headDir} has no file of the same name in ${baseDir}`);
  if (baseNames.length === 0) throw new UsageError(`ab: ${baseDir} holds no workload file (.js, .mjs, .ts, .mts)`);
  return { base: baseNames.map((name) => join(baseDir, name)), head: headNames.map((name) => join(headDir, name)) };
}

function isDirectory(spec: string): boolean {
  if (isBuiltinWorkload(spec) || spec.includes(',')) return false;
  try {
    return statSync(spec).isDirectory();
  } catch {
    return false;
  }
}

/** How a workload is named to a reader: its file name, or its built-in id. */
export function sideName(spec: string): string {
  return isBuiltinWorkload(spec) ? spec : basename(spec);
}
