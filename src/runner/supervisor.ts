import { type ChildProcess, fork } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { SerializedError } from '../errors.js';
import { distFileUrl } from '../paths.js';
import type { BatchChoice, BatchSetting } from '../strategies/batch-size.js';
import type { StrategyName } from '../strategies/index.js';
import type { TraceCapture } from '../trace/model.js';
import type { WorkloadKind } from '../workload.js';
import type { CellFailureReport } from './cell-failure.js';
import type { CellJob, ChildMessage, MeasureJob, ParentMessage, Phase, RoundPlan, SampleReading } from './protocol.js';
import { uvThreadpoolEnv } from './uv-threadpool.js';
import { WATCHDOG_FD, WATCHDOG_GRACE_MS } from './watchdog.js';

const CHILD_FILE = distFileUrl('src', 'runner', 'child.js');
/** A child that said 'done' but keeps running (a leaked handle in a workload) is ended after this. */
const EXIT_GRACE_MS = 5_000;
/** The longest delay a Node timer takes (about 24.8 days); a longer deadline would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** A failed cell, as the child reported it or as the supervisor judged the child's death. */
export type CellFailure = CellFailureReport;

/** One sample with where it came from: which measuring process of the run, and which round in it. */
export interface TaggedSample extends SampleReading {
  process: number;
  round: number;
}

/** Everything that arrived for one cell, over every measuring process, whatever became of them. */
export interface CellRecord {
  id: string;
  strategy: StrategyName;
  threads: number;
  samples: TaggedSample[];
  /** Pool start-up in each process that prepared the cell, ms (0 for strategies without a pool). */
  startupsMs: number[];
  failure?: CellFailure;
  /** The strategy cannot run this workload: recorded as `skipped` with this reason. */
  skipReason?: string;
  /** Tasks per message the cell's strategy chose (--batch) in the first process; later ones reuse it. */
  batching?: BatchChoice;
  /** Batches per sample, calibrated in the first process that measured the cell; later ones reuse it. */
  repeats?: number;
}

export interface WorkloadRecord {
  /** What the user named: a built-in id or a file path. */
  spec: string;
  workloadUrl: string;
  info?: { id: string; kind: WorkloadKind; size: number; tasks: number; criticalPathMs?: number };
  cells: CellRecord[];
  /** The workload could not run at all; `usage` when the user's file is at fault (exit 2). */
  fatal?: { error: SerializedError; usage: boolean };
  setupData?: unknown;
  /**
   * UV_THREADPOOL_SIZE for this record's measuring children (--uv-threadpool); unset inherits the CLI's environment.
   */
  uvThreadpoolSize?: number;
  /** Measuring processes started so far (the next one's index), and how many of them ran to the end. */
  processes: number;
  completed: number;
  /** The wall time the processes took together (start-up included), ms. */
  elapsedMs: number;
  /** Of that, the time from starting each process to its first timed sample (load, setup, pools, calibration), ms. */
  startupMs: number;
  /** Traced batches, by the measuring child's cell ids (the run renames them as it names the cells). */
  trace?: TraceCapture;
}

export interface SuperviseHooks {
  /** A round ended (every due cell took a sample): the child waits until this settles. */
  onRound(): void;
  /** Figures changed outside a round (a cell failed, a child ended). */
  onUpdate(): void;
  stopRequested(): boolean;
}

export interface ProcessSettings {
  size: number | null;
  tasks: number | null;
  fallbackTasks: number;
  rounds: RoundPlan;
  warmupRounds: number;
  minSampleMs: number;
  taskTimeoutMs: number;
  maxInFlight: number | null;
  usableCores: number;
  /** Tasks per message for `parallel` (--batch); absent: one task per message. */
  batch?: BatchSetting;
  /** Heap cap of each pool worker, MiB (--worker-max-old-space-mb). */
  workerMaxOldSpaceMb?: number;
  /**
   * Heap cap of the measuring process, MiB (--child-max-old-space-mb): past it, the child dies and its cell is
   * `crashed`.
   */
  childMaxOldSpaceMb?: number;
  /** Traced batches per cell this process takes after its timed rounds. */
  traceSamples: number;
  /** Cells that need no more samples (precise already): left out of this process. */
  done?: ReadonlySet<string>;
}

const activeChildren = new Set<ChildProcess>();
const stopListeners = new Set<() => void>();

/** Asks every measuring child to stop at its next sample boundary. */
export function stopAllChildren(): void {
  for (const listener of stopListeners) listener();
}

/** Ends every measuring child now (second Ctrl-C, or the CLI exiting). */
export function killAllChildren(): void {
  for (const child of activeChildren) child.kill('SIGKILL');
}

/** Cells a new measuring process should take: every one that has not failed or been skipped. */
export function liveCells(record: WorkloadRecord): CellRecord[] {
  return record.cells.filter((cell) => cell.failure === undefined && cell.skipReason === undefined);
}

