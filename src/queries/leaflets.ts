import { getCatalog } from './catalog.ts';
import type { Catalog } from '../domain/types.ts';
import { allLeafletSlugs } from '../leaflet/content.ts';

/**
 * Each leaflet is rendered once per catalog (once per build): the PDF endpoint writes the bytes and
 * the leaflet page states their size, from the same render. The renderer (pdf-lib, fontkit) is
 * imported on first use, so that pages that show no leaflet do not wait for it under `astro dev`.
 */
const rendered = new WeakMap<Catalog, Map<string, Promise<Uint8Array>>>();

export async function getLeaflet(slug: string): Promise<Uint8Array> {
  const catalog = await getCatalog();
  let bySlug = rendered.get(catalog);
  if (!bySlug) rendered.set(catalog, (bySlug = new Map()));
  let bytes = bySlug.get(slug);
  if (!bytes) {
    bytes = import('../leaflet/index.ts').then(({ leafletVariant, renderLeaflet }) =>
      renderLeaflet(catalog, leafletVariant(slug), { base: import.meta.env.BASE_URL }),
    );
    bySlug.set(slug, bytes);
  }
  return bytes;
}

/** Every leaflet of the site: the general one first, then one per commune. */
export async function leafletSlugs(): Promise<string[]> {
  return allLeafletSlugs(await getCatalog());
}
