/**
 * The search pipeline shared by the search page (in the browser) and the tests (in Node, on the
 * real built index): what is sent to Pagefind, how a query with a typo or too many words is
 * rescued, and how a result is described. No DOM and no Astro here.
 */
import { levelLabels } from './labels.ts';

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
    metaWeights: {
      title: 5,
      [keywordsMeta]: 6,
      [glossaryKeywordsMeta]: 1,
      kind: 0,
      niveau: 0,
      commune: 2,
      rubrique: 0,
    },
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
    'toi ton tu un une vos votre vous y faut veux voudrais peux puis dois quoi ai as avons avez ont suis es sommes etes sont'
  ).split(' '),
);

/** The words of a query as typed: split on spaces and apostrophes, punctuation trimmed. */
function queryWords(query: string): string[] {
  return query
    .split(/[\s'’`]+/u)
    .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((word) => foldWord(word).length > 0);
}

/**
 * The words of a query worth sending to Pagefind, as typed (accents kept: Pagefind ranks an exact
 * accent match first, and finds the page either way). Elisions are split ("d'identité" → "identité")
 * because the index also holds "identité" on its own; short function words are dropped unless the
 * query has nothing else.
 */
export function queryTerms(query: string): string[] {
  const words = queryWords(query);
  const meaningful = words.filter((word) => foldWord(word).length > 1 && !stopWords.has(foldWord(word)));
  return meaningful.length > 0 ? meaningful : words.filter((word) => foldWord(word).length > 1);
}

/**
 * The vocabulary of content/data/search-vocabulary.yaml as the search page receives it: every
 * expression folded (lower case, no accent) into its words joined by one space.
 */
export interface SearchVocabulary {
  /** Question words and fillers: « comment », « que faire », « est ce que ». */
  fillers: string[];
  /** An everyday expression and the words of the site searched instead. */
  expressions: [says: string, means: string[]][];
}

/** Lower case, without accents, split into words: how expressions are compared. */
export function foldedWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** "point" and "points", "bail" and "baux" are not told apart; short words must match exactly. */
function sameWord(typed: string, listed: string): boolean {
  if (typed === listed) return true;
  if (typed.length < 4 || listed.length < 4) return false;
  return typed.replace(/[sx]$/, '') === listed.replace(/[sx]$/, '');
}

export interface QueryTerm {
  /** A word sent to Pagefind. */
  text: string;
  /** True for a word of the site that an expression of the vocabulary stands for: it weighs more. */
  domain: boolean;
}

/**
 * Reads a question before Pagefind does. The longest expression of the vocabulary found at each
 * place of the question wins: a filler (« comment », « que faire ») is dropped, an everyday
 * expression (« mes points », « à la rue ») is replaced by the words of the site that answer it,
 * marked as domain words. The other words go through queryTerms' rules. When nothing is left (the
 * question was only fillers), the words as typed are searched.
 */
export function understandQuery(query: string, vocabulary?: SearchVocabulary): QueryTerm[] {
  if (!vocabulary) return queryTerms(query).map((text) => ({ text, domain: false }));
  const words = queryWords(query);
  // Each folded piece remembers its word: "Hénin-Beaumont" is two pieces of one word.
  const pieces = words.flatMap((word, index) => foldedWords(word).map((folded) => ({ folded, index })));
  const patterns = [
    ...vocabulary.expressions.map(([says, means]) => ({ words: says.split(' '), means })),
    ...vocabulary.fillers.map((filler) => ({ words: filler.split(' '), means: [] as string[] })),
  ];
  const consumed = new Set<number>();
  const domain: string[] = [];
  for (let at = 0; at < pieces.length;) {
    let best: (typeof patterns)[number] | undefined;
    for (const pattern of patterns) {
      if (best && pattern.words.length <= best.words.length) continue;
      if (pattern.words.every((word, k) => pieces[at + k] && sameWord(pieces[at + k]!.folded, word))) best = pattern;
    }
    if (!best) {
      at += 1;
      continue;
    }
    for (let k = 0; k < best.words.length; k++) consumed.add(pieces[at + k]!.index);
    for (const word of best.means.flatMap((means) => means.split(/\s+/u))) {
      if (!domain.some((known) => foldWord(known) === foldWord(word))) domain.push(word);
    }
    at += best.words.length;
  }
  const rest = queryTerms(words.filter((_, index) => !consumed.has(index)).join(' '));
  const plain = words.length > consumed.size ? rest.filter((word) => !stopWords.has(foldWord(word))) : [];
  const terms = [
    ...domain.map((text) => ({ text, domain: true })),
    ...plain
      .filter((text) => !domain.some((d) => foldWord(d) === foldWord(text)))
      .map((text) => ({ text, domain: false })),
  ];
  return terms.length > 0 ? terms : queryTerms(query).map((text) => ({ text, domain: false }));
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
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2]! + 1);
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
    const start =
      entry.length > folded.length ? editDistance(folded, entry.slice(0, folded.length), slips) + 0.5 : Infinity;
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
  /** The page's indexed text (Pagefind's fragment); absent in small test stand-ins. */
  content?: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[] | undefined>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindData>;
}
export interface PagefindApi {
  search(
    term: string | null,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: PagefindResult[] } | null>;
}

