// @ts-check
import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { load as parseYaml } from 'js-yaml';
import rehypeBaseLinks from './src/integrations/rehype-base-links.mjs';
// Node loads this file and the TypeScript it imports without Vite (type stripping): relative imports
// name their file with its extension (tests/unit/toolchain.test.ts).
import searchIndex from './src/integrations/pagefind.ts';

// The site's address and sub-path come from the content, so that another territory only swaps
// content/. SAI_BASE overrides the sub-path (tests build with and without one).
const contentDir = process.env.SAI_CONTENT_DIR ?? './content';
const site = /** @type {{ url: string, basePath?: string }} */ (
  parseYaml(readFileSync(`${contentDir}/site.yaml`, 'utf8'))
);
const base = process.env.SAI_BASE ?? site.basePath ?? '/';

export default defineConfig({
  site: site.url,
  base,
  trailingSlash: 'always',
  outDir: process.env.SAI_OUT_DIR ?? './dist',
  // Separate caches let tests build several content trees side by side.
  cacheDir: process.env.SAI_CACHE_DIR ?? './node_modules/.astro',
  // Three pages at a time: while one page's file is written, another is rendered.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 3 },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [
    mdx(),
    sitemap(),
    // Last, so that it indexes the finished pages. The search page, the site plan (a list of every
    // title, which would match every query) and the 404 page are not answers; nor is the commune
    // step of the orientation tool, which repeats the commune's page and would outrank it.
    searchIndex({
      exclude: ['404.html', 'recherche/index.html', 'plan-du-site/index.html', /^orientation\/[^/]+\/index\.html$/],
    }),
  ],
  // The CSP forbids inline scripts: Astro inlines a processed <script> under Vite's
  // assetsInlineLimit (4 kB), so scripts always go to a file; other assets keep the default.
  vite: {
    build: { assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined) },
    // .tmp/ holds the tests' and scripts' scratch builds, thousands of files: `astro dev` walked them
    // all at start-up to watch files nothing imports.
    server: { watch: { ignored: ['**/.tmp/**'] } },
  },
  markdown: {
    // The remark/rehype pipeline (Astro 7's default is Sätteri), for rehypeBaseLinks. Editors type
    // French typography themselves: SmartyPants would turn their quotes into English ones.
    processor: unified({ smartypants: false, rehypePlugins: [[rehypeBaseLinks, { base }]] }),
    // The content has no code to colour: without a highlighter, Shiki and its grammars are not loaded.
    syntaxHighlight: false,
  },
});
