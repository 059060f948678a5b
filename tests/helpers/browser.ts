import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

const executablePath = process.env.SAI_CHROMIUM ?? '/usr/bin/chromium';
// Offline and quiet: no update, sync or QUIC traffic, so any request a test sees comes from the page.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Any other host fails at once instead of waiting for a DNS time-out; the tests still see the request.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/**
 * Debian's Chromium through playwright-core, with the flags this machine needs and a fresh
 * profile. Never downloads a browser. `close()` also removes the profile.
 */
export async function launchBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'sai-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: 'fr-FR',
    args: chromiumArgs,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The same Chromium as a whole browser, for tests that open many pages each in a context of its
 * own (no cookie or storage shared between pages). Playwright gives it a fresh temporary profile.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: chromiumArgs });
}