export interface SearchOutcome {
  /** The words sent to Pagefind, after the vocabulary, stop words and corrections. */
  terms: string[];
  /** Set when a misspelt word was replaced: the query that was really searched, to show the person. */
  corrected?: string;
  /** True when no page holds every word, and the results are the pages closest to the question. */
  partial: boolean;
  results: PagefindResult[];
}

export interface SearchOptions {
  filters?: SearchFilters;
  /** Loads the site's lexicon (its words, most frequent first: recherche/lexique.json), to correct misspelt words. */
  lexicon?: () => Promise<readonly string[]>;
  /** Fillers and everyday expressions (content/data/search-vocabulary.yaml), read before searching. */
  vocabulary?: SearchVocabulary;
}

function activeFilters(filters: SearchFilters = {}): Record<string, string> | undefined {
  const entries = Object.entries(filters).filter(([, value]) => value);
  return entries.length > 0 ? (Object.fromEntries(entries) as Record<string, string>) : undefined;
}

/**
 * Runs a query the way the search page does. Returns null when Pagefind dropped the search because
 * a newer one started (the page is typing-driven).
 *
 * 1. The question is read with the vocabulary (understandQuery): fillers out, everyday expressions
 *    replaced by the site's words.
 * 2. All the words together (Pagefind's own ranking, boosted by the synonyms), followed by the
 *    closest pages when fewer than three pages hold them all; when the vocabulary gave words of
 *    the site, or no page holds them all, the closest pages, ranked by the weight of the words
 *    each holds (closestPages).
 * 3. When that finds fewer than three pages, or only close ones: a word that no word of the site
 *    begins with, and that is one slip (two for long words) away from one, is replaced by it
 *    ("carvain" → "carvin", "Courières" → "Courrières"), and the corrected query is shown if it
 *    finds as much or more. The words the vocabulary gave are the site's own and are not corrected.
 */
export async function searchSite(
  pagefind: PagefindApi,
  query: string,
  options: SearchOptions = {},
): Promise<SearchOutcome | null> {
  const filters = activeFilters(options.filters);
  const understood = understandQuery(query, options.vocabulary);
  const terms = understood.map((term) => term.text);
  const domain = new Set(understood.filter((term) => term.domain).map((term) => foldWord(term.text)));
  if (terms.length === 0) {
    if (!filters) return { terms, partial: false, results: [] };
    const all = await pagefind.search(null, { filters });
    return all && { terms, partial: false, results: all.results };
  }
  const asTyped = await searchTerms(pagefind, terms, domain, filters);
  // Most searches find their pages as typed: the site's lexicon (5 kB) is fetched only when they find
  // little, which keeps it out of most first searches (budget: 100 KiB).
  if (!asTyped || !options.lexicon) return asTyped;
  // True when the pages found share only a stem with a typed word: the corrected word wins then.
  let stemOnly = false;
  if (asTyped.results.length >= fewResults && !asTyped.partial) {
    // Pagefind's French stemmer may find a misspelt word through its stem alone: « Courières »
    // becomes « cour », which « en cours », « courants » match. The first page found (whose
    // fragment the page shows anyway: it is fetched once, here) tells: when some long word typed
    // begins none of its words, the lexicon is fetched to correct it; « cotation » never is.
    const top = onceData(asTyped.results[0]!);
    const results = [top, ...asTyped.results.slice(1)];
    const suspects = terms.filter((term) => !domain.has(foldWord(term)));
    if (!onlyStemShared(suspects, await top.data())) return { ...asTyped, results };
    Object.assign(asTyped, { results });
    stemOnly = true;
  }
  const lexicon = await options.lexicon();
  const fixed = terms.map((term) => (domain.has(foldWord(term)) ? term : (correctWord(term, lexicon) ?? term)));
  if (fixed.every((term, i) => term === terms[i])) return asTyped;
  const outcome = await searchTerms(pagefind, fixed, domain, filters);
  if (!outcome) return null;
  const better =
    outcome.results.length > 0 &&
    (asTyped.results.length === 0 ||
      (asTyped.partial && !outcome.partial) ||
      stemOnly ||
      outcome.results.length >= asTyped.results.length);
  return better ? { ...outcome, corrected: fixed.join(' ') } : asTyped;
}

