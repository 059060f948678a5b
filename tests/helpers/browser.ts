import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Debian's Chromium through playwright-core, with the flags this machine needs and a fresh
 * profile. Never downloads a browser. `close()` also removes the profile.
 */
export async function launchBrowser(options: { javaScriptEnabled?: boolean } = {}): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'sai-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.SAI_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: 'fr-FR',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
