import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { collectionSpecs, type CollectionSpec } from './content-loader/collections';
import { contentDir } from './content-dir';

function collection(spec: CollectionSpec) {
  const loader =
    'file' in spec && spec.file
      ? glob({ pattern: spec.file, base: contentDir })
      : glob({ pattern: `*${spec.extension}`, base: `${contentDir}/${spec.folder}` });
  return defineCollection({ loader, schema: spec.schema });
}

export const collections = Object.fromEntries(
  Object.entries(collectionSpecs).map(([name, spec]) => [name, collection(spec)]),
) as { [K in keyof typeof collectionSpecs]: ReturnType<typeof collection> };
