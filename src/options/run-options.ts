import type { Environment } from '../results/schema.js';
import type { RunRequest, SuiteProgress } from '../runner/run-request.js';
import { resolveMeasureConfig, type MeasureInput, type NameOf } from './measure-config.js';
import { ensureWritableFile, parseLabel } from './parse.js';

/**
 * The options of a run, as the programmatic API takes them and as the `run` command hands them over after
 * parsing its flags: every measuring setting by its config key (results/config-schema.ts documents each), the
 * workloads, and where the results go.
 */
export type RunOptions = MeasureInput & {
  label?: string;
  /** Result file, rewritten atomically as the run goes. Default: none (the result is only returned). */
  out?: string;
  /** Aborting it ends the run as Ctrl-C would: the results so far are kept, with `interrupted: true`. */
  signal?: AbortSignal;
};

export interface RunContext {
  environment: Environment;
  argv: string[];
  onProgress?: (progress: SuiteProgress) => void;
  /** Aborted: end the measuring children at once (the CLI's second Ctrl-C). */
  killSignal?: AbortSignal;
}

/** Resolves and checks the options once; a bad one is a UsageError naming it as the user spelled it. */
export function buildRunRequest(options: RunOptions, context: RunContext, nameOf: NameOf = (key) => key): RunRequest {
  const { label, out, signal, ...input } = options;
  const { config, extras } = resolveMeasureConfig(input, context.environment, nameOf);
  return {
    config,
    extras,
    label: parseLabel(label, nameOf('label')),
    outPath: out === undefined ? null : ensureWritableFile(out, nameOf('out')),
    argv: context.argv,
    environment: context.environment,
    ...(signal !== undefined ? { signal } : {}),
    ...(context.killSignal !== undefined ? { killSignal: context.killSignal } : {}),
    ...(context.onProgress !== undefined ? { onProgress: context.onProgress } : {}),
  };
}
