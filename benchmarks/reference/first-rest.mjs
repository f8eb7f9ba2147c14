// The first-sample arithmetic of the reference scripts (first-sample-drift.mjs, hold-to-plain.mjs), in plain
// arithmetic rather than corescope's steady-state module. Only the grouping of a cell's samples by measuring process
// comes from corescope's build (run `npm run build` first): the file keeps them in round order.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, REPO_ROOT } from './plain-helpers.mjs';

export const { samplesByProcess } = await import(
  pathToFileURL(join(REPO_ROOT, 'dist', 'src', 'results', 'tagged-samples.js')).href
);

/**
 * The median of each process's sample at `position` over the median of all the processes' other samples, over the
 * processes with a sample after it; undefined when none has. Position 0 is issue 20's first-sample ratio.
 */
export const ratioAt = (groups, position) => {
  const usable = groups.filter((samples) => samples.length > position + 1);
  if (usable.length === 0) return undefined;
  const at = usable.map((samples) => samples[position]);
  const others = usable.flatMap((samples) => samples.filter((_, index) => index !== position));
  return median(at) / median(others);
};
