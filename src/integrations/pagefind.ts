import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { transform } from 'esbuild';
import * as pagefind from 'pagefind';
import { buildLexicon, indexedText } from '../domain/search-index.ts';

export interface SearchIndexOptions {
  /** Built pages left out of the index, relative to the output folder: "recherche/index.html", or a pattern. */
  exclude?: (string | RegExp)[];
  /** Where the vocabulary for correcting typos is written, relative to the output folder. */
  lexicon?: string;
}

/**
 * Pagefind writes its three ready-made interfaces next to the index. The site has its own (theirs
 * fails an RGAA audit, Pagefind issue #727), so they are removed rather than published unused,
 * with the other files the site never loads.
 */
const unusedBundleFiles = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  // The site searches on the main thread (see src/client/search-page.ts), and in French only.
  'pagefind-worker.js',
  'wasm.unknown.pagefind',
];

/**
 * The copy of a page handed to Pagefind, with two changes; the published pages are untouched.
 *
 * Pagefind splits "d'identité" into "d'identité" and "identité", so that a search for "identite"
 * finds it, but only for the typewriter apostrophe: the site's typographic one (’) glues the two
 * words into one, and "identité", "imposition", "attribution" would miss most pages. The copy
 * gets the typewriter apostrophe; describeResult() restores the typographic one in what is shown.
 *
 * Pagefind also records every element with an id as an "anchor", with its text, in the page's
 * fragment, the file the search page downloads for each result shown. The site shows no
 * sub-results, so the ids are left out of the copy: a third less to download for the glossary.
 */
export function forIndexing(html: string): string {
  const body = html.search(/<[^>]*\sdata-pagefind-body[\s>]/);
  const head = body < 0 ? html : html.slice(0, body);
  const rest = body < 0 ? '' : html.slice(body).replace(/(<[a-z][a-z0-9]*\b[^>]*?)\s+id="[^"]*"/gi, '$1');
  return `${head}${rest}`.replace(/(\p{L})’(?=\p{L})/gu, "$1'");
}

async function checkAdded(batch: Promise<{ file: string; errors: string[] }[]>): Promise<void> {
  for (const { file, errors } of await batch) {
    if (errors.length > 0) throw new Error(`Pagefind n’a pas pu indexer ${file} : ${errors.join(' ; ')}`);
  }
}

/** Pages handed to Pagefind at once. */
const indexBatch = 32;

async function folderSize(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/**
 * Builds the search index at the end of `astro build`, so that one command produces the whole site.
 * Pages are handed to Pagefind one by one with their public path (without the base): Pagefind's
 * script adds the base it is served from, so the same index works under /logement-social/ or at the
 * root, and the output folder may live anywhere (tests build into temporary folders).
 */
export default function searchIndex(options: SearchIndexOptions = {}): AstroIntegration {
  const exclude = options.exclude ?? [];
  const excluded = (file: string) =>
    exclude.some((rule) => (typeof rule === 'string' ? rule === file : rule.test(file)));
  const lexiconFile = options.lexicon ?? 'recherche/lexique.json';
  return {
    name: 'sai-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // Pagefind's process starts while the pages are listed.
        const creating = pagefind.createIndex({ forceLanguage: 'fr' });
        const listed = await readdir(outDir, { recursive: true }).catch(async (error: unknown) => {
          await creating.finally(() => pagefind.close());
          throw error;
        });
        const { index, errors } = await creating;
        const files = listed
          .map((file) => relative(outDir, join(outDir, file)).split('\\').join('/'))
          .filter((file) => file.endsWith('.html') && !excluded(file))
          .sort();

        if (!index) throw new Error(`Pagefind n’a pas pu démarrer : ${errors.join(' ; ')}`);
        const texts: string[] = [];
        let lexicon: string[];
        try {
          // Pages go to Pagefind's service a batch at a time (it answers each request by id): one
          // after the other, the build waited for a round trip per page; all at once, a large site
          // would sit in memory whole. The next batch is read while Pagefind indexes the last one.
          let previous: Promise<{ file: string; errors: string[] }[]> = Promise.resolve([]);
          for (let start = 0; start < files.length; start += indexBatch) {
            const batch = await Promise.all(
              files
                .slice(start, start + indexBatch)
                .map(async (file) => ({ file, html: await readFile(join(outDir, file), 'utf8') })),
            );
            const added = batch.flatMap(({ file, html }) => {
              // A page without data-pagefind-body (BaseLayout's searchIndex: false) would be parsed by
              // Pagefind only to be left out: at a département's size, that was most of the indexing time.
              if (!html.includes('data-pagefind-body')) return [];
              const content = forIndexing(html);
              const text = indexedText(content);
              if (text.length === 0) return [];
              texts.push(text);
              const url = `/${file.replace(/index\.html$/, '')}`;
              return [index.addHTMLFile({ url, content }).then((result) => ({ file, errors: result.errors }))];
            });
            const sent = Promise.all(added);
            // Settled here if it fails before its turn to be awaited (no unhandled rejection).
            sent.catch(() => undefined);
            await checkAdded(previous);
            previous = sent;
          }
          await checkAdded(previous);
          // Pagefind's service writes the index in its own process: the vocabulary is made meanwhile.
          const writing = index.writeFiles({ outputPath: join(outDir, 'pagefind') });
          lexicon = buildLexicon(texts);
          const written = await writing;
          if (written.errors.length > 0)
            throw new Error(`Pagefind n’a pas pu écrire l’index : ${written.errors.join(' ; ')}`);
        } finally {
          await pagefind.close();
        }
        for (const name of unusedBundleFiles) await rm(join(outDir, 'pagefind', name), { force: true });
        // Pagefind's script is published readable; minified, every first search downloads 2 kB less (gzip).
        const script = join(outDir, 'pagefind', 'pagefind.js');
        await writeFile(
          script,
          (await transform(await readFile(script, 'utf8'), { minify: true, format: 'esm', target: 'es2020' })).code,
        );

        await mkdir(dirname(join(outDir, lexiconFile)), { recursive: true });
        await writeFile(join(outDir, lexiconFile), JSON.stringify(lexicon));
        const size = await folderSize(join(outDir, 'pagefind'));
        logger.info(
          `${texts.length} pages indexées sur ${files.length}, index ${Math.round(size / 1024)} Kio, vocabulaire ${lexicon.length} mots`,
        );
      },
    },
  };
}
