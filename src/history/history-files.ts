import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { readResultFile } from '../results/load.js';
import type { ResultFile } from '../results/schema.js';

/** One result file of a history, and the name it is shown under. */
export interface HistoryFile {
  /** The path as found (given, or a directory's entry). */
  path: string;
  /** Its file name, or its path where two files share a name. */
  name: string;
  result: ResultFile;
}

/**
 * The files a history is built from: each argument is a result file, or a directory whose `*.json` files
 * (not its subdirectories) are all result files. Every problem is one UsageError line naming the path
 * (exit 2): a path that cannot be read, a directory with no result file, a file that is not a result file.
 */
export function loadHistoryFiles(args: readonly string[]): HistoryFile[] {
  // The same file named twice (given and inside a given directory) counts once.
  const seen = new Set<string>();
  const paths = args
    .flatMap(expand)
    .filter((path) => !seen.has(resolve(path)) && seen.add(resolve(path)) !== undefined);
  const files = paths.map((path) => ({ path, result: readResultFile(path) }));
  const names = files.map((file) => basename(file.path));
  return files.map((file, index) => {
    const name = names[index] ?? file.path;
    return { ...file, name: names.filter((other) => other === name).length > 1 ? file.path : name };
  });
}

function expand(path: string): string[] {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    throw new UsageError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (!isDirectory) return [path];
  let entries: string[];
  try {
    entries = readdirSync(path);
  } catch (error) {
    throw new UsageError(
      `${path}: cannot list the directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  const results = entries
    .filter((entry) => entry.toLowerCase().endsWith('.json'))
    .sort()
    .map((entry) => join(path, entry));
  if (results.length === 0) throw new UsageError(`${path}: no result files (*.json) in this directory`);
  return results;
}
