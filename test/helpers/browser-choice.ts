import { posix, win32 } from 'node:path';

/**
 * Which Chromium the browser tests drive, decided from plain inputs so a test can hand in a fake filesystem.
 * A system browser wins (it is what a developer looks at); the Chromium shipped inside the `@sparticuz/chromium`
 * dev dependency is the fallback, and it is a Linux x64 binary, so elsewhere the answer is what to install.
 */
export type BrowserChoice =
  { kind: 'system'; executablePath: string } | { kind: 'packaged' } | { kind: 'none'; message: string };

export interface BrowserHost {
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  arch: string;
  exists: (path: string) => boolean;
}

/** Where Chrome and Chromium install themselves, in the order we prefer them, for one platform. */
export function systemBrowserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
    const roots = ['/Applications', ...(env.HOME ? [posix.join(env.HOME, 'Applications')] : [])];
    return roots.flatMap((root) => apps.map((app) => posix.join(root, app)));
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((root) => root !== undefined);
    const apps = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      // Edge is Chromium and comes with Windows, so a Windows developer usually has one browser already.
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return apps.flatMap((app) => roots.map((root) => win32.join(root, app)));
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
  ];
}

export function chooseBrowser(host: BrowserHost): BrowserChoice {
  const override = host.env.CHROMIUM_PATH;
  if (override !== undefined && override !== '') {
    // An explicit choice that is wrong is a mistake to report, not a reason to quietly drive another browser.
    if (host.exists(override)) return { kind: 'system', executablePath: override };
    const message = `CHROMIUM_PATH=${override} does not exist: point it at a Chrome or Chromium binary, or unset it`;
    return { kind: 'none', message };
  }
  const found = systemBrowserCandidates(host.platform, host.env).find((path) => host.exists(path));
  if (found !== undefined) return { kind: 'system', executablePath: found };
  if (host.platform === 'linux' && host.arch === 'x64') return { kind: 'packaged' };
  return { kind: 'none', message: `no Chrome or Chromium found for the browser tests: ${installHint(host.platform)}` };
}

function installHint(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'install Google Chrome (or Chromium) in /Applications, or set CHROMIUM_PATH';
  if (platform === 'win32') return 'install Google Chrome or Microsoft Edge, or set CHROMIUM_PATH to chrome.exe';
  return "install your distribution's chromium package (e.g. apt-get install chromium), or set CHROMIUM_PATH";
}
