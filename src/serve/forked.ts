import { type ChildProcess, fork } from 'node:child_process';
import { TaskError, type SerializedError } from '../errors.js';

/**
 * A forked process spoken to one message at a time, every wait under a deadline. The serve study holds its
 * server child over many steps (start, begin, end, close), which the one-config-one-result `runInChild` of
 * studies/study-child.ts does not fit; this is the thin adapter it needs.
 */

/** What went wrong with a step: the process missed its deadline (killed), died, or reported an error. */
export type StepFault = 'timeout' | 'crashed' | 'error';

export class StepError extends Error {
  override readonly name = 'StepError';
  constructor(
    readonly fault: StepFault,
    message: string,
    /** For `error`: the name of what the process threw (a UsageError is the user's input, not a fault). */
    readonly causeName?: string,
  ) {
    super(message);
  }
}

const live = new Set<ChildProcess>();

/** Kills every process this module started and that still runs (a second Ctrl-C, or an exit on error). */
export function killAllForked(): void {
  for (const child of live) child.kill('SIGKILL');
}

export class Forked<In extends object, Out extends { type: string }> {
  private readonly child: ChildProcess;
  private readonly inbox: Out[] = [];
  private waiter: ((message: Out | undefined) => void) | undefined;
  private exitText: string | undefined;

  constructor(
    file: URL,
    private readonly name: string,
  ) {
    this.child = fork(file, [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 'ignore', 2, 'ipc'] });
    live.add(this.child);
    this.child.on('message', (message: Out) => {
      if (this.waiter !== undefined) this.waiter(message);
      else this.inbox.push(message);
    });
    this.child.once('exit', (code, signal) => {
      live.delete(this.child);
      this.exitText = signal !== null ? `on ${signal}` : `with code ${code}`;
      this.waiter?.(undefined);
    });
  }

  get running(): boolean {
    return this.exitText === undefined;
  }

  send(message: In): void {
    if (this.running) this.child.send(message);
  }

  /** The next message, or a StepError: `timeout` (the process is killed), `crashed`, or `error` (it reported one). */
  next(timeoutMs: number, step: string): Promise<Out> {
    const queued = this.inbox.shift();
    if (queued !== undefined) return this.accept(queued, step);
    if (!this.running) return Promise.reject(this.crashed(step));
    return new Promise<Out | undefined>((resolve) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        this.kill();
        resolve(undefined);
      }, timeoutMs);
      this.waiter = (message) => {
        clearTimeout(timer);
        this.waiter = undefined;
        resolve(message);
      };
    }).then((message) => {
      if (message !== undefined) return this.accept(message, step);
      throw this.exitText === undefined || this.exitText === 'on SIGKILL'
        ? new StepError('timeout', `${this.name}: "${step}" did not finish within ${timeoutMs} ms; killed`)
        : this.crashed(step);
    });
  }

  kill(): void {
    if (this.running) this.child.kill('SIGKILL');
  }

  private accept(message: Out, step: string): Promise<Out> {
    if (message.type !== 'error') return Promise.resolve(message);
    const error = new TaskError((message as unknown as { error: SerializedError }).error);
    return Promise.reject(
      new StepError('error', `${this.name}: "${step}" failed: ${error.name}: ${error.message}`, error.name),
    );
  }

  private crashed(step: string): StepError {
    return new StepError('crashed', `${this.name}: exited ${this.exitText ?? '?'} during "${step}"`);
  }
}
