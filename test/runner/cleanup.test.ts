import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { measureJob } from '../../src/runner/measure-job.js';
import type { ChildMessage, MeasureJob } from '../../src/runner/protocol.js';
import { resolveMeasureConfig } from '../../src/options/measure-config.js';
import { resolveWorkloadUrl } from '../../src/workload-source.js';

/** Runs a workload's whole cell lifecycle in this process, as the measuring child does, and keeps every message. */
async function measure(id: string, size: number): Promise<ChildMessage[]> {
  const { config } = resolveMeasureConfig(
    { workloads: [id], size, tasks: 4, warmupRounds: 1, rounds: 2, minSampleMs: 0 },
    { usableCores: 2 },
  );
  const job: MeasureJob = {
    config,
    workloadUrl: resolveWorkloadUrl(id),
    rounds: { kind: 'fixed', count: 2 },
    traceSamples: 1,
    processIndex: 0,
    usableCores: 2,
    cells: [
      { id: `${id}/sequential/t1`, strategy: 'sequential', threads: 1 },
      { id: `${id}/concurrent/t1`, strategy: 'concurrent', threads: 1 },
      { id: `${id}/parallel/t2`, strategy: 'parallel', threads: 2 },
    ],
  };
  const messages: ChildMessage[] = [];
  await measureJob(job, {
    emit: (message) => messages.push(message),
    stopRequested: () => false,
    roundDone: () => Promise.resolve(),
  });
  return messages;
}

function setupData<T>(messages: ChildMessage[]): T {
  const message = messages.find((candidate) => candidate.type === 'setup-data');
  if (message?.type !== 'setup-data') throw new Error('no setup data was reported');
  return message.data as T;
}

describe('after a run', () => {
  it('the loopback server is closed', async () => {
    const messages = await measure('io-http', 2);
    expect(messages.filter((message) => message.type === 'sample')).toHaveLength(6);
    const { url } = setupData<{ url: string }>(messages);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(fetch(`${url}/item/0`)).rejects.toThrow();
  });

  it('the fixture directory is gone', async () => {
    const messages = await measure('io-fs', 8);
    expect(messages.at(-1)).toEqual({ type: 'done' });
    const { dir } = setupData<{ dir: string }>(messages);
    expect(dir).toContain('corescope-io-fs-');
    expect(existsSync(dir)).toBe(false);
  });
});
