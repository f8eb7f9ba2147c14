import type { MeasureConfig, RunExtras } from '../results/config-schema.js';
import type { Environment } from '../results/schema.js';
import type { MeasureProcess } from './supervisor.js';

/** Where a run stands, for a progress line. */
export interface SuiteProgress {
  workload: string;
  /** 1-based index of the measuring process now running for `workload`, and the least the run will take. */
  process: number;
  processesPlanned: number;
  /** Time spent and the most the run may still take (each unfinished workload's remaining budget), ms. */
  elapsedMs: number;
  remainingMs: number;
}

/** Everything a run is given, resolved and checked: the config, and where its results go. */
export interface RunRequest {
  config: MeasureConfig;
  extras: RunExtras;
  label: string | null;
  /** Written atomically after every round (at most once a second) and after every process; null: in memory only. */
  outPath: string | null;
  argv: string[];
  environment: Environment;
  /** Aborted: stop at the next sample boundary and keep what was measured (`interrupted: true`, exit 130). */
  signal?: AbortSignal;
  /** Aborted: end the measuring children at once (a second Ctrl-C). */
  killSignal?: AbortSignal;
  onProgress?: (progress: SuiteProgress) => void;
  /** How one measuring process is run: a real child (the default), or a fake in tests of the scheduler. */
  measure?: MeasureProcess;
}
