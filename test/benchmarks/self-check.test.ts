import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkTargets,
  outcomeOf,
  renderTable,
  tally,
  targetsFor,
  TARGET_CELLS,
  type ChangeTally,
} from '../../benchmarks/self-check/power-summary.js';
import { DIST_ROOT } from '../../src/paths.js';
import { scratchDir } from '../helpers/cli.js';

const SEQUENTIAL = 'self-check-work/sequential/t1';
const PARALLEL = 'self-check-work/parallel/t2';
const comparison = (verdicts: Record<string, string>, regressions: string[]) => ({
  sameMachine: [{ judgements: Object.entries(verdicts).map(([id, verdict]) => ({ id, verdict })) }],
  regressions: regressions.map((id) => ({ id })),
});

describe("the self-check's tally", () => {
  it('counts false alarms (slower or faster) on A/A pairs and detections (exit 3 naming the cell) on planted ones', () => {
    const outcomes = [
      outcomeOf(0, 0, comparison({ [SEQUENTIAL]: 'same', [PARALLEL]: 'inconclusive' }, [])),
      outcomeOf(0, 0, comparison({ [SEQUENTIAL]: 'faster', [PARALLEL]: 'same' }, [])),
      outcomeOf(0.1, 3, comparison({ [SEQUENTIAL]: 'slower', [PARALLEL]: 'slower' }, [SEQUENTIAL, PARALLEL])),
      outcomeOf(0.1, 3, comparison({ [SEQUENTIAL]: 'slower', [PARALLEL]: 'inconclusive' }, [SEQUENTIAL])),
    ];
    const aa = tally(outcomes, 0);
    expect(aa.pairs).toBe(2);
    expect(aa.cells[SEQUENTIAL]).toEqual({ flagged: 1, verdicts: { same: 1, faster: 1 } });
    expect(aa.cells[PARALLEL]?.flagged).toBe(0);
    const plus10 = tally(outcomes, 0.1);
    expect(plus10).toMatchObject({ pairs: 2, exit3: 2 });
    expect(plus10.cells[PARALLEL]?.flagged).toBe(1);
    const checks = checkTargets([aa, plus10], TARGET_CELLS('self-check-work'));
    expect(checks.map((check) => check.met)).toEqual([false, true, true, false]);
    expect(checks[0]?.target).toBe(`A/A ${SEQUENTIAL}: flagged ≤ 0 of 2`);
    expect(checks[3]?.target).toBe(`+10 % ${PARALLEL}: flagged ≥ 2 of 2`);
  });

  it("scales issue 11's targets (for 10 pairs) to the pairs run, and prints one row per kind of pair", () => {
    expect(targetsFor(10)).toEqual({ aaFlaggedMax: 0, plus10FlaggedMin: 9, plus2FlaggedMax: 1 });
    expect(targetsFor(2)).toEqual({ aaFlaggedMax: 0, plus10FlaggedMin: 2, plus2FlaggedMax: 0 });
    const rows: ChangeTally[] = [
      { change: 0.02, pairs: 10, exit3: 1, cells: { [SEQUENTIAL]: { flagged: 1, verdicts: {} } } },
    ];
    expect(renderTable(rows, [SEQUENTIAL, PARALLEL]).split('\n')).toEqual([
      'pairs                  sequential/t1  parallel/t2  exit 3',
      '+2 % (flagged slower)         1 / 10       0 / 10  1 / 10',
    ]);
  });
});

interface Summary {
  kind: string;
  settings: { pairs: number; changes: number[] };
  cells: string[];
  tallies: ChangeTally[];
  targets: Array<{ target: string; met: boolean }>;
  perPairMs: number[];
  environment: { cpuModel: string } | null;
}

describe('the self-check, run small (one pair, a planted +50 %)', () => {
  it('writes a summary of the documented shape and flags the planted slowdown on the sequential cell', async () => {
    const dir = scratchDir('corescope-self-check-');
    const out = join(dir, 'summary.json');
    const script = join(DIST_ROOT, 'benchmarks', 'self-check', 'compare-power.js');
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done, reject) => {
      const child = spawn(
        process.execPath,
        [script, '--pairs', '1', '--changes', '0.5', '--out', out, '--run-args=--max-time 1.5s'],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code) => done({ code, stdout, stderr }));
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('corescope self-check: 1 pair(s)');
    expect(result.stdout).toMatch(/\+50 % \(flagged slower\) +1 \/ 1/);
    const summary = JSON.parse(readFileSync(out, 'utf8')) as Summary;
    expect(summary.kind).toBe('corescope-self-check');
    expect(summary.settings).toMatchObject({ pairs: 1, changes: [0.5] });
    expect(summary.cells).toEqual([SEQUENTIAL, PARALLEL]);
    expect(summary.tallies.map((entry) => [entry.change, entry.pairs])).toEqual([
      [0, 1],
      [0.5, 1],
    ]);
    expect(summary.tallies[1]?.cells[SEQUENTIAL]?.flagged).toBe(1);
    expect(summary.tallies[1]?.exit3).toBe(1);
    expect(summary.perPairMs).toHaveLength(1);
    expect(summary.environment?.cpuModel).toEqual(expect.any(String));
  }, 120_000);
});
