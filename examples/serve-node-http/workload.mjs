// The handler's computing as a corescope workload, so `corescope serve` can measure it inline and on a pool before
// the server changes:
//   npx corescope serve -w ./examples/serve-node-http/workload.mjs
// `task` calls exactly what the `/report` handler calls; `size` is the number of rows.
import { defineWorkload } from 'corescope';
import { buildReport } from './report.mjs';

export default defineWorkload({
  id: 'sales-report',
  kind: 'cpu',
  description: 'the /report handler of server.mjs: sort, group and sum `size` rows',
  defaultSize: 20_000,
  task: ({ size }) => buildReport(size),
});
