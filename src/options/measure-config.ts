import { UsageError } from '../errors.js';
import {
  MEASURE_DEFAULTS,
  measureConfigSchema,
  RUN_PROFILES,
  runExtrasSchema,
  type MeasureConfig,
  type RunExtras,
} from '../results/config-schema.js';
import type { Environment } from '../results/schema.js';
import { defaultThreadCounts } from '../runner/plan.js';
import { DEFAULT_STRATEGY_NAMES, STRATEGY_NAMES } from '../strategies/index.js';
import { resolveWorkloadUrl } from '../workload-source.js';

/** What a user sets: any measuring setting (the rest takes the profile's or the default), and the workloads. */
export type MeasureInput = Partial<MeasureConfig & RunExtras> & { workloads: string[] };

/** How a setting is named in a message: the flag (`--max-time`) on the command line, the key in the API. */
export type NameOf = (key: string) => string;

const requestSchema = measureConfigSchema.extend(runExtrasSchema.shape);

/**
 * Applies the profile (full or quick) and the defaults to what the user set, and checks every value once against
 * the schema's ranges. A bad value is a UsageError naming the setting as the user spelled it.
 */
export function resolveMeasureConfig(
  input: MeasureInput,
  environment: Pick<Environment, 'usableCores'>,
  nameOf: NameOf = (key) => key,
): { config: MeasureConfig; extras: RunExtras } {
  const quick = input.quick === true;
  const cores = environment.usableCores;
  const candidate = {
    ...MEASURE_DEFAULTS,
    ...RUN_PROFILES[quick ? 'quick' : 'full'],
    strategies: [...DEFAULT_STRATEGY_NAMES],
    threads: quick ? [...new Set([1, cores])] : defaultThreadCounts(cores),
    ...definedOnly(input),
    quick,
  };
  const parsed = requestSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`${nameOf(String(issue?.path[0] ?? 'options'))}: ${issue?.message ?? 'invalid'}`);
  }
  const { probe, traceSamples, ...config } = parsed.data;
  const unknown = config.strategies.find((name) => !STRATEGY_NAMES.includes(name));
  if (unknown !== undefined) {
    throw new UsageError(
      `${nameOf('strategies')}: unknown value "${unknown}" (choose from ${STRATEGY_NAMES.join(', ')})`,
    );
  }
  for (const spec of config.workloads) resolveWorkloadUrl(spec, nameOf('workloads'));
  const sorted = (counts: readonly number[]): number[] => [...new Set(counts)].sort((a, b) => a - b);
  return {
    config: {
      ...config,
      workloads: [...new Set(config.workloads)],
      strategies: [...new Set(config.strategies)],
      threads: sorted(config.threads),
      ...(config.uvThreadpoolSizes !== undefined ? { uvThreadpoolSizes: sorted(config.uvThreadpoolSizes) } : {}),
    },
    extras: { probe, traceSamples },
  };
}

/** The keys a caller set to a value: an explicit `undefined` means "not set", as it does for every option. */
function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined)) as Partial<T>;
}