/** The same result, its data fetched at most once (the page asks for it again to show it). */
function onceData(result: PagefindResult): PagefindResult {
  let data: Promise<PagefindData> | undefined;
  return { ...result, data: () => (data ??= result.data()) };
}

/**
 * True when a typed word long enough to be corrected (5 letters or more) begins no word of the page
 * found: the page matched it through a shared stem only, and the word may be misspelt.
 */
export function onlyStemShared(terms: readonly string[], page: PagefindData): boolean {
  const pieces = terms.flatMap((term) => foldedWords(term)).filter((piece) => allowedSlips(piece.length) > 0);
  if (pieces.length === 0) return false;
  const text = [page.content ?? page.excerpt.replace(/<[^>]*>/g, ' '), ...Object.values(page.meta)].join(' ');
  const words = new Set(foldedWords(text));
  return pieces.some((piece) => ![...words].some((word) => word.startsWith(piece)));
}

async function searchTerms(
  pagefind: PagefindApi,
  terms: string[],
  domain: ReadonlySet<string>,
  filters?: Record<string, string>,
): Promise<SearchOutcome | null> {
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
  if (terms.length < 2) return { terms, partial: false, results: all.results };
  // Pagefind leaves out a word no page holds ("cotation xylophone" finds the pages about cotation):
  // each word is also searched alone, to know whether some page really holds them all.
  const alone: PagefindResult[][] = [];
  for (const term of terms) {
    const response = await pagefind.search(term, { filters });
    if (!response) return null;
    alone.push(response.results);
  }
  const partial = all.results.length === 0 || alone.some((results) => results.length === 0);
  // A question the vocabulary understood: its words of the site weigh more than the words around
  // them, which Pagefind's "every word" cannot express ("mon proprio garde ma caution" → ADIL, not
  // the pages that happen to say both "ADIL" and "garde").
  if (!partial && domain.size === 0 && all.results.length >= fewResults)
    return { terms, partial, results: all.results };
  const closest = closestPages(terms, alone, domain);
  if (partial || domain.size > 0) return { terms, partial: partial && closest.length > 0, results: closest };
  // Few pages hold every word: the closest pages follow them.
  const ids = new Set(all.results.map((result) => result.id));
  return { terms, partial, results: [...all.results, ...closest.filter((result) => !ids.has(result.id))] };
}

/** Below this many results for all the words together, the closest pages are added. */
export const fewResults = 3;

/** A word of the vocabulary counts this many times a word of the question. */
const domainWeight = 3;

/**
 * How much holding a word tells about a page: the rarer the word on the site, the more. A word
 * most pages hold (« logement », « aide », « demande ») weighs little, so that pages sharing only
 * such words with the question do not come first.
 */
export function termWeight(pagesHolding: number, isDomain: boolean): number {
  if (pagesHolding === 0) return 0;
  return (isDomain ? domainWeight : 1) / Math.log2(2 + pagesHolding);
}

/**
 * The pages closest to a question: each page scores the weights of the words it holds
 * (termWeight), half for holding the word, half by how prominent Pagefind finds it there (in the
 * title or the search words rather than once in passing). A page with the most meaningful words
 * comes first.
 */
function closestPages(
  terms: readonly string[],
  alone: readonly PagefindResult[][],
  domain: ReadonlySet<string>,
): PagefindResult[] {
  const merged = new Map<string, { result: PagefindResult; weight: number }>();
  terms.forEach((term, i) => {
    const results = alone[i] ?? [];
    const weight = termWeight(results.length, domain.has(foldWord(term)));
    const top = Math.max(...results.map((result) => result.score), Number.MIN_VALUE);
    for (const result of results) {
      const entry = merged.get(result.id) ?? { result, weight: 0 };
      entry.weight += weight * (0.5 + (0.5 * result.score) / top);
      merged.set(result.id, entry);
    }
  });
  return [...merged.values()].sort((a, b) => b.weight - a.weight).map((entry) => entry.result);
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
    if (level === 1 || level === 2)
      details.push(`${levelLabels[level].short}\u00a0: ${levelLabels[level].title.toLowerCase()}`);
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
export function resultSummary(
  count: number,
  outcome: Pick<SearchOutcome, 'corrected' | 'partial'>,
  query: string,
): string {
  const shown = outcome.corrected ?? query.trim();
  const words = count === 0 ? 'Aucun résultat' : count === 1 ? '1 résultat' : `${count} résultats`;
  const what = shown ? ` pour «\u00a0${shown}\u00a0»` : '';
  const note = outcome.corrected ? ` (orthographe corrigée, vous aviez écrit «\u00a0${query.trim()}\u00a0»)` : '';
  const partial = outcome.partial ? '. Aucune page ne contient tous vos mots\u00a0; voici les plus proches' : '';
  return `${words}${what}${note}${partial}.`;
}
