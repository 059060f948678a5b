import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import type { CollectionSpec } from './content-loader/collections';
import { mdxCollectionSpecs } from './content-loader/mdx-collections';
import { contentDir } from './content-dir';
import { handedOver, handover } from './data/handover';

/**
 * The project's content check (src/integrations/content-check.ts) runs beside Astro's start-up;
 * every collection waits for its verdict before reading a file, so that an editor reads its French
 * messages, with file and line, before any error of Astro's, and a build with an error stops there.
 */
function afterContentCheck(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context) => {
      await handedOver<Promise<unknown>>(handover.verdict);
      return loader.load(context);
    },
  };
}

function collection(spec: CollectionSpec) {
  const loader =
    'file' in spec && spec.file
      ? glob({ pattern: spec.file, base: contentDir })
      : glob({ pattern: `*${spec.extension}`, base: `${contentDir}/${spec.folder}` });
  return defineCollection({ loader: afterContentCheck(loader), schema: spec.schema });
}

/**
 * Only the MDX collections, whose bodies Astro renders: the pages read every other file through the
 * catalog the content check loads (src/data/catalog.ts), which has these too.
 */
export const collections = Object.fromEntries(Object.entries(mdxCollectionSpecs).map(([name, spec]) => [name, collection(spec)])) as {
  [K in keyof typeof mdxCollectionSpecs]: ReturnType<typeof collection>;
};
