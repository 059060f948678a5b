import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { collectionSpecs } from '../../src/content-loader/collections.ts';

/**
 * The yardstick: a bare Astro project, generated in a temporary folder, that reads the same content
 * folder with the same content-layer glob loaders (no schema) and writes the same number of
 * trivial HTML pages (one per content entry, then numbered pages if the site has more pages than
 * entries). It has the same MDX integration (the topics are MDX), its node_modules is a link to
 * ours, and it is built by the same harness (Astro's build() plus the timing integration), so that
 * its stages can be compared with ours.
 */
export async function writeBaselineProject(options: {
  projectRoot: string;
  dir: string;
  contentDir: string;
  pages: number;
}): Promise<string> {
  const { projectRoot, dir, contentDir, pages } = options;
  await mkdir(join(dir, 'src/pages'), { recursive: true });
  await symlink(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir').catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  await writeFile(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'sai-bench-baseline', private: true, type: 'module' }, null, 2),
  );
  await writeFile(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'https://example.org',
  base: process.env.SAI_BASE ?? '/',
  trailingSlash: 'always',
  outDir: process.env.SAI_OUT_DIR ?? './dist',
  cacheDir: process.env.SAI_CACHE_DIR ?? './node_modules/.astro-baseline',
  build: { format: 'directory' },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [mdx()],
});
`,
  );

  const collections = Object.entries(collectionSpecs).map(([name, spec]) => {
    const loader =
      'file' in spec && spec.file
        ? `glob({ pattern: ${JSON.stringify(spec.file)}, base: ${JSON.stringify(contentDir)} })`
        : `glob({ pattern: ${JSON.stringify(`*${spec.extension}`)}, base: ${JSON.stringify(join(contentDir, spec.folder))} })`;
    return `  ${JSON.stringify(name)}: defineCollection({ loader: ${loader} }),`;
  });
  await writeFile(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
${collections.join('\n')}
};
`,
  );
  await writeFile(join(dir, 'src/bench.json'), JSON.stringify({ pages, collections: Object.keys(collectionSpecs) }));
  await writeFile(
    join(dir, 'src/pages/[...slug].astro'),
    `---
import { getCollection } from 'astro:content';
import bench from '../bench.json';

export async function getStaticPaths() {
  const entries = [];
  for (const name of bench.collections) {
    for (const entry of await getCollection(name)) {
      const data = entry.data ?? {};
      entries.push({ slug: \`\${name}/\${entry.id}\`, title: String(data.title ?? data.name ?? entry.id) });
    }
  }
  const paths = [];
  for (let i = 0; i < bench.pages; i++) {
    const entry = entries[i] ?? { slug: \`page/\${i}\`, title: \`Page \${i}\` };
    paths.push({ params: { slug: entry.slug }, props: { title: entry.title } });
  }
  return paths;
}
const { title } = Astro.props;
---
<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8" /><title>{title}</title></head>
  <body><h1>{title}</h1></body>
</html>
`,
  );
  return dir;
}
