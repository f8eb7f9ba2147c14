// The same server with the computing moved to a piscina pool: the change `corescope serve` measures before you make
// it. The handler awaits the pool; the event loop stays free for `/health`.
// `node examples/serve-node-http/server-pool.mjs`
import http from 'node:http';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

const pool = new Piscina({
  filename: new URL('./report-task.mjs', import.meta.url).href,
  maxThreads: availableParallelism(),
});

const server = http.createServer(async (request, response) => {
  if (request.url === '/health') return response.end('ok');
  if (request.url === '/report') return response.end(JSON.stringify(await pool.run(20_000)));
  response.statusCode = 404;
  response.end();
});
server.listen(3000, '127.0.0.1', () => console.log('http://127.0.0.1:3000/report'));
