import { getEntry } from 'astro:content';
import { catalogEntryId, type CatalogEntryData } from '../content-loader/astro-loaders.ts';
import type { Catalog } from '../domain/types.ts';

let parsed: { json: string; catalog: Catalog } | undefined;

/**
 * The content every page is built from: the catalog the content check validated, stored by the
 * `catalog` collection's loader (src/content-loader/astro-loaders.ts).
 *
 * The same object until the content changes (`astro dev` stores a new one after each edit): what
 * is derived from it is cached per catalog.
 */
export async function getCatalog(): Promise<Catalog> {
  const data = (await getEntry('catalog', catalogEntryId))?.data as CatalogEntryData | undefined;
  if (!data)
    throw new Error(
      'le catalogue du contenu manque : la collection « catalog » de src/content.config.ts n’a pas été chargée',
    );
  if ('problems' in data) throw new Error(data.problems);
  if (parsed?.json !== data.json) parsed = { json: data.json, catalog: JSON.parse(data.json) as Catalog };
  return parsed.catalog;
}
