import { beforeAll, describe, expect, it } from 'vitest';
import { searchSite, type PagefindApi, type SearchVocabulary } from '../../src/domain/search.ts';
import { loadLexicon, loadPagefind, loadVocabulary } from '../helpers/pagefind.ts';
import { table } from './query-table.ts';
import { builtDist } from '../harness.ts';

const dists = { distWithBase: await builtDist('distWithBase'), distAtRoot: await builtDist('distAtRoot') };

for (const [name, key, base] of [
  ['avec une base', 'distWithBase', '/logement-social/'],
  ['à la racine', 'distAtRoot', '/'],
] as const) {
  describe(`la recherche sur l’index construit (${name})`, () => {
    let pagefind: PagefindApi;
    let lexicon: string[];
    let vocabulary: SearchVocabulary | undefined;
    beforeAll(async () => {
      const dist = dists[key];
      pagefind = await loadPagefind(dist, base);
      lexicon = await loadLexicon(dist);
      // The page reads questions with the vocabulary it carries: so does this test.
      vocabulary = await loadVocabulary(dist);
    });

    async function urls(query: string): Promise<string[]> {
      const outcome = await searchSite(pagefind, query, { lexicon: async () => lexicon, vocabulary });
      expect(outcome, query).not.toBeNull();
      return Promise.all(outcome!.results.slice(0, 3).map(async (result) => (await result.data()).url));
    }

    it.each(table)('« %s » → %s (rang ≤ %i)', async (query, page, within) => {
      const found = await urls(query);
      expect(found.slice(0, within), `« ${query} » donne : ${found.join(', ')}`).toContain(`${base}${page.slice(1)}`);
    });
  });
}
