import { describe, expect, it } from 'vitest';
import { categoryAmount, currentTable, type HouseholdCategory } from '../../src/domain/ceilings.ts';
import { formatEuros } from '../../src/domain/format.ts';
import { htmlFiles, linksOf, readText } from '../helpers/dist.ts';
import { builtDist } from '../harness.ts';
import { loadRealContent } from '../helpers/real-content.ts';

const dists = { distWithBase: await builtDist('distWithBase'), distAtRoot: await builtDist('distAtRoot') };

const { catalog } = await loadRealContent();
if (!catalog) throw new Error('le contenu réel doit être valide');
const table = currentTable(catalog.incomeCeilings)!;
const categories = [1, 2, 3, 4, 5, 6] as HouseholdCategory[];

/** The page as a reader without script gets it: no script, no element marked `hidden`. */
function withoutScript(html: string): string {
  return html
    .replace(/<script\b[\s\S]*?<\/script>/g, '')
    .replace(/<(form|div|section|p|ul)\b[^>]*\shidden(?:="")?[\s>][\s\S]*?<\/\1>/g, '');
}

/** Visible text, tags removed, spaces as in the page. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, '’');

for (const [name, key, base] of [
  ['avec une base', 'distWithBase', '/logement-social/'],
  ['à la racine', 'distAtRoot', '/'],
] as const) {
  describe(`les pages des plafonds de ressources (${name})`, () => {
    const dist = dists[key];
    const page = (path: string) => readText(dist, `${path}index.html`);

    it('ont /plafonds/, cinq pages de question et six pages de catégorie, et pas d’autre', async () => {
      const pages = (await htmlFiles(dist)).filter((f) => f.startsWith('plafonds/')).sort();
      expect(pages).toEqual(
        [
          'plafonds/index.html',
          ...categories.map((n) => `plafonds/categorie-${n}/index.html`),
          ...[1, 2, 3, 4, 5].map((n) => `plafonds/foyer-${n}/index.html`),
        ].sort(),
      );
    });

    it('chaque page de catégorie donne le montant des données, et la 6 le montant par personne en plus', async () => {
      for (const category of categories) {
        const html = await page(`plafonds/categorie-${category}/`);
        const amount = /data-ceiling-amount[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
        expect(text(amount), `catégorie ${category}`).toContain(formatEuros(categoryAmount(table, category)!));
        expect(html).toMatch(new RegExp(`<h1[^>]*>Catégorie ${category}&#8239;: plafond`));
        const extra = /data-ceiling-extra[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1];
        if (category === 6) expect(text(extra ?? '')).toContain(formatEuros(table.perExtraPerson!));
        else expect(extra).toBeUndefined();
        // The page has no script of its own.
        expect(html).not.toMatch(/<script\b(?![^>]*application\/ld\+json)/);
      }
    });

    it('sans script, les liens de /plafonds/ mènent aux six catégories, en deux choix au plus', async () => {
      const prefix = `${base}plafonds/`;
      const reached = new Map<number, number>();
      const start = withoutScript(await page('plafonds/'));
      // The form is only there with the script.
      expect(start).not.toContain('data-ceilings-form');
      const firstLinks = [
        ...new Set(
          linksOf(start).filter((l) => l.startsWith(`${prefix}foyer-`) || l.startsWith(`${prefix}categorie-`)),
        ),
      ];
      const fromQuestion = firstLinks.filter((l) => /\/(foyer-\d|categorie-6)\/$/.test(l));
      expect(fromQuestion).toHaveLength(6);
      for (const link of fromQuestion) {
        const category = /categorie-(\d)\/$/.exec(link);
        if (category) {
          reached.set(Number(category[1]), 1);
          continue;
        }
        const step = withoutScript(await page(link.slice(base.length)));
        for (const next of linksOf(step)) {
          const match = /\/plafonds\/categorie-(\d)\/$/.exec(next);
          if (match && !reached.has(Number(match[1]))) reached.set(Number(match[1]), 2);
        }
      }
      expect([...reached.keys()].sort()).toEqual(categories);
      expect(Math.max(...reached.values())).toBeLessThanOrEqual(2);
    });

    it('les questions mènent chacune à la catégorie que donne la règle', async () => {
      const two = withoutScript(await page('plafonds/foyer-2/'));
      const choices = [...two.matchAll(/<a href="([^"]+categorie-(\d)\/)"[^>]*>([^<]+)<\/a>/g)].map((m) => [
        m[3],
        Number(m[2]),
      ]);
      expect(choices).toEqual([
        ['Au moins une personne du foyer est en situation de handicap', 3],
        ['Vous vivez seul ou seule avec une personne à votre charge (vos enfants, par exemple)', 3],
        ['Vous êtes en couple, sans personne à charge, et vos deux âges additionnés font 55 ans ou moins', 3],
        ['Aucune de ces situations', 2],
      ]);
    });

    it('/plafonds/ montre tout le tableau PLUS, et dit que les PLAI et PLS ne sont pas encore indiqués', async () => {
      const html = await page('plafonds/');
      for (const row of table.categories) expect(text(html)).toContain(formatEuros(row.amount));
      expect(text(html)).toContain(formatEuros(table.perExtraPerson!));
      expect(text(html)).toContain('Les plafonds 2026 des logements PLAI ne sont pas encore indiqués sur ce site');
      expect(text(html)).toContain('Les plafonds 2026 des logements PLS ne sont pas encore indiqués sur ce site');
      // Checked figures: no warning.
      expect(html).not.toContain('Ces montants sont à vérifier');
      expect(html).toContain('LEGIARTI000053307202');
    });

    it('on y arrive depuis l’accueil, une commune, « Qui peut demander ? » et le plan du site', async () => {
      for (const from of ['', 'communes/carvin/', 'infos/qui-peut-demander/', 'plan-du-site/']) {
        expect(linksOf(await page(from)), from || 'accueil').toContain(`${base}plafonds/`);
      }
    });
  });
}
