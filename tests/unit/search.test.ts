import { describe, expect, it } from 'vitest';
import {
  correctWord,
  describeResult,
  editDistance,
  queryTerms,
  resultSummary,
  searchSite,
  onlyStemShared,
  typographicApostrophes,
  type PagefindApi,
} from '../../src/domain/search.ts';
import {
  buildLexicon,
  checkSearchSynonyms,
  indexedText,
  keywordsForPath,
  searchShortcuts,
} from '../../src/domain/search-index.ts';
import { formatIssue } from '../../src/domain/references.ts';
import { forIndexing } from '../../src/integrations/pagefind.ts';
import { fakePagefind } from './fake-pagefind.ts';
import { loadRealContent } from '../helpers/real-content.ts';

const { catalog } = await loadRealContent();
if (!catalog) throw new Error('le contenu réel doit être valide');

describe('les mots envoyés à Pagefind', () => {
  it('laisse de côté les petits mots et coupe les élisions', () => {
    expect(queryTerms('renouveler ma demande')).toEqual(['renouveler', 'demande']);
    expect(queryTerms('quels papiers pour faire une demande ?')).toEqual(['papiers', 'faire', 'demande']);
    expect(queryTerms('pièce d’identité')).toEqual(['pièce', 'identité']);
    expect(queryTerms("l'attribution")).toEqual(['attribution']);
    expect(queryTerms('Hénin-Beaumont')).toEqual(['Hénin-Beaumont']);
  });

  it('garde la requête quand elle n’a que des petits mots', () => {
    expect(queryTerms('qui')).toEqual(['qui']);
    expect(queryTerms('  ')).toEqual([]);
  });
});

describe('la correction des fautes de frappe', () => {
  const lexicon = ['demande', 'cotation', 'Carvin', 'Courrières', 'renouveler', 'justificatifs', 'renouvellement'];

  it('compte une lettre en trop, en moins, changée ou inversée comme une faute', () => {
    expect(editDistance('carvain', 'carvin')).toBe(1);
    expect(editDistance('cotaiton', 'cotation')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('chat', 'chien', 1)).toBe(2);
  });

  it('corrige vers un mot du site, accents et majuscules compris', () => {
    expect(correctWord('carvain', lexicon)).toBe('Carvin');
    expect(correctWord('Courières', lexicon)).toBe('Courrières');
    expect(correctWord('jsutificatifs', lexicon)).toBe('justificatifs');
  });

  it('ne touche ni aux mots connus, ni au début d’un mot en cours de frappe, ni aux mots courts', () => {
    expect(correctWord('cotation', lexicon)).toBeUndefined();
    expect(correctWord('renouv', lexicon)).toBeUndefined();
    expect(correctWord('cota', lexicon)).toBeUndefined();
    expect(correctWord('maison', lexicon)).toBeUndefined();
  });
});

