import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from './errors.js';
import { distFileUrl } from './paths.js';
import { compileTypeScriptWorkload, isTypeScriptFile, workloadSourcePath } from './workload-compile.js';
import { findDefinitionProblem, type Workload } from './workload.js';

/** Built-in workloads, compiled from `benchmarks/`. Order is the order they run and print in. */
export const BUILTIN_WORKLOADS = ['io-timer', 'io-http', 'io-fs', 'cpu-hash', 'cpu-hash-async', 'cpu-compute'] as const;

/** Built in but run only when named (`-w agents`): each takes seconds, too long for the default suite. */
export const NAMED_BUILTIN_WORKLOADS = ['agents', 'agents-dag', 'cpu-spin', 'fs-read-cached'] as const;

export function isBuiltinWorkload(name: string): boolean {
  return ([...BUILTIN_WORKLOADS, ...NAMED_BUILTIN_WORKLOADS] as readonly string[]).includes(name);
}

/**
 * Where a workload's module lives, as a URL both the measuring process and worker threads can import.
 * `spec` is a built-in id or a path to a user's ESM file; a TypeScript file is compiled here, once, and the URL
 * is the compiled JavaScript's.
 */
export function resolveWorkloadUrl(spec: string, flag = '--workloads'): string {
  if (isBuiltinWorkload(spec)) return distFileUrl('benchmarks', `${spec}.js`).href;
  if (!/[/\\.]/.test(spec)) {
    throw new UsageError(
      `${flag}: unknown workload "${spec}" (built-in: ` +
        `${[...BUILTIN_WORKLOADS, ...NAMED_BUILTIN_WORKLOADS].join(', ')}; or give a path to a ` +
        `.js/.mjs/.ts file)`,
    );
  }
  const path = resolve(spec);
  if (!existsSync(path) || !statSync(path).isFile()) {
    throw new UsageError(`${flag}: workload file ${spec} does not exist`);
  }
  return pathToFileURL(isTypeScriptFile(path) ? compileTypeScriptWorkload(path) : path).href;
}

/** Imports a workload module and checks what it exports. Errors name the file and the problem. */
export async function loadWorkload(url: string): Promise<Workload> {
  // Messages name the file as the user knows it (a path; the TypeScript source of a compiled one), on one line.
  const name = workloadSourcePath(url);
  let moduleNamespace: Record<string, unknown>;
  try {
    moduleNamespace = (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${name}: cannot load workload module: ${message.split('\n')[0] ?? ''}`);
  }
  const candidate = moduleNamespace.default ?? moduleNamespace.workload;
  if (candidate === undefined) {
    throw new UsageError(`${name}: exports no workload (export default defineWorkload({...}))`);
  }
  const problem = findDefinitionProblem(candidate);
  if (problem !== undefined) throw new UsageError(`${name}: invalid workload: ${problem}`);
  return candidate as Workload;
}
