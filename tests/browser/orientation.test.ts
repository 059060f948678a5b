import { describe, expect, it } from 'vitest';
import { axeWcag22, builtSiteInChromium, launchBrowser, tabTo } from '../helpers/browser.ts';

const base = '/logement-social/';

const site = builtSiteInChromium(base);

describe('« Où m’adresser ? » dans Chromium', () => {
  it('mène à une réponse au clavier seul, avec le script, sans rien envoyer ni garder', async () => {
    const page = await site.browser.context.newPage();
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(site.server.url('orientation/'));
    const address = page.url();

    await tabTo(page, '#question-commune');
    await page.keyboard.type('Carv');
    await expect.poll(() => page.locator('#reponse [data-orientation-answer="carvin"]').count()).toBe(1);
    await tabTo(page, '#question-moins-de-30-ans');
    await page.keyboard.press('Space');
    await tabTo(page, '#question-en-ligne');
    await page.keyboard.press('Space');
    await tabTo(page, 'a[href="#reponse"]');
    await page.keyboard.press('Enter');

    expect(await page.evaluate(() => document.activeElement?.id)).toBe('reponse');
    await expect
      .poll(() => page.locator('[data-orientation-status]').textContent())
      .toMatch(/Carvin.*3 interlocuteurs/);
    const visible = page.locator('#reponse [data-block]:visible h2');
    expect(await visible.allTextContents()).toEqual([
      expect.stringContaining('(CLLAJ)'),
      'En ligne, sur demande-logement-social.gouv.fr',
      'Votre mairie et les guichets enregistreurs',
    ]);
    await expect.poll(() => page.locator('#reponse a:visible', { hasText: 'Mairie de Carvin' }).count()).toBe(1);
    expect(await page.locator('#reponse a:visible', { hasText: 'SIAO' }).count()).toBe(0);
    // Unticking a box takes its partner away again.
    await page.keyboard.press('Shift+Tab');
    await page.locator('#question-moins-de-30-ans').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => visible.count()).toBe(2);

    expect(errors).toEqual([]);
    // Nothing of the answer goes into the address: only the jump to the answer.
    expect(page.url()).toBe(`${address}#reponse`);
    expect(requests.every((url) => url.startsWith(site.server.origin))).toBe(true);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([
      0,
      0,
      '',
    ]);
    expect(await axeWcag22(page)).toEqual([]);
    await page.close();
  });

  it('annonce par une alerte, pas par le statut, une réponse qui n’a pas pu se charger (RGAA 7.5.2)', async () => {
    const page = await site.browser.context.newPage();
    await page.route('**/orientation/courrieres/', (route) => route.abort());
    await page.goto(site.server.url('orientation/'));
    const alert = page.locator('[data-orientation-error][role="alert"]');
    const status = page.locator('[data-orientation-status][role="status"]');
    await page.locator('#question-commune').selectOption('courrieres');
    await expect
      .poll(() => alert.textContent())
      .toBe('La réponse n’a pas pu être chargée. Choisissez votre commune dans la liste ci-dessous.');
    expect(await status.textContent()).toBe('');
    await page.locator('#question-commune').selectOption('carvin');
    await expect.poll(() => status.textContent()).toMatch(/Carvin/);
    expect(await alert.textContent()).toBe('');
    await page.close();
  });

  it('mène à une réponse au clavier seul, sans script, par des pages à adresse stable', async () => {
    const { context, close } = await launchBrowser({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(site.server.url('orientation/'));
    expect(await page.locator('form[data-orientation-form]').isVisible()).toBe(false);
    await tabTo(page, `a[href="${base}orientation/oignies/"]`);
    await Promise.all([page.waitForURL(site.server.url('orientation/oignies/')), page.keyboard.press('Enter')]);
    await tabTo(page, `a[href="${base}orientation/oignies/sans-logement/"]`);
    await Promise.all([
      page.waitForURL(site.server.url('orientation/oignies/sans-logement/')),
      page.keyboard.press('Enter'),
    ]);
    expect(await page.locator('h1').textContent()).toBe('Vous êtes sans logement ou en urgence');
    expect(await page.locator('main').textContent()).toContain('115');
    const places = (await page.locator('.answer-place__name').allTextContents()).map((text) => text.trim());
    expect(places.slice(0, 2)).toEqual(['SIAO (APSA) – Hénin-Beaumont', 'SIAO (APSA) – Lens']);
    expect(places).toContain('Mairie d’Oignies – CCAS ou service logement');
    await close();
  });

  it('n’a aucune violation axe sur la page d’une commune ni sur une page de réponse', async () => {
    const page = await site.browser.context.newPage();
    // axe needs scripts: the answer page has none of its own, so it is the page a reader without them sees.
    await page.goto(site.server.url('orientation/oignies/sans-logement/'));
    expect(await axeWcag22(page)).toEqual([]);
    await page.goto(site.server.url('orientation/leforest/'));
    expect(await axeWcag22(page)).toEqual([]);
    await page.locator('#question-conseil-juridique').check();
    expect(await page.locator('[data-block="organisation:adil"]').isVisible()).toBe(true);
    expect(await axeWcag22(page)).toEqual([]);
    await page.close();
  });

  it('s’imprime sur une feuille à remettre : sans menu ni recherche ni questions, avec l’adresse de la réponse', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(site.server.url('orientation/carvin/difficulte-sociale/'));
    await page.emulateMedia({ media: 'print' });
    for (const selector of ['.site-nav', '.search-form', '.breadcrumbs', '.site-footer', '[data-screen-answer]']) {
      expect(await page.locator(selector).isVisible(), selector).toBe(false);
    }
    expect(await page.locator('[data-answer-sheet]').isVisible()).toBe(true);
    expect(await page.locator('[data-sheet-url]').textContent()).toBe(
      'www.agglo-henincarvin.fr/logement-social/orientation/carvin/difficulte-sociale/',
    );
    expect(await page.locator('[data-sheet-place]:visible').count()).toBeLessThanOrEqual(3);
    // On the screen, the sheet is not there (nor in the accessibility tree).
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('[data-answer-sheet]').isVisible()).toBe(false);
    await page.close();

    const tool = await site.browser.context.newPage();
    await tool.goto(site.server.url('orientation/carvin/'));
    await tool.locator('#question-moins-de-30-ans').check();
    // The address says the situation ticked, so that it can be bookmarked or sent.
    await expect.poll(() => tool.url()).toContain('/orientation/carvin/?situations=moins-de-30-ans');
    await tool.emulateMedia({ media: 'print' });
    expect(await tool.locator('form[data-orientation-form]').isVisible()).toBe(false);
    expect(await tool.locator('[data-answer-sheet]').isVisible()).toBe(true);
    await expect
      .poll(() => tool.locator('[data-sheet-url]').textContent())
      .toContain('/orientation/carvin/moins-de-30-ans/');
    await tool.reload();
    expect(await tool.locator('#question-moins-de-30-ans').isChecked()).toBe(true);
    await tool.close();

    // The tool's first page prints the sheet of the commune it loaded, for the boxes ticked there.
    const first = await site.browser.context.newPage();
    await first.goto(site.server.url('orientation/'));
    await first.locator('#question-commune').selectOption('carvin');
    await expect.poll(() => first.locator('[data-answer-sheet-slot] [data-answer-sheet]').count()).toBe(1);
    await first.locator('#question-moins-de-30-ans').check();
    await expect
      .poll(() => first.locator('[data-sheet-url]').textContent())
      .toContain('/orientation/carvin/moins-de-30-ans/');
    await first.emulateMedia({ media: 'print' });
    expect(await first.locator('[data-answer-sheet]').isVisible()).toBe(true);
    expect(await first.locator('[data-screen-answer]').isVisible()).toBe(false);
    await first.close();
  });

  it('est trouvé par la recherche sans passer devant les fiches des lieux', async () => {
    const page = await site.browser.context.newPage();
    await page.goto(site.server.url(''));
    // A string, so that Vitest does not rewrite the browser's dynamic import.
    const search = (query: string): Promise<string[]> =>
      page.evaluate(`(async () => {
        const pagefind = await import('${base}pagefind/pagefind.js');
        const { results } = await pagefind.search(${JSON.stringify(query)});
        return Promise.all(results.slice(0, 8).map(async (r) => (await r.data()).url));
      })()`);
    // The pages the answers point to come first; an answer page never passes one of them.
    for (const query of ['CLLAJ', 'SIAO', 'Carvin', 'Leforest', 'jeunes', 'Action Logement']) {
      const urls = await search(query);
      const firstAnswer = urls.findIndex((url) => url.startsWith(`${base}orientation/`));
      const lastPlace = urls.findLastIndex((url) => /\/(lieux|communes)\//.test(url));
      if (firstAnswer >= 0) expect(firstAnswer, `${query} : ${urls.join(' ')}`).toBeGreaterThan(lastPlace);
      for (const url of urls)
        expect(url, 'les pages par situation ne sont pas indexées').not.toMatch(/orientation\/[^/]+\/[^/]+\/$/);
    }
    expect((await search('CLLAJ'))[0]).toBe(`${base}lieux/cllaj-oignies/`);
    expect((await search('Carvin'))[0]).toBe(`${base}communes/carvin/`);
    expect((await search('où m’adresser'))[0]).toBe(`${base}orientation/`);
    await page.close();
  });
});
