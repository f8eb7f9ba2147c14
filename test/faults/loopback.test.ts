import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkload, resolveWorkloadUrl } from '../../src/workload-source.js';
import type { Workload } from '../../src/workload.js';

/** Tries a TCP connection; resolves with the error code, or 'connected'. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('the io-http loopback server', () => {
  let workload: Workload;
  let data: { url: string };

  beforeAll(async () => {
    workload = await loadWorkload(resolveWorkloadUrl('io-http'));
    data = (await workload.setup?.({ size: 1, tasks: 1 })) as { url: string };
  });
  afterAll(async () => {
    await workload.teardown?.(data);
  });

  it('listens on 127.0.0.1 and answers there', async () => {
    const url = new URL(data.url);
    expect(url.hostname).toBe('127.0.0.1');
    expect(await tryConnect('127.0.0.1', Number(url.port))).toBe('connected');
  });

  it('is not reachable on any other address of this machine', async () => {
    const port = Number(new URL(data.url).port);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address !== undefined && !address.internal)
      .map((address) => address?.address ?? '');
    // IPv6 loopback is another address too: a server bound to every interface would answer there.
    for (const host of ['::1', ...others]) expect(await tryConnect(host, port), host).not.toBe('connected');
  });
});