describe('le déroulé d’une recherche', () => {
  const pages = {
    '/cotation/': 'cotation points grille',
    '/pieces/': 'pièces papiers identité',
    '/calais/': 'calais habitat',
    '/cal/': 'cal commission',
  };

  it('cherche d’abord tous les mots ensemble', async () => {
    const outcome = await searchSite(fakePagefind(pages), 'cotation points');
    expect(outcome!.results.map((r) => r.id)).toEqual(['/cotation/']);
    expect(outcome!.partial).toBe(false);
  });

  it('met en tête les pages qui ont le sigle court en entier', async () => {
    const outcome = await searchSite(fakePagefind(pages), 'CAL');
    expect(outcome!.results.map((r) => r.id)).toEqual(['/cal/', '/calais/']);
  });

  it('corrige un mot inconnu avant de chercher, et le dit', async () => {
    const outcome = await searchSite(fakePagefind(pages), 'cotaton', { lexicon: async () => ['cotation', 'points'] });
    expect(outcome!.corrected).toBe('cotation');
    expect(outcome!.results.map((r) => r.id)).toEqual(['/cotation/']);
  });

  it('corrige un mot que Pagefind n’a trouvé que par sa racine, sans charger le lexique pour un mot connu', async () => {
    // Pagefind's stemmer turns « Courières » into « cour »: pages saying « cours » or « courants » match.
    const stemmed: PagefindApi = {
      async search(term) {
        const text = (term ?? '').toLowerCase();
        const urls = text.startsWith('courri')
          ? ['/communes/courrieres/']
          : text.startsWith('couri')
            ? ['/a/', '/b/', '/c/']
            : text.startsWith('cotation')
              ? ['/cotation/', '/b/', '/c/']
              : [];
        const content: Record<string, string> = {
          '/a/': 'en cours de validité',
          '/b/': 'les plus courants, la cotation',
          '/c/': 'cours cotation',
          '/cotation/': 'la cotation',
          '/communes/courrieres/': 'Courrières',
        };
        return {
          results: urls.map((url, i) => ({
            id: url,
            score: 3 - i,
            data: async () => ({ url, excerpt: '', content: content[url], meta: { title: url }, filters: {} }),
          })),
        };
      },
    };
    let fetched = 0;
    const lexicon = async () => {
      fetched += 1;
      return ['cours', 'courants', 'cotation', 'Courrières', 'validité'];
    };
    const misspelt = await searchSite(stemmed, 'Courières', { lexicon });
    expect(misspelt!.corrected).toBe('Courrières');
    expect(misspelt!.results.map((r) => r.id)).toEqual(['/communes/courrieres/']);
    expect(fetched).toBe(1);
    const known = await searchSite(stemmed, 'cotation', { lexicon });
    expect(known!.corrected).toBeUndefined();
    expect(known!.results.map((r) => r.id)).toEqual(['/cotation/', '/b/', '/c/']);
    expect(fetched).toBe(1);
  });

  it('ne demande qu’une fois le fragment de la première page, que la page affiche ensuite', async () => {
    let loads = 0;
    const pagefind: PagefindApi = {
      async search() {
        return {
          results: ['/x/', '/y/', '/z/'].map((url) => ({
            id: url,
            score: 1,
            data: async () => (loads++, { url, excerpt: '', content: 'cotation', meta: {}, filters: {} }),
          })),
        };
      },
    };
    const outcome = await searchSite(pagefind, 'cotation', { lexicon: async () => [] });
    await outcome!.results[0]!.data();
    expect(loads).toBe(1);
  });

  it('reconnaît un mot trouvé par sa racine seulement', () => {
    const page = {
      url: '/a/',
      excerpt: '',
      content: 'Pièce d’identité en cours de validité',
      meta: { title: 'Qui peut demander' },
      filters: {},
    };
    expect(onlyStemShared(['Courières'], page)).toBe(true);
    expect(onlyStemShared(['validite'], page)).toBe(false);
    expect(onlyStemShared(['demander'], page)).toBe(false);
    // Short words are never corrected: nothing to check.
    expect(onlyStemShared(['cour'], page)).toBe(false);
  });

  it('propose les pages qui ont une partie des mots quand aucune ne les a tous', async () => {
    const outcome = await searchSite(fakePagefind(pages), 'cotation papiers');
    expect(outcome!.partial).toBe(true);
    expect(outcome!.results.map((r) => r.id).sort()).toEqual(['/cotation/', '/pieces/']);
  });

  it('sans mot mais avec un filtre, liste les pages du filtre', async () => {
    const pagefind = fakePagefind(pages);
    const outcome = await searchSite(pagefind, '', { filters: { commune: 'Carvin' } });
    expect(outcome!.results.length).toBeGreaterThan(0);
    expect(pagefind.queries).toEqual(['null']);
  });
});

