import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { renderServePage } from '../../src/report/html/serve-page.js';
import { renderServeTables } from '../../src/report/terminal/serve-table.js';
import { serveResultSchema } from '../../src/results/serve-schema.js';

const reference = serveResultSchema.parse(
  JSON.parse(readFileSync(join(PACKAGE_ROOT, 'results', 'reference', 'serve-cpu-spin.json'), 'utf8')),
);

describe('serve rendering of the committed reference run', () => {
  it('draws latency against offered load, one line per strategy, and throughput', () => {
    const html = renderServePage(reference);
    for (const kind of ['serve-health', 'serve-compute', 'serve-throughput']) {
      const figure = new RegExp(`data-chart="${kind}" data-series-count="${reference.series.length}"`);
      expect(html).toMatch(figure);
    }
    expect(html).toContain('concurrent (inline)');
    expect(html).toContain('parallel (2 threads)');
  });

  it('prints one table per series with a row per offered rate', () => {
    const text = renderServeTables(reference).join('\n');
    for (const series of reference.series) expect(text).toContain(`${series.id}: capacity`);
    const rows = text.split('\n').filter((line) => /^\d+ req\/s /.test(line));
    expect(rows).toHaveLength(reference.series.length * reference.config.ratesPerS.length);
  });
});
