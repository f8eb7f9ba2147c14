import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultFile } from '../../src/results/schema.js';
import { launchBrowser } from '../helpers/browser.js';
import { runCli, scratchDir } from '../helpers/cli.js';
import { HOSTILE, HOSTILE_WORKLOAD, hostileResult } from '../report/fixtures.js';
import { type HistoryPlan, historyResults, okIds, writeHistory } from './history-fixture.js';

/**
 * `corescope history --format html` in headless Chromium, opened from file:// as a user would. The charts,
 * points and change-point markers the page draws are counted against the counts the fixture was built with.
 */
const SCREENSHOT_DIR = resolve('test-output', 'history');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

interface DrawnChart {
  series: string;
  machine: string;
  points: number;
  markers: Array<{ direction: string; index: number; shape: string; label: string }>;
  /** Points or markers with no visible box, or outside their chart. */
  invisible: number;
  lineLength: number;
}

/** Runs in the page: what each trend chart drew. A string, since it executes in the browser, not under Node. */
const COLLECT = `[...document.querySelectorAll('figure.chart[data-chart="trend"]')].map((figure) => {
  const svg = figure.querySelector('svg.plot') || figure;
  const box = svg.getBoundingClientRect();
  const points = [...svg.querySelectorAll('g.point:not(.change-point)')];
  const markers = [...svg.querySelectorAll('g.change-point')];
  const invisible = [...points, ...markers].filter((element) => {
    const r = element.getBoundingClientRect();
    return r.width <= 0 || r.height <= 0 || r.left < box.left - 8 || r.right > box.right + 60 || r.top < box.top - 8 || r.bottom > box.bottom + 8;
  });
  const line = svg.querySelector('path.line');
  return {
    series: figure.getAttribute('data-series'),
    machine: figure.getAttribute('data-machine'),
    points: points.length,
    markers: markers.map((marker) => ({
      direction: marker.getAttribute('data-direction'),
      index: Number(marker.getAttribute('data-index')),
      shape: marker.querySelector('path') ? 'triangle' : 'none',
      label: marker.querySelector('text.change-label')?.textContent ?? '',
    })),
    invisible: invisible.length,
    lineLength: line ? line.getTotalLength() : 0,
  };
})`;

async function openHistory(results: ResultFile[], name: string) {
  const directory = scratchDir();
  const runs = join(directory, 'runs');
  mkdirSync(runs);
  writeHistory(runs, results);
  const out = join(directory, `${name}.html`);
  const generated = await runCli(['history', runs, '--format', 'html', '--out', out]);
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
  const charts = await page.evaluate<DrawnChart[]>(COLLECT);
  return { page, charts, problems, requests };
}

const PLAN: HistoryPlan = {
  count: 12,
  stepAt: 8,
  ratio: 1.15,
  stepped: (id) => id.startsWith('cpu-'),
  cv: 0.01,
  seed: 21,
  commits: true,
};

describe('history HTML in headless Chromium', () => {
  it('draws one trend chart per series, every point, and a marker at each change point, offline', async () => {
    const results = historyResults(PLAN);
    const { page, charts, problems, requests } = await openHistory(results, 'history');
    try {
      expect(problems).toEqual([]);
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
      const ids = results[0] === undefined ? [] : okIds(results[0]);
      expect(charts.map((chart) => chart.series)).toEqual(ids);
      for (const chart of charts) {
        expect(chart.points, chart.series).toBe(results.length);
        expect(chart.invisible, chart.series).toBe(0);
        expect(chart.lineLength, chart.series).toBeGreaterThan(100);
        const expected = PLAN.stepped(chart.series)
          ? [{ direction: 'slower', index: PLAN.stepAt, shape: 'triangle' }]
          : [];
        expect(
          chart.markers.map(({ direction, index, shape }) => ({ direction, index, shape })),
          chart.series,
        ).toEqual(expected);
        for (const marker of chart.markers) expect(marker.label).toMatch(/^\+1\d\.\d %$/);
      }
      // Hovering a change marker shows where the step began.
      await page.locator('figure[data-series="cpu-hash/sequential/t1"] g.change-point path').hover();
      const tooltip = page.locator('#tooltip');
      await expect.poll(() => tooltip.isVisible()).toBe(true);
      expect(await tooltip.textContent()).toMatch(
        /^change point: \+1\d\.\d % slower \(.+ → .+, p = .+\) from #9 run-09\.json, commit 0808080$/,
      );
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'history.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('draws each machine apart, and a faster step with a downward marker', async () => {
    const results = historyResults({
      ...PLAN,
      ratio: 0.8,
      cpuModel: (index) => (index < 6 ? 'AMD EPYC' : 'Intel Xeon'),
      stepAt: 9,
    });
    const { page, charts, problems } = await openHistory(results, 'history-two-machines');
    try {
      expect(problems).toEqual([]);
      const ids = results[0] === undefined ? [] : okIds(results[0]);
      expect(charts).toHaveLength(ids.length * 2);
      expect(new Set(charts.map((chart) => chart.machine))).toEqual(
        new Set(['AMD EPYC, 2 usable cores, Node 20', 'Intel Xeon, 2 usable cores, Node 20']),
      );
      for (const chart of charts) {
        expect(chart.points).toBe(6);
        // The step is at file 10 overall: the 4th of the second machine's six files; none on the first.
        const expected =
          PLAN.stepped(chart.series) && chart.machine.startsWith('Intel') ? [{ direction: 'faster', index: 3 }] : [];
        expect(
          chart.markers.map(({ direction, index }) => ({ direction, index })),
          `${chart.machine} ${chart.series}`,
        ).toEqual(expected);
      }
    } finally {
      await page.close();
    }
  });

  it('shows hostile strings from result files as text and runs none of them', async () => {
    const results = historyResults({ ...PLAN, count: 4, base: hostileResult });
    const { page, problems } = await openHistory(results, 'history-hostile');
    try {
      expect(problems).toEqual([]);
      expect(await page.locator('main script, main img').count()).toBe(0);
      await expect
        .poll(() => page.locator('figcaption').filter({ hasText: HOSTILE_WORKLOAD }).count())
        .toBeGreaterThan(0);
      expect(
        await page
          .locator('h2')
          .filter({ hasText: `cpu ${HOSTILE.split('\n')[0] ?? ''}` })
          .count(),
      ).toBe(1);
    } finally {
      await page.close();
    }
  });
});
