import { getCatalog } from './catalog';
import { generalLeafletSlug, leafletVariant, renderLeaflet } from '../leaflet/index';

/**
 * Each leaflet is rendered once per build: the PDF endpoint writes the bytes and the leaflet page
 * states their size, from the same render.
 */
const rendered = new Map<string, Promise<Uint8Array>>();

export function getLeaflet(slug: string): Promise<Uint8Array> {
  let bytes = rendered.get(slug);
  if (!bytes) {
    bytes = getCatalog().then((catalog) => renderLeaflet(catalog, leafletVariant(slug), { base: import.meta.env.BASE_URL }));
    rendered.set(slug, bytes);
  }
  return bytes;
}

/** Every leaflet of the site: the general one first, then one per commune. */
export async function leafletSlugs(): Promise<string[]> {
  const catalog = await getCatalog();
  return [generalLeafletSlug, ...catalog.communes.map((commune) => commune.id)];
}
