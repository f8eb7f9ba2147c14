import type { Environment } from '../results/schema.js';
import { SERVE_SCHEMA_VERSION, type ServeResult, serveResultSchema } from '../results/serve-schema.js';
import { TOOL_VERSION } from '../version.js';
import type { ServePlan, SweepState } from './sweep.js';
import { serveVerdict } from './verdict.js';

export const LOAD_GENERATOR =
  'corescope open loop (node:http, one process): requests at fixed intended times, latency from the intended time';

/** The result file of a serve study as it stands: written after every rate, and once more when it ends. */
export function buildServeResult(
  plan: ServePlan,
  state: SweepState,
  environment: Environment,
  base: { startedAt: string; label: string | null; argv: string[] },
  finished: boolean,
): ServeResult {
  return {
    schemaVersion: SERVE_SCHEMA_VERSION,
    kind: 'serve',
    tool: { name: 'corescope', version: TOOL_VERSION },
    run: { ...base, finishedAt: finished ? new Date().toISOString() : null, interrupted: state.interrupted },
    environment,
    config: {
      workload: {
        id: state.workload?.id ?? plan.workloadId,
        kind: state.workload?.kind ?? 'unknown',
        size: state.workload?.size ?? plan.size ?? 1,
      },
      strategies: plan.strategies,
      threads: plan.threads,
      ratesPerS: state.ratesPerS,
      rateSource: plan.ratesPerS !== undefined ? 'flag' : 'service-time',
      serviceMs: state.serviceMs,
      durationMs: plan.durationMs,
      timeoutMs: plan.timeoutMs,
      repeats: plan.repeats,
      healthRatePerS: plan.healthRatePerS,
      computeSockets: plan.computeSockets,
      tasksPerThread: state.workload?.tasksPerThread ?? plan.tasksPerThread ?? 1,
      loadGenerator: LOAD_GENERATOR,
    },
    series: state.series,
    verdict: finished ? serveVerdict(state.series) : [],
    warnings: state.warnings,
  };
}

/** Validates, then serialises: a NaN or a missing field is a bug, refused here rather than written. */
export function serializeServeResult(result: ServeResult): string {
  const parsed = serveResultSchema.safeParse(result);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`refusing to write an invalid serve result: ${issue?.path.join('.') ?? '?'}: ${issue?.message}`);
  }
  return `${JSON.stringify(parsed.data, null, 2)}\n`;
}
