import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunCompute } from './compute-route.js';

/** The only address the study's server listens on: loopback, never every interface. */
export const SERVE_HOST = '127.0.0.1';

export interface ServeCounters {
  /** `/compute` tasks started and not yet answered. */
  inFlight: number;
  /** `/compute` tasks that threw (answered 500). */
  taskErrors: number;
}

export interface StudyServer {
  server: http.Server;
  port: number;
  address: string;
  counters: ServeCounters;
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1, on a port the system picks. `/health` answers at once: it stands for every
 * other user of the server. `/compute` runs one task the way `runCompute` does; a task that throws answers 500
 * and the server goes on.
 */
export async function startServer(runCompute: RunCompute): Promise<StudyServer> {
  const counters: ServeCounters = { inFlight: 0, taskErrors: 0 };
  let nextIndex = 0;
  const server = http.createServer((request, response) => {
    if (request.url === '/health') {
      response.end('ok');
      return;
    }
    if (request.url !== '/compute') {
      response.statusCode = 404;
      response.end();
      return;
    }
    counters.inFlight += 1;
    runCompute(nextIndex++).then(
      () => {
        counters.inFlight -= 1;
        response.end('done');
      },
      () => {
        counters.inFlight -= 1;
        counters.taskErrors += 1;
        response.statusCode = 500;
        response.end('task failed');
      },
    );
  });
  // Many connections at once are the point of the study; Node's keep-alive defaults are fine for the rest.
  server.maxConnections = 4096;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, SERVE_HOST, () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  return {
    server,
    port,
    address,
    counters,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
