import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { DIST_ROOT } from '../../src/paths.js';
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
import { corescope, SELF_CHECK_CELLS, type Exit } from './cli.js';

/**
 * The gate's self-check (issue 12): `corescope ab` of the same code (A/A) and of code made really slower (10 % and
 * 2 % more work per task, same workload id and size), each at ab's defaults, one small workload. It reports how
 * often ab exited 3 for each, per cell, checked against the issue's targets, and writes a JSON summary.
 *
 *   npm run build && node dist/benchmarks/self-check/ab-power.js [--pairs 10] [--changes 0.10,0.02]
 *       [--out results/reference/ab-self-check.json] [--ab-args="--quick"]
 *
 * The two sides are two workload files written for the run, each holding the workload at its own work factor.
 */

const WORK_MODULE = pathToFileURL(join(DIST_ROOT, 'benchmarks', 'self-check', 'work.js')).href;
const WORKLOAD_ID = 'self-check-work';

function fail(message: string): never {
  process.stderr.write(`ab-power: ${message}\n`);
  process.exit(2);
}

function settingsFrom(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      pairs: { type: 'string', default: '10' },
      changes: { type: 'string', default: '0.10,0.02' },
      out: { type: 'string' },
      'ab-args': { type: 'string', default: '' },
    },
    strict: true,
  });
  const pairs = Number(values.pairs);
  if (!(Number.isInteger(pairs) && pairs >= 1)) fail(`--pairs: "${values.pairs}" is not a whole number of at least 1`);
  const changes = values.changes.split(',').map((text) => Number(text.trim()));
  if (changes.some((change) => !(change > 0 && change < 10)))
    fail(`--changes: "${values.changes}" is not a list of slowdowns as fractions`);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return {
    pairs,
    changes,
    out: resolve(values.out ?? join('results', `ab-self-check-${stamp}.json`)),
    abArgs: values['ab-args'].split(/\s+/).filter(Boolean),
  };
}

/** A workload file holding the self-check workload at `factor` times the work. */
function workFile(dir: string, factor: number): string {
  const side = join(dir, `x${factor}`);
  mkdirSync(side, { recursive: true });
  const file = join(side, 'work.mjs');
  writeFileSync(file, `import { workOf } from ${JSON.stringify(WORK_MODULE)};\nexport default workOf(${factor});\n`);
  return file;
}

function ab(base: string, head: string, abArgs: readonly string[]): Promise<Exit> {
  return corescope(['ab', base, head, ...SELF_CHECK_CELLS, '--format', 'json', ...abArgs]);
}

async function main(): Promise<void> {
  const settings = settingsFrom(process.argv.slice(2));
  const dir = mkdtempSync(join(tmpdir(), 'corescope-ab-self-check-'));
  const kinds = [0, ...settings.changes];
  const base = workFile(dir, 1);
  const heads = new Map(kinds.map((change) => [change, change === 0 ? base : workFile(dir, 1 + change)]));
  const outcomes: PairOutcome[] = [];
  const abMs: number[] = [];
  const started = performance.now();
  try {
    for (let pair = 0; pair < settings.pairs; pair += 1) {
      // Rotated, so that each kind takes its turn at the machine's drift.
      const order = kinds.map((_, index) => kinds[(index + pair) % kinds.length] as number);
      const said: string[] = [];
      for (const change of order) {
        const startedAt = performance.now();
        const result = await ab(base, heads.get(change) ?? base, settings.abArgs);
        abMs.push(performance.now() - startedAt);
        if (result.code !== 0 && result.code !== 3)
          throw new Error(
            `ab ${changeLabel(change)} exited ${result.code}: ` +
              `${result.stderr.trim().split('\n').slice(-3).join(' | ')}`,
          );
        const outcome = outcomeOf(change, result.code, JSON.parse(result.stdout) as ComparisonJson);
        outcomes.push(outcome);
        said.push(
          `${changeLabel(change)} exit ${result.code}${outcome.regressions.length > 0 ? ` (${outcome.regressions.join(', ')})` : ''}`,
        );
      }
      process.stderr.write(`pair ${pair + 1}/${settings.pairs}: ${said.join(' · ')}\n`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const cells = TARGET_CELLS(WORKLOAD_ID);
  const tallies = kinds.map((change) => tally(outcomes, change));
  const targets = checkTargets(tallies, cells);
  const result = {
    kind: 'corescope-ab-self-check',
    version: 1,
    createdAt: new Date().toISOString(),
    durationMs: performance.now() - started,
    abMs,
    settings: {
      pairs: settings.pairs,
      changes: settings.changes,
      workload: WORKLOAD_ID,
      ab: ['ab', '-s', 'sequential,parallel', '-t', '2', ...settings.abArgs],
    },
    cells,
    tallies,
    targets,
    allTargetsMet: targets.every((check) => check.met),
  };
  mkdirSync(dirname(settings.out), { recursive: true });
  writeFileAtomic(settings.out, `${JSON.stringify(result, null, 2)}\n`);
  const slowest = Math.max(...abMs) / 1000;
  process.stdout.write(
    `corescope ab self-check: ${settings.pairs} pair(s), one ab per kind, ab at its ` +
      `defaults\n\n${renderTable(tallies, cells)}\n\n`,
  );
  for (const check of targets) process.stdout.write(`${check.met ? 'met    ' : 'MISSED '} ${check.target}\n`);
  process.stdout.write(
    `\n${(result.durationMs / 1000).toFixed(0)} s in all; each ab ` +
      `${(abMs.reduce((a, b) => a + b, 0) / abMs.length / 1000).toFixed(1)} s on average, ` +
      `${slowest.toFixed(1)} s at most; summary: ${settings.out}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`ab-power: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
