import type { PagefindApi, PagefindResult } from '../../src/domain/search.ts';

/**
 * A stand-in for Pagefind for the unit tests of the search: pages are word lists; a page matches when
 * it has every word's prefix (the whole word for a quoted search), earlier pages scoring higher.
 */
export function fakePagefind(pages: Record<string, string>): PagefindApi & { queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    async search(term) {
      queries.push(String(term));
      const exact = term?.startsWith('"');
      const words = (term ?? '').replace(/"/g, '').toLowerCase().split(' ');
      const results: PagefindResult[] = Object.entries(pages)
        .filter(([, text]) => words.every((w) => text.split(' ').some((t) => (exact ? t === w : t.startsWith(w)))))
        .map(([url, text], i) => ({
          id: url,
          score: 10 - i,
          data: async () => ({ url, excerpt: text, meta: { title: url }, filters: {} }),
        }));
      return { results };
    },
  };
}
