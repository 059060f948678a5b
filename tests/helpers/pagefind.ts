import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pagefindOptions, type PagefindApi, type SearchVocabulary } from '../../src/domain/search';

/**
 * Node's fetch cannot read file: URLs, which is all Pagefind's script needs to search a built site
 * from a test: this shim reads them from disk and leaves every other URL alone.
 */
function installFileFetch() {
  const original = globalThis.fetch as typeof fetch & { fileShim?: boolean };
  if (original.fileShim) return;
  const shim = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.protocol !== 'file:') return original(input, init);
    try {
      return new Response(await readFile(fileURLToPath(new URL(url.pathname, 'file://'))));
    } catch {
      return new Response('not found', { status: 404 });
    }
  }) as typeof fetch & { fileShim?: boolean };
  shim.fileShim = true;
  globalThis.fetch = shim;
}

/** The real `pagefind.js` of a built site, with the options the search page uses. */
export async function loadPagefind(dist: string, base: string): Promise<PagefindApi> {
  installFileFetch();
  const bundle = pathToFileURL(join(dist, 'pagefind/')).href;
  const pagefind = await import(/* @vite-ignore */ `${bundle}pagefind.js`);
  await pagefind.options({ ...pagefindOptions, basePath: bundle, baseUrl: base, noWorker: true });
  await pagefind.init();
  return pagefind as PagefindApi;
}

/** The vocabulary written next to the index, for correcting misspelt words. */
export async function loadLexicon(dist: string): Promise<string[]> {
  return JSON.parse(await readFile(join(dist, 'recherche/lexique.json'), 'utf8')) as string[];
}

/**
 * The query vocabulary the built search page carries (its form's data-vocabulary), or undefined
 * on a build whose page has none.
 */
export async function loadVocabulary(dist: string): Promise<SearchVocabulary | undefined> {
  const html = await readFile(join(dist, 'recherche/index.html'), 'utf8');
  const attribute = /\sdata-vocabulary="([^"]*)"/.exec(html)?.[1];
  if (attribute === undefined) return undefined;
  const text = attribute.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(quot|amp|lt|gt|apos));/gi, (_, dec: string, hex: string, name: string) =>
    dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[name.toLowerCase()]!,
  );
  return JSON.parse(text) as SearchVocabulary;
}
