import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveDist } from '../../scripts/static-server.mjs';
import { pagefindOptions, type PagefindApi, type SearchVocabulary } from '../../src/domain/search.ts';

/**
 * One server per built site, for the worker's lifetime: a worker keeps its modules from one test file
 * to the next (isolate: false), so the next file that searches the same build gets the same
 * `pagefind.js` instance, already pointed at this server. It does not keep the worker alive.
 */
const servers = new Map<string, ReturnType<typeof serveDist>>();

/**
 * The real `pagefind.js` of a built site, with the options the search page uses. Its module comes
 * from the built files; the index files it fetches are served over HTTP by the same static server
 * as the browser tests (Node's fetch reads no file: URL), on 127.0.0.1.
 */
export async function loadPagefind(dist: string, base: string): Promise<PagefindApi> {
  const key = `${dist}\u0000${base}`;
  if (!servers.has(key)) servers.set(key, serveDist({ root: dist, base, keepProcessAlive: false }));
  const server = await servers.get(key)!;
  const pagefind = await import(/* @vite-ignore */ pathToFileURL(join(dist, 'pagefind/pagefind.js')).href);
  await pagefind.options({ ...pagefindOptions, basePath: server.url('pagefind/'), baseUrl: base, noWorker: true });
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
  const text = attribute.replace(
    /&(?:#(\d+)|#x([0-9a-f]+)|(quot|amp|lt|gt|apos));/gi,
    (_, dec: string, hex: string, name: string) =>
      dec
        ? String.fromCodePoint(Number(dec))
        : hex
          ? String.fromCodePoint(parseInt(hex, 16))
          : ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[name.toLowerCase()]!,
  );
  return JSON.parse(text) as SearchVocabulary;
}
