import { describe, expect, it } from 'vitest';
import { measureSite, overBudget, readBudgets } from '../../scripts/page-weight.mjs';
import { builtDist } from '../harness.ts';

const budgets = await readBudgets();

describe('les budgets de poids (budgets.config.json)', () => {
  it('sont tenus par le site construit', async () => {
    const report = await measureSite(await builtDist('distWithBase'), '/logement-social/');
    expect(report.pages.length).toBeGreaterThan(40);
    expect(overBudget(report, budgets)).toEqual([]);
  });

  it('disent quelle page dépasse, de combien, et refusent un script là où il n’en faut pas', () => {
    const page = { page: '', html: 1000, css: 2000, fonts: 20000, js: 0, scripts: [], firstVisit: 23000 };
    const report = {
      pages: [
        { ...page, html: budgets.htmlPerPage + 1, firstVisit: budgets.homeFirstVisit + 1 },
        { ...page, page: 'lieux/x/', js: 500, scripts: ['_astro/x.js'] },
        { ...page, page: 'recherche/', js: 500, scripts: ['_astro/search.js'] },
      ],
      cssTotal: budgets.cssTotal + 1,
      pdfs: [{ file: 'plaquette/cahc.pdf', bytes: budgets.pdfPerFile + 1 }],
    };
    const problems = overBudget(report, budgets);
    expect(problems).toHaveLength(5);
    expect(problems.join('\n')).toMatch(/^\/ : HTML .* par page$/m);
    expect(problems.join('\n')).toMatch(/^\/ : première visite/m);
    expect(problems.join('\n')).toMatch(
      /^\/lieux\/x\/ : charge .* \(_astro\/x\.js\) alors que cette page n’en a pas besoin/m,
    );
    expect(problems.join('\n')).toMatch(/^CSS de tout le site/m);
    expect(problems.join('\n')).toMatch(/^plaquette\/cahc\.pdf : /m);
  });
});
