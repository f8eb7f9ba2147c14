import { type ChildProcess, fork } from 'node:child_process';

/** The longest delay a Node timer takes (about 24.8 days); a longer deadline would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface ChildSpec {
  /** The module the child runs. */
  file: URL;
  execArgv?: string[];
  env?: NodeJS.ProcessEnv;
  /** Open fd 4 as a pipe from the child (a watchdog thread reports there when the main thread cannot). */
  reportPipe?: boolean;
  /** Aborted: the child is killed at once (a second Ctrl-C), wherever it is. */
  killSignal?: AbortSignal;
}

export interface SupervisedChild {
  child: ChildProcess;
  /** Sends over IPC while the channel is open; a message to a child that has gone is dropped. */
  send(message: object): void;
  /** (Re)arms the one deadline: past `ms`, `onExpiry` runs and the child is killed. */
  arm(ms: number, onExpiry: () => void): void;
  disarm(): void;
  /** Resolves when the child has exited, however it ended. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * A forked child under a deadline, the one way corescope runs code it must be able to stop: a synchronous loop on
 * a thread cannot be pre-empted, only its process killed. Workload output goes to stderr, so `--json` keeps stdout
 * clean. Used by the run's measuring processes and by the studies.
 */
export function superviseChild(spec: ChildSpec): SupervisedChild {
  const child = fork(spec.file, [], {
    execArgv: spec.execArgv ?? [],
    serialization: 'advanced',
    stdio: spec.reportPipe === true ? ['ignore', 2, 2, 'ipc', 'pipe'] : ['ignore', 2, 2, 'ipc'],
    ...(spec.env !== undefined ? { env: spec.env } : {}),
    ...(spec.killSignal !== undefined ? { signal: spec.killSignal, killSignal: 'SIGKILL' as const } : {}),
  });
  // Killing through the abort signal also emits an AbortError here: the exit that follows is what counts.
  child.on('error', () => undefined);
  let deadline: NodeJS.Timeout | undefined;
  const disarm = (): void => clearTimeout(deadline);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      disarm();
      resolve({ code, signal });
    }),
  );
  return {
    child,
    send: (message) => {
      if (child.connected) child.send(message);
    },
    arm: (ms, onExpiry) => {
      disarm();
      deadline = setTimeout(
        () => {
          onExpiry();
          child.kill('SIGKILL');
        },
        Math.min(ms, MAX_TIMER_MS),
      );
    },
    disarm,
    exited,
  };
}
