// The piscina task file of server-pool.mjs: one report per task.
import { buildReport } from './report.mjs';

export default (rows) => buildReport(rows);
