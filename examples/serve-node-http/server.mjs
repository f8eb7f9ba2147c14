// An existing plain node:http server, the starting point: `/report` computes inline, on the event loop, so every
// other request (here `/health`) waits while it runs. `node examples/serve-node-http/server.mjs`
import http from 'node:http';
import { buildReport } from './report.mjs';

const server = http.createServer((request, response) => {
  if (request.url === '/health') return response.end('ok');
  if (request.url === '/report') return response.end(JSON.stringify(buildReport(20_000)));
  response.statusCode = 404;
  response.end();
});
server.listen(3000, '127.0.0.1', () => console.log('http://127.0.0.1:3000/report'));
