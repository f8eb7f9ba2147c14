import { performance } from 'node:perf_hooks';
import { distFileUrl } from '../paths.js';
import { benchmarkIdOfKey } from '../results/benchmark-id.js';
import type { CellFailureReport } from './cell-failure.js';
import type { CellJob, ChildMessage, MeasureJob, Phase } from './protocol.js';
import { liveCells, type CellRecord, type ProcessSettings, type WorkloadRecord } from './records.js';
import { superviseChild, type SupervisedChild } from './supervised-child.js';
import { uvThreadpoolEnv } from './uv-threadpool.js';
import { WATCHDOG_FD, WATCHDOG_GRACE_MS } from './watchdog.js';

const CHILD_FILE = distFileUrl('src', 'runner', 'child.js');
/** A child that said 'done' but keeps running (a leaked handle in a workload) is ended after this. */
const EXIT_GRACE_MS = 5_000;

export interface SuperviseHooks {
  /** A round ended (every due cell took a sample): the child waits until this settles. */
  onRound(): void;
  /** Aborted: the child stops at its next sample boundary and what it measured is kept (Ctrl-C, `run({ signal })`). */
  signal?: AbortSignal;
  /** Aborted: the child is killed at once (a second Ctrl-C). */
  killSignal?: AbortSignal;
}

/** How one measuring process is run: a real child (measureProcess), or a fake in tests of the scheduler. */
export type MeasureProcess = (
  record: WorkloadRecord,
  settings: ProcessSettings,
  hooks: SuperviseHooks,
) => Promise<void>;

/**
 * Measures one workload's live cells in one fresh measuring process, the `record.processes`-th of the run. Cells
 * calibrated by an earlier process keep their batches per sample and tasks per message, so every process
 * measures the same thing. When the child dies (crash, out of memory) or is killed on a deadline, the cell it was
 * in is marked and a fresh process takes over the cells left, as often as cells fail (each death fails one).
 * Failures are recorded, never thrown.
 */
export const measureProcess: MeasureProcess = async (record, settings, hooks) => {
  for (let attempt = 0; attempt <= record.cells.length; attempt += 1) {
    const completed = await measureOnce(record, settings, hooks);
    if (completed !== false) return;
  }
};

