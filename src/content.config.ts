import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { communeSchema } from './schemas/commune';
import { organisationSchema } from './schemas/organisation';
import { placeSchema } from './schemas/place';
import { topicSchema } from './schemas/topic';
import { pageSchema } from './schemas/page';
import { siteSchema } from './schemas/site';
import { cotationGridSchema, daloSchema, glossarySchema, incomeCeilingsSchema } from './schemas/data';
import { contentDir } from './content-dir';

const yaml = (folder: string) => glob({ pattern: '*.yaml', base: `${contentDir}/${folder}` });
const single = (file: string) => glob({ pattern: file, base: contentDir });

export const collections = {
  site: defineCollection({ loader: single('site.yaml'), schema: siteSchema }),
  communes: defineCollection({ loader: yaml('communes'), schema: communeSchema }),
  organisations: defineCollection({ loader: yaml('organisations'), schema: organisationSchema }),
  places: defineCollection({ loader: yaml('places'), schema: placeSchema }),
  topics: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${contentDir}/topics` }), schema: topicSchema }),
  pages: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${contentDir}/pages` }), schema: pageSchema }),
  incomeCeilings: defineCollection({ loader: single('data/income-ceilings.yaml'), schema: incomeCeilingsSchema }),
  cotationGrid: defineCollection({ loader: single('data/cotation-grid.yaml'), schema: cotationGridSchema }),
  glossary: defineCollection({ loader: single('data/glossary.yaml'), schema: glossarySchema }),
  dalo: defineCollection({ loader: single('data/dalo.yaml'), schema: daloSchema }),
};
