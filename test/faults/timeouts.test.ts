import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/errors.js';
import { WATCHDOG_GRACE_MS } from '../../src/runner/watchdog.js';
import {
  FAULT_VARIANTS,
  failureOf,
  fixture,
  runFaulty,
  type StrategyName,
  threadsFor,
  variantFlags,
} from './fault-run.js';

const TASK_TIMEOUT_MS = 500;
// Enough tasks that the old bound for a main-thread spin, the batch deadline (tasks x timeout + 5 s grace),
// would be 35 s per cell: the watchdog must end each spinning cell at timeout + its grace instead. Which of the
// two ended it is read from the failure, not timed: the message names the deadline that fired.
const TASKS = 60;

describe('tasks that never finish', () => {
  it.each(FAULT_VARIANTS)(
    'a never-settling task and a synchronous spin time out within about --task-timeout ($label)',
    async (variant) => {
      // A batched message's deadline is k x --task-timeout: a shorter timeout keeps that row's two lost messages short.
      const taskTimeoutMs = variant.batch === 1 ? TASK_TIMEOUT_MS : TASK_TIMEOUT_MS / 2;
      const run = await runFaulty(
        [fixture('never-settles'), fixture('spins'), fixture('ok')],
        [
          ...variantFlags(variant),
          '-t',
          '2',
          '--tasks',
          String(TASKS),
          '--rounds',
          '1',
          '--warmup',
          '0',
          '--task-timeout',
          String(taskTimeoutMs),
        ],
      );
      expect(run.cli.code, run.cli.stderr).toBe(EXIT.workloadFailed);

      for (const strategy of new Set<StrategyName>(['sequential', ...variant.strategies])) {
        const id = (workload: string): string => `${workload}/${strategy}/t${threadsFor(strategy, 2)}`;
        const hung = failureOf(run.cell(id('never-settles')));
        expect(hung.status).toBe('timeout');
        expect(hung.error.code).toBe('ERR_CORESCOPE_TASK_TIMEOUT');
        // A batched message lost to its deadline fails every task it carried.
        expect(hung.failedTasks).toBe(strategy === 'parallel' ? variant.batch : 1);
        expect(hung.totalTasks).toBe(TASKS);

        const spun = failureOf(run.cell(id('spins')));
        expect(spun.status).toBe('timeout');
        if (strategy === 'parallel' || strategy === 'raw') {
          // The pool terminates the spinning worker when the task's abort signal fires.
          expect(spun.error.code).toBe('ERR_CORESCOPE_TASK_TIMEOUT');
        } else {
          // The main thread cannot stop itself: the watchdog reports it and the supervisor kills the process.
          expect(spun.error.code).toBe('ERR_CORESCOPE_DEADLINE');
          expect(spun.error.message).toMatch(/blocked the measuring process's main thread/);
          expect(spun.error.message).toContain(`for over ${taskTimeoutMs + WATCHDOG_GRACE_MS} ms`);
        }
        expect(run.cell(id('ok')).status).toBe('ok');
      }
    },
  );
});
