import { pageSchema } from '../schemas/page';
import { topicSchema } from '../schemas/topic';

/**
 * The collections written in MDX, whose bodies Astro renders: the only ones src/content.config.ts
 * gives Astro's content layer. In a file of their own so that Astro, which loads the content config
 * through Vite, transforms these two schemas only, not every schema of collections.ts. It imports
 * nothing from collections.ts (no import circle): collectionSpecs checks these entries against
 * CollectionSpec where it spreads them in.
 */
export const mdxCollectionSpecs = {
  topics: { schema: topicSchema, folder: 'topics', extension: '.mdx' },
  pages: { schema: pageSchema, folder: 'pages', extension: '.mdx' },
} as const;
