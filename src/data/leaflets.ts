import { getCatalog } from './catalog';
import { handedOver, handover } from './handover';
import { prebuilt } from './prebuilt';
import type { Catalog } from '../domain/types';
import { allLeafletSlugs } from '../leaflet/content';

/**
 * Each leaflet is rendered once per catalog (once per build): the PDF endpoint writes the bytes and
 * the leaflet page states their size, from the same render.
 *
 * During `astro build` the content check's worker thread has rendered them already, on the other
 * core while Astro bundled the pages (src/integrations/content-check.ts, content-worker.ts), from
 * the same content; they are taken from there when made for this base path. Elsewhere (`astro
 * dev`, or if the worker could not make them) they are rendered here by the renderer the content
 * check loads from its worker's bundle (pdf-lib, fontkit), so that the pages' bundle has none of it.
 */
const rendered = new WeakMap<Catalog, Map<string, Promise<Uint8Array>>>();

type Renderer = (catalog: Catalog, slug: string, base: string) => Promise<Uint8Array>;

async function fromWorker(slug: string, base: string): Promise<Uint8Array | undefined> {
  const leaflet = (await prebuilt(base))?.leaflets.find((candidate) => candidate.slug === slug);
  if (!leaflet) return undefined;
  // What renderLeaflet would have printed here (a leaflet printed with less detail than everything).
  for (const message of leaflet.logs) console.log(message);
  return leaflet.bytes;
}

function render(catalog: Catalog, slug: string, base: string): Promise<Uint8Array> {
  const renderer = handedOver<Renderer>(handover.leafletRenderer);
  if (!renderer) return Promise.reject(new Error('le moteur des plaquettes manque : l’intégration sai-content-check n’est pas dans astro.config.mjs'));
  return renderer(catalog, slug, base);
}

export async function getLeaflet(slug: string): Promise<Uint8Array> {
  const catalog = await getCatalog();
  let bySlug = rendered.get(catalog);
  if (!bySlug) rendered.set(catalog, (bySlug = new Map()));
  let bytes = bySlug.get(slug);
  if (!bytes) {
    const base = import.meta.env.BASE_URL;
    bytes = fromWorker(slug, base).then((found) => found ?? render(catalog, slug, base));
    bySlug.set(slug, bytes);
  }
  return bytes;
}

/** Every leaflet of the site: the general one first, then one per commune. */
export async function leafletSlugs(): Promise<string[]> {
  return allLeafletSlugs(await getCatalog());
}
