/**
 * `npm run docs:screenshot`: draws docs/report.png, the README's picture of the HTML report, from the committed
 * reference run that README's terminal excerpt also comes from (README_RUN). The picture is made, never edited by
 * hand: to change it, commit a new run and run this again. The browser is the one the tests use
 * (test/helpers/browser.ts: a system Chromium, else the one in the @sparticuz/chromium dev dependency).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { toReportInputs } from '../src/report/data/report-input.js';
import { renderReport } from '../src/report/html/report.js';
import { readResultFile } from '../src/results/load.js';
import { PACKAGE_ROOT } from '../src/paths.js';
import { launchBrowser } from '../test/helpers/browser.js';
import { README_RUN } from './readme-run.js';

/** The picture: the report's first screen, at a width a README shows without scaling it down much. */
const VIEWPORT = { width: 1200, height: 1240 };
const PICTURE_PATH = join(PACKAGE_ROOT, 'docs', 'report.png');

async function main(): Promise<void> {
  const runPath = join(PACKAGE_ROOT, README_RUN);
  const html = renderReport(toReportInputs([{ path: README_RUN, result: readResultFile(runPath) }]));
  const folder = mkdtempSync(join(tmpdir(), 'corescope-screenshot-'));
  const browser = await launchBrowser();
  try {
    const page = join(folder, 'report.html');
    writeFileSync(page, html);
    const tab = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    await tab.screenshot({ path: PICTURE_PATH, fullPage: false });
  } finally {
    await browser.close();
    rmSync(folder, { recursive: true, force: true });
  }
  process.stdout.write(`docs/report.png: drawn from ${README_RUN}\n`);
}

await main();
