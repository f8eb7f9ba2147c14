import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The package root, found by walking up from this file. Works both from compiled `dist/src/` and from
 * `src/` under the test runner, so tests drive the same compiled workers and child process a user runs.
 */
export const PACKAGE_ROOT = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** Compiled output. Workers and the measuring child always run compiled JavaScript, never TypeScript. */
export const DIST_ROOT = join(PACKAGE_ROOT, 'dist');

export function distFileUrl(...segments: string[]): URL {
  return pathToFileURL(join(DIST_ROOT, ...segments));
}

function findPackageRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'tsconfig.json'))) return dir;
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'dist'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`corescope: cannot find the package root above ${start}`);
    dir = parent;
  }
}
