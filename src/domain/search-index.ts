/**
 * Build-time side of search: which words each page carries for the index, the check of
 * content/data/search-synonyms.yaml, and the vocabulary used to correct misspelt queries.
 */
import { currentTable } from './ceilings.ts';
import type { Catalog, SearchVocabularyContent } from './types.ts';
import { closest, type ContentIssue } from './issues.ts';
import { foldedWords, foldWord, type SearchVocabulary } from './search.ts';
import { paths } from './urls.ts';

/** The topic whose page shows the glossary: its terms' synonyms lead there too. */
const glossaryTopic = 'glossaire';

/** Every page a synonym may point to, by root-relative path, with its title. */
export function sitePages(catalog: Catalog): Map<string, string> {
  const pages = new Map<string, string>([
    ['/', 'Accueil'],
    [`/${paths.directory}`, 'Où s’adresser : tous les lieux d’accueil'],
    [`/${paths.sitemap}`, 'Plan du site'],
    [`/${paths.leaflets}`, 'La plaquette à imprimer'],
  ]);
  if ((catalog.orientation ?? []).length > 0) pages.set(`/${paths.orientation}`, 'Où m’adresser ?');
  if (catalog.incomeCeilings && currentTable(catalog.incomeCeilings))
    pages.set(`/${paths.ceilings}`, 'Plafonds de ressources : puis-je avoir un logement social ?');
  for (const topic of catalog.topics) pages.set(`/${paths.topic(topic.id)}`, topic.title);
  for (const page of catalog.pages) pages.set(`/${paths.page(page.id)}`, page.title);
  for (const commune of catalog.communes) pages.set(`/${paths.commune(commune.id)}`, `Où s’adresser à ${commune.name}`);
  for (const place of catalog.places) pages.set(`/${paths.place(place.id)}`, place.name);
  return pages;
}

/** Each synonym must point at a page that exists, and a word should not be listed twice. */
export function checkSearchSynonyms(catalog: Catalog, file = 'content/data/search-synonyms.yaml'): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const pages = sitePages(catalog);
  const known = [...pages.keys()];
  const seen = new Map<string, number>();
  catalog.searchSynonyms.entries.forEach((entry, i) => {
    entry.pages.forEach((path, j) => {
      if (pages.has(path)) return;
      const suggestion = closest(path, known);
      issues.push({
        file,
        path: ['entries', i, 'pages', j],
        field: `entries[${i + 1}].pages[${j + 1}]`,
        message: `page inconnue « ${path} »`,
        expected:
          'l’adresse d’une page du site, sans le sous-dossier (ex. « /infos/cotation/ », « /lieux/caf-carvin/ »)',
        ...(suggestion ? { hint: `vouliez-vous dire « ${suggestion} » ?` } : {}),
      });
    });
    for (const word of entry.words) {
      const key = `${foldWord(word)} ${entry.pages.join(' ')}`;
      const previous = seen.get(key);
      if (previous !== undefined) {
        issues.push({
          file,
          path: ['entries', i, 'words'],
          field: `entries[${i + 1}].words`,
          message: `« ${word} » figure déjà dans l’entrée ${previous + 1} pour les mêmes pages`,
          expected: 'chaque mot une seule fois',
        });
      } else seen.set(key, i);
    }
  });
  return issues;
}

/**
 * The vocabulary as the search page receives it (in its form's data-vocabulary): expressions
 * folded once here rather than on every keystroke.
 */
export function compileVocabulary(content: SearchVocabularyContent | undefined): SearchVocabulary {
  const fold = (text: string) => foldedWords(text).join(' ');
  return {
    fillers: [...new Set((content?.fillers ?? []).map(fold).filter(Boolean))],
    expressions: (content?.expressions ?? []).flatMap((entry) =>
      entry.says
        .map(fold)
        .filter(Boolean)
        .map((says): [string, string[]] => [says, entry.means]),
    ),
  };
}

/**
 * An expression said twice would leave the search to pick one meaning at random; an expression
 * that is also a filler would never be read.
 */
