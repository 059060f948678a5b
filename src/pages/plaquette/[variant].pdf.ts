/// <reference types="astro/client" />
/**
 * The printable leaflets, made by the build from the same catalog as the pages:
 * /plaquette/plaquette-sai-cahc.pdf (general) and /plaquette/<commune-id>.pdf (one per commune).
 * The work is done by renderLeaflet (src/leaflet/), which knows nothing of Astro.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCatalog } from '../../data/catalog';
import { generalLeafletSlug, renderLeaflet, type LeafletVariant } from '../../leaflet/index';

export const getStaticPaths = (async () => {
  const catalog = await getCatalog();
  return [{ params: { variant: generalLeafletSlug } }, ...catalog.communes.map((commune) => ({ params: { variant: commune.id } }))];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const catalog = await getCatalog();
  const slug = params.variant!;
  const variant: LeafletVariant = slug === generalLeafletSlug ? { variant: 'general' } : { variant: 'commune', communeId: slug };
  const bytes = await renderLeaflet(catalog, variant, { base: import.meta.env.BASE_URL });
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/pdf' } });
};
