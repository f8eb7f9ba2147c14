// Holds corescope's pool figures to a plain script measured right after it, on the same machine: for each workload,
// `pairs` times in turn, a default-profile `corescope run -s sequential,parallel,raw -t <threads>` and then
// plain-two-threads.mjs. Prints a table and writes the figures as JSON, with each cell's first-sample ratio (the
// median of the processes' first samples over the median of the rest: issue 20's warm-up target is ≤ 1.10).
// Usage (after `npm run build`): node benchmarks/reference/hold-to-plain.mjs [--pairs 3] [--threads 2]
//   [--out results/reference/hold-to-plain[-real].json] [--plain-reps 40] [--plain-warmups 3] [workload files…]
// `--real` holds corescope to the plain script on the real-library workloads (markdown-it, yaml, bcryptjs,
// wait-then-render) with issue 20's plain script: 5 warm-up reps, the median of 30 interleaved reps.
// `--together` measures all the workloads in one corescope run per pair, with the matrix of issue 20's four-workload
// run (`-s sequential,concurrent,parallel,raw -t 1,<threads>`), and then the plain script on each in turn.
// `--piscina` also has the plain script time two piscina pools (its defaults and `atomics: 'disabled'`) beside its
// own threads, and prints piscina's time over theirs next to corescope's `parallel` over `raw`.
// `--summarize FILE` measures nothing: it derives the rows again from the pairs kept in an earlier output FILE (after
// a change to what is derived) and writes them back to it, or to --out.
// `--keep DIR` also writes each corescope run's result file there (run-1.json, run-2.json…), for
// first-sample-drift.mjs.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ratioAt, samplesByProcess as byProcess } from './first-rest.mjs';
import {
  commandLine,
  corescopeOutput,
  median,
  workloadFiles,
  REPO_ROOT as root,
  writeSummary,
} from './plain-helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const { args, flag, has } = commandLine();
const summarize = flag('--summarize', undefined);
const previous = summarize === undefined ? undefined : JSON.parse(readFileSync(summarize, 'utf8'));
const pairs = previous?.rows[0].runs.length ?? Number(flag('--pairs', '3'));
const threads = Number(flag('--threads', '2'));
const real = has('--real');
const together = has('--together');
const piscina = has('--piscina') || previous?.rows[0].runs[0].plain.piscinaMs !== undefined;
const out = flag(
  '--out',
  summarize ?? join(root, 'results', 'reference', real ? 'hold-to-plain-real.json' : 'hold-to-plain.json'),
);
const extra = flag('--corescope-flags', '').split(' ').filter(Boolean);
const keepDir = flag('--keep', undefined);
let corescopeRuns = 0;
const plainReps = Number(flag('--plain-reps', real ? '30' : '40'));
const plainWarmups = Number(flag('--plain-warmups', real ? '5' : '3'));
const REAL_LIBRARY = ['markdown-it', 'yaml', 'bcryptjs', 'wait-then-render'];
const COMPACT = ['int-loop-0.4ms', 'int-loop-1ms', 'gzip', 'json-round-trip'];
const workloads =
  previous?.rows.map((row) => join(root, row.workload)) ?? workloadFiles(args, real ? REAL_LIBRARY : COMPACT);

const matrix = together
  ? ['-s', 'sequential,concurrent,parallel,raw', '-t', `1,${threads}`]
  : ['-s', 'sequential,parallel,raw', '-t', String(threads)];

/** One corescope run of `files`; the figures of each, in the same order. */
function corescope(files) {
  const text = corescopeOutput(['run', '-w', files.join(','), ...matrix, '--json', '--no-chart', ...extra]);
  corescopeRuns += 1;
  if (keepDir !== undefined) writeFileSync(join(keepDir, `run-${corescopeRuns}.json`), text);
  const { benchmarks } = JSON.parse(text);
  // The workload ids in the order of the `-w` list: the file keeps the workloads in that order.
  const ids = [...new Set(benchmarks.map((cell) => cell.workload.id))];
  return ids.map((id) => figuresOf(benchmarks.filter((cell) => cell.workload.id === id)));
}

function figuresOf(benchmarks) {
  const cell = (strategy) =>
    benchmarks.find(
      (benchmark) => benchmark.strategy === strategy && benchmark.threads === (strategy === 'sequential' ? 1 : threads),
    );
  const figures = (strategy) => ({
    firstSampleRatio: ratioAt(byProcess(cell(strategy)), 0),
    medianMs: cell(strategy).stats.median,
    speedup: cell(strategy).derived?.speedup ?? 1,
    precisionPct: cell(strategy).precision.reachedPct,
  });
  return {
    sequential: figures('sequential'),
    parallel: { ...figures('parallel'), batch: cell('parallel').batching?.size ?? 1 },
    raw: figures('raw'),
  };
}

