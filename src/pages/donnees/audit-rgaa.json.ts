import type { APIRoute } from 'astro';
import { getCatalog } from '../../queries/catalog.ts';
import { auditOpenData, gridOf, statusWithoutAudit } from '../../domain/accessibility-audit.ts';

/** The RGAA audit grid as open data (documented on the open-data and accessibility pages). */
export const GET: APIRoute = async () => {
  const catalog = await getCatalog();
  const grid = gridOf(catalog);
  // A territory without an audit says so, with the only status the RGAA then allows.
  const data =
    grid && catalog.accessibilityAudit
      ? auditOpenData(grid, catalog.accessibilityAudit, catalog.site.url, import.meta.env.BASE_URL)
      : {
          referential: null,
          date: null,
          complete: false,
          status: statusWithoutAudit,
          pages: [],
          criteria: [],
          rate: { met: 0, applicable: 0 },
        };
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
