import { describe, expect, it } from 'vitest';
import { type BrowserHost, chooseBrowser } from './browser-choice.js';

/** A machine whose filesystem holds exactly `files`. */
function host(overrides: Partial<BrowserHost> & { files?: string[] }): BrowserHost {
  const files = new Set(overrides.files ?? []);
  return {
    env: overrides.env ?? {},
    platform: overrides.platform ?? 'linux',
    arch: overrides.arch ?? 'x64',
    exists: (path) => files.has(path),
  };
}

describe('chooseBrowser', () => {
  it('prefers a system Chromium over the packaged one on Linux', () => {
    expect(chooseBrowser(host({ files: ['/usr/bin/chromium'] }))).toEqual({
      kind: 'system',
      executablePath: '/usr/bin/chromium',
    });
    expect(chooseBrowser(host({ files: ['/usr/bin/google-chrome'] }))).toEqual({
      kind: 'system',
      executablePath: '/usr/bin/google-chrome',
    });
  });

  it("takes Debian's chromium before Chrome when both are installed", () => {
    const both = host({ files: ['/usr/bin/google-chrome', '/usr/bin/chromium'] });
    expect(chooseBrowser(both)).toEqual({ kind: 'system', executablePath: '/usr/bin/chromium' });
  });

  it('puts CHROMIUM_PATH first, and reports it when it points at nothing instead of using another browser', () => {
    const files = ['/usr/bin/chromium', '/opt/my/chrome'];
    expect(chooseBrowser(host({ files, env: { CHROMIUM_PATH: '/opt/my/chrome' } }))).toEqual({
      kind: 'system',
      executablePath: '/opt/my/chrome',
    });
    const wrong = chooseBrowser(host({ files, env: { CHROMIUM_PATH: '/opt/typo' } }));
    expect(wrong.kind).toBe('none');
    expect(wrong.kind === 'none' && wrong.message).toMatch(/^CHROMIUM_PATH=\/opt\/typo does not exist/);
  });

  it('falls back to the packaged Chromium only on Linux x64, where its binary runs', () => {
    expect(chooseBrowser(host({}))).toEqual({ kind: 'packaged' });
    const arm = chooseBrowser(host({ arch: 'arm64' }));
    expect(arm.kind === 'none' && arm.message).toMatch(/apt-get install chromium/);
  });

  it('finds Chrome where macOS and Windows install it', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    expect(chooseBrowser(host({ platform: 'darwin', files: [mac] }))).toEqual({ kind: 'system', executablePath: mac });
    const userMac = '/Users/ada/Applications/Chromium.app/Contents/MacOS/Chromium';
    expect(chooseBrowser(host({ platform: 'darwin', env: { HOME: '/Users/ada' }, files: [userMac] }))).toEqual({
      kind: 'system',
      executablePath: userMac,
    });
    const windowsEnv = { PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' };
    const chrome = 'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(chooseBrowser(host({ platform: 'win32', env: windowsEnv, files: [edge, chrome] }))).toEqual({
      kind: 'system',
      executablePath: chrome,
    });
    expect(chooseBrowser(host({ platform: 'win32', env: windowsEnv, files: [edge] }))).toEqual({
      kind: 'system',
      executablePath: edge,
    });
  });

  it('names what to install, in one line, on macOS and Windows without a browser', () => {
    for (const platform of ['darwin', 'win32'] as const) {
      const choice = chooseBrowser(host({ platform }));
      expect(choice.kind).toBe('none');
      const message = choice.kind === 'none' ? choice.message : '';
      expect(message).toMatch(/install Google Chrome/);
      expect(message).toMatch(/CHROMIUM_PATH/);
      expect(message).not.toContain('\n');
    }
  });
});
