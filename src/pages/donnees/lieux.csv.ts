import type { APIRoute } from 'astro';
import { getCatalog } from '../../queries/catalog.ts';
import { placeRows, toCsv } from '../../domain/opendata.ts';

export const GET: APIRoute = async () => {
  const rows = placeRows(await getCatalog(), import.meta.env.BASE_URL);
  return new Response(toCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
