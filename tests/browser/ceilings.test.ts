import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeWcag22, builtSiteInChromium, launchBrowser, tabTo } from '../helpers/browser.ts';

const base = '/logement-social/';
const phone = { width: 360, height: 740 };

const site = builtSiteInChromium(base);

const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('« Trouver ma catégorie » dans Chromium, à 360 px', () => {
  it('donne la catégorie, le plafond et la comparaison au clavier seul, avec le script, sans rien envoyer ni garder', async () => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize(phone);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.goto(site.server.url('plafonds/'));
    const address = page.url();

    // The form replaces the links.
    expect(await page.locator('form[data-ceilings-form]').isVisible()).toBe(true);
    expect(await page.locator('[data-ceilings-without-script]').isVisible()).toBe(false);

    // Three persons: a single parent with two children.
    await tabTo(page, '#plafond-personnes');
    await page.keyboard.type('3');
    await tabTo(page, 'input[name="composition"]');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('plafond-seul');
    const result = page.locator('[data-ceilings-result]');
    await expect.poll(() => result.textContent()).toMatch(/catégorie 4\..*45\u202f374\u00a0€/);

    // Their income equals the ceiling: it does not exceed it.
    await tabTo(page, '#plafond-revenu');
    await page.keyboard.type('45 374');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('resultat');
    expect(await result.textContent()).toContain('est égal au plafond');

    await page.locator('#plafond-revenu').focus();
    await page.keyboard.press('End');
    await page.keyboard.type('0');
    await expect.poll(() => result.textContent()).toContain('dépasse le plafond de 408\u202f366\u00a0€');
    expect(await result.textContent()).toContain('Vous pouvez quand même faire une demande');
    // A mistyped income: an alert next to the field (RGAA 7.5.2), not a line of the result's status.
    const incomeError = page.locator('#plafond-revenu-erreur[role="alert"]');
    await page.locator('#plafond-revenu').fill('trente mille');
    await expect.poll(() => incomeError.textContent()).toBe('Écrivez le revenu en chiffres, par exemple 23\u202f500.');
    expect(await page.locator('#plafond-revenu').getAttribute('aria-invalid')).toBe('true');
    expect(await result.textContent()).not.toContain('Écrivez le revenu');
    await page.locator('#plafond-revenu').fill('30000');
    await expect.poll(() => result.textContent()).toContain('est en dessous du plafond');
    expect(await incomeError.textContent()).toBe('');
    expect(await page.locator('#plafond-revenu').getAttribute('aria-invalid')).toBeNull();

    // A person with a disability in a household of three: one category up, not two.
    await page.locator('#plafond-handicap').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => result.textContent()).toContain('catégorie 4.');
    // Nine persons: category 6 and three more.
    await page.locator('#plafond-personnes').selectOption('9');
    await page.locator('#plafond-autre').check();
    await page.locator('#plafond-handicap').uncheck();
    await expect
      .poll(() => result.textContent())
      .toMatch(/catégorie 6, avec 3 personnes de plus\..*80\u202f286\u00a0€/);
    expect(await result.locator('a').getAttribute('href')).toBe(`${base}plafonds/categorie-6/`);

    expect(errors).toEqual([]);
    expect(page.url()).toBe(address);
    expect(requests.every((url) => url.startsWith(site.server.origin))).toBe(true);
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie])).toEqual([
      0,
      0,
      '',
    ]);
    expect(await noHorizontalScroll(page)).toBe(true);
    expect(await axeWcag22(page)).toEqual([]);
    await page.close();
  });

  it('mène de l’accueil à une catégorie en trois choix au clavier, sans script', async () => {
    const { context, close } = await launchBrowser({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.setViewportSize(phone);
    await page.goto(site.server.url(''));
    await tabTo(page, `a[href="${base}plafonds/"]`);
    await Promise.all([page.waitForURL(site.server.url('plafonds/')), page.keyboard.press('Enter')]);
    expect(await page.locator('form[data-ceilings-form]').isVisible()).toBe(false);
    await tabTo(page, `a[href="${base}plafonds/foyer-2/"]`);
    await Promise.all([page.waitForURL(site.server.url('plafonds/foyer-2/')), page.keyboard.press('Enter')]);
    await tabTo(page, `a[href="${base}plafonds/categorie-3/"]`);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('en situation de handicap');
    await Promise.all([page.waitForURL(site.server.url('plafonds/categorie-3/')), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe('Catégorie 3\u202f: plafond de ressources 2026');
    expect(await page.locator('[data-ceiling-amount]').textContent()).toContain('37\u202f584\u00a0€');
    expect(await noHorizontalScroll(page)).toBe(true);
    await close();
  });

  it('n’a aucune violation axe sur une page de question, une page de catégorie, ni sur l’accueil qui y mène', async () => {
    const page = await site.browser.context.newPage();
    await page.setViewportSize(phone);
    for (const path of ['plafonds/foyer-1/', 'plafonds/categorie-6/', '']) {
      await page.goto(site.server.url(path));
      expect(await axeWcag22(page), path).toEqual([]);
      expect(await noHorizontalScroll(page), path).toBe(true);
    }
    await page.close();
  });
});
