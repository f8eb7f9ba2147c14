// Holds corescope's warm-up to a plain script with no corescope code: how long a fresh process takes before a
// workload's batches run at their steady speed on the main thread. Each rep starts a fresh Node process that runs the
// workload's batch (its default tasks, one after another) for `--seconds`, timing each batch on its own clock. Its
// steady speed is the median of the last half of the batches; it is warm from the first batch that is itself within
// 5 % of that speed and from which the median of every next five stays within 5 % of it. Then one `corescope run -s
// sequential -t 1 --rounds 2` measures the same cell, so the two alternate: the time its warm-up took in each
// measuring process (its own batches; two more whole batches follow, and the calibration in the first process),
// and each process's first timed sample over the plain script's steady batch: near 1 when warm-up brought the cell
// to steady speed.
// Usage (after `npm run build`): node benchmarks/reference/plain-warmup.mjs [--reps 5] [--seconds 4]
//   [--out results/reference/plain-warmup.json] [workload files…]   (default: markdown-it, yaml, bcryptjs)
import { execFileSync } from 'node:child_process';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { commandLine, corescopeOutput, median, workloadFiles, REPO_ROOT, writeSummary } from './plain-helpers.mjs';

const { args, flag } = commandLine();
const reps = Number(flag('--reps', '5'));
const seconds = Number(flag('--seconds', '4'));
const out = flag('--out', join(REPO_ROOT, 'results', 'reference', 'plain-warmup.json'));
const files = workloadFiles(args, ['markdown-it', 'yaml', 'bcryptjs']);
const STEADY_WITHIN = 0.05;
const RUN = 5;

// The fresh process: batches on the main thread for the given time; prints each batch's ms.
const child = `const file = process.argv[1]; const seconds = Number(process.argv[2]);
const w = (await import(file)).default; const tasks = w.defaultTasks; const size = w.defaultSize;
const data = await w.setup?.({ size, tasks }); const times = []; const until = performance.now() + seconds * 1000;
while (performance.now() < until) { const start = performance.now();
  for (let index = 0; index < tasks; index += 1) await w.task({ data, size, index });
  times.push(performance.now() - start); }
console.log(JSON.stringify(times));`;

function plain(file) {
  const text = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', child, pathToFileURL(file).href, String(seconds)],
    { encoding: 'utf8' },
  );
  const times = JSON.parse(text);
  const steadyMs = median(times.slice(times.length >> 1));
  // Warm from batch `from`: it is within 5 % of steady, and so is the median of every run of RUN batches after it.
  const within = (from) => {
    if (times[from] > steadyMs * (1 + STEADY_WITHIN)) return false;
    for (let start = from; start + RUN <= times.length; start += 1)
      if (Math.abs(median(times.slice(start, start + RUN)) / steadyMs - 1) > STEADY_WITHIN) return false;
    return true;
  };
  let warmBatches = 0;
  while (warmBatches < times.length - RUN && !within(warmBatches)) warmBatches += 1;
  const warmMs = times.slice(0, warmBatches).reduce((sum, ms) => sum + ms, 0);
  return { batches: times.length, steadyMs, firstBatchRatio: times[0] / steadyMs, warmBatches, warmMs };
}

function corescope(file) {
  const text = corescopeOutput([
    'run',
    '-w',
    file,
    '-s',
    'sequential',
    '-t',
    '1',
    '--rounds',
    '2',
    '--json',
    '--no-chart',
  ]);
  const [cell] = JSON.parse(text).benchmarks;
  // Each measuring process's first timed sample (the file keeps samples in round order).
  const firstSamplesMs = [...new Set(cell.samplesProcess)].map(
    (process) => cell.samplesMs[cell.samplesProcess.indexOf(process)],
  );
  return {
    medianMs: cell.stats.median,
    firstSamplesMs,
    warmupMs: cell.warmup.processes.map((process) => process.ms),
    steady: cell.warmup.processes.map((process) => process.steady),
  };
}

const rows = [];
for (const file of files) {
  const runs = [];
  for (let rep = 0; rep < reps; rep += 1) runs.push({ plain: plain(file), corescope: corescope(file) });
  // Each corescope process's first timed sample against the plain script's steady batch of the same rep.
  const firstOverSteady = runs.flatMap((run) => run.corescope.firstSamplesMs.map((ms) => ms / run.plain.steadyMs));
  const row = {
    workload: relative(REPO_ROOT, file),
    plain: {
      steadyMs: median(runs.map((run) => run.plain.steadyMs)),
      warmMs: median(runs.map((run) => run.plain.warmMs)),
      firstBatchRatio: median(runs.map((run) => run.plain.firstBatchRatio)),
    },
    corescope: {
      medianMs: median(runs.map((run) => run.corescope.medianMs)),
      warmupMs: median(runs.flatMap((run) => run.corescope.warmupMs)),
      firstSampleOverPlainSteady: median(firstOverSteady),
      worstFirstSampleOverPlainSteady: Math.max(...firstOverSteady),
    },
    runs,
  };
  rows.push(row);
  console.log(
    `${basename(file).padEnd(20)} steady batch: plain ${row.plain.steadyMs.toFixed(1)} ms, corescope ` +
      `${row.corescope.medianMs.toFixed(1)} ms;  warm after: plain ${row.plain.warmMs.toFixed(0)} ms ` +
      `(first batch ${row.plain.firstBatchRatio.toFixed(2)}× steady), corescope warmed ` +
      `${row.corescope.warmupMs.toFixed(0)} ms;  its first timed samples over plain steady: median ` +
      `${row.corescope.firstSampleOverPlainSteady.toFixed(2)}, worst ` +
      `${row.corescope.worstFirstSampleOverPlainSteady.toFixed(2)}`,
  );
}
writeSummary(out, { reps, seconds, rule: { steadyWithin: STEADY_WITHIN, run: RUN }, rows });
