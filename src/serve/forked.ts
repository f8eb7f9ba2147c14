import { superviseChild, type SupervisedChild } from '../runner/supervised-child.js';
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

/**
 * One process of the serve study, on the supervised-child primitive every study shares (runner/supervised-child.ts):
 * its deadline kills it, and `killSignal` (a second Ctrl-C) ends it at once.
 */
export class Forked<In extends object, Out extends { type: string }> {
  private readonly supervised: SupervisedChild;
  private readonly inbox: Out[] = [];
  private waiter: ((message: Out | undefined) => void) | undefined;
  private exitText: string | undefined;

  constructor(
    file: URL,
    private readonly name: string,
    killSignal?: AbortSignal,
  ) {
    this.supervised = superviseChild({ file, ...(killSignal !== undefined ? { killSignal } : {}) });
    this.supervised.child.on('message', (message: Out) => {
      if (this.waiter !== undefined) this.waiter(message);
      else this.inbox.push(message);
    });
    void this.supervised.exited.then(({ code, signal }) => {
      this.exitText = signal !== null ? `on ${signal}` : `with code ${code}`;
      this.waiter?.(undefined);
    });
  }

  get running(): boolean {
    return this.exitText === undefined;
  }

  send(message: In): void {
    if (this.running) this.supervised.send(message);
  }

  /** The next message, or a StepError: `timeout` (the process is killed), `crashed`, or `error` (it reported one). */
  next(timeoutMs: number, step: string): Promise<Out> {
    const queued = this.inbox.shift();
    if (queued !== undefined) return this.accept(queued, step);
    if (!this.running) return Promise.reject(this.crashed(step));
    return new Promise<Out | undefined>((resolve) => {
      this.supervised.arm(timeoutMs, () => {
        this.waiter = undefined;
        resolve(undefined);
      });
      this.waiter = (message) => {
        this.supervised.disarm();
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
    if (this.running) this.supervised.child.kill('SIGKILL');
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
