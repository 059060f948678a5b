import { beforeAll, describe, expect, inject, it } from 'vitest';
import { searchSite, type PagefindApi } from '../../src/domain/search';
import { loadLexicon, loadPagefind } from '../helpers/pagefind';

/**
 * What applicants really type — misspelt, without accents, in a sentence — and the page that must
 * come first (1) or in the first three (3). Searched on the real index of the real build, through
 * the very pipeline of the search page (src/domain/search.ts).
 */
const table: [query: string, page: string, within: 1 | 3][] = [
  // The brief's own examples.
  ['piece identite', '/infos/pieces-a-fournir/', 1],
  ['cotation', '/infos/cotation/', 1],
  ['HLM', '/infos/faire-sa-demande/', 1],
  ['Henin', '/communes/henin-beaumont/', 1],
  ['renouveler ma demande', '/infos/apres-la-demande/', 1],
  ['DALO', '/infos/apres-la-demande/', 3],
  ['DALO', '/infos/publics-prioritaires/', 3],
  ['jeune', '/lieux/cllaj-oignies/', 1],
  // Acronyms and jargon, through content/data/search-synonyms.yaml.
  ['SNE', '/infos/apres-la-demande/', 1],
  ['numero unique', '/infos/apres-la-demande/', 1],
  ['PGP', '/infos/faire-sa-demande/', 1],
  ['CAL', '/infos/apres-la-demande/', 1],
  ['caleol', '/infos/apres-la-demande/', 1],
  ['points', '/infos/cotation/', 1],
  ['mon score', '/infos/cotation/', 1],
  ['papiers', '/infos/pieces-a-fournir/', 3],
  ['justificatifs', '/infos/pieces-a-fournir/', 1],
  ['quels papiers pour faire une demande', '/infos/pieces-a-fournir/', 3],
  ['feuille d’impot', '/infos/pieces-a-fournir/', 1],
  ['plafond de ressources', '/infos/qui-peut-demander/', 1],
  ['salaire maximum', '/infos/qui-peut-demander/', 3],
  ['cerfa', '/infos/faire-sa-demande/', 1],
  ['c’est gratuit ?', '/infos/faire-sa-demande/', 1],
  ['attestation', '/infos/apres-la-demande/', 1],
  ['délai d’attente', '/infos/apres-la-demande/', 3],
  ['combien de temps pour avoir un logement', '/infos/apres-la-demande/', 1],
  ['changement de situation', '/infos/apres-la-demande/', 1],
  ['violences', '/infos/publics-prioritaires/', 1],
  ['expulsion', '/infos/publics-prioritaires/', 1],
  ['sans abri', '/lieux/siao-henin-beaumont/', 3],
  ['115', '/lieux/siao-henin-beaumont/', 3],
  ['APL', '/lieux/caf-carvin/', 1],
  ['assistante sociale', '/lieux/mds-henin-beaumont/', 3],
  ['salarié action logement', '/lieux/action-logement-arras/', 1],
  ['guichet enregistreur', '/infos/lieux-d-accueil/', 3],
  ['ou deposer ma demande', '/ou-s-adresser/', 3],
  ['cookies', '/donnees-personnelles/', 1],
  // Places and communes, with and without accents and hyphens.
  ['Hénin-Beaumont', '/communes/henin-beaumont/', 1],
  ['courrieres', '/communes/courrieres/', 1],
  ['evin malmaison', '/communes/evin-malmaison/', 1],
  ['bois bernard', '/communes/bois-bernard/', 1],
  ['mairie oignies', '/lieux/mairie-oignies/', 1],
  ['caf', '/lieux/caf-carvin/', 1],
  ['SIA habitat carvin', '/lieux/sia-habitat-carvin/', 1],
  ['maisons et cites', '/lieux/maisons-et-cites-libercourt/', 3],
  ['HLM carvin', '/communes/carvin/', 3],
  // Typos: corrected towards the site's own words.
  ['cotaton', '/infos/cotation/', 1],
  ['renouvelement', '/infos/apres-la-demande/', 1],
  ['justifcatifs', '/infos/pieces-a-fournir/', 1],
  ['pièce d’identitée', '/infos/pieces-a-fournir/', 1],
  ['comission d’attribution', '/infos/apres-la-demande/', 1],
  ['noyelle godault', '/communes/noyelles-godault/', 1],
  ['Libercour', '/communes/libercourt/', 1],
  ['drocour', '/communes/drocourt/', 1],
  ['carvain', '/communes/carvin/', 1],
  ['Courières', '/communes/courrieres/', 1],
  ['renouvler', '/infos/apres-la-demande/', 1],
  ['papeirs', '/infos/pieces-a-fournir/', 3],
  ['jsutificatif', '/infos/pieces-a-fournir/', 1],
  ['logemnt jeune', '/lieux/cllaj-oignies/', 1],
];

for (const [name, key, base] of [
  ['avec une base', 'distWithBase', '/logement-social/'],
  ['à la racine', 'distAtRoot', '/'],
] as const) {
  describe(`la recherche sur l’index construit (${name})`, () => {
    let pagefind: PagefindApi;
    let lexicon: string[];
    beforeAll(async () => {
      const dist = inject(key);
      pagefind = await loadPagefind(dist, base);
      lexicon = await loadLexicon(dist);
    });

    async function urls(query: string): Promise<string[]> {
      const outcome = await searchSite(pagefind, query, { lexicon: async () => lexicon });
      expect(outcome, query).not.toBeNull();
      return Promise.all(outcome!.results.slice(0, 3).map(async (result) => (await result.data()).url));
    }

    it.each(table)('« %s » → %s (rang ≤ %i)', async (query, page, within) => {
      const found = await urls(query);
      expect(found.slice(0, within), `« ${query} » donne : ${found.join(', ')}`).toContain(`${base}${page.slice(1)}`);
    });
  });
}
