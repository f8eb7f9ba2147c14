import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { writeFileAtomic } from '../../src/results/store.js';
import { corescope, quickRun } from './cli.js';

/**
 * The history self-check (issue 12): 12 separate `run --quick` files of the self-check workload, the last 4 doing
 * 15 % more work per task (same id and size), then `corescope history` over all 12 and over the first 8 alone. The
 * target: one change point, at the 9th file, on every series; none on the first 8.
 *
 *   npm run build && node dist/benchmarks/self-check/history-check.js [--runs 12] [--slower 4] [--change 0.15]
 *       [--out results/reference/history-self-check.json] [--keep DIR]
 */

interface HistoryJson {
  series: Array<{
    id: string;
    points: unknown[];
    changes: Array<{ index: number; ratio: number; direction: string; pValue: number }>;
  }>;
}

async function history(files: string[]): Promise<HistoryJson> {
  const result = await corescope(['history', ...files, '--format', 'json']);
  if (result.code !== 0) throw new Error(`history exited ${result.code}: ${result.stderr.trim()}`);
  return JSON.parse(result.stdout) as HistoryJson;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      runs: { type: 'string', default: '12' },
      slower: { type: 'string', default: '4' },
      change: { type: 'string', default: '0.15' },
      out: { type: 'string' },
      keep: { type: 'string' },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  const slower = Number(values.slower);
  const change = Number(values.change);
  const out = resolve(
    values.out ?? join('results', `history-self-check-${new Date().toISOString().replace(/[:.]/g, '-')}.json`),
  );
  const dir =
    values.keep === undefined ? mkdtempSync(join(tmpdir(), 'corescope-history-check-')) : resolve(values.keep);
  mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const files: string[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const factor = run >= runs - slower ? 1 + change : 1;
      const file = join(dir, `run-${String(run + 1).padStart(2, '0')}.json`);
      const result = await quickRun(file, factor);
      if (result.code !== 0) throw new Error(`run ${run + 1} exited ${result.code}: ${result.stderr.trim()}`);
      files.push(file);
      process.stderr.write(`run ${run + 1}/${runs} (work × ${factor})\n`);
    }
    const all = await history(files);
    const before = await history(files.slice(0, runs - slower));
    const series = all.series.map((entry) => ({
      id: entry.id,
      changes: entry.changes.map((found) => ({
        file: found.index + 1,
        ratio: found.ratio,
        direction: found.direction,
        pValue: found.pValue,
      })),
      changesBeforeStep: before.series.find((other) => other.id === entry.id)?.changes.length ?? 0,
    }));
    const stepFile = runs - slower + 1;
    const met = series.every(
      (entry) => entry.changes.length === 1 && entry.changes[0]?.file === stepFile && entry.changesBeforeStep === 0,
    );
    const summary = {
      kind: 'corescope-history-self-check',
      version: 1,
      createdAt: new Date().toISOString(),
      durationMs: performance.now() - started,
      settings: {
        runs,
        slowerLast: slower,
        change,
        run: ['run', '--quick', '-s', 'sequential,parallel', '-t', '2'],
        history: ['history', '--format', 'json'],
      },
      target: `one change point per series, at file ${stepFile}; none in the first ${runs - slower}`,
      series,
      met,
      files: values.keep === undefined ? null : readdirSync(dir),
    };
    mkdirSync(dirname(out), { recursive: true });
    writeFileAtomic(out, `${JSON.stringify(summary, null, 2)}\n`);
    for (const entry of series) {
      const found =
        entry.changes
          .map(
            (step) =>
              `file ${step.file} ${step.direction} ×${step.ratio.toFixed(3)} (p ${step.pValue.toExponential(1)})`,
          )
          .join(', ') || 'none';
      process.stdout.write(
        `${entry.id}: change points ${found}; first ${runs - slower} alone: ${entry.changesBeforeStep}\n`,
      );
    }
    process.stdout.write(
      `${met ? 'met' : 'MISSED'}: ${summary.target}; ${(summary.durationMs / 1000).toFixed(0)} s; summary: ${out}\n`,
    );
  } finally {
    if (values.keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`history-check: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