/** One child; false when it died before the end (its cell marked), undefined when there was nothing to measure. */
async function measureOnce(
  record: WorkloadRecord,
  settings: ProcessSettings,
  hooks: SuperviseHooks,
): Promise<boolean | undefined> {
  const cells = liveCells(record).filter((cell) => settings.done?.has(cell.id) !== true);
  if (cells.length === 0 || hooks.signal?.aborted === true || record.fatal !== undefined) return undefined;
  const job: MeasureJob = {
    config: settings.config,
    workloadUrl: record.workloadUrl,
    rounds: settings.rounds,
    usableCores: settings.usableCores,
    traceSamples: settings.traceSamples,
    processIndex: record.processes,
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
  record.processes += 1;
  const completed = await runChild(record, job, hooks);
  if (completed) record.completed += 1;
  record.elapsedMs += performance.now() - startedAt;
  return completed;
}

/** Where the child is, so a death can be charged to the right cell and phase. */
interface ChildState {
  phase: Phase;
  cellId: string | null;
  /** Killed on a deadline: the phase's own, or the watchdog's report of a blocked main thread (`stalledMs`). */
  timedOut: { deadlineMs: number; stalledMs?: number } | undefined;
  done: boolean;
  /** When the child was forked, until its first timed sample: the process's start-up time is charged then. */
  forkedAt: number | undefined;
  /** When its warm-up began, until the first phase after it: the warm-up's wall time is filed then. */
  warmupSince: number | undefined;
}

/** Resolves true when the child said it was done, false when it died first (recorded against its cell). */
async function runChild(record: WorkloadRecord, job: MeasureJob, hooks: SuperviseHooks): Promise<boolean> {
  const childMaxOldSpaceMb = job.config.childMaxOldSpaceMb;
  const supervised = superviseChild({
    file: CHILD_FILE,
    execArgv: childMaxOldSpaceMb !== undefined ? [`--max-old-space-size=${childMaxOldSpaceMb}`] : [],
    reportPipe: true,
    // libuv reads UV_THREADPOOL_SIZE once, when the process first uses its pool: it must be set at fork.
    ...(record.uvThreadpoolSize !== undefined ? { env: uvThreadpoolEnv(record.uvThreadpoolSize) } : {}),
    ...(hooks.killSignal !== undefined ? { killSignal: hooks.killSignal } : {}),
  });
  const { child } = supervised;
  const send = (message: object): void => supervised.send(message);
  const state: ChildState = {
    phase: 'load',
    cellId: null,
    timedOut: undefined,
    done: false,
    forkedAt: performance.now(),
    warmupSince: undefined,
  };
  const stop = (): void => send({ type: 'stop' });
  hooks.signal?.addEventListener('abort', stop);
  child.stdio[WATCHDOG_FD]?.on('data', (chunk: Buffer) => {
    const stalledMs = Number(/stalled (\d+)/.exec(chunk.toString())?.[1]);
    if (state.done || !Number.isFinite(stalledMs)) return;
    state.timedOut = { deadlineMs: job.config.taskTimeoutMs + WATCHDOG_GRACE_MS, stalledMs };
    child.kill('SIGKILL');
  });
  const cells = new Map(record.cells.map((cell) => [cell.id, cell]));
  child.on('message', (message: ChildMessage) =>
    onMessage(message, { record, cells, state, supervised, hooks, processIndex: job.processIndex }),
  );
  child.once('spawn', () => {
    send({ type: 'job', job });
    // Aborted between the check before forking and the listener above: the child still hears it.
    if (hooks.signal?.aborted === true) stop();
  });
  const exit = await supervised.exited;
  hooks.signal?.removeEventListener('abort', stop);
  if (!state.done && record.fatal === undefined) recordDeath(record, cells, state, exit);
  return state.done;
}

interface MessageContext {
  record: WorkloadRecord;
  cells: Map<string, CellRecord>;
  state: ChildState;
  supervised: SupervisedChild;
  hooks: SuperviseHooks;
  processIndex: number;
}

/** Files one message from the measuring child into the record, as it arrives. */
function onMessage(
  message: ChildMessage,
  { record, cells, state, supervised, hooks, processIndex }: MessageContext,
): void {
  const cell = 'cellId' in message && message.cellId !== null ? cells.get(message.cellId) : undefined;
  switch (message.type) {
    case 'phase':
      if (message.phase === 'sample' && state.forkedAt !== undefined) {
        record.startupMs += performance.now() - state.forkedAt;
        state.forkedAt = undefined;
      }
      if (message.phase === 'warmup') state.warmupSince ??= performance.now();
      else if (state.warmupSince !== undefined && record.warmupsMs[processIndex] === undefined)
        record.warmupsMs[processIndex] = performance.now() - state.warmupSince;
      state.phase = message.phase;
      state.cellId = message.cellId;
      supervised.arm(message.deadlineMs, () => (state.timedOut = { deadlineMs: message.deadlineMs }));
      break;
    case 'workload': {
      const { type: _type, ...info } = message;
      record.info = info;
      break;
    }
    case 'setup-data':
      record.setupData = message.data;
      break;
    case 'cell-ready':
      cell?.startupsMs.push(message.startupMs);
      if (cell !== undefined) cell.batching ??= message.batching;
      break;
    case 'warmed':
      cell?.warmups.push({ ...message.report, process: processIndex });
      break;
    case 'calibrated':
      if (cell !== undefined) cell.repeats ??= message.repeats;
      break;
    case 'sample':
      cell?.samples.push({ ...message.reading, process: processIndex, round: message.round });
      break;
    case 'trace': {
      const capture = (record.trace ??= { spans: [], counters: [], workers: [] });
      capture.spans.push(...message.capture.spans);
      capture.counters.push(...message.capture.counters);
      capture.workers.push(...message.capture.workers);
      break;
    }
    case 'cell-failed':
      if (cell !== undefined) {
        const { type: _type, cellId: _cellId, ...failure } = message;
        cell.failure = failure;
      }
      break;
    case 'cell-skipped':
      if (cell !== undefined) cell.skipReason = message.reason;
      break;
    case 'round-done':
      // The child waits for the answer: whatever the supervisor does here never overlaps a sample.
      supervised.disarm();
      hooks.onRound();
      supervised.send({ type: 'continue' });
      break;
    case 'fatal':
      record.fatal = { error: message.error, usage: message.usage };
      break;
    case 'done':
      state.done = true;
      supervised.arm(EXIT_GRACE_MS, () => undefined);
      break;
  }
}

/** Charges a child's unexpected death to the cell it was measuring, or to the whole workload. */
function recordDeath(
  record: WorkloadRecord,
  cells: Map<string, CellRecord>,
  state: ChildState,
  exit: { code: number | null; signal: NodeJS.Signals | null },
): void {
  const where =
    state.cellId === null
      ? `during ${state.phase}`
      : `during ${state.phase} of ${benchmarkIdOfKey(record.info?.id ?? record.spec, state.cellId)}`;
  const failure: CellFailureReport =
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
