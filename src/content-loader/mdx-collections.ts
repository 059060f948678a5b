import { pageSchema } from '../schemas/page';
import { topicSchema } from '../schemas/topic';
import type { CollectionSpec } from './collections';

/**
 * The collections written in MDX, whose bodies Astro renders: the only ones src/content.config.ts
 * gives Astro's content layer. In a file of their own so that Astro, which loads the content config
 * through Vite, transforms these two schemas only, not every schema of collections.ts.
 */
export const mdxCollectionSpecs = {
  topics: { schema: topicSchema, folder: 'topics', extension: '.mdx' },
  pages: { schema: pageSchema, folder: 'pages', extension: '.mdx' },
} as const satisfies Record<string, CollectionSpec>;
