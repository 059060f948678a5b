import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchSite, type PagefindApi, type SearchOptions } from '../../src/domain/search.ts';
import { loadLexicon, loadPagefind, loadVocabulary } from '../helpers/pagefind.ts';
import { questions } from './question-table.ts';
import { builtDist } from '../harness.ts';

/**
 * The natural questions of question-table.ts on the real index, through the search page's pipeline
 * with the vocabulary the built page carries. The base build only: queries.test.ts already checks
 * that both builds search alike.
 */
describe('des questions telles que les demandeurs les tapent', () => {
  const base = '/logement-social/';
  let pagefind: PagefindApi;
  let options: SearchOptions;
  const missed: string[] = [];
  beforeAll(async () => {
    const dist = await builtDist('distWithBase');
    pagefind = await loadPagefind(dist, base);
    const lexicon = await loadLexicon(dist);
    options = { lexicon: async () => lexicon, vocabulary: await loadVocabulary(dist) };
  });
  afterAll(() => {
    console.info(
      `Questions : ${questions.length - missed.length}/${questions.length} trouvent leur page dans les trois premiers${missed.length ? `\n  ${missed.join('\n  ')}` : ''}`,
    );
  });

  it('sont au moins soixante, chacune une seule fois', () => {
    expect(questions.length).toBeGreaterThanOrEqual(60);
    expect(new Set(questions.map(([question]) => question)).size).toBe(questions.length);
  });

  it('chaque mot que le vocabulaire fait chercher est sur au moins une page', async () => {
    const words = [
      ...new Set(options.vocabulary!.expressions.flatMap(([, means]) => means.flatMap((m) => m.split(/\s+/u)))),
    ];
    const absent: string[] = [];
    for (const word of words) if (((await pagefind.search(word))?.results.length ?? 0) === 0) absent.push(word);
    expect(words.length).toBeGreaterThan(10);
    expect(
      absent,
      'mots de « means » que la recherche ne peut pas trouver (content/data/search-vocabulary.yaml)',
    ).toEqual([]);
  });

  it.each(questions)('« %s » → %s', async (question, page) => {
    const outcome = await searchSite(pagefind, question, options);
    expect(outcome, question).not.toBeNull();
    const found = await Promise.all(outcome!.results.slice(0, 3).map(async (result) => (await result.data()).url));
    if (!found.includes(`${base}${page.slice(1)}`)) missed.push(`« ${question} » → ${found.join(', ') || 'rien'}`);
    expect(found, `« ${question} » donne : ${found.join(', ')}`).toContain(`${base}${page.slice(1)}`);
  });
});