/**
 * Measures one workload's live cells in one fresh measuring process, the `record.processes`-th of the run. Cells
 * calibrated by an earlier process keep their batches per sample and tasks per message, so every process
 * measures the same thing. When the child dies (crash, out of memory) or is killed on a deadline, the cell it was
 * in is marked and a fresh process takes over the cells left, as often as cells fail (each death fails one).
 * Failures are recorded, never thrown.
 */
export async function measureProcess(
  record: WorkloadRecord,
  settings: ProcessSettings,
  hooks: SuperviseHooks,
): Promise<void> {
  for (let attempt = 0; attempt <= record.cells.length; attempt += 1) {
    const completed = await measureOnce(record, settings, hooks);
    if (completed !== false) return;
  }
}

/** One child; false when it died before the end (its cell marked), undefined when there was nothing to measure. */
async function measureOnce(
  record: WorkloadRecord,
  settings: ProcessSettings,
  hooks: SuperviseHooks,
): Promise<boolean | undefined> {
  const cells = liveCells(record).filter((cell) => settings.done?.has(cell.id) !== true);
  if (cells.length === 0 || hooks.stopRequested() || record.fatal !== undefined) return undefined;
  const job: MeasureJob = {
    workloadUrl: record.workloadUrl,
    size: settings.size,
    tasks: settings.tasks,
    fallbackTasks: settings.fallbackTasks,
    rounds: settings.rounds,
    warmupRounds: settings.warmupRounds,
    minSampleMs: settings.minSampleMs,
    taskTimeoutMs: settings.taskTimeoutMs,
    maxInFlight: settings.maxInFlight,
    usableCores: settings.usableCores,
    traceSamples: settings.traceSamples,
    ...(settings.batch !== undefined ? { batch: settings.batch } : {}),
    ...(settings.workerMaxOldSpaceMb !== undefined ? { workerMaxOldSpaceMb: settings.workerMaxOldSpaceMb } : {}),
    watchdogFd: WATCHDOG_FD,
    cells: cells.map((cell): CellJob => ({
      id: cell.id,
      strategy: cell.strategy,
      threads: cell.threads,
      ...(cell.repeats !== undefined ? { repeats: cell.repeats } : {}),
      ...(cell.batching !== undefined ? { batch: cell.batching.size } : {}),
    })),
  };
  const startedAt = performance.now();
  const processIndex = record.processes;
  record.processes += 1;
  const completed = await runChild(record, processIndex, job, hooks, settings.childMaxOldSpaceMb);
  if (completed) record.completed += 1;
  record.elapsedMs += performance.now() - startedAt;
  hooks.onUpdate();
  return completed;
}

interface ChildState {
  phase: Phase;
  cellId: string | null;
  /** Killed on a deadline: the phase's own, or the watchdog's report of a blocked main thread (`stalledMs`). */
  timedOut: { deadlineMs: number; stalledMs?: number } | undefined;
  done: boolean;
}

