import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtSiteInChromium } from '../helpers/browser.ts';
import { realCatalog } from '../helpers/real-content.ts';
import { questions } from '../search/question-table.ts';

/**
 * The natural questions of tests/search/question-table.ts typed into the real search page, in
 * Chromium at phone width: the page's own script, its vocabulary and the real index. And the way
 * on that the page offers under weak results.
 */
const base = '/logement-social/';

const site = builtSiteInChromium(base);

async function searchPage() {
  const page = await site.browser.context.newPage();
  await page.setViewportSize({ width: 360, height: 740 });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(site.server.url('recherche/'));
  /** Types a question as a person would, submits, and waits for the announced result. */
  const ask = async (question: string) => {
    // The status is emptied first, so that the same announcement twice is still seen as new.
    await page.locator('[data-search-status]').evaluate((status) => (status.textContent = ''));
    await page.locator('#recherche-mots').fill(question);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('[data-search-status]').textContent(), { timeout: 15_000 })
      .toMatch(/résultat/);
    return {
      status: (await page.locator('[data-search-status]').textContent()) ?? '',
      links: await page
        .locator('.search-result__title a')
        .evaluateAll((links) => links.slice(0, 3).map((a) => a.getAttribute('href'))),
      wayOn: await page.locator('[data-search-way-on]').isVisible(),
    };
  };
  return { page, problems, ask };
}

describe('les questions des demandeurs, tapées dans la page de recherche', () => {
  // In groups, one page for all: each group stays well within the test timeout on a loaded machine.
  const groupSize = 16;
  const groups = Array.from({ length: Math.ceil(questions.length / groupSize) }, (_, i) =>
    questions.slice(i * groupSize, (i + 1) * groupSize),
  );
  let session: Awaited<ReturnType<typeof searchPage>>;
  const missed: string[] = [];
  let asked = 0;
  beforeAll(async () => {
    session = await searchPage();
  });
  afterAll(async () => {
    if (asked > 0)
      console.info(
        `Page de recherche : ${asked - missed.length}/${asked} questions trouvent leur page dans les trois premiers`,
      );
    await session?.page.close();
  });

  it.each(groups.map((group, i) => [i + 1, group] as const))(
    'trouvent leur page dans les trois premiers résultats (groupe %i)',
    async (_, group) => {
      const wrong: string[] = [];
      for (const [question, target] of group) {
        const { links } = await session.ask(question);
        asked += 1;
        if (!links.includes(`${base}${target.slice(1)}`))
          wrong.push(`« ${question} » → ${links.join(', ') || 'rien'} (attendu ${target})`);
      }
      missed.push(...wrong);
      expect(wrong).toEqual([]);
      expect(session.problems).toEqual([]);
    },
  );

  it('propose l’orientation et les communes sous des résultats faibles, pas sous de bons résultats', async () => {
    const { page, problems, ask } = await searchPage();
    const weak = await ask('cotation piscine municipale');
    expect(weak.status).toMatch(
      /Aucune page ne contient tous vos mots\u00a0; voici les plus proches\. D’autres pistes sont proposées sous les résultats\.$/,
    );
    expect(weak.wayOn).toBe(true);
    const hrefs = await page
      .locator('[data-search-way-on] a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs[0]).toBe(`${base}orientation/`);
    expect(
      hrefs.filter((href) => href?.startsWith(`${base}communes/`)),
      'un lien par commune de content/communes/',
    ).toHaveLength((await realCatalog()).communes.length);
    const axe = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const nothing = await ask('zzzz');
    expect(nothing.status).toMatch(/^Aucun résultat/);
    expect(nothing.wayOn).toBe(true);

    const strong = await ask('cotation');
    expect(strong.links[0]).toBe(`${base}infos/cotation/`);
    expect(strong.wayOn).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });
});
