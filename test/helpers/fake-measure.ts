import type { ProcessSettings, WorkloadRecord } from '../../src/runner/records.js';
import { wantsRound } from '../../src/runner/process-plan.js';
import { seededRandom } from '../../src/stats/bootstrap.js';

export const FAKE_ROUND_MS = 100;
export const FAKE_STARTUP_MS = 300;

export interface FakeProcessLog {
  rounds: number;
  elapsedBeforeMs: number;
}

export interface FakeProcessOptions {
  /** Samples are drawn uniformly within ± this share of each cell's centre. */
  spread: number;
  log?: FakeProcessLog[];
  /** Workload id and kind the fake reports for a spec (default: the spec itself, cpu). */
  infoOf?: (spec: string) => { id: string; kind: 'cpu' | 'io' | 'mixed' };
  /** Called once per process before its rounds: may fail or skip cells, as a real child would report. */
  beforeRounds?: (record: WorkloadRecord, processIndex: number) => void;
  seed?: number;
  /** Warm-up each process takes before its rounds, ms (filed as the supervisor files a real child's). */
  warmupMs?: number;
}

/**
 * A fake measuring process: no child, no clock. Each round every live cell takes a sample drawn around its centre
 * (10 ms × its position + 1) with a known spread, and the process "takes" FAKE_STARTUP_MS plus FAKE_ROUND_MS a
 * round, as the round plan allows, after `warmupMs` of warm-up. The real scheduler, aggregation and stopping rules run
 * on top of it.
 */
export function fakeProcess(options: FakeProcessOptions) {
  const random = seededRandom(options.seed ?? 42);
  return (record: WorkloadRecord, settings: ProcessSettings): Promise<void> => {
    const index = record.processes;
    record.processes += 1;
    const info = options.infoOf?.(record.spec) ?? { id: 'fake', kind: 'cpu' as const };
    record.info ??= { ...info, size: 1, tasks: 4 };
    options.beforeRounds?.(record, index);
    const warmupMs = options.warmupMs ?? 0;
    record.warmupsMs[index] = warmupMs;
    let rounds = 0;
    let measuredMs = 0;
    const plan = settings.rounds;
    const wants = (): boolean => wantsRound(plan, rounds, measuredMs);
    while (wants()) {
      for (const [position, cell] of record.cells.entries()) {
        if (cell.failure !== undefined || cell.skipReason !== undefined || settings.done?.has(cell.id) === true)
          continue;
        cell.repeats ??= position + 1;
        const centre = 10 * (position + 1);
        const wallMs = centre * (1 + options.spread * (2 * random() - 1));
        cell.samples.push({
          wallMs,
          cpuUserMs: wallMs,
          cpuSystemMs: 0,
          loopActiveMs: wallMs,
          loopIdleMs: 0,
          delayP99Ms: 0,
          process: index,
          round: rounds,
        });
      }
      rounds += 1;
      measuredMs += FAKE_ROUND_MS;
    }
    options.log?.push({ rounds, elapsedBeforeMs: record.elapsedMs });
    record.completed += 1;
    record.elapsedMs += FAKE_STARTUP_MS + warmupMs + measuredMs;
    record.startupMs += FAKE_STARTUP_MS + warmupMs;
    return Promise.resolve();
  };
}
