/**
 * The search pipeline shared by the search page (in the browser) and the tests (in Node, on the
 * real built index): what is sent to Pagefind, how a query with a typo or too many words is
 * rescued, and how a result is described. No DOM and no Astro here.
 */
import { levelLabels } from './labels';

/** Names of the hidden metadata that carry the words of search-synonyms.yaml and of the glossary. */
export const keywordsMeta = 'motscles';
export const glossaryKeywordsMeta = 'motsglossaire';

/**
 * Options given to Pagefind. The synonyms live in their own metadata field: a match there must
 * weigh more than a word of the body, and as much as a match in the title, so that "HLM" leads to
 * the page an editor chose rather than to every page that happens to say "HLM" once.
 * `kind` and `niveau` are labels, not subjects: a page must not rank higher because its kind is
 * "lieu" when someone searches for "lieu".
 */
export const pagefindOptions = {
  excerptLength: 22,
  ranking: {
    metaWeights: { title: 5, [keywordsMeta]: 6, [glossaryKeywordsMeta]: 1, kind: 0, niveau: 0, commune: 2, rubrique: 0 },
  },
} as const;

/** The filters offered on the search page, by Pagefind filter name. */
export const filterNames = ['type', 'commune', 'niveau'] as const;
export type FilterName = (typeof filterNames)[number];
export type SearchFilters = Partial<Record<FilterName, string>>;

