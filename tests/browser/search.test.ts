import { gzipSync } from 'node:zlib';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist } from '../../scripts/static-server.mjs';
import { launchBrowser, tabTo } from '../helpers/browser.ts';
import { builtDist } from '../harness.ts';

const base = '/logement-social/';
let server: Awaited<ReturnType<typeof serveDist>>;

beforeAll(async () => {
  server = await serveDist({ root: await builtDist('distWithBase'), base });
});
afterAll(async () => {
  await server?.close();
});

/** A phone-sized page that records what it downloads and any error or CSP refusal. */
async function phonePage(options: { javaScriptEnabled?: boolean } = {}) {
  const browser = await launchBrowser(options);
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  const downloads: { url: string; bytes: number; gzip: number }[] = [];
  const problems: string[] = [];
  page.on('response', async (response) => {
    const body = await response.body().catch(() => Buffer.alloc(0));
    // .pagefind files are gzip already; the rest is what a server would compress.
    const gzip = /\.pagefind$|pf_(?:meta|index|fragment|filter)$/.test(response.url())
      ? body.length
      : gzipSync(body).length;
    downloads.push({ url: response.url(), bytes: body.length, gzip });
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
  });
  return { page, downloads, problems, close: browser.close };
}

describe('la recherche dans Chromium', () => {
  it('mène du champ de l’en-tête à la bonne page, au clavier seul', async () => {
    const { page, problems, close } = await phonePage();
    await page.goto(server.url(''));
    await tabTo(page, '#recherche-entete');
    await page.keyboard.type('piece identite');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/recherche\/\?q=piece/);
    const status = page.locator('[data-search-status]');
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toMatch(/\d+ résultats? pour «\u00a0piece identite\u00a0»/);

    await tabTo(page, '.search-result__title a');
    const focused = await page.evaluate(() => {
      const link = document.activeElement as HTMLAnchorElement;
      const style = getComputedStyle(link);
      return { href: link.getAttribute('href'), outline: `${style.outlineStyle} ${style.outlineWidth}` };
    });
    expect(focused.href).toBe(`${base}infos/pieces-a-fournir/`);
    expect(focused.outline).toMatch(/^solid [3-9]/);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${base}infos/pieces-a-fournir/`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('pièces à fournir');
    expect(problems).toEqual([]);
    await close();
  });

  it('ne charge rien de Pagefind avant la première recherche, puis annonce le nombre de résultats', async () => {
    const { page, downloads, problems, close } = await phonePage();
    await page.goto(server.url('recherche/'));
    await page.waitForLoadState('networkidle');
    expect(downloads.filter((d) => /pagefind|lexique/.test(d.url))).toEqual([]);
    const before = downloads.length;

    await page.locator('#recherche-mots').focus();
    await page.keyboard.type('cotation');
    const status = page.locator('[data-search-status]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toMatch(/^\d+ résultats? pour «\u00a0cotation\u00a0»\.$/);
    await page.waitForLoadState('networkidle');
    await expect
      .poll(() => page.locator('.search-result__title a').first().getAttribute('href'))
      .toBe(`${base}infos/cotation/`);
    expect(await page.locator('.search-result__kind').first().textContent()).toBe('Information');

    const first = downloads.slice(before).filter((d) => /\/pagefind\/|lexique/.test(d.url));
    const bytes = first.reduce((sum, d) => sum + d.bytes, 0);
    const gzip = first.reduce((sum, d) => sum + d.gzip, 0);
    console.info(
      `Première recherche : ${first.length} fichiers, ${Math.round(bytes / 1024)} Kio servis tels quels, ≈ ${Math.round(gzip / 1024)} Kio compressés\n` +
        first.map((d) => `  ${d.url.replace(server.origin, '')} ${d.bytes}`).join('\n'),
    );
    expect(bytes).toBeLessThan(200 * 1024);
    // At most 110 KiB transferred (Pagefind's files are gzip already, the rest as a server would send
    // it). About 60 KiB are Pagefind's own code (pagefind.js, its WebAssembly), the rest grows with
    // the content (the index chunk holding the word, the results' fragments): 100 KiB in November
    // 2026 with 68 pages indexed, 100.1 KiB in December with 72, hence some room for editors.
    expect(gzip).toBeLessThanOrEqual(110 * 1024);
    expect(
      first.filter((d) => /lexique/.test(d.url)),
      'le vocabulaire des corrections n’est chargé que si la recherche trouve peu',
    ).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('corrige une faute, filtre par niveau, et reste lisible à 360 pixels sans violation axe', async () => {
    const { page, problems, close } = await phonePage();
    await page.goto(server.url('recherche/?q=guichet&niveau=Niveau+2'));
    const status = page.locator('[data-search-status]');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/résultats? pour/);
    expect(await page.locator('#filtre-niveau').inputValue()).toBe('Niveau 2');
    const metas = await page.locator('.search-result__meta').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const meta of metas)
      expect(meta).toMatch(/^Lieu d’accueil · .+ · Niveau 2\u00a0: accueil, information et enregistrement$/);

    await page.locator('#filtre-niveau').selectOption('');
    await page.locator('#recherche-mots').fill('carvain');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => status.textContent(), { timeout: 15_000 })
      .toMatch(/pour «\u00a0Carvin\u00a0» \(orthographe corrigée, vous aviez écrit «\u00a0carvain\u00a0»\)/);

    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });

  it('sans JavaScript, mène au plan du site et à l’annuaire', async () => {
    const { page, close } = await phonePage({ javaScriptEnabled: false });
    await page.goto(server.url('recherche/?q=cotation'));
    const notice = page.locator('[data-search-without-script]');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      `${base}plan-du-site/`,
      `${base}ou-s-adresser/`,
    ]);
    await close();
  });
});
