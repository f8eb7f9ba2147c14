import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlExporter } from '../../src/report/export/html.js';
import { toReportInputs } from '../../src/report/data/report-input.js';
import type { ResultFile } from '../../src/results/schema.js';
import type { TraceCapture, TraceSpan } from '../../src/trace/model.js';
import { launchBrowser } from '../helpers/browser.js';
import { scratchDir } from '../helpers/cli.js';
import { HOSTILE_WORKLOAD, hostileResult, realResult } from './fixtures.js';
import { syntheticCapture, withTrace } from './trace-fixture.js';

/**
 * The report's swimlane timelines in headless Chromium, checked against counts worked out here from the
 * capture itself: bars per track, lanes, queue waits and hand-over markers, for one sample per cell.
 */
const SCREENSHOT_DIR = resolve('test-output', 'report');
const WORKLOADS = ['cpu-compute', 'io-timer'];

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

interface DrawnTrack {
  name: string;
  lanes: number;
  runs: number;
  queues: number;
  dispatches: number;
  /** Bars with no visible box, or outside the track's lane. */
  misplaced: number;
  /** Pairs of run bars that overlap in time and share a row. */
  collisions: number;
  /** Left and right edges of each run bar, px. */
  runEdges: Array<[number, number]>;
}

const COLLECT = `[...document.querySelectorAll('figure.timeline g.cell')].map((cell) => ({
  cell: cell.getAttribute('data-cell'),
  tracks: [...cell.querySelectorAll('g.track')].map((track) => {
    const lane = track.querySelector('rect.lane').getBoundingClientRect();
    const box = (point) => point.firstElementChild.getBoundingClientRect();
    const bars = [...track.querySelectorAll('g.point.bar')];
    const runs = [...track.querySelectorAll('g.point.bar.run')].map(box);
    const misplaced = bars.map(box).filter((r) => r.width < 0.9 || r.height <= 0 || r.left < lane.left - 0.5 || r.right > lane.right + 1 || r.top < lane.top - 0.5 || r.bottom > lane.bottom + 0.5);
    let collisions = 0;
    runs.forEach((a, i) => runs.slice(i + 1).forEach((b) => {
      if (a.left < b.right - 1 && b.left < a.right - 1 && Math.abs(a.top - b.top) < 1) collisions += 1;
    }));
    return {
      name: track.getAttribute('data-track'),
      lanes: Number(track.getAttribute('data-lanes')),
      runs: runs.length,
      queues: track.querySelectorAll('g.point.bar.queue').length,
      dispatches: track.querySelectorAll('g.point.dispatch').length,
      misplaced: misplaced.length,
      collisions,
      runEdges: runs.map((r) => [r.left, r.right]),
    };
  }),
}))`;

/** The sample the picture should show, found the plain way: median wall time, the earlier one on a tie. */
function expectedSample(capture: TraceCapture, cellId: string): TraceSpan[] {
  const samples = new Map<string, TraceSpan[]>();
  for (const span of capture.spans.filter((span) => span.cellId === cellId))
    samples.set(`${span.process}/${span.sample}`, [...(samples.get(`${span.process}/${span.sample}`) ?? []), span]);
  const wall = (spans: TraceSpan[]): number =>
    Math.max(...spans.map((s) => s.endUs)) - Math.min(...spans.map((s) => s.dispatchUs ?? s.startUs));
  const sorted = [...samples.values()].sort((a, b) => wall(a) - wall(b));
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? [];
}

/** Most spans in progress at one moment: the lanes a track needs. */
function mostAtOnce(intervals: Array<[number, number]>): number {
  return Math.max(0, ...intervals.map(([start]) => intervals.filter(([s, e]) => s <= start && start < e).length));
}

function expectedTracks(
  capture: TraceCapture,
  cellId: string,
): Array<Omit<DrawnTrack, 'misplaced' | 'collisions' | 'runEdges'>> {
  const spans = expectedSample(capture, cellId);
  const main = spans.filter((span) => span.thread.kind === 'main');
  const handed = spans.filter((span) => span.dispatchUs !== undefined);
  const workers = [
    ...new Set([
      ...spans.flatMap((span) => (span.thread.kind === 'worker' ? [span.thread.threadId] : [])),
      ...capture.workers.filter((w) => w.cellId === cellId).map((w) => w.threadId),
    ]),
  ].sort((a, b) => a - b);
  const tracks = [];
  if (main.length > 0 || handed.length > 0)
    tracks.push({
      name: 'event loop',
      lanes: mostAtOnce(main.map((s) => [s.startUs, s.endUs])),
      runs: main.length,
      queues: 0,
      dispatches: handed.length,
    });
  if (handed.length > 0)
    tracks.push({
      name: 'pool queue',
      lanes: mostAtOnce(handed.map((s) => [s.dispatchUs ?? 0, s.startUs])),
      runs: 0,
      queues: handed.length,
      dispatches: 0,
    });
  for (const threadId of workers) {
    const own = spans.filter((span) => span.thread.kind === 'worker' && span.thread.threadId === threadId);
    tracks.push({
      name: `worker ${threadId}`,
      lanes: mostAtOnce(own.map((s) => [s.startUs, s.endUs])),
      runs: own.length,
      queues: 0,
      dispatches: 0,
    });
  }
  return tracks;
}