describe('ce que montre un résultat', () => {
  it('donne le type, et pour un lieu sa commune et son niveau', () => {
    const view = describeResult({
      url: '/lieux/mairie-carvin/',
      excerpt: 'Mairie de <mark>Carvin</mark>, l&#39;accueil',
      meta: { title: 'Mairie de Carvin – CCAS', kind: 'lieu', commune: 'Carvin', niveau: '2' },
      filters: {},
    });
    expect(view.kind).toBe('Lieu d’accueil');
    expect(view.details).toEqual(['Carvin', 'Niveau 2\u00a0: accueil, information et enregistrement']);
    expect(view.excerpt).toBe('Mairie de <mark>Carvin</mark>, l’accueil');
  });

  it('annonce le nombre de résultats en français', () => {
    expect(resultSummary(0, { partial: false }, 'xyz')).toBe('Aucun résultat pour «\u00a0xyz\u00a0».');
    expect(resultSummary(1, { partial: false }, 'cotation')).toBe('1 résultat pour «\u00a0cotation\u00a0».');
    expect(resultSummary(6, { partial: false, corrected: 'Carvin' }, 'carvain')).toBe(
      '6 résultats pour «\u00a0Carvin\u00a0» (orthographe corrigée, vous aviez écrit «\u00a0carvain\u00a0»).',
    );
  });

  it('rend les apostrophes typographiques que l’index a remplacées', () => {
    expect(forIndexing('<h1>Pièce d’identité</h1>')).toBe("<h1>Pièce d'identité</h1>");
    expect(typographicApostrophes("Pièce d'identité")).toBe('Pièce d’identité');
  });
});

describe('les synonymes de la recherche (content/data/search-synonyms.yaml)', () => {
  it('pointent tous vers une page qui existe', () => {
    expect(checkSearchSynonyms(catalog).map(formatIssue), 'corrigez content/data/search-synonyms.yaml').toEqual([]);
  });

  it('signalent une page inconnue avec le fichier, le champ et une suggestion', () => {
    const broken = {
      ...catalog,
      searchSynonyms: { entries: [{ words: ['HLM'], pages: ['/infos/faire-sa-demand/'] }] },
    };
    expect(checkSearchSynonyms(broken)).toEqual([
      expect.objectContaining({
        file: 'content/data/search-synonyms.yaml',
        field: 'entries[1].pages[1]',
        message: 'page inconnue « /infos/faire-sa-demand/ »',
        hint: 'vouliez-vous dire « /infos/faire-sa-demande/ » ?',
      }),
    ]);
  });

  it('ajoutent leurs mots aux pages visées, et deviennent des raccourcis', () => {
    // Entries written for the test, on two pages every content has (src/domain/urls.ts, requiredTopics).
    const entries = [
      { words: ['cotation', 'points', 'score'], label: 'Cotation, points', pages: ['/infos/cotation/'] },
      { words: ['HLM'], pages: ['/infos/faire-sa-demande/', '/infos/cotation/'] },
    ];
    const withSynonyms = { ...catalog, searchSynonyms: { entries } };
    expect(keywordsForPath(withSynonyms, '/infos/cotation/')).toEqual(
      expect.arrayContaining(['cotation', 'points', 'score', 'HLM']),
    );
    expect(keywordsForPath(withSynonyms, '/infos/faire-sa-demande/')).toEqual(expect.arrayContaining(['HLM']));
    const title = (id: string) => catalog.topics.find((t) => t.id === id)!.title;
    expect(searchShortcuts(withSynonyms)).toEqual([
      { label: 'Cotation, points', path: '/infos/cotation/', title: title('cotation') },
      { label: 'HLM', path: '/infos/faire-sa-demande/', title: title('faire-sa-demande') },
    ]);
  });
});

describe('le vocabulaire du site', () => {
  it('ne lit que le contenu indexé, et range les mots du plus fréquent au plus rare', () => {
    const html =
      '<header>Menu Carvin</header><main><div data-pagefind-body><h1>Cotation</h1><p>La cotation &amp; les points. Points, points, 2024.</p></div></main>';
    expect(indexedText(html)).not.toContain('Menu');
    expect(buildLexicon([indexedText(html)])).toEqual(['points', 'cotation']);
  });
});
