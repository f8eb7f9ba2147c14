// Did warm-up bring each cell to steady speed? For every cell of a corescope result file: the median of its
// measuring processes' first samples over the median of all their other samples (issue 20's target: ≤ 1.10),
// and whether that is beyond the noise of the rest (src/stats/steady-state.ts, samplesDriftAcrossProcesses).
// Usage (after `npm run build`): node benchmarks/reference/first-sample-drift.mjs <result.json>…
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { samplesDriftAcrossProcesses } = await import(
  pathToFileURL(join(root, 'dist', 'src', 'stats', 'steady-state.js')).href
);

/** A cell's samples grouped by measuring process, each in round order. */
function byProcess(cell) {
  const groups = new Map();
  cell.samplesMs.forEach((wallMs, index) => {
    const process = cell.samplesProcess[index] ?? 0;
    if (!groups.has(process)) groups.set(process, []);
    groups.get(process).push({ wallMs, round: cell.samplesRound[index] ?? index });
  });
  return [...groups.values()].map((samples) => samples.sort((a, b) => a.round - b.round).map((s) => s.wallMs));
}

for (const file of process.argv.slice(2)) {
  const result = JSON.parse(readFileSync(file, 'utf8'));
  for (const cell of result.benchmarks) {
    if (cell.status !== 'ok') continue;
    const groups = byProcess(cell);
    const drift = samplesDriftAcrossProcesses(groups);
    const firsts = groups.map((samples) => samples[0]?.toFixed(1)).join(', ');
    console.log(
      `${cell.id.padEnd(40)} first/rest ${drift.ratio.toFixed(2)}${drift.beyondNoise ? ' NOT STEADY' : ''}` +
        `  (${groups.length} processes, firsts ${firsts} ms, median ${cell.stats.median.toFixed(1)} ms)`,
    );
  }
}
