import type { APIRoute } from 'astro';
import { getCatalog } from '../queries/catalog.ts';
import { themeCss } from '../domain/theme.ts';

/** The territory's colours as CSS variables: a file, so that the CSP needs no inline style. */
export const GET: APIRoute = async () => {
  const { site } = await getCatalog();
  return new Response(themeCss(site.colors), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
};
