import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { serveDist } from '../../scripts/static-server.mjs';
import { builtDist } from '../harness.ts';
import { chromiumCandidates, findChromium } from '../preflight.ts';

/**
 * Debian's chromium-headless-shell: the same Chromium (Blink, V8, same version as the `chromium`
 * package) without the desktop browser around it, the build Playwright itself runs headless tests
 * in. On the page sweep it spends a quarter less CPU per page than `chromium --headless`, mostly in
 * the browser process. Without it, Debian's desktop `chromium`; SAI_CHROMIUM names another binary.
 */
const executablePath = findChromium() ?? chromiumCandidates[0];
// Offline and quiet: no update, sync or QUIC traffic, so any request a test sees comes from the page.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  // V8 without its optimising compilers (Maglev, TurboFan): a page lives under a second here, too
  // short for optimised code to pay back its compilation, which ran on background threads for
  // every page (axe's 500 kB again in each new document). Ignition and Sparkplug run the same
  // JavaScript; only the speed of long-running code changes. Per page of the sweep: 0.95 → 0.64
  // CPU-seconds, axe's two runs 310 → 215 ms.
  '--js-flags=--no-opt --no-maglev',
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
export async function launchBrowser(
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
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

/**
 * For a test file that drives the built site: the build with its base, served on 127.0.0.1, and a
 * Chromium, opened before the file's tests and closed after them.
 */
export function builtSiteInChromium(base = '/logement-social/') {
  const site = {} as {
    server: Awaited<ReturnType<typeof serveDist>>;
    browser: Awaited<ReturnType<typeof launchBrowser>>;
  };
  beforeAll(async () => {
    [site.server, site.browser] = await Promise.all([
      serveDist({ root: await builtDist('distWithBase'), base }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

/** Presses Tab until the focused element matches, as a keyboard user would; returns the presses. */
export async function tabTo(page: Page, selector: string, limit = 80): Promise<number> {
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return presses;
  }
  throw new Error(`${selector} : jamais atteint au clavier en ${limit} tabulations`);
}

/** WCAG 2.0, 2.1 and 2.2 A/AA violations of the page as it is now (after an interaction), one line per rule. */
export async function axeWcag22(page: Page): Promise<string[]> {
  // Only violations get their CSS selectors built: for passes that is most of axe's time, wasted.
  const { violations } = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return violations.map((v) => `${v.id} : ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
