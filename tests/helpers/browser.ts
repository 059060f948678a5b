import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium through playwright-core: no browser is ever downloaded. The flags keep it
 * offline and quiet (no update, sync or QUIC traffic), so that any request a test sees comes from
 * the page itself. Playwright gives every launch a fresh temporary profile (it refuses
 * --user-data-dir here).
 */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SAI_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
