import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serveResultSchema } from '../../src/results/serve-schema.js';
import { runServeSweep, SERVE_DEFAULTS, type ServePlan } from '../../src/serve/sweep.js';
import { scratchDir } from '../helpers/cli.js';
import { DIST_ROOT } from '../../src/paths.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

function plan(fixture: string, overrides: Partial<ServePlan>): ServePlan {
  return {
    ...SERVE_DEFAULTS,
    workloadUrl: pathToFileURL(join(FIXTURES, fixture)).href,
    workloadId: fixture.replace('.mjs', ''),
    strategies: ['concurrent'],
    threads: [2],
    ratesPerS: [40],
    durationMs: 500,
    timeoutMs: 300,
    repeats: 1,
    healthRatePerS: 20,
    probeMs: 10,
    ...overrides,
  };
}

describe('serve faults are recorded and the study goes on', () => {
  it('counts a task that throws as a 500 and a task that hangs as a timeout', async () => {
    // A second of grace before a timeout: only the hung tasks reach it, however slow the shared machine is.
    const state = await runServeSweep(plan('faulty.mjs', { strategies: ['concurrent', 'parallel'], timeoutMs: 1000 }));
    for (const series of state.series) {
      const m = series.points[0]?.measurements[0];
      expect(m?.status).toBe('ok');
      // 20 requests: indices 3 and 13 throw, 7 and 17 hang (the pool numbers its own requests the same way).
      expect(m?.compute?.errors).toBe(2);
      expect(m?.compute?.timeouts).toBe(2);
      expect(m?.server?.taskErrors).toBe(2);
      expect(m?.health?.ok).toBe(m?.health?.intended);
    }
  });

  it('records a crashed server process and measures the next rate on a fresh one', async () => {
    const state = await runServeSweep(plan('crashes.mjs', { ratesPerS: [60, 80], durationMs: 1000 }));
    const points = state.series[0]?.points ?? [];
    expect(points.map((point) => point.measurements[0]?.status)).toEqual(['crashed', 'crashed']);
    for (const point of points) {
      const compute = point.measurements[0]?.compute;
      // The load generator came back: what the server answered before it died is counted, the rest failed.
      expect(compute?.ok).toBeGreaterThanOrEqual(25);
      expect((compute?.failures ?? 0) + (compute?.timeouts ?? 0)).toBeGreaterThan(0);
    }
    expect(state.warnings).toHaveLength(2);
  });

  it('Ctrl-C writes the results so far (interrupted) and exits 130', async () => {
    const out = join(scratchDir(), 'serve.json');
    const args = ['serve', '-w', 'io-timer', '--size', '1', '--rates', '20,40,60', '--duration', '1', '--out', out];
    const cli = spawn(process.execPath, [join(DIST_ROOT, 'src', 'cli.js'), ...args], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)));
    // Interrupt once the first rate is in the file.
    const deadline = Date.now() + 30_000;
    while (!existsSync(out) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    cli.kill('SIGINT');
    expect(await exited).toBe(130);
    const file = serveResultSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(file.run.interrupted).toBe(true);
    expect(file.series.flatMap((series) => series.points).length).toBeGreaterThanOrEqual(1);
  });
});
