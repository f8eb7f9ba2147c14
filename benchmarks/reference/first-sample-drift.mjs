// Did warm-up bring each cell to steady speed? For every cell of a corescope result file: the median of its
// measuring processes' first samples over the median of all their other samples (issue 20's target: ≤ 1.10),
// computed here in plain arithmetic, and whether corescope's file marked the cell drifting ("NOT STEADY").
// Usage (after `npm run build`): node benchmarks/reference/first-sample-drift.mjs <result.json>…
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
// A cell's samples grouped by measuring process, in round order (the file keeps them so).
const { samplesByProcess: byProcess } = await import(
  pathToFileURL(join(root, 'dist', 'src', 'results', 'tagged-samples.js')).href
);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
};

for (const file of process.argv.slice(2)) {
  const result = JSON.parse(readFileSync(file, 'utf8'));
  for (const cell of result.benchmarks) {
    if (cell.status !== 'ok') continue;
    const groups = byProcess(cell);
    // Plain arithmetic, not corescope's: the median of the first samples over the median of all the others.
    const ratio = median(groups.map((samples) => samples[0])) / median(groups.flatMap((samples) => samples.slice(1)));
    const firsts = groups.map((samples) => samples[0]?.toFixed(1)).join(', ');
    console.log(
      `${cell.id.padEnd(40)} first/rest ${ratio.toFixed(2)}${cell.warmup?.drifting ? ' NOT STEADY' : ''}` +
        `  (${groups.length} processes, firsts ${firsts} ms, median ${cell.stats.median.toFixed(1)} ms)`,
    );
  }
}
