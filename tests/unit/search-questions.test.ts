import { describe, expect, it } from 'vitest';
import {
  resultSummary,
  searchSite,
  termWeight,
  understandQuery,
  type SearchVocabulary,
} from '../../src/domain/search.ts';
import { checkSearchVocabulary, compileVocabulary } from '../../src/domain/search-index.ts';
import { formatIssue } from '../../src/domain/references.ts';
import { searchVocabularySchema } from '../../src/schemas/search.ts';
import { fakePagefind } from './fake-pagefind.ts';
import { loadRealContent } from '../helpers/real-content.ts';

const { catalog } = await loadRealContent();
if (!catalog) throw new Error('le contenu réel doit être valide');

const vocabulary: SearchVocabulary = compileVocabulary(
  searchVocabularySchema.parse({
    fillers: ['comment', 'que faire', 'est-ce que', 'logement'],
    expressions: [
      { says: ['points', 'mes points'], means: ['cotation'] },
      { says: ['à la rue'], means: ['SIAO'] },
      { says: ['travaille dans le privé', 'privé'], means: ['Action Logement'] },
    ],
  }),
);

const texts = (terms: { text: string; domain: boolean }[]) =>
  terms.map((term) => `${term.text}${term.domain ? '*' : ''}`);

describe('la lecture d’une question avant Pagefind', () => {
  it('laisse de côté les mots de question et remplace les expressions par les mots du site', () => {
    expect(texts(understandQuery('comment connaître mes points', vocabulary))).toEqual(['cotation*', 'connaître']);
    expect(texts(understandQuery('je suis a la rue que faire', vocabulary))).toEqual(['SIAO*']);
    expect(texts(understandQuery('Je travaille dans le PRIVE', vocabulary))).toEqual(['Action*', 'Logement*']);
  });

  it('préfère l’expression la plus longue, et ne distingue pas le pluriel', () => {
    expect(texts(understandQuery('dans le privé', vocabulary))).toEqual(['Action*', 'Logement*']);
    expect(texts(understandQuery('mon point', vocabulary))).toEqual(['cotation*']);
  });

  it('garde les mots tels quels sans vocabulaire, ou quand la question n’a que des mots vides', () => {
    expect(texts(understandQuery('renouveler ma demande'))).toEqual(['renouveler', 'demande']);
    expect(texts(understandQuery('logement', vocabulary))).toEqual(['logement']);
    expect(texts(understandQuery('Hénin-Beaumont logement', vocabulary))).toEqual(['Hénin-Beaumont']);
  });
});

describe('quand aucune page n’a tous les mots', () => {
  // « aide » and « logement » are on every page; only /cotation/ holds « cotation ».
  const pages = {
    '/accueil/': 'aide logement demande',
    '/aides/': 'aide logement aide',
    '/partenaires/': 'aide logement partenaires',
    '/cotation/': 'cotation points logement',
  };

  it('un mot que toutes les pages ont pèse peu, un mot du vocabulaire pèse plus', () => {
    expect(termWeight(40, false)).toBeLessThan(termWeight(2, false));
    expect(termWeight(2, true)).toBeGreaterThan(termWeight(2, false));
    expect(termWeight(0, true)).toBe(0);
  });

  it('met en tête la page qui a le mot rare, pas celles qui partagent les mots courants', async () => {
    const outcome = await searchSite(fakePagefind(pages), 'aide logement cotation introuvable');
    expect(outcome!.partial).toBe(true);
    expect(outcome!.results[0]!.id).toBe('/cotation/');
  });

  it('fait passer les mots venus du vocabulaire avant les autres', async () => {
    const outcome = await searchSite(
      fakePagefind({ ...pages, '/aides-rapides/': 'aide rapide' }),
      'mes points rapide',
      { vocabulary },
    );
    expect(outcome!.results.map((r) => r.id)[0]).toBe('/cotation/');
  });

  it('le dit dans la ligne d’état', () => {
    expect(resultSummary(4, { partial: true }, 'aide cotation')).toBe(
      '4 résultats pour «\u00a0aide cotation\u00a0». Aucune page ne contient tous vos mots\u00a0; voici les plus proches.',
    );
  });
});

describe('le vocabulaire de la recherche (content/data/search-vocabulary.yaml)', () => {
  it('est valide, sans doublon, et chaque expression mène à des mots du site', () => {
    expect(catalog.searchVocabulary).toBeDefined();
    expect(
      checkSearchVocabulary(catalog.searchVocabulary!).map(formatIssue),
      'corrigez content/data/search-vocabulary.yaml',
    ).toEqual([]);
    const compiled = compileVocabulary(catalog.searchVocabulary);
    expect(
      compiled.fillers.length + compiled.expressions.length,
      'content/data/search-vocabulary.yaml est vide',
    ).toBeGreaterThan(0);
    // Every expression, typed as a question, is read as the site's words it means.
    for (const [says, means] of compiled.expressions)
      expect(texts(understandQuery(says, compiled)), `content/data/search-vocabulary.yaml : « ${says} »`).toEqual(
        expect.arrayContaining(means.flatMap((m) => m.split(/\s+/)).map((w) => `${w}*`)),
      );
  });

  it('signale une expression en double ou déjà parmi les mots vides', () => {
    const issues = checkSearchVocabulary({
      fillers: ['comment', 'Comment'],
      expressions: [
        { says: ['points'], means: ['cotation'] },
        { says: ['POINTS', 'comment'], means: ['grille'] },
      ],
    });
    expect(issues.map((issue) => [issue.field, issue.message])).toEqual([
      ['fillers[2]', '« Comment » figure déjà dans la liste (n° 1)'],
      ['expressions[2].says[1]', '« POINTS » figure déjà dans l’expression n° 1'],
      ['expressions[2].says[2]', '« comment » est aussi dans « fillers », qui l’emporte'],
    ]);
  });
});
