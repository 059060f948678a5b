import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveDist } from '../../scripts/static-server.mjs';
import { projectRoot } from '../harness.ts';
import { launchChromium } from '../helpers/browser.ts';
import { checkPage, openTab, type Tab } from './page-checks.ts';

/** The page sweep's checks must catch what they look for: one page of tests/fixtures/page-checks/ breaks every rule. */

let browser: Browser;
let server: Awaited<ReturnType<typeof serveDist>>;
let tab: Tab;

beforeAll(async () => {
  [browser, server] = await Promise.all([
    launchChromium(),
    serveDist({ root: join(projectRoot, 'tests/fixtures/page-checks'), base: '/' }),
  ]);
  tab = await openTab(browser);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('les contrôles du balayage des pages', () => {
  it('signalent chaque défaut d’une page qui les enfreint tous', async () => {
    const problems = (await checkPage(tab, server.url('mauvaise/'))).join('\n');
    for (const expected of [
      /^360 px · axe image-alt \(critical\) : .* — img — /m, // named by its selector, once something fails
      /^1280 px · axe image-alt/m,
      /^requête vers un autre hôte : image https:\/\/example\.org\/photo\.png$/m,
      /^console : CSP: script-src-elem a bloqué inline/m,
      /^cookie déposé : suivi \(127\.0\.0\.1\)$/m,
      /^stockage local utilisé : visite$/m,
      /^360 px · mise en page : défilement horizontal/m,
      /^360 px · mise en page : div\.large « Ce bloc est plus large que l’écran\. » dépasse de l’écran/m,
      /^1280 px · texte à 200 % : p\.fixe « Ce texte garde sa taille quand » reste à 16 px/m,
      /^1280 px · zoom 400 % : défilement horizontal/m,
      /^360 px · clavier : le premier élément atteint par Tab n’est pas le lien d’évitement/m,
      /^1280 px · clavier : le premier élément atteint par Tab n’est pas le lien d’évitement/m,
      /^1280 px · clavier : aucun indicateur de focus visible sur a « Un lien dont le focus ne se voit pas »$/m,
    ]) {
      expect(problems).toMatch(expected);
    }
  });

  it('ne signalent rien sur une page correcte : à la seconde largeur, le clavier repart du haut de la page', async () => {
    // Both widths share one load: without going back to the top, the second keyboard path would
    // start where the first one stopped, after the skip link.
    expect(await checkPage(tab, server.url('bonne/'))).toEqual([]);
  });

  it('signalent une page absente, et ne gardent rien d’une page à l’autre', async () => {
    const problems = await checkPage(tab, server.url('absente/'));
    expect(problems).toContain('360 px · réponse HTTP 404 au lieu de 200');
    // The previous page's cookie and storage were cleared after it was checked.
    expect(problems.filter((p) => /cookie|stockage/.test(p))).toEqual([]);
  });
});
