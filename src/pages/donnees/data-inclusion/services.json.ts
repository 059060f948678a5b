import type { APIRoute } from 'astro';
import { dataInclusionFiles } from '../../../queries/data-inclusion.ts';

export const GET: APIRoute = async () => {
  const { services } = await dataInclusionFiles(import.meta.env.BASE_URL);
  return new Response(`${JSON.stringify(services, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
