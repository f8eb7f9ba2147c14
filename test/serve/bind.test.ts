import http from 'node:http';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVE_HOST, startServer, type StudyServer } from '../../src/serve/server.js';

function get(host: string, port: number, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host, port, path, timeout: 2000 }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.once('timeout', () => request.destroy(new Error('timeout')));
    request.once('error', reject);
  });
}

/** Addresses of this machine other than loopback: the server must not answer on any of them. */
function outsideAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .filter((entry) => !entry.internal)
    .map((entry) => entry.address);
}

describe('the study server', () => {
  let server: StudyServer;
  beforeAll(async () => {
    server = await startServer((index) =>
      index === 1 ? Promise.reject(new Error('task failed')) : Promise.resolve(index),
    );
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 only: not 0.0.0.0, not ::', () => {
    expect(SERVE_HOST).toBe('127.0.0.1');
    expect(server.address).toBe('127.0.0.1');
    expect(server.server.address()).toMatchObject({ address: '127.0.0.1', family: 'IPv4' });
  });

  it('refuses connections on IPv6 loopback and on every other address of the machine', async () => {
    await expect(get('::1', server.port, '/health')).rejects.toThrow(/ECONNREFUSED|EADDRNOTAVAIL|EAFNOSUPPORT/);
    for (const address of outsideAddresses()) {
      await expect(get(address, server.port, '/health')).rejects.toThrow();
    }
  });

  it('answers /health at once, /compute with the task, 500 when the task throws, 404 elsewhere', async () => {
    expect(await get(SERVE_HOST, server.port, '/health')).toBe(200);
    expect(await get(SERVE_HOST, server.port, '/compute')).toBe(200);
    expect(await get(SERVE_HOST, server.port, '/compute')).toBe(500);
    expect(await get(SERVE_HOST, server.port, '/elsewhere')).toBe(404);
    expect(server.counters).toEqual({ inFlight: 0, taskErrors: 1 });
  });
});
