import { basename } from 'node:path';
import { gcShare } from '../gc/gc-totals.js';
import type { ColdStart, Overheads } from '../results/overheads-schema.js';
import { probeColdStart, type ColdStartProbe } from './cold-start-probe.js';
import { DEFAULT_PAYLOAD_BYTES, measurePayload } from './payload-probe.js';
import { measureDispatch, measureRoundTrip, measureStartup } from './pool-probes.js';
import { workloadSourcePath } from '../workload-compile.js';

/** What the overhead study measures and how hard; plain data, it crosses to the measuring child. */
export interface OverheadConfig {
  threads: number[];
  startupRepeats: number;
  /** Samples per figure for the round-trip, dispatch and payload probes. */
  samples: number;
  /** Each round-trip or payload sample repeats its operation until it lasts this long. */
  minSampleMs: number;
  /** No-op tasks queued at once for the dispatch probe. */
  queued: number;
  /** Tasks per message tried for piscina in the dispatch probe (1 = one message per task). */
  dispatchBatches: number[];
  payloadBytes: number[];
  /** Workloads whose cold start on a fresh worker is measured: built-in ids or module URLs. */
  coldStartWorkloads: string[];
}

/** About 20 s on 2 cores (full) or a few seconds (quick). */
export function overheadConfig(threads: number[], quick: boolean, workloadUrls: string[]): OverheadConfig {
  return { ...probeSizes(threads, quick), coldStartWorkloads: workloadUrls };
}

function probeSizes(threads: number[], quick: boolean): Omit<OverheadConfig, 'coldStartWorkloads'> {
  return quick
    ? {
        threads,
        startupRepeats: 2,
        samples: 3,
        minSampleMs: 2,
        queued: 500,
        dispatchBatches: [1, 8],
        payloadBytes: [1024, 1024 * 1024, 16 * 1024 * 1024],
      }
    : {
        threads,
        startupRepeats: 5,
        samples: 10,
        minSampleMs: 10,
        queued: 4000,
        dispatchBatches: [1, 8],
        payloadBytes: [...DEFAULT_PAYLOAD_BYTES],
      };
}

export type OverheadStep = 'startup' | 'round trip' | 'dispatch' | 'payload' | 'cold start';

/** Runs every probe in turn, in this process; `onStep` hears which one starts (the parent arms a deadline). */
export async function runOverheadProbes(
  config: OverheadConfig,
  onStep: (step: OverheadStep) => void = () => undefined,
): Promise<Overheads> {
  onStep('startup');
  const startup = await measureStartup(config.threads, config.startupRepeats);
  onStep('round trip');
  const roundTrip = await measureRoundTrip(config.samples, config.minSampleMs);
  onStep('dispatch');
  const dispatch = await measureDispatch(config.threads, config.queued, config.dispatchBatches, config.samples);
  onStep('payload');
  const payload = await measurePayload(config.payloadBytes, {
    samples: config.samples,
    minSampleMs: config.minSampleMs,
  });
  onStep('cold start');
  const coldStart: ColdStart[] = [];
  for (const workloadUrl of config.coldStartWorkloads)
    coldStart.push(coldStartFigures(await probeColdStart({ workloadUrl }), workloadUrl));
  return { ...(coldStart.length > 0 ? { coldStart } : {}), startup, roundTrip, dispatch, payload };
}

function coldStartFigures(probe: ColdStartProbe, workloadUrl: string): ColdStart {
  const taskMs = probe.taskDurationsMs.reduce((total, durationMs) => total + durationMs, 0);
  return {
    // Named by its source file: a TypeScript workload runs from a compiled copy whose name carries a hash.
    workload: basename(workloadSourcePath(workloadUrl)).replace(/\.[cm]?[jt]s$/, ''),
    workerOnlineMs: probe.workerOnlineMs,
    moduleLoadMs: probe.moduleLoadMs,
    steadyTaskMs: probe.cost.steadyMedianMs,
    firstTaskRatio: probe.cost.firstTaskRatio,
    excessMs: probe.cost.excessMs,
    tasksUntilSteady: probe.cost.tasksUntilSteady,
    reachedSteady: probe.cost.reachedSteady,
    gcPct: gcShare(probe.threadGcMs, taskMs) * 100,
  };
}
