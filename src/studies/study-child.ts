import { type SerializedError, TaskError } from '../errors.js';
import { superviseChild } from '../runner/supervised-child.js';

export type StudyChildMessage =
  { type: 'step'; step: string } | { type: 'result'; value: unknown } | { type: 'error'; error: SerializedError };

/**
 * Runs a study's probes in a supervised child: sends `config`, resolves with its result. Each step the child
 * announces must finish within `stepTimeoutMs`, or the child is killed and the promise rejects naming the step.
 * `killSignal` ends it at once (Ctrl-C: a study of probes has nothing partial worth keeping).
 */
export async function runInChild<T>(
  file: URL,
  config: unknown,
  options: { stepTimeoutMs: number; onStep?: (step: string) => void; killSignal?: AbortSignal },
): Promise<T> {
  const supervised = superviseChild({
    file,
    ...(options.killSignal !== undefined ? { killSignal: options.killSignal } : {}),
  });
  let step = 'start';
  let outcome: { ok: true; value: T } | { ok: false; error: Error } | undefined;
  const arm = (): void =>
    supervised.arm(options.stepTimeoutMs, () => {
      const message = `study step "${step}" did not finish within ${options.stepTimeoutMs} ms; its process was killed`;
      outcome = { ok: false, error: new Error(message) };
    });
  supervised.child.on('message', (message: StudyChildMessage) => {
    if (message.type === 'step') {
      step = message.step;
      options.onStep?.(step);
      arm();
    } else if (message.type === 'result') {
      outcome = { ok: true, value: message.value as T };
    } else {
      outcome = { ok: false, error: new TaskError(message.error) };
    }
  });
  supervised.child.once('spawn', () => {
    arm();
    supervised.send(config as object);
  });
  const { code, signal } = await supervised.exited;
  if (outcome === undefined)
    throw new Error(
      `the study process exited ${signal !== null ? `on ${signal}` : `with code ${code}`} during "${step}"`,
    );
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