export function checkSearchVocabulary(
  content: SearchVocabularyContent,
  file = 'content/data/search-vocabulary.yaml',
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const fillers = new Map<string, number>();
  content.fillers.forEach((filler, i) => {
    const key = foldedWords(filler).join(' ');
    const previous = fillers.get(key);
    if (previous !== undefined) {
      issues.push({
        file,
        path: ['fillers', i],
        field: `fillers[${i + 1}]`,
        message: `« ${filler} » figure déjà dans la liste (n° ${previous + 1})`,
        expected: 'chaque mot une seule fois',
      });
    } else fillers.set(key, i);
  });
  const said = new Map<string, number>();
  content.expressions.forEach((entry, i) => {
    entry.says.forEach((says, j) => {
      const key = foldedWords(says).join(' ');
      const at = { file, path: ['expressions', i, 'says', j], field: `expressions[${i + 1}].says[${j + 1}]` };
      const previous = said.get(key);
      if (previous !== undefined && previous !== i) {
        issues.push({
          ...at,
          message: `« ${says} » figure déjà dans l’expression n° ${previous + 1}`,
          expected: 'une seule signification par expression',
        });
      } else if (fillers.has(key)) {
        issues.push({
          ...at,
          message: `« ${says} » est aussi dans « fillers », qui l’emporte`,
          expected: 'l’expression soit dans « fillers », soit dans « expressions »',
        });
      }
      said.set(key, i);
    });
  });
  return issues;
}

function unique(words: readonly string[]): string[] {
  const seen = new Set<string>();
  return words.filter((word) => {
    const key = foldWord(word);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The words of content/data/search-synonyms.yaml that lead to a page (root-relative path). */
export function keywordsForPath(catalog: Catalog, path: string): string[] {
  return unique(
    catalog.searchSynonyms.entries.filter((entry) => entry.pages.includes(path)).flatMap((entry) => entry.words),
  );
}

/**
 * On the glossary page, the synonyms of its terms. They are broad ("accueil", "revenus", "jeune"),
 * so they get a weight of their own, low: enough to find the glossary for a word no page uses
 * ("feuille d’impôts", "NUU"), not enough to outrank the page about the subject.
 */
export function glossaryKeywordsForPath(catalog: Catalog, path: string): string[] {
  if (path !== `/${paths.topic(glossaryTopic)}`) return [];
  return unique(catalog.glossary.terms.flatMap((term) => term.synonyms));
}

/** The shortcuts listed on the search page: what people type → the page that answers. */
export function searchShortcuts(catalog: Catalog): { label: string; path: string; title: string }[] {
  const pages = sitePages(catalog);
  return catalog.searchSynonyms.entries
    .filter((entry) => pages.has(entry.pages[0]!))
    .map((entry) => ({
      label: entry.label ?? entry.words[0]!,
      path: entry.pages[0]!,
      title: pages.get(entry.pages[0]!)!,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** The text of the indexed part of a built page (inside data-pagefind-body), without markup. */
export function indexedText(html: string): string {
  const start = html.search(/<[^>]*\sdata-pagefind-body[\s>]/);
  if (start < 0) return '';
  const end = html.indexOf('</main>', start);
  return html
    .slice(start, end < 0 ? undefined : end)
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(Number(code.slice(1)));
      return entities[code.toLowerCase()] ?? whole;
    });
}

/**
 * The site's vocabulary: each word of four letters or more, in its most frequent written form (case
 * and accents included),
 * commonest first. Misspelt queries are corrected towards these words only, so a correction always
 * finds something.
 */
export function buildLexicon(texts: readonly string[]): string[] {
  const counts = new Map<string, Map<string, number>>();
  // A site has a few thousand distinct forms for tens of thousands of words: each is folded once.
  const folded = new Map<string, string>();
  for (const text of texts) {
    for (const raw of text.split(/[^\p{L}\p{N}]+/u)) {
      // Written forms keep their case: a correction shows "Carvin", and "cotation".
      const form = raw;
      let key = folded.get(form);
      if (key === undefined) folded.set(form, (key = foldWord(form)));
      if (key.length < 4 || /^\d+$/.test(key)) continue;
      const forms = counts.get(key) ?? new Map<string, number>();
      forms.set(form, (forms.get(form) ?? 0) + 1);
      counts.set(key, forms);
    }
  }
  return [...counts.values()]
    .map((forms) => {
      // On a tie, the lower-case form: a capital at the start of a sentence is not the word's own.
      const [form] = [...forms.entries()].sort(
        (a, b) => b[1] - a[1] || Number(a[0] !== a[0].toLowerCase()) - Number(b[0] !== b[0].toLowerCase()),
      );
      return { form: form![0], total: [...forms.values()].reduce((sum, n) => sum + n, 0) };
    })
    .sort((a, b) => b.total - a.total || a.form.localeCompare(b.form, 'fr'))
    .map((entry) => entry.form);
}
