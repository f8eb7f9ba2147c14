import { renderReport } from '../html/report.js';
import type { Exporter } from './exporter.js';

/** The self-contained HTML report (src/report/html/report.ts) as an output format. */
export const htmlExporter: Exporter = {
  format: 'html',
  extensions: ['.html', '.htm'],
  render: renderReport,
};
