import type { APIRoute } from 'astro';
import { getCatalog } from '../../queries/catalog.ts';
import { placeRows } from '../../domain/opendata.ts';

export const GET: APIRoute = async () => {
  const rows = placeRows(await getCatalog(), import.meta.env.BASE_URL);
  return new Response(`${JSON.stringify(rows, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
