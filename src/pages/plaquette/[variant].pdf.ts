/**
 * The printable leaflets, made by the build from the same catalog as the pages:
 * /plaquette/plaquette-sai-cahc.pdf (general) and /plaquette/<commune-id>.pdf (one per commune).
 * The work is done by renderLeaflet (src/leaflet/), which knows nothing of Astro.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getLeaflet, leafletSlugs } from '../../queries/leaflets.ts';

export const getStaticPaths = (async () =>
  (await leafletSlugs()).map((variant) => ({ params: { variant } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const bytes = await getLeaflet(params.variant!);
  return new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'application/pdf' } });
};
