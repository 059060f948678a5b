import { defineCollection } from 'astro:content';
import { contentLoaders } from './content-loader/astro-loaders.ts';
import { contentDir } from './content-dir.ts';

const loaders = contentLoaders(contentDir);

/**
 * `catalog` holds the whole content, validated by the project's content check (the pages read it
 * through src/queries/catalog.ts); `topics` and `pages` are the MDX files whose bodies Astro renders.
 * No schema here: the check has validated every file already, with messages that name the line.
 */
export const collections = {
  catalog: defineCollection({ loader: loaders.catalog }),
  topics: defineCollection({ loader: loaders.topics }),
  pages: defineCollection({ loader: loaders.pages }),
};
