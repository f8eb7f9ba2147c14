import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { chooseBrowser } from './browser-choice.js';

/**
 * Flags for a closed network: without the background-networking ones Chromium keeps dialling Google's hosts,
 * and this machine refuses each connection. --no-sandbox because tests run as root in CI.
 */
const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts headless Chromium for a browser test: the system's Chrome or Chromium when there is one (CHROMIUM_PATH
 * first), else the Chromium inside the `@sparticuz/chromium` dev dependency. Throws one line naming what to
 * install when neither can run; it never skips.
 */
export async function launchBrowser(): Promise<Browser> {
  const choice = chooseBrowser({ env: process.env, platform: platform(), arch: arch(), exists: existsSync });
  if (choice.kind === 'none') throw new Error(choice.message);
  if (choice.kind === 'system') {
    const remedy = 'repair it, or set CHROMIUM_PATH to another Chrome or Chromium';
    return launchOrExplain(choice.executablePath, process.env, remedy);
  }
  const packaged = await unpackedChromium();
  // Its own font file, so text renders the same whether or not the machine has fonts of its own.
  const env = { ...process.env, FONTCONFIG_FILE: packaged.fontConfigFile };
  const remedy = 'install what it names (often libnss3), or a system chromium (e.g. apt-get install chromium)';
  return launchOrExplain(packaged.executablePath, env, remedy);
}

async function launchOrExplain(executablePath: string, env: NodeJS.ProcessEnv, remedy: string): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath, args: LAUNCH_ARGS, env });
  } catch (error) {
    // Playwright's message runs to a page of browser log; its first line names the cause (e.g. a missing libnss3).
    const cause = (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
    throw new Error(`Chromium at ${executablePath} did not start (${cause.trim()}): ${remedy}`);
  }
}

interface UnpackedChromium {
  executablePath: string;
  fontConfigFile: string;
}

/**
 * The package ships Chromium brotli-compressed and unpacks it into os.tmpdir() on first use, where a second test
 * run, or another checkout, could see it half-written. So it unpacks into a private folder that is then renamed
 * into place in one step, once per package version, and later runs reuse it.
 */
async function unpackedChromium(): Promise<UnpackedChromium> {
  const packageRoot = dirname(dirname(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium'))));
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  const folder = join(tmpdir(), `corescope-chromium-${version}`);
  const unpacked = { executablePath: join(folder, 'chromium'), fontConfigFile: join(folder, 'corescope-fonts.conf') };
  if (existsSync(unpacked.fontConfigFile)) return unpacked;

  const staging = await mkdtemp(`${folder}-partial-`);
  try {
    await unpackInto(staging, join(packageRoot, 'bin'));
    // The package's own fonts.conf names Lambda's folders; this one names where its fonts are here, and keeps the
    // machine's fonts when it has any.
    await writeFile(
      join(staging, 'corescope-fonts.conf'),
      [
        '<?xml version="1.0"?>',
        '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
        '<fontconfig>',
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
        `  <dir>${join(folder, 'fonts', 'fonts')}</dir>`,
        `  <cachedir>${join(folder, 'fonts-cache')}</cachedir>`,
        '</fontconfig>',
        '',
      ].join('\n'),
    );
    await rename(staging, folder);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // Another run renamed its copy into place first: use that one.
    if (!existsSync(unpacked.fontConfigFile)) throw error;
  }
  return unpacked;
}

/** The package always unpacks into os.tmpdir(), which reads TMPDIR on every call: point it at our folder meanwhile. */
async function unpackInto(folder: string, binFolder: string): Promise<void> {
  const { default: Chromium } = await import('@sparticuz/chromium');
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  try {
    const path = await Chromium.executablePath(binFolder);
    if (path !== join(folder, 'chromium')) {
      throw new Error(`@sparticuz/chromium unpacked to ${path}, not into ${folder}`);
    }
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
  }
}