function plain(file) {
  const script = join(here, 'plain-two-threads.mjs');
  const text = execFileSync(
    process.execPath,
    [script, file, String(threads), String(plainReps), String(plainWarmups), ...(piscina ? ['piscina'] : [])],
    { encoding: 'utf8' },
  );
  return JSON.parse(text);
}

const runsOf = previous?.rows.map((row) => row.runs) ?? workloads.map(() => []);
for (let pair = 0; previous === undefined && pair < pairs; pair += 1) {
  if (together) {
    const figures = corescope(workloads);
    workloads.forEach((file, index) => runsOf[index].push({ corescope: figures[index], plain: plain(file) }));
  } else {
    workloads.forEach((file, index) => runsOf[index].push({ corescope: corescope([file])[0], plain: plain(file) }));
  }
}
const rows = [];
for (const [index, file] of workloads.entries()) {
  const runs = runsOf[index];
  const plainSpeedup = median(runs.map((run) => run.plain.speedup));
  const row = {
    workload: relative(root, file),
    pairs,
    plain: {
      sequentialMs: median(runs.map((run) => run.plain.sequentialMs)),
      poolMs: median(runs.map((run) => run.plain.poolMs)),
      speedup: plainSpeedup,
      ...(piscina
        ? {
            piscinaSpeedup: median(runs.map((run) => run.plain.sequentialMs / run.plain.piscinaMs)),
            piscinaToRaw: median(runs.map((run) => run.plain.piscinaMs / run.plain.poolMs)),
            piscinaNoAtomicsToRaw: median(runs.map((run) => run.plain.piscinaNoAtomicsMs / run.plain.poolMs)),
          }
        : {}),
    },
    corescope: {
      sequentialMs: median(runs.map((run) => run.corescope.sequential.medianMs)),
      parallelMs: median(runs.map((run) => run.corescope.parallel.medianMs)),
      rawMs: median(runs.map((run) => run.corescope.raw.medianMs)),
      parallelSpeedup: median(runs.map((run) => run.corescope.parallel.speedup)),
      rawSpeedup: median(runs.map((run) => run.corescope.raw.speedup)),
      parallelToRaw: median(runs.map((run) => run.corescope.parallel.medianMs / run.corescope.raw.medianMs)),
      batch: runs.map((run) => run.corescope.parallel.batch),
      // Worst over the pairs, per strategy: the warm-up target holds only if it holds in every run.
      firstSampleRatio: Object.fromEntries(
        ['sequential', 'parallel', 'raw'].map((strategy) => [
          strategy,
          Math.max(...runs.map((run) => run.corescope[strategy].firstSampleRatio)),
        ]),
      ),
    },
    runs,
  };
  row.rawToPlain = row.corescope.rawSpeedup / plainSpeedup;
  row.parallelToPlain = row.corescope.parallelSpeedup / plainSpeedup;
  // corescope's piscina pool against the plain script's own, when it ran one (--piscina): the same library on both.
  if (piscina) row.parallelToPlainPiscina = row.corescope.parallelSpeedup / row.plain.piscinaSpeedup;
  rows.push(row);
  console.log(
    `${row.workload.padEnd(52)} plain ${plainSpeedup.toFixed(2)}×  raw ` +
      `${row.corescope.rawSpeedup.toFixed(2)}× (${(row.rawToPlain * 100).toFixed(0)} %)  ` +
      (`parallel ${row.corescope.parallelSpeedup.toFixed(2)}× (${(row.parallelToPlain * 100).toFixed(0)} ` +
        `%, ${row.corescope.batch.join('/')} per message)  first/rest ` +
        Object.values(row.corescope.firstSampleRatio)
          .map((ratio) => ratio.toFixed(2))
          .join('/')) +
      (piscina
        ? `  parallel / plain piscina ${(row.parallelToPlainPiscina * 100).toFixed(0)} %;` +
          `  time over raw: parallel ${row.corescope.parallelToRaw.toFixed(3)}, plain piscina ` +
          `${row.plain.piscinaToRaw.toFixed(3)} (no atomics ${row.plain.piscinaNoAtomicsToRaw.toFixed(3)})`
        : ''),
  );
}
// A re-derived file keeps when and where its pairs were measured (its own fields win over the new stamp).
writeSummary(
  out,
  previous !== undefined
    ? { ...previous, rows }
    : {
        threads,
        plain: { reps: plainReps, warmups: plainWarmups },
        together,
        corescopeFlags: [...matrix, ...extra],
        rows,
      },
);
