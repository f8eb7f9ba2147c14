import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildFailure, BuildOptions, Message } from 'esbuild';
import { UsageError } from './errors.js';
import { plural } from './format/numbers.js';

/**
 * TypeScript workload files (`-w ./bench/my-workload.ts`), compiled to JavaScript once, in the CLI process,
 * before anything is measured: the measuring child and every worker thread import plain compiled JavaScript,
 * so no loader distorts start-up or dispatch figures.
 *
 * Where the output goes: a folder `.corescope/` beside the source. Bare imports (`'corescope'`, `'#internal'`,
 * any package) stay imports and Node resolves them from the compiled file exactly as from the source, because
 * that folder has no package.json or node_modules of its own: it is in the same package scope, so self-references
 * and workspace packages resolve too (a cache under node_modules/.cache would lose both). Relative imports are
 * bundled in, so helper `.ts` files compile with the workload. The folder ignores itself for git.
 *
 * esbuild strips types and checks syntax only; type errors are the editor's and tsc's job.
 */

export const TYPESCRIPT_EXTENSIONS = ['.ts', '.mts'] as const;

/** Beside the source; hidden, so it stays out of listings and globs. */
const COMPILED_FOLDER = '.corescope';
/** `my-workload.ts.<hash>.mjs`: the hash names the content, the rest names the source. */
const COMPILED_NAME = /^(.+)\.([0-9a-f]{16})\.mjs$/;
/** Earlier compilations of a source are removed once this old: long past any run that could still import them. */
const STALE_AFTER_MS = 60 * 60 * 1000;

export function isTypeScriptFile(path: string): boolean {
  return (TYPESCRIPT_EXTENSIONS as readonly string[]).includes(extname(path).toLowerCase());
}

/**
 * Compiles the TypeScript workload at `sourcePath` (absolute) and returns the compiled module's path. Compiling
 * is cheap; writing is skipped when a file of the same content hash is already there, so repeated runs (and the
 * several places a run resolves its workloads) share one file, and a changed source gets a new URL rather than
 * a module the process cached under the old one. Syntax errors and unresolvable relative imports throw a
 * UsageError of one line: `file:line:column: message`.
 */
export function compileTypeScriptWorkload(sourcePath: string): string {
  const outDir = join(dirname(sourcePath), COMPILED_FOLDER);
  const code = bundle(sourcePath, outDir);
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const compiledPath = join(outDir, `${basename(sourcePath)}.${hash}.mjs`);
  if (existsSync(compiledPath)) return compiledPath;
  try {
    mkdirSync(outDir, { recursive: true });
    const ignore = join(outDir, '.gitignore');
    if (!existsSync(ignore)) writeFileSync(ignore, '# written by corescope: compiled workload files\n*\n');
    // Written whole, then renamed into place: a concurrent run never imports half a file.
    const partial = `${compiledPath}.${process.pid}.tmp`;
    writeFileSync(partial, code);
    renameSync(partial, compiledPath);
    removeStaleCompilations(outDir, basename(sourcePath), compiledPath);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${displayPath(sourcePath)}: cannot write the compiled workload into ${outDir}: ${message}`);
  }
  return compiledPath;
}

/**
 * The workload file a module URL stands for, as a path: the TypeScript source for a compiled file, so messages
 * name the file the user wrote.
 */
export function workloadSourcePath(url: string): string {
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  const match = COMPILED_NAME.exec(basename(path));
  if (match?.[1] === undefined || basename(dirname(path)) !== COMPILED_FOLDER) return path;
  return join(dirname(dirname(path)), match[1]);
}

function removeStaleCompilations(outDir: string, sourceName: string, keepPath: string): void {
  const cutoffMs = Date.now() - STALE_AFTER_MS;
  for (const name of readdirSync(outDir)) {
    const path = join(outDir, name);
    if (path === keepPath || COMPILED_NAME.exec(name)?.[1] !== sourceName) continue;
    if (statSync(path).mtimeMs < cutoffMs) rmSync(path, { force: true });
  }
}

function bundle(sourcePath: string, outDir: string): string {
  // Loaded on first use: runs of plain JavaScript workloads never start esbuild.
  const esbuild = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');
  const options: BuildOptions & { write: false } = {
    entryPoints: [sourcePath],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    outdir: outDir,
    // Stack traces map back to the .ts lines under `node --enable-source-maps`.
    sourcemap: 'inline',
    sourcesContent: false,
    logLevel: 'silent',
    absWorkingDir: process.cwd(),
    // The compiled file sits one folder down: paths built from import.meta stay those of the source file.
    define: {
      'import.meta.url': JSON.stringify(pathToFileURL(sourcePath).href),
      'import.meta.filename': JSON.stringify(sourcePath),
      'import.meta.dirname': JSON.stringify(dirname(sourcePath)),
    },
  };
  try {
    const output = esbuild.buildSync(options).outputFiles.find((file) => file.path.endsWith('.js'));
    if (output === undefined) throw new Error(`esbuild wrote no JavaScript for ${sourcePath}`);
    return output.text;
  } catch (error) {
    const errors = (error as Partial<BuildFailure>).errors;
    if (!Array.isArray(errors) || errors[0] === undefined) throw error;
    throw new UsageError(describeBuildError(sourcePath, errors[0], errors.length - 1));
  }
}

/** `bench/x.ts:3:8: cannot compile workload: Expected ";" but found "y"`: 1-based column, as editors count. */
function describeBuildError(sourcePath: string, first: Message, othersCount: number): string {
  const where =
    first.location === null
      ? displayPath(sourcePath)
      : `${first.location.file}:${first.location.line}:${first.location.column + 1}`;
  const more = othersCount > 0 ? ` (and ${plural(othersCount, 'more error')})` : '';
  return `${where}: cannot compile workload: ${first.text.split('\n')[0] ?? ''}${more}`;
}

/** Relative to the working directory when inside it, as the user typed it; absolute otherwise. */
function displayPath(path: string): string {
  const fromCwd = relative(process.cwd(), path);
  return fromCwd.startsWith('..') ? path : fromCwd;
}