/** Resolves true when the child said it was done, false when it died first (recorded against its cell). */
function runChild(
  record: WorkloadRecord,
  processIndex: number,
  job: MeasureJob,
  hooks: SuperviseHooks,
  childMaxOldSpaceMb?: number,
): Promise<boolean> {
  const cells = new Map(record.cells.map((cell) => [cell.id, cell]));
  const state: ChildState = { phase: 'load', cellId: null, timedOut: undefined, done: false };
  const forkedAt = performance.now();
  let sampling = false;
  // Workload output goes to stderr, so `--json` keeps stdout clean.
  const child = fork(CHILD_FILE, [], {
    execArgv: childMaxOldSpaceMb !== undefined ? [`--max-old-space-size=${childMaxOldSpaceMb}`] : [],
    serialization: 'advanced',
    // fd 4 (WATCHDOG_FD): the child's watchdog thread reports a blocked main thread here, where IPC cannot.
    stdio: ['ignore', 2, 2, 'ipc', 'pipe'],
    // libuv reads UV_THREADPOOL_SIZE once, when the process first uses its pool: it must be set at fork.
    ...(record.uvThreadpoolSize !== undefined ? { env: uvThreadpoolEnv(record.uvThreadpoolSize) } : {}),
  });
  activeChildren.add(child);
  let deadline: NodeJS.Timeout | undefined;
  const arm = (ms: number, onExpiry: () => void): void => {
    clearTimeout(deadline);
    deadline = setTimeout(onExpiry, Math.min(ms, MAX_TIMER_MS));
  };
  const send = (message: ParentMessage): void => {
    if (child.connected) child.send(message);
  };
  const requestStop = (): void => send({ type: 'stop' });
  stopListeners.add(requestStop);
  child.stdio[WATCHDOG_FD]?.on('data', (chunk: Buffer) => {
    const stalledMs = Number(/stalled (\d+)/.exec(chunk.toString())?.[1]);
    if (state.done || !Number.isFinite(stalledMs)) return;
    state.timedOut = { deadlineMs: job.taskTimeoutMs + WATCHDOG_GRACE_MS, stalledMs };
    child.kill('SIGKILL');
  });

  child.on('message', (message: ChildMessage) => {
    switch (message.type) {
      case 'phase':
        if (message.phase === 'sample' && !sampling) {
          sampling = true;
          record.startupMs += performance.now() - forkedAt;
        }
        state.phase = message.phase;
        state.cellId = message.cellId;
        arm(message.deadlineMs, () => {
          state.timedOut = { deadlineMs: message.deadlineMs };
          child.kill('SIGKILL');
        });
        break;
      case 'workload':
        record.info = {
          id: message.id,
          kind: message.kind,
          size: message.size,
          tasks: message.tasks,
          ...(message.criticalPathMs !== undefined ? { criticalPathMs: message.criticalPathMs } : {}),
        };
        break;
      case 'setup-data':
        record.setupData = message.data;
        break;
      case 'cell-ready':
        setIfPresent(cells, message.cellId, (cell) => {
          cell.startupsMs.push(message.startupMs);
          cell.batching ??= message.batching;
        });
        break;
      case 'calibrated':
        setIfPresent(cells, message.cellId, (cell) => (cell.repeats ??= message.repeats));
        break;
      case 'sample':
        setIfPresent(cells, message.cellId, (cell) =>
          cell.samples.push({ ...message.reading, process: processIndex, round: message.round }),
        );
        break;
      case 'trace': {
        const capture = (record.trace ??= { spans: [], counters: [], workers: [] });
        capture.spans.push(...message.capture.spans.map((span) => ({ ...span, process: processIndex })));
        capture.counters.push(...message.capture.counters.map((counter) => ({ ...counter, process: processIndex })));
        capture.workers.push(...message.capture.workers.map((worker) => ({ ...worker, process: processIndex })));
        break;
      }
      case 'cell-failed':
        setIfPresent(cells, message.cellId, (cell) => {
          const { type: _type, cellId: _cellId, ...failure } = message;
          cell.failure = failure;
        });
        hooks.onUpdate();
        break;
      case 'cell-skipped':
        setIfPresent(cells, message.cellId, (cell) => (cell.skipReason = message.reason));
        break;
      case 'round-done':
        // The child waits for the answer: whatever the supervisor does here never overlaps a sample.
        clearTimeout(deadline);
        hooks.onRound();
        send({ type: 'continue' });
        break;
      case 'fatal':
        record.fatal = { error: message.error, usage: message.usage };
        break;
      case 'done':
        state.done = true;
        arm(EXIT_GRACE_MS, () => child.kill('SIGKILL'));
        break;
    }
  });

  return new Promise((resolve) => {
    child.once('spawn', () => send({ type: 'job', job }));
    child.once('exit', (code, signal) => {
      clearTimeout(deadline);
      activeChildren.delete(child);
      stopListeners.delete(requestStop);
      if (!state.done && record.fatal === undefined) recordDeath(record, cells, state, { code, signal });
      resolve(state.done);
    });
  });
}

/** Charges a child's unexpected death to the cell it was measuring, or to the whole workload. */
function recordDeath(
  record: WorkloadRecord,
  cells: Map<string, CellRecord>,
  state: ChildState,
  exit: { code: number | null; signal: NodeJS.Signals | null },
): void {
  const where = state.cellId === null ? `during ${state.phase}` : `during ${state.phase} of ${state.cellId}`;
  const failure: CellFailure =
    state.timedOut !== undefined
      ? {
          status: 'timeout',
          error: {
            name: 'Timeout',
            code: 'ERR_CORESCOPE_DEADLINE',
            message:
              state.timedOut.stalledMs !== undefined
                ? `a task blocked the measuring process's main thread ${where} for over ` +
                  `${state.timedOut.deadlineMs} ms (--task-timeout plus ${WATCHDOG_GRACE_MS} ms grace); ` +
                  `the process was killed`
                : `no progress ${where} within ${state.timedOut.deadlineMs} ms; the measuring process was ` +
                  `killed (--task-timeout)`,
          },
        }
      : {
          status: 'crashed',
          error: {
            name: 'Crashed',
            code: 'ERR_CORESCOPE_CHILD_EXIT',
            message: `the measuring process exited ${exit.signal !== null ? `on ${exit.signal}` : `with code ${exit.code}`} ${where}`,
          },
          exit: { code: exit.code, signal: exit.signal },
        };
  const cell = state.cellId === null ? undefined : cells.get(state.cellId);
  if (cell !== undefined && cell.failure === undefined) {
    cell.failure = failure;
  } else if (state.phase === 'load' || state.phase === 'setup') {
    record.fatal = { error: failure.error, usage: false };
  }
}

function setIfPresent(cells: Map<string, CellRecord>, id: string, update: (cell: CellRecord) => void): void {
  const cell = cells.get(id);
  if (cell !== undefined) update(cell);
}
