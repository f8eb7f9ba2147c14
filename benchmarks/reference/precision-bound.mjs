// What the spread *within* each measuring process allows, whatever the engine does between processes. For every
// cell of a corescope result file: the robust spread of its samples around their own process's median (1.4826 × the
// median absolute deviation, relative), the samples a median needs at that spread to be within ±3 % at 95 %
// (n = (1.96 × 1.2533 × spread / 0.03)², 1.2533 being the median's standard error over the mean's for normal data),
// and the seconds of timed rounds that takes (n × the cell's sample: its median batch × batches per sample). The
// spread between processes only adds to it, so a cell needing more than a run can give cannot reach ±3 % in that
// run, however its processes are shared out. Rounds take every cell of a workload in turn, so per workload the
// script also gives the rounds its neediest cell asks for and the seconds those rounds take (a round: one sample of
// each cell), against the seconds of samples the run gave it. Last, per workload, each process that ran every cell
// slower (or faster) than the cell's middle process, and the median of those ratios over the cells: the reference
// for the "process-wide" line of corescope's terminal summary. Plain arithmetic on the file's own arrays, no
// corescope code.
// Usage: node benchmarks/reference/precision-bound.mjs [--target 3] <result.json>…
import { readFileSync } from 'node:fs';
import { commandLine, median } from './plain-helpers.mjs';

const MAD_TO_SD = 1.4826;
const MEDIAN_SE_OVER_MEAN_SE = 1.2533;
const Z_95 = 1.96;

const { args, flag } = commandLine();
const targetRel = Number(flag('--target', '3')) / 100;

for (const file of args) {
  const result = JSON.parse(readFileSync(file, 'utf8'));
  const cells = result.benchmarks.filter((cell) => cell.status === 'ok');
  console.log(
    `${file}: ${cells.filter((cell) => cell.precision.met).length} of ${cells.length} cells met ±${targetRel * 100} %`,
  );
  let short = 0;
  const workloads = new Map();
  for (const cell of cells) {
    const byProcess = new Map();
    cell.samplesMs.forEach((ms, index) => {
      const process = cell.samplesProcess[index];
      byProcess.set(process, [...(byProcess.get(process) ?? []), ms]);
    });
    // A process with one sample says nothing of the spread around its own median.
    const residuals = [...byProcess.values()]
      .filter((samples) => samples.length > 1)
      .flatMap((samples) => {
        const centre = median(samples);
        return samples.map((ms) => Math.abs(ms - centre) / centre);
      });
    const spreadRel = MAD_TO_SD * median(residuals);
    const needed = Math.ceil(((Z_95 * MEDIAN_SE_OVER_MEAN_SE * spreadRel) / targetRel) ** 2);
    if (needed > cell.samplesMs.length) short += 1;
    const sampleMs = cell.stats.median * (cell.repeats ?? 1);
    let workload = workloads.get(cell.workload.id);
    if (workload === undefined)
      workloads.set(cell.workload.id, (workload = { rounds: 0, roundMs: 0, givenMs: 0, logRatios: new Map() }));
    workload.rounds = Math.max(workload.rounds, needed);
    workload.roundMs += sampleMs;
    workload.givenMs += cell.samplesMs.length * sampleMs;
    if (byProcess.size > 1) {
      // On logs, as corescope reads them: the middle of an even count is the geometric mean of the two middle ones.
      const logMedians = [...byProcess].map(([process, samples]) => [process, Math.log(median(samples))]);
      const middle = median(logMedians.map(([, log]) => log));
      for (const [process, log] of logMedians)
        workload.logRatios.set(process, [...(workload.logRatios.get(process) ?? []), log - middle]);
    }
    console.log(
      `${cell.id.padEnd(36)} within-process spread ${(spreadRel * 100).toFixed(1).padStart(5)} %` +
        `  needs ${String(needed).padStart(4)} samples (had ${String(cell.samplesMs.length).padStart(3)})` +
        `  ${cell.precision.met ? 'met' : 'short'}` +
        ` (reached ±${cell.precision.reachedPct.toFixed(1)} %)`,
    );
  }
  console.log(`cells whose within-process spread alone needs more samples than they had: ${short} of ${cells.length}`);
  for (const [id, { rounds, roundMs, givenMs, logRatios }] of workloads) {
    const seconds = (rounds * roundMs) / 1000;
    console.log(
      `${id.padEnd(20)} ${String(rounds).padStart(4)} rounds to bring every cell there, ${seconds.toFixed(1)} s` +
        ` of samples (the run gave ${(givenMs / 1000).toFixed(1)} s)`,
    );
    for (const [process, byCell] of [...logRatios].sort(([a], [b]) => a - b)) {
      const everyCell = byCell.every((log) => log > 0) || byCell.every((log) => log < 0);
      if (!everyCell) continue;
      const pct = ((Math.exp(median(byCell)) - 1) * 100).toFixed(1);
      console.log(`${''.padEnd(20)} process ${process + 1}: ${pct} % in every one of ${byCell.length} cells`);
    }
  }
}
