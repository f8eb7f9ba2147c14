import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineWorkload } from '../src/workload.js';

interface HttpData {
  url: string;
}

// Servers live in the measuring process only; tasks (maybe on worker threads) see just the URL.
const servers = new Map<string, Server>();

/**
 * Real HTTP requests over loopback to a server this workload starts on 127.0.0.1 (ephemeral port).
 * The server answers each request after `size` ms, like a remote API with that latency.
 */
export default defineWorkload<HttpData, number>({
  id: 'io-http',
  kind: 'io',
  description: 'HTTP GET to a loopback server that answers after `size` ms',
  defaultSize: 10,
  async setup({ size }) {
    const server = createServer((request, response) => {
      const timer = setTimeout(() => {
        const body = JSON.stringify({ path: request.url ?? '/' });
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        response.end(body);
      }, size);
      response.on('close', () => clearTimeout(timer));
    });
    server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const url = `http://127.0.0.1:${port}`;
    servers.set(url, server);
    return { url };
  },
  async teardown({ url }) {
    const server = servers.get(url);
    if (server === undefined) return;
    servers.delete(url);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  },
  async task({ data, index }) {
    const response = await fetch(`${data.url}/item/${index}`);
    if (!response.ok) throw new Error(`io-http: HTTP ${response.status} for item ${index}`);
    const body = (await response.json()) as { path: string };
    return body.path.length;
  },
});
