import { SCHEMA_VERSION, type Environment, type ResultFile } from '../results/schema.js';
import type { Grain, Overheads } from '../results/overheads-schema.js';
import { TOOL_VERSION } from '../version.js';
import { MEASURE_DEFAULTS } from '../results/config-schema.js';

export interface StudyRecord {
  startedAt: string;
  label: string | null;
  argv: string[];
  interrupted: boolean;
  environment: Environment;
  /** What the study swept, in the run config's terms; cells live in `overheads` / `grain`, not `benchmarks`. */
  config: {
    workloads: string[];
    strategies: string[];
    threads: number[];
    rounds: number;
    warmupRounds: number;
    quick: boolean;
  };
  warnings: string[];
  overheads?: Overheads;
  grain?: Grain;
}

/**
 * A study's result as an ordinary result file: `benchmarks` is empty, the figures sit in
 * the optional `overheads` or `grain` part, so every reader of result files can open it.
 */
export function studyResultFile(record: StudyRecord): ResultFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'corescope', version: TOOL_VERSION },
    run: {
      startedAt: record.startedAt,
      finishedAt: new Date().toISOString(),
      label: record.label,
      argv: record.argv,
      interrupted: record.interrupted,
    },
    environment: record.environment,
    config: {
      ...record.config,
      processes: 1,
      tasks: null,
      size: null,
      taskTimeoutMs: MEASURE_DEFAULTS.taskTimeoutMs,
      maxInFlight: null,
    },
    benchmarks: [],
    warnings: record.warnings,
    ...(record.overheads !== undefined ? { overheads: record.overheads } : {}),
    ...(record.grain !== undefined ? { grain: record.grain } : {}),
  };
}
