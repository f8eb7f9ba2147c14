import { describe, expect, it } from 'vitest';
import type { DemoReport } from '../../src/demo/run-demo.js';
import { runCli } from '../helpers/cli.js';

/**
 * The demo in wall time (demo.test.ts checks its schedules, which hold however slow the machine is). One run, so
 * only bounds a stall cannot break: the waits overlap by 200 ms of 600, and the whole demo takes about 4 s. What
 * the pool's second thread buys depends on a free core: distinction.timed.test.ts measures that, over many
 * batches, not from the demo's single one.
 */
describe('corescope demo, timed', () => {
  it('--json: Promise.all shortens the waits, and the demo stays short', async () => {
    const result = await runCli(['demo', '--json']);
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as DemoReport;
    // About 4 s on an idle machine; a demo that took half a minute would be no demo.
    expect(report.totalMs).toBeLessThan(30_000);

    const [fetchSequential, fetchAll] = report.fetches.runs;
    expect(fetchAll.wallMs).toBeLessThan(fetchSequential.wallMs);
  });
});
