import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load.ts';
import { emergencyNumbers, leafletEmergencyNumbers } from '../../src/domain/emergency.ts';
import { ofPlace } from '../../src/domain/format.ts';
import { answerPath, situationRules } from '../../src/domain/orientation.ts';
import type { Catalog } from '../../src/domain/types.ts';
import { absoluteUrl, paths, staffPage } from '../../src/domain/urls.ts';
import { builtSiteInChromium } from '../helpers/browser.ts';
import { builtDist } from '../harness.ts';
import { squash, toolAsync } from '../leaflet/pdf-tools.ts';

/**
 * The counter kit on paper: every orientation answer (each situation, none, and two together)
 * printed by Chromium to A4 holds on one sheet and carries a QR code that leads back to that very
 * answer; the emergency numbers are on the answers that call for them, on every leaflet and on the
 * staff page; the leaflets' page writes the communes' names with their elision.
 */
const base = '/logement-social/';
// it.each needs the communes when the file is collected, before beforeAll.
const communeIds = () =>
  readdirSync(join(process.cwd(), 'content', 'communes'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -5))
    .sort();
const site = builtSiteInChromium(base);
let catalog: Catalog;
let work: string;

beforeAll(async () => {
  const loaded = await loadContent(join(process.cwd(), 'content'));
  if (!loaded.catalog) throw new Error('le contenu a des erreurs');
  catalog = loaded.catalog;
  work = await mkdtemp(join(tmpdir(), 'sai-printouts-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A 8-bit binary PPM (P6), as pdftoppm writes it by default, to RGBA for jsQR. */
function readPpm(buffer: Buffer): { width: number; height: number; data: Uint8ClampedArray } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buffer.subarray(0, 64).toString('latin1'));
  if (!header || header[3] !== '255') throw new Error('pas une image PPM 8 bits');
  const [width, height] = [Number(header[1]), Number(header[2])];
  const pixels = buffer.subarray(header[0].length);
  const data = new Uint8ClampedArray(width * height * 4);
  for (let i = 0, j = 0; i < width * height; i++, j += 3) {
    data[i * 4] = pixels[j]!;
    data[i * 4 + 1] = pixels[j + 1]!;
    data[i * 4 + 2] = pixels[j + 2]!;
    data[i * 4 + 3] = 255;
  }
  return { width, height, data };
}

interface Printout {
  pages: number;
  text: string;
  qr: string | undefined;
}

/** Text of a printed PDF, page by page: pdftotext ends each page with a form feed. */
async function pdfPages(pdf: string, options: string[] = []): Promise<string[]> {
  const { stdout } = await toolAsync('pdftotext', [...options, '-layout', pdf, '-']);
  const pages = stdout.split('\f');
  // The form feed closes every page, the last one too: nothing follows it.
  if (pages.at(-1)?.trim() !== '') throw new Error(`${pdf} : pdftotext n’a pas fini sa dernière page`);
  return pages.slice(0, -1);
}

/** Prints the page as a desk would (A4, Chromium's print media), then reads it back with poppler and jsQR. */
async function print(page: Page, name: string): Promise<Printout> {
  const pdf = join(work, `${name}.pdf`);
  await writeFile(pdf, await page.pdf({ format: 'A4', printBackground: true }));
  const pages = await pdfPages(pdf);
  return { pages: pages.length, text: squash(pages.join('\n')), qr: await readQr(pdf, name) };
}

/**
 * The QR code of the first page, at 110 dpi (a 4 cm code is then about 170 pixels, 4 a module).
 * The sheet puts it in its right-hand column (4.2 cm wide inside the 12 mm margin): that strip, top
 * to bottom, is read first, the whole page only if nothing is found there. jsQR's time grows with the
 * pixels it scans; the strip is a third of the page.
 */
async function readQr(pdf: string, name: string): Promise<string | undefined> {
  const [width, height] = [910, 1286];
  const strip = 300;
  for (const crop of [['-x', String(width - strip), '-W', String(strip), '-H', String(height)], []]) {
    await toolAsync('pdftoppm', ['-r', '110', '-f', '1', '-l', '1', '-singlefile', ...crop, pdf, join(work, name)]);
    const image = readPpm(await readFile(join(work, `${name}.ppm`)));
    const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data;
    if (found) return found;
  }
  return undefined;
}

/**
 * Chromium prints one page per tab, and poppler and jsQR read it back in this process: a tab per
 * core keeps both busy (the printouts are independent; each test opens its own tab).
 */
const tabs = availableParallelism();
let busy = 0;
const queue: (() => void)[] = [];
async function oneTab<T>(task: () => Promise<T>): Promise<T> {
  if (busy >= tabs) await new Promise<void>((resolve) => queue.push(resolve));
  else busy++;
  try {
    return await task();
  } finally {
    const next = queue.shift();
    if (next) next();
    else busy--;
  }
}

describe('les réponses « Où m’adresser ? » imprimées', () => {
  // One test a commune: about a dozen printouts each, a few seconds apiece on a loaded machine; a
  // commune per tab at once (oneTab), the others waiting their turn.
  it.concurrent.for(communeIds())(
    '%s : chaque réponse tient sur une page A4, avec le code QR de sa propre adresse',
    { timeout: 240_000 },
    (communeId, { expect }) =>
      oneTab(async () => {
        const commune = catalog.communes.find((c) => c.id === communeId)!;
        const rules = situationRules(catalog);
        const order = rules.map((rule) => rule.id);
        const emergencyRules = new Set(rules.filter((rule) => rule.emergency).map((rule) => rule.id));
        const numbers = emergencyNumbers(catalog);
        // Two situations together: an emergency one with the next question, and a pair that turns with the commune.
        const index = catalog.communes.indexOf(commune);
        const firstEmergency = order.find((id) => emergencyRules.has(id)) ?? order[0]!;
        const pairs = [
          [firstEmergency, order.find((id) => id !== firstEmergency)!],
          [order[index % order.length]!, order[(index + 1) % order.length]!],
        ];
        const page = await site.browser.context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (error) => errors.push(error.message));
        const failures: string[] = [];
        for (const situations of [[], ...order.map((id) => [id]), ...pairs]) {
          const path = answerPath(commune.id, situations, order);
          const expected = absoluteUrl(catalog.site.url, base, path);
          await page.goto(site.server.url(path));
          // The commune page's script redraws the code for the situations ticked.
          if (situations.length > 1)
            await expect
              .poll(() => page.locator('[data-sheet-url]').textContent())
              .toContain(`situations=${answerPath(commune.id, situations, order).split('=')[1]}`);
          const out = await print(page, `${commune.id}-${situations.join('+') || 'general'}`);
          const where = `${path} :`;
          if (out.pages !== 1) failures.push(`${where} ${out.pages} pages`);
          if (out.qr !== expected) failures.push(`${where} code QR « ${out.qr} », attendu « ${expected} »`);
          if (!out.text.includes(commune.name)) failures.push(`${where} sans le nom de la commune`);
          if (!out.text.includes('Prochaine étape') || !out.text.includes('Cachet'))
            failures.push(`${where} sans le cadre « Prochaine étape »`);
          for (const id of situations) {
            const rule = rules.find((r) => r.id === id)!;
            if (!out.text.includes(squash(rule.title))) failures.push(`${where} sans « ${rule.title} »`);
            if (!emergencyRules.has(id)) continue;
            for (const entry of numbers)
              if (!new RegExp(`(^|\\D)${entry.number}(\\D|$)`).test(out.text))
                failures.push(`${where} sans le ${entry.number}`);
          }
        }
        expect(failures).toEqual([]);
        expect(errors).toEqual([]);
        await page.close();
      }),
  );

  it('sans script, la page d’une commune imprime la réponse pour tous et le code QR de sa propre adresse', async () => {
    const commune = catalog.communes[0]!;
    const page = await site.browser.context.newPage();
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(site.server.url(paths.orientationCommune(commune.id)));
    const out = await print(page, `${commune.id}-sans-script`);
    expect(out.pages).toBe(1);
    expect(out.qr).toBe(absoluteUrl(catalog.site.url, base, paths.orientationCommune(commune.id)));
    expect(out.text).toContain('Pour toutes les situations');
    await page.close();
  });

  it('la page « À l’accueil » s’imprime sur une page, avec les numéros d’urgence', async () => {
    if (!catalog.pages.some((p) => p.id === staffPage)) return;
    const page = await site.browser.context.newPage();
    await page.goto(site.server.url(paths.page(staffPage)));
    const out = await print(page, staffPage);
    expect(out.pages).toBe(1);
    for (const entry of emergencyNumbers(catalog))
      expect(out.text).toMatch(new RegExp(`(^|\\D)${entry.number}(\\D|$)`));
    await page.close();
  });
});

describe('les pages des communes et des lieux imprimées', () => {
  it('disent en haut de chaque feuille combien elles en prennent', { timeout: 240_000 }, async () => {
    const failures: string[] = [];
    const all = [...catalog.communes.map((c) => paths.commune(c.id)), ...catalog.places.map((p) => paths.place(p.id))];
    // A tab per core, each taking the next page of the list.
    await Promise.all(
      Array.from({ length: tabs }, () =>
        oneTab(async () => {
          const page = await site.browser.context.newPage();
          for (let path = all.shift(); path !== undefined; path = all.shift()) {
            await page.goto(site.server.url(path));
            const file = join(work, `${path.replaceAll('/', '-')}.pdf`);
            await writeFile(file, await page.pdf({ format: 'A4', printBackground: true }));
            const sheets = await pdfPages(file);
            const first = squash(sheets[0] ?? '');
            if (!first.startsWith(`Page 1 sur ${sheets.length}`))
              failures.push(`${path} : ${sheets.length} pages, en haut « ${first.slice(0, 40)} »`);
          }
          await page.close();
        }),
      ),
    );
    expect(failures).toEqual([]);
  });
});

describe('la plaquette', () => {
  it('donne les numéros d’urgence marqués « leaflet » dans chaque fichier', async () => {
    const dist = await builtDist('distWithBase');
    const files = readdirSync(join(dist, 'plaquette')).filter((f) => f.endsWith('.pdf'));
    expect(files.length).toBe(catalog.communes.length + 1);
    const numbers = leafletEmergencyNumbers(catalog);
    expect(numbers.length).toBeGreaterThan(0);
    for (const file of files) {
      const text = squash((await toolAsync('pdftotext', [join(dist, 'plaquette', file), '-'])).stdout);
      for (const entry of numbers) expect(text, file).toMatch(new RegExp(`(^|\\D)${entry.number} :`));
    }
  });

  it('sa page dit comment l’imprimer et écrit « de » comme le français', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(site.server.url(paths.leaflets));
    const text = squash((await page.locator('main').textContent()) ?? '');
    expect(text).toContain('recto verso');
    expect(text).toContain('retourner sur le bord court');
    // The folding diagram has a text alternative.
    expect(await page.locator('svg.fold-diagram').getAttribute('role')).toBe('img');
    expect((await page.locator('svg.fold-diagram title').textContent())?.length).toBeGreaterThan(20);
    const links = squash((await page.locator('.leaflets').textContent()) ?? '');
    for (const commune of catalog.communes)
      expect(links).toContain(`Plaquette ${ofPlace(commune.name, commune.elision)} (PDF`);
    // Never « de » before a vowel, whatever the communes.
    expect(links).not.toMatch(/\bde [AEIOUÂÊÎÔÛÉÈÀ]/);
    await page.close();
  });
});
