import { parentPort, threadId } from 'node:worker_threads';

/**
 * A pool worker that dies — `process.exit()` in a task, or after one — must not pass unnoticed: piscina
 * quietly replaces a worker that exits between tasks, and a fresh thread's start-up would then land inside a
 * timed sample. The worker reports its own exit code (piscina's error for a task in flight carries it only in
 * its message text), and the pool turns either report into a `crashed` failure with the exit code.
 */

export const WORKER_EXIT_CODE = 'ERR_CORESCOPE_WORKER_EXIT';

const MESSAGE_TYPE = 'corescope:worker-exit';

export interface WorkerExitReport {
  type: typeof MESSAGE_TYPE;
  threadId: number;
  exitCode: number;
}

/** Worker side: tell the pool this thread is exiting and with what code. */
export function reportWorkerExit(): void {
  process.once('exit', (exitCode) => {
    // Best effort: a thread ended by terminate() (piscina aborting a timed-out task) never runs this.
    parentPort?.postMessage({ type: MESSAGE_TYPE, threadId, exitCode } satisfies WorkerExitReport);
  });
}

export function isWorkerExitReport(message: unknown): message is WorkerExitReport {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === MESSAGE_TYPE;
}

/** The exit code in piscina's "worker exited with code: N" error, or undefined for any other error. */
export function exitCodeOfPiscinaError(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const match = /^worker exited with code: (-?\d+)$/.exec(error.message);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** `cause`: what ended the thread when it is known (the raw pool sees a dying thread's uncaught error). */
export function workerExitError(
  exitCode: number,
  when: 'during a task' | 'between tasks',
  exitThreadId?: number,
  cause?: string,
): Error {
  const thread = exitThreadId === undefined ? 'a worker thread' : `worker thread ${exitThreadId}`;
  return Object.assign(
    new Error(
      `${thread} exited with code ${exitCode} ${when} (${cause ?? 'process.exit() or a fatal error in the workload'})`,
    ),
    {
      name: 'WorkerExit',
      code: WORKER_EXIT_CODE,
      exitCode,
    },
  );
}

/**
 * piscina hands back a plain `{}` when a worker dies of an error that cannot cross threads — most often the
 * DataCloneError of posting back a result that cannot be cloned, past the worker's own first check.
 */
export function workerLostError(thrown: unknown): Error {
  let shown: string;
  try {
    shown = JSON.stringify(thrown) ?? String(thrown);
  } catch {
    shown = String(thrown);
  }
  return Object.assign(
    new Error(
      `the worker thread died of an error that could not be passed back (${shown}); a task result that ` +
        `cannot be cloned does this`,
    ),
    { name: 'WorkerLost', code: 'ERR_CORESCOPE_WORKER_LOST' },
  );
}
