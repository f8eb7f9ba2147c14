// Did warm-up bring each cell to steady speed? For every cell of a corescope result file: the median of its
// measuring processes' first samples over the median of all their other samples (issue 20's target: ≤ 1.10),
// computed here in plain arithmetic, and whether corescope's file marked the cell drifting ("NOT STEADY").
// The same ratio taken at the second and third sample of each process is the noise reference: those samples come
// after the first, so warm-up cannot make them slow, and how often they cross 1.10 is what noise alone does.
// Usage (after `npm run build`): node benchmarks/reference/first-sample-drift.mjs <result.json>…
import { readFileSync } from 'node:fs';
import { ratioAt, samplesByProcess as byProcess } from './first-rest.mjs';

const LIMIT = 1.1;
const POSITIONS = [0, 1, 2];

const over = Object.fromEntries(POSITIONS.map((position) => [position, { over: 0, cells: 0 }]));
for (const file of process.argv.slice(2)) {
  const result = JSON.parse(readFileSync(file, 'utf8'));
  for (const cell of result.benchmarks) {
    if (cell.status !== 'ok') continue;
    const groups = byProcess(cell);
    const ratios = POSITIONS.map((position) => ratioAt(groups, position));
    ratios.forEach((ratio, position) => {
      if (ratio === undefined) return;
      over[position].cells += 1;
      if (ratio > LIMIT) over[position].over += 1;
    });
    const firsts = groups.map((samples) => samples[0]?.toFixed(1)).join(', ');
    const noise = ratios
      .slice(1)
      .map((ratio) => ratio?.toFixed(2) ?? '-')
      .join(', ');
    console.log(
      `${cell.id.padEnd(40)} first/rest ${ratios[0]?.toFixed(2) ?? '-'}${cell.warmup?.drifting ? ' NOT STEADY' : ''}` +
        `  (second, third: ${noise}; ${groups.length} processes, firsts ${firsts} ms,` +
        ` median ${cell.stats.median.toFixed(1)} ms)`,
    );
  }
}
const line = (position) => `${over[position].over} of ${over[position].cells}`;
console.log(`cells over ${LIMIT}: first sample ${line(0)}; second ${line(1)}, third ${line(2)} (the noise reference)`);