async function open(result: ResultFile, name: string): Promise<{ page: Page; problems: string[]; requests: string[] }> {
  const out = join(scratchDir(), `${name}.html`);
  writeFileSync(out, htmlExporter.render(toReportInputs([{ path: `${name}.json`, result }])));
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
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
  return { page, problems, requests };
}

describe('report timelines in headless Chromium', () => {
  it('draws one timeline per traced workload, with the bars, lanes and markers the capture holds', async () => {
    const base = realResult();
    const capture = syntheticCapture(base, WORKLOADS);
    const { page, problems, requests } = await open(withTrace(base, capture), 'timeline');
    try {
      expect(problems).toEqual([]);
      expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
      expect(await page.locator('figure.timeline').count()).toBe(WORKLOADS.length);
      const drawn = await page.evaluate<Array<{ cell: string; tracks: DrawnTrack[] }>>(COLLECT);
      const cellIds = [...new Set(capture.spans.map((span) => span.cellId))];
      expect(drawn.map((cell) => cell.cell)).toEqual(cellIds);
      for (const cell of drawn) {
        const expected = expectedTracks(capture, cell.cell);
        expect(
          cell.tracks.map(({ name, lanes, runs, queues, dispatches }) => ({ name, lanes, runs, queues, dispatches })),
          cell.cell,
        ).toEqual(expected);
        for (const track of cell.tracks) {
          expect(track.misplaced, `${cell.cell} ${track.name}`).toBe(0);
          expect(track.collisions, `${cell.cell} ${track.name}`).toBe(0);
        }
      }

      // The distinction, as drawn: sequential bars follow one another; the two workers of t2 run side by side.
      const trackOf = (cellId: string, name: string): DrawnTrack | undefined =>
        drawn.find((cell) => cell.cell === cellId)?.tracks.find((track) => track.name === name);
      const sequential = [...(trackOf('cpu-compute/sequential/t1', 'event loop')?.runEdges ?? [])].sort(
        (a, b) => a[0] - b[0],
      );
      sequential
        .slice(1)
        .forEach(([left], index) => expect(left).toBeGreaterThanOrEqual((sequential[index]?.[1] ?? 0) - 1));
      const [first] = trackOf('cpu-compute/parallel/t2', 'worker 1')?.runEdges ?? [];
      const [second] = trackOf('cpu-compute/parallel/t2', 'worker 2')?.runEdges ?? [];
      expect(first !== undefined && second !== undefined && first[0] < second[1] && second[0] < first[1]).toBe(true);
      expect(trackOf('io-timer/concurrent/t1', 'event loop')?.lanes).toBe(
        base.benchmarks.find((b) => b.id === 'io-timer/concurrent/t1')?.workload.tasks,
      );

      // Hovering a queue wait shows its exact figures.
      const wait = page.locator('g.cell[data-cell="cpu-compute/parallel/t2"] g.point.bar.queue').last();
      await wait.hover();
      const tooltip = page.locator('#tooltip');
      await expect.poll(() => tooltip.isVisible()).toBe(true);
      const tip = await tooltip.textContent();
      expect(tip).toBe(await wait.getAttribute('data-tip'));
      expect(tip).toMatch(
        /^cpu-compute\/parallel\/t2 · task \d+ queued \d+\.\d{3} ms: handed over at \d+\.\d{3} ms, started on worker \d+ at \d+\.\d{3} ms · sample 0/,
      );

      // The per-worker table: one row per pool cell of each traced workload.
      const poolCells = cellIds.filter((id) => id.includes('/parallel/'));
      expect(await page.locator('table.workers tr:has(td)').count()).toBe(poolCells.length);
      await page
        .locator('figure.timeline')
        .first()
        .screenshot({ path: join(SCREENSHOT_DIR, 'report-timeline.png') });
    } finally {
      await page.close();
    }
  });

  it('shows hostile cell ids in a timeline as text and runs none of them', async () => {
    const base = hostileResult();
    const { page, problems } = await open(
      withTrace(base, syntheticCapture(base, [HOSTILE_WORKLOAD])),
      'timeline-hostile',
    );
    try {
      expect(problems).toEqual([]);
      expect(await page.locator('main script, main img').count()).toBe(0);
      expect(await page.locator('figure.timeline g.cell').count()).toBeGreaterThan(0);
      await expect
        .poll(() =>
          page
            .locator('figure.timeline text.cell-title')
            .filter({ hasText: `${HOSTILE_WORKLOAD}/sequential/t1` })
            .count(),
        )
        .toBe(1);
    } finally {
      await page.close();
    }
  });

  it('draws nothing for a file without a trace', async () => {
    const { page, problems } = await open(realResult(), 'no-trace');
    try {
      expect(problems).toEqual([]);
      expect(await page.locator('figure.timeline').count()).toBe(0);
      expect(await page.locator('table.workers').count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
