import { fork } from 'node:child_process';
import { type SerializedError, TaskError } from '../errors.js';

export type StudyChildMessage =
  { type: 'step'; step: string } | { type: 'result'; value: unknown } | { type: 'error'; error: SerializedError };

/**
 * Runs a study's probes in a forked child: sends `config`, resolves with its result. Each step the child
 * announces must finish within `stepTimeoutMs`, or the child is killed and the promise rejects naming the
 * step (a hung thread cannot be interrupted any other way).
 */
export function runInChild<T>(
  file: URL,
  config: unknown,
  options: { stepTimeoutMs: number; onStep?: (step: string) => void },
): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(file, [], { execArgv: [], serialization: 'advanced', stdio: ['ignore', 2, 2, 'ipc'] });
    let step = 'start';
    let outcome: { ok: true; value: T } | { ok: false; error: Error } | undefined;
    let timer: NodeJS.Timeout | undefined;
    const arm = (): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        outcome = {
          ok: false,
          error: new Error(
            `study step "${step}" did not finish within ${options.stepTimeoutMs} ms; its process was killed`,
          ),
        };
        child.kill('SIGKILL');
      }, options.stepTimeoutMs);
    };
    child.on('message', (message: StudyChildMessage) => {
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
    child.once('spawn', () => {
      arm();
      child.send(config as object);
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (outcome === undefined)
        reject(
          new Error(
            `the study process exited ${signal !== null ? `on ${signal}` : `with code ${code}`} during "${step}"`,
          ),
        );
      else if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    });
  });
}
