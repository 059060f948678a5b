/**
 * npx node scripts/search-ablation.ts <dist> [base] — how much each part of the search pipeline
 * brings, on a built site: the natural questions (tests/search/question-table.ts, page in the first
 * three) and the query table (tests/search/query-table.ts, page within its rank), searched with the
 * whole pipeline and with one part left out. Prints a Markdown table for docs/search.md.
 */
import './require-node.mjs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { searchSite, type PagefindApi, type SearchOptions, type SearchVocabulary } from '../src/domain/search.ts';
import { loadLexicon, loadPagefind, loadVocabulary } from '../tests/helpers/pagefind.ts';
import { questions } from '../tests/search/question-table.ts';
import { table } from '../tests/search/query-table.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const base = process.argv[3] ?? '/logement-social/';

const pagefind: PagefindApi = await loadPagefind(dist, base);
const lexicon = await loadLexicon(dist);
const vocabulary = await loadVocabulary(dist);
if (!vocabulary) throw new Error(`${join(dist, 'recherche/index.html')} ne porte pas de vocabulaire (data-vocabulary)`);
const empty: SearchVocabulary = { fillers: [], expressions: [] };

const variants: [name: string, options: SearchOptions][] = [
  ['tout', { lexicon: async () => lexicon, vocabulary }],
  ['sans le vocabulaire (search-vocabulary.yaml)', { lexicon: async () => lexicon }],
  [
    'vocabulaire : mots vides seulement',
    { lexicon: async () => lexicon, vocabulary: { ...empty, fillers: vocabulary.fillers } },
  ],
  [
    'vocabulaire : expressions seulement',
    { lexicon: async () => lexicon, vocabulary: { ...empty, expressions: vocabulary.expressions } },
  ],
  ['sans correction des fautes', { vocabulary }],
];

async function found(query: string, page: string, within: number, options: SearchOptions): Promise<boolean> {
  const outcome = await searchSite(pagefind, query, options);
  const urls = await Promise.all(
    (outcome?.results ?? []).slice(0, within).map(async (result) => (await result.data()).url),
  );
  return urls.includes(`${base}${page.slice(1)}`);
}

console.log(
  `Index : ${dist} (${JSON.parse(await readFile(join(dist, 'pagefind/pagefind-entry.json'), 'utf8')).version ?? '?'})\n`,
);
console.log(`| variante | ${questions.length} questions (3 premiers) | ${table.length} requêtes (rang attendu) |`);
console.log('| --- | --- | --- |');
for (const [name, options] of variants) {
  let questionsFound = 0;
  for (const [question, page] of questions) if (await found(question, page, 3, options)) questionsFound++;
  let queriesFound = 0;
  for (const [query, page, within] of table) if (await found(query, page, within, options)) queriesFound++;
  console.log(`| ${name} | ${questionsFound}/${questions.length} | ${queriesFound}/${table.length} |`);
}
