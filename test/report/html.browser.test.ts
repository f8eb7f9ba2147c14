import { mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultFile } from '../../src/results/schema.js';
import { launchBrowser } from '../helpers/browser.js';
import { runCli, scratchDir } from '../helpers/cli.js';
import { expectedCharts } from './expected-charts.js';
import {
  fittedResult,
  grainStudy,
  HOSTILE_WORKLOAD,
  hostileResult,
  overheadStudy,
  rawUvResult,
  realResult,
  secondMachineResult,
  writeResult,
} from './fixtures.js';

/**
 * The HTML report in a real browser: headless Chromium (the system's, else the one in the `@sparticuz/chromium`
 * dev dependency; see test/helpers/browser.ts), the file opened from a file:// URL as a user would. Run alone with
 * `npx vitest run test/report/html.browser.test.ts`.
 */
const SCREENSHOT_DIR = resolve('test-output', 'report');

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

interface Rendered {
  kind: string;
  pointsPerSeries: number[];
  plotWidthPx: number;
  /** Points with no visible box, or outside their chart. */
  invisiblePoints: number;
  /** Lines (paths) of series with 2+ points that have no length. */
  emptyLines: number;
}

/**
 * Runs in the page: what each chart drew. A string, because it executes in the browser, not under Node's
 * types; it reads only the DOM.
 */
const COLLECT_CHARTS = `[...document.querySelectorAll('figure.chart')].map((figure) => {
  const svg = figure.querySelector('svg.plot');
  const box = svg ? svg.getBoundingClientRect() : null;
  const series = [...figure.querySelectorAll('svg.plot g.series')];
  const points = [...figure.querySelectorAll('svg.plot g.point')];
  const invisible = points.filter((point) => {
    const r = point.getBoundingClientRect();
    return !box || r.width <= 0 || r.height <= 0 || r.left < box.left - 8 || r.right > box.right + 60 || r.top < box.top - 8 || r.bottom > box.bottom + 8;
  });
  // Line charts: a series of two or more points must be drawn as a line of some length.
  const isLineChart = ['speedup', 'efficiency', 'startup', 'dispatch', 'payload', 'grain'].includes(figure.getAttribute('data-chart'));
  const emptyLines = series.filter((group) => {
    if (group.getAttribute('data-role') === 'marks') return false;
    const path = group.querySelector('path.line');
    return isLineChart && group.querySelectorAll('g.point').length > 1 && (path === null || path.getTotalLength() <= 0);
  });
  return {
    kind: figure.getAttribute('data-chart') || '',
    pointsPerSeries: series.map((group) => group.querySelectorAll('g.point').length).sort((a, b) => a - b),
    plotWidthPx: box ? box.width : 0,
    invisiblePoints: invisible.length,
    emptyLines: emptyLines.length,
  };
})`;

/**
 * Generates a report with the real CLI, opens it, and collects what the page drew and everything it complained
 * about.
 */
async function openReport(results: ResultFile[], name: string) {
  const directory = scratchDir();
  const files = results.map((result, index) => writeResult(directory, `machine-${index}.json`, result));
  const out = join(directory, `${name}.html`);
  const generated = await runCli(['report', ...files, '--format', 'html', '--out', out]);
  expect(generated.code, generated.stderr).toBe(0);

  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(out).href, { waitUntil: 'load' });

  const charts = await page.evaluate<Rendered[]>(COLLECT_CHARTS);
  return { page, charts, problems, requests, out };
}

describe('HTML report in headless Chromium', () => {
  it('renders every chart with the expected series and points, offline, without a console error', async () => {
    const results = [realResult(), secondMachineResult()];
    const { page, charts, problems, requests } = await openReport(results, 'two-machines');
    try {
      expect(problems).toEqual([]);
      // The file itself is the only thing loaded: nothing from the network, not even a favicon.
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
      const expected = expectedCharts(results);
      expect(expected.length).toBeGreaterThan(4);
      expect(charts.map(({ kind, pointsPerSeries }) => ({ kind, pointsPerSeries }))).toEqual(expected);
      for (const chart of charts) {
        expect(chart.plotWidthPx, chart.kind).toBeGreaterThan(300);
        expect(chart.invisiblePoints, chart.kind).toBe(0);
        expect(chart.emptyLines, chart.kind).toBe(0);
      }

      // Hovering a point shows its exact figures in the tooltip.
      const point = page.locator('figure[data-chart="speedup"] g.series[data-strategy="parallel"] g.point').last();
      await point.hover();
      const tooltip = page.locator('#tooltip');
      await expect.poll(() => tooltip.isVisible()).toBe(true);
      const tip = await tooltip.textContent();
      expect(tip).toBe(await point.getAttribute('data-tip'));
      expect(tip).toMatch(/speedup \d+\.\d\d× \(95% CI \d+\.\d\d–\d+\.\d\d\)/);

      await page.screenshot({ path: join(SCREENSHOT_DIR, 'report-two-machines.png'), fullPage: true });
      const first = await openReport([realResult()], 'one-machine');
      await first.page.screenshot({ path: join(SCREENSHOT_DIR, 'report.png'), fullPage: false });
      expect(first.problems).toEqual([]);
      await first.page.close();
      expect(statSync(join(SCREENSHOT_DIR, 'report.png')).size).toBeGreaterThan(10_000);
      // The header names every file's machine.
      expect(await page.locator('header .sub').textContent()).toMatch(/^2 result files: .+, big-box · /);
    } finally {
      await page.close();
    }
  });

  it('renders a uv sweep with raw cells, a scaling fit, and study files with the expected charts', async () => {
    for (const [name, results] of [
      ['raw-uv-fit', [rawUvResult(), fittedResult()]],
      ['studies', [overheadStudy(), grainStudy()]],
    ] as const) {
      const { page, charts, problems } = await openReport([...results], name);
      try {
        expect(problems).toEqual([]);
        expect(charts.map(({ kind, pointsPerSeries }) => ({ kind, pointsPerSeries }))).toEqual(expectedCharts(results));
        for (const chart of charts) {
          expect(chart.plotWidthPx, chart.kind).toBeGreaterThan(300);
          expect(chart.invisiblePoints, chart.kind).toBe(0);
          expect(chart.emptyLines, chart.kind).toBe(0);
        }
        await page.screenshot({ path: join(SCREENSHOT_DIR, `report-${name}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    }
  });

  it('shows hostile strings from a result file as text and runs none of them', async () => {
    const { page, problems } = await openReport([hostileResult()], 'hostile');
    try {
      // An injected <script> or onerror would open a dialog or break the policy: either lands in problems.
      expect(problems).toEqual([]);
      expect(await page.locator('main script, main img').count()).toBe(0);
      await expect.poll(() => page.getByText(HOSTILE_WORKLOAD, { exact: true }).count()).toBeGreaterThan(0);
      expect(
        await page.locator('.warnings li').filter({ hasText: 'task failed <script>alert("pwned")</script>' }).count(),
      ).toBe(1);
    } finally {
      await page.close();
    }
  });
});
