import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { abPairing } from '../../src/ab/pairing.js';
import { buildRunRequest, type RunOptions } from '../../src/options/run-options.js';
import type { Side } from '../../src/runner/pairing.js';
import type { WorkloadRecord } from '../../src/runner/records.js';
import { runSuite } from '../../src/runner/scheduler.js';
import { fakeProcess } from '../helpers/fake-measure.js';
import { syntheticResult } from '../helpers/result-fixture.js';

/**
 * Golden result files of whole runs on a fake measuring process (no child, no clock): the scheduler, the stopping
 * rules, aggregation, failures, `ab`'s alternation and the libuv sweep, written as the result file a user gets.
 * Written once before the engine core was restructured; any change in what a run writes fails here. Timestamps and
 * provenance are the only fields normalised. UPDATE_GOLDEN=1 rewrites the files (only for a deliberate change).
 */

const GOLDEN_DIR = join(import.meta.dirname, 'golden');

const infoOf = (spec: string): { id: string; kind: 'cpu' | 'io' } => ({
  id: spec.replace(/^.*\//, '').replace(/\.\w+$/, ''),
  kind: spec.includes('io') ? 'io' : 'cpu',
});

/** Process 1 of io-timer loses its 2-thread parallel cell to a crash, as a dying child would leave it. */
function crashOnce(record: WorkloadRecord, processIndex: number): void {
  if (processIndex !== 1 || !record.spec.includes('io-timer')) return;
  const cell = record.cells.find((candidate) => candidate.strategy === 'parallel' && candidate.threads === 2);
  if (cell === undefined) return;
  cell.failure = {
    status: 'crashed',
    error: { name: 'Crashed', code: 'ERR_CORESCOPE_CHILD_EXIT', message: 'the measuring process exited on SIGKILL' },
    exit: { code: null, signal: 'SIGKILL' },
  };
}

function normalised(path: string): string {
  const file = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const run = file.run as Record<string, unknown>;
  run.startedAt = '2026-01-01T00:00:00.000Z';
  if (run.finishedAt !== null) run.finishedAt = '2026-01-01T00:01:00.000Z';
  delete file.provenance;
  return `${JSON.stringify(file, null, 2)}\n`;
}

function expectGolden(name: string, path: string): void {
  const golden = join(GOLDEN_DIR, `${name}.json`);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden, normalised(path));
  expect(normalised(path)).toBe(readFileSync(golden, 'utf8'));
}

async function goldenRun(options: RunOptions, versus?: Omit<Side, 'outPath'>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'corescope-golden-'));
  const out = join(dir, 'base.json');
  const request = buildRunRequest(
    { ...options, out },
    { environment: syntheticResult().environment, argv: ['run', '--golden'] },
  );
  const headOut = join(dir, 'head.json');
  const outcome = await runSuite(
    { ...request, measure: fakeProcess({ spread: 0.25, infoOf, beforeRounds: crashOnce }) },
    ...(versus !== undefined ? [abPairing({ ...versus, outPath: headOut })] : []),
  );
  expect(outcome.usageError).toBeUndefined();
  return versus !== undefined ? [out, headOut] : [out];
}

describe('a whole run on a fake process writes the golden result file', () => {
  it('adaptive run of two workloads, a crash in one cell', async () => {
    const [out] = await goldenRun({
      workloads: ['cpu-compute', 'io-timer'],
      strategies: ['sequential', 'concurrent', 'parallel'],
      threads: [1, 2],
      probe: false,
      traceSamples: 0,
      label: 'golden',
    });
    expectGolden('adaptive', out ?? '');
  });

  it('ab: base and head alternate and stop together', async () => {
    const [base, head] = await goldenRun(
      {
        workloads: ['cpu-compute'],
        strategies: ['sequential', 'parallel'],
        threads: [2],
        probe: false,
        traceSamples: 0,
        label: 'base',
      },
      { workloads: ['cpu-compute'], label: 'head' },
    );
    expectGolden('ab-base', base ?? '');
    expectGolden('ab-head', head ?? '');
  });

  it('fixed rounds over a libuv pool sweep, quick profile', async () => {
    const [out] = await goldenRun({
      workloads: ['cpu-hash-async'],
      strategies: ['sequential', 'concurrent'],
      uvThreadpoolSizes: [1, 4],
      rounds: 3,
      processes: 2,
      quick: true,
      probe: false,
      traceSamples: 0,
    });
    expectGolden('uv-fixed', out ?? '');
  });
});
