import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../src/results/store.js';
import {
  changeLabel,
  checkTargets,
  outcomeOf,
  renderTable,
  tally,
  TARGET_CELLS,
  type ComparisonJson,
  type PairOutcome,
} from './power-summary.js';
import { corescope, quickRun } from './cli.js';

/**
 * The harness's self-check (issue 11), as Hunter and Otava evaluate change detection on injected changes: separate
 * `corescope run --quick` runs of the same code (A/A) and of code made really slower (10 % and 2 % more work per
 * task, same workload id and size), each head judged against its own base by `corescope compare` at its default
 * settings. It reports the false-alarm rate over the A/A pairs and the detection rates of the planted slowdowns on
 * the sequential cell and the 2-thread parallel cell, writes a JSON summary (for results/reference/) and prints a
 * table.
 *
 *   npm run build && node dist/benchmarks/self-check/compare-power.js [--pairs 10] [--changes 0.10,0.02]
 *       [--out results/reference/self-check.json] [--keep DIR] [--run-args="--max-time 1s"]
 *
 * Each pair runs a base, an A/A head and one head per change, in an order rotated from pair to pair so that slow
 * drift of the machine does not always fall on the same side. Keep the machine otherwise idle.
 */

const WORKLOAD_ID = 'self-check-work';

interface Settings {
  pairs: number;
  changes: number[];
  out: string;
  keep: string | undefined;
  runArgs: string[];
}

function settingsFrom(argv: string[]): Settings {
  let parsed;
  try {
    parsed = parseOptions(argv);
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  const pairs = Number(values.pairs);
  if (!(Number.isInteger(pairs) && pairs >= 1)) fail(`--pairs: "${values.pairs}" is not a whole number of at least 1`);
  const changes = values.changes.split(',').map((text) => Number(text.trim()));
  if (changes.some((change) => !(change > 0 && change < 10)))
    fail(`--changes: "${values.changes}" is not a list of slowdowns as fractions (e.g. 0.10,0.02)`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return {
    pairs,
    changes,
    out: resolve(values.out ?? join('results', `self-check-${stamp}.json`)),
    keep: values.keep === undefined ? undefined : resolve(values.keep),
    runArgs: values['run-args'].split(/\s+/).filter((arg) => arg !== ''),
  };
}

function parseOptions(argv: string[]) {
  return parseArgs({
    args: argv,
    options: {
      pairs: { type: 'string', default: '10' },
      changes: { type: 'string', default: '0.10,0.02' },
      out: { type: 'string' },
      keep: { type: 'string' },
      'run-args': { type: 'string', default: '' },
    },
    strict: true,
  });
}

function fail(message: string): never {
  process.stderr.write(`compare-power: ${message}\n`);
  process.exit(2);
}

/** One quick run of the self-check workload at `factor` times the work, written to `out`. */
async function measure(out: string, factor: number, label: string, runArgs: readonly string[]): Promise<void> {
  const result = await quickRun(out, factor, ['--label', label, ...runArgs]);
  if (result.code !== 0)
    throw new Error(`run ${label} exited ${result.code}: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
}

async function judge(base: string, head: string, change: number): Promise<PairOutcome> {
  const result = await corescope(['compare', base, head, '--format', 'json']);
  if (result.code !== 0 && result.code !== 3)
    throw new Error(`compare ${head} exited ${result.code}: ${result.stderr.trim()}`);
  return outcomeOf(change, result.code, JSON.parse(result.stdout) as ComparisonJson);
}

async function main(): Promise<void> {
  const settings = settingsFrom(process.argv.slice(2));
  const dir = settings.keep ?? mkdtempSync(join(tmpdir(), 'corescope-self-check-'));
  mkdirSync(dir, { recursive: true });
  const kinds = [0, ...settings.changes];
  const outcomes: PairOutcome[] = [];
  const pairMs: number[] = [];
  const startedAt = new Date();
  const started = performance.now();
  let environment: unknown = null;
  try {
    for (let pair = 0; pair < settings.pairs; pair += 1) {
      const pairStarted = performance.now();
      const base = join(dir, `pair${pair}-base.json`);
      const heads = kinds.map((change) => ({
        change,
        file: join(dir, `pair${pair}-${change === 0 ? 'aa' : `plus${change}`}.json`),
      }));
      const runs = [
        { change: 0, file: base, label: `pair${pair}-base` },
        ...heads.map((head) => ({ ...head, label: `pair${pair}-${changeLabel(head.change)}` })),
      ];
      // Rotated, so that each position in the pair's order takes its turn at the machine's drift.
      const order = runs.map((_, index) => runs[(index + pair) % runs.length] as (typeof runs)[number]);
      for (const run of order) await measure(run.file, 1 + run.change, run.label, settings.runArgs);
      if (pair === 0) environment = (JSON.parse(readFileSync(base, 'utf8')) as { environment: unknown }).environment;
      const judged = await Promise.all(heads.map((head) => judge(base, head.file, head.change)));
      outcomes.push(...judged);
      pairMs.push(performance.now() - pairStarted);
      const said = judged.map(
        (outcome) =>
          `${changeLabel(outcome.change)} exit ${outcome.exitCode}${outcome.regressions.length > 0 ? ` (${outcome.regressions.join(', ')})` : ''}`,
      );
      process.stderr.write(
        `pair ${pair + 1}/${settings.pairs}: ${said.join(' · ')} (${((pairMs.at(-1) ?? 0) / 1000).toFixed(1)} s)\n`,
      );
    }
  } finally {
    if (settings.keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
  const cells = TARGET_CELLS(WORKLOAD_ID);
  const tallies = kinds.map((change) => tally(outcomes, change));
  const targets = checkTargets(tallies, cells);
  const result = {
    kind: 'corescope-self-check',
    version: 1,
    createdAt: startedAt.toISOString(),
    durationMs: performance.now() - started,
    perPairMs: pairMs,
    environment,
    settings: {
      pairs: settings.pairs,
      changes: settings.changes,
      workload: WORKLOAD_ID,
      run: ['run', '--quick', '-s', 'sequential,parallel', '-t', '2', ...settings.runArgs],
      compare: ['compare', '--format', 'json'],
      resultFiles: settings.keep ?? null,
    },
    cells,
    tallies,
    targets,
    allTargetsMet: targets.every((check) => check.met),
  };
  mkdirSync(dirname(settings.out), { recursive: true });
  writeFileAtomic(settings.out, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `corescope self-check: ${settings.pairs} pair(s) of --quick runs of ${WORKLOAD_ID}, compare at its defaults\n\n`,
  );
  process.stdout.write(`${renderTable(tallies, cells)}\n\n`);
  for (const check of targets) process.stdout.write(`${check.met ? 'met    ' : 'MISSED '} ${check.target}\n`);
  process.stdout.write(
    `\n${(result.durationMs / 1000).toFixed(0)} s in all, ` +
      `${(result.durationMs / 1000 / settings.pairs).toFixed(1)} s per pair; summary: ${settings.out}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`compare-power: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