/** Lower case, without accents or punctuation: how words are compared. */
export function foldWord(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * Words that carry no subject. Pagefind requires every word of a query to be on the page and matches
 * words by their beginning ("ma" matches "mairie"), so "renouveler ma demande" would miss the page
 * about renewing; these words are left out of what is sent.
 */
const stopWords = new Set(
  (
    'a au aux avec ce ces cet cette chez comment dans de des du elle en est et il je la le les leur leurs lui ma mais me ' +
    'mes moi mon ne nos notre nous on ou par pas pour qu que quel quelle quels quelles qui sa se ses si son sur ta te tes ' +
    'toi ton tu un une vos votre vous y faut veux voudrais peux puis dois quoi ai'
  ).split(' '),
);

/**
 * The words of a query worth sending to Pagefind, as typed (accents kept: Pagefind ranks an exact
 * accent match first, and finds the page either way). Elisions are split ("d'identité" → "identité")
 * because the index also holds "identité" on its own; short function words are dropped unless the
 * query has nothing else.
 */
export function queryTerms(query: string): string[] {
  const words = query
    .split(/[\s'’`]+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => foldWord(word).length > 0);
  const meaningful = words.filter((word) => foldWord(word).length > 1 && !stopWords.has(foldWord(word)));
  return meaningful.length > 0 ? meaningful : words.filter((word) => foldWord(word).length > 1);
}

/** Restricted Damerau–Levenshtein distance (an inverted pair of letters counts as one slip). */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** How many slips a word of this length may carry and still be corrected: none for short words. */
function allowedSlips(length: number): number {
  if (length < 5) return 0;
  return length < 9 ? 1 : 2;
}

const foldedLexicons = new WeakMap<readonly string[], string[]>();

/**
 * The word of the site's vocabulary that a misspelt word most probably meant, or undefined when the
 * word is known (some word of the site starts with it) or too far from every word. The lexicon is
 * sorted by frequency, so that a tie goes to the commoner word.
 */
export function correctWord(word: string, lexicon: readonly string[]): string | undefined {
  const folded = foldWord(word);
  const slips = allowedSlips(folded.length);
  if (slips === 0) return undefined;
  const foldedLexicon = foldedLexicons.get(lexicon) ?? lexicon.map(foldWord);
  foldedLexicons.set(lexicon, foldedLexicon);
  if (foldedLexicon.some((entry) => entry.startsWith(folded))) return undefined;
  let best: string | undefined;
  let bestDistance = slips + 1;
  foldedLexicon.forEach((entry, index) => {
    // A word typed in full may also be the misspelt beginning of a longer word ("renouvl" → "renouvellement").
    const whole = editDistance(folded, entry, slips);
    const start = entry.length > folded.length ? editDistance(folded, entry.slice(0, folded.length), slips) + 0.5 : Infinity;
    const distance = Math.min(whole, start);
    if (distance < bestDistance) {
      bestDistance = distance;
      best = lexicon[index];
    }
  });
  return best;
}

/** What the tests and the page need from Pagefind's `pagefind.js`. */
export interface PagefindData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
export interface PagefindApi {
  search(term: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

export interface SearchOutcome {
  /** The words sent to Pagefind, after stop words and corrections. */
  terms: string[];
  /** Set when a misspelt word was replaced: the query that was really searched, to show the person. */
  corrected?: string;
  /** True when no page holds every word, and the results are pages holding some of them. */
  partial: boolean;
  results: PagefindResult[];
}

export interface SearchOptions {
  filters?: SearchFilters;
  /** Loads the site's vocabulary (sorted by frequency), to correct misspelt words. */
  lexicon?: () => Promise<readonly string[]>;
}

function activeFilters(filters: SearchFilters = {}): Record<string, string> | undefined {
  const entries = Object.entries(filters).filter(([, value]) => value);
  return entries.length > 0 ? (Object.fromEntries(entries) as Record<string, string>) : undefined;
}

/**
 * Runs a query the way the search page does. Returns null when Pagefind dropped the search because
 * a newer one started (the page is typing-driven).
 *
 * 1. A word that no word of the site begins with, and that is one slip (two for long words) away
 *    from one, is replaced by it: "carvain" → "carvin", "Courières" → "Courrières". Left to
 *    Pagefind, such a word either finds nothing or, through stemming, a page that has nothing to
 *    do with it. If the corrected query finds nothing, the query as typed is searched.
 * 2. All the meaningful words together (Pagefind's own ranking, boosted by the synonyms), followed
 *    by pages holding some of the words when fewer than three pages hold them all.
 * 3. If no page holds them all: pages holding some of the words, those holding the most first.
 */
export async function searchSite(pagefind: PagefindApi, query: string, options: SearchOptions = {}): Promise<SearchOutcome | null> {
  const filters = activeFilters(options.filters);
  const terms = queryTerms(query);
  if (terms.length === 0) {
    if (!filters) return { terms, partial: false, results: [] };
    const all = await pagefind.search(null, { filters });
    return all && { terms, partial: false, results: all.results };
  }
  if (options.lexicon) {
    const lexicon = await options.lexicon();
    const fixed = terms.map((term) => correctWord(term, lexicon) ?? term);
    if (fixed.some((term, i) => term !== terms[i])) {
      const outcome = await searchTerms(pagefind, fixed, filters);
      if (!outcome || outcome.results.length > 0) return outcome && { ...outcome, corrected: fixed.join(' ') };
    }
  }
  return searchTerms(pagefind, terms, filters);
}

async function searchTerms(pagefind: PagefindApi, terms: string[], filters?: Record<string, string>): Promise<SearchOutcome | null> {
  const all = await pagefind.search(terms.join(' '), { filters });
  if (!all) return null;
  // Pagefind matches the beginning of words: alone, a sigle of three letters or fewer ("CAL", "SNE",
  // "APL") would rank every "Calais" alongside. Pages holding the very word come first, in
  // Pagefind's order; the others follow.
  if (terms.length === 1 && foldWord(terms[0]!).length <= 3 && all.results.length > 0) {
    const whole = await pagefind.search(`"${terms[0]}"`, { filters });
    if (!whole) return null;
    const ids = new Set(whole.results.map((result) => result.id));
    const first = all.results.filter((result) => ids.has(result.id));
    return { terms, partial: false, results: [...first, ...all.results.filter((result) => !ids.has(result.id))] };
  }
  if (all.results.length >= fewResults || terms.length < 2) return { terms, partial: false, results: all.results };
  // Few or no pages hold every word ("salaire maximum"): pages holding some of them follow.
  const some = await someWords(pagefind, terms, filters);
  if (!some) return null;
  const ids = new Set(all.results.map((result) => result.id));
  return { terms, partial: all.results.length === 0 && some.length > 0, results: [...all.results, ...some.filter((result) => !ids.has(result.id))] };
}

/** Below this many results for all the words together, pages with some of the words are added. */
const fewResults = 3;

/** Pages holding some of the words, those holding the most first, then by summed score. */
async function someWords(pagefind: PagefindApi, terms: readonly string[], filters?: Record<string, string>): Promise<PagefindResult[] | null> {
  const merged = new Map<string, { result: PagefindResult; words: number; score: number }>();
  for (const term of terms) {
    const response = await pagefind.search(term, { filters });
    if (!response) return null;
    for (const result of response.results) {
      const entry = merged.get(result.id) ?? { result, words: 0, score: 0 };
      entry.words += 1;
      entry.score += result.score;
      merged.set(result.id, entry);
    }
  }
  return [...merged.values()].sort((a, b) => b.words - a.words || b.score - a.score).map((entry) => entry.result);
}

/** Kinds of page, as the layout names them, and how a result shows them. */
export const kindLabels: Record<string, string> = {
  démarche: 'Démarche',
  information: 'Information',
  glossaire: 'Glossaire',
  lieu: 'Lieu d’accueil',
  commune: 'Commune',
  annuaire: 'Annuaire des lieux',
  orientation: 'Où m’adresser\u00a0? (questions)',
  plaquette: 'Plaquette à imprimer',
  accueil: 'Accueil du site',
};

export interface ResultView {
  url: string;
  title: string;
  kind?: string;
  /** For a place: its commune and level, in words. */
  details: string[];
  /** Pagefind's excerpt: plain text with <mark> around the words found. */
  excerpt: string;
}

/** The index holds typewriter apostrophes (see forIndexing in src/integrations/pagefind.ts). */
export function typographicApostrophes(text: string): string {
  return text.replace(/(\p{L})(?:'|&#39;|&#x27;|&apos;)(?=\p{L})/gu, '$1’');
}

export function describeResult(data: PagefindData): ResultView {
  const kind = data.meta.kind ?? data.filters.type?.[0];
  const details: string[] = [];
  if (kind === 'lieu') {
    if (data.meta.commune) details.push(data.meta.commune);
    const level = Number(data.meta.niveau);
    if (level === 1 || level === 2) details.push(`${levelLabels[level].short}\u00a0: ${levelLabels[level].title.toLowerCase()}`);
  }
  return {
    url: data.url,
    title: typographicApostrophes(data.meta.title ?? data.url),
    kind: kind ? (kindLabels[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1)) : undefined,
    details,
    excerpt: typographicApostrophes(data.excerpt),
  };
}

/** "1 résultat", "12 résultats", "Aucun résultat", with what was searched, for the live region. */
export function resultSummary(count: number, outcome: Pick<SearchOutcome, 'corrected' | 'partial'>, query: string): string {
  const shown = outcome.corrected ?? query.trim();
  const words = count === 0 ? 'Aucun résultat' : count === 1 ? '1 résultat' : `${count} résultats`;
  const what = shown ? ` pour «\u00a0${shown}\u00a0»` : '';
  const note = outcome.corrected ? ` (orthographe corrigée, vous aviez écrit «\u00a0${query.trim()}\u00a0»)` : '';
  const partial = outcome.partial ? '. Aucune page ne contient tous vos mots\u00a0: voici celles qui en contiennent une partie' : '';
  return `${words}${what}${note}${partial}.`;
}
