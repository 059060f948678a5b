import type { Source } from '../schemas/common.ts';
import type { TopicMeta } from './types.ts';

/**
 * Which articles of a code (CCH, CASF, CESEDA…) a topic relies on, and which of them an editor has
 * read in the version in force. A code article is rewritten by later laws (L441-1 gained items in
 * 2018 and 2022), so a sentence resting on it is only as good as the day someone last read it: the
 * content report lists every article a topic cites without a source that gives it as its `reference`
 * with a consultation date (`consulted`).
 *
 * Articles of a law or of the convention (« loi ELAN, article 111 », « convention, article 3 »)
 * are fixed once published: they are not code articles and are not listed.
 */

/** L441-1, R441-2-3, L. 441-2-3-1, R*441-12, D542-14: a letter, three or four digits, then -n groups. */
const codeArticle = /(?<![\w-])([LRD])\*?\.?\s?(\d{3,4}(?:-\d+)+)(?![\w-])/g;

/** The code articles a text names, normalised (« L. 441-1 » → « L441-1 »), in order of first mention. */
export function codeArticlesIn(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(codeArticle)) {
    const article = `${match[1]}${match[2]}`;
    if (!found.includes(article)) found.push(article);
  }
  return found;
}

function articlesOfSource(source: Source): string[] {
  return codeArticlesIn(`${source.title} ${source.reference ?? ''}`);
}

/**
 * The articles a topic cites, in its sources or in its text (`body`, when the caller has it), that
 * no source with a consultation date gives as its `reference`. Only the reference counts as read:
 * an arrêté whose title names « l’article R. 441-1 » was read, not the article it names.
 */
export function undatedArticles(topic: Pick<TopicMeta, 'sources'>, body?: string): string[] {
  const dated = new Set(topic.sources.filter((s) => s.consulted).flatMap((s) => codeArticlesIn(s.reference ?? '')));
  const cited = [...topic.sources.flatMap(articlesOfSource), ...(body ? codeArticlesIn(body) : [])];
  return [...new Set(cited)].filter((article) => !dated.has(article));
}
