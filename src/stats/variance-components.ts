import { mean, variance } from './summary.js';

/**
 * The two variances of values that come in groups (samples in measuring processes), by the method of moments of
 * one-way ANOVA: `within`, the pooled variance inside groups, and `between`, the variance of the groups' true
 * centres, which is what the spread of group means holds beyond what `within` alone would give them. `between` is
 * floored at 0 (an estimate below it means: no sign of differences between groups). Needs two groups of two values.
 */
export interface VarianceComponents {
  within: number;
  between: number;
}

export function varianceComponents(groups: ReadonlyArray<readonly number[]>): VarianceComponents | undefined {
  const filled = groups.filter((group) => group.length > 0);
  const freedom = filled.reduce((total, group) => total + group.length - 1, 0);
  if (filled.length < 2 || freedom < 1) return undefined;
  const within = filled.reduce((total, group) => total + variance(group) * (group.length - 1), 0) / freedom;
  // Unequal sizes: the mean of 1 / size stands in for 1 / m in Var(group mean) = between + within / m.
  const inverseSize = mean(filled.map((group) => 1 / group.length));
  const between = Math.max(0, variance(filled.map(mean)) - within * inverseSize);
  return { within, between };
}
