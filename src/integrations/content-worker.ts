/**
 * What the content check's worker thread runs (see content-check.ts): astro.config.mjs bundles this
 * file apart from the integrations (typescript-entry.mjs), so that the build's main thread never
 * loads the content loader, the report or the leaflet renderer (pdf-lib, fontkit) unless it needs them.
 */
import { loadContent } from '../content-loader/load';
import type { ContentIssue } from '../domain/references';
import { contentReport, formatReport, localDay } from '../domain/report';
import type { Catalog } from '../domain/types';
import { generalLeafletSlug, leafletVariant } from '../leaflet/content';
import { renderLeaflet } from '../leaflet/index';

/** What the check says of the content: errors, warnings, and the content report when it loaded. */
export interface ContentVerdict {
  issues: ContentIssue[];
  warnings: ContentIssue[];
  report?: string;
}

/** One leaflet rendered beside the build, with what renderLeaflet logged while making it. */
export interface PrebuiltLeaflet {
  slug: string;
  bytes: Uint8Array;
  logs: string[];
}

/** The leaflets of one base path, or why there are none (the build then renders them itself). */
export interface PrebuiltLeaflets {
  base: string;
  leaflets: PrebuiltLeaflet[];
}

export type WorkerMessage = { kind: 'verdict'; verdict: ContentVerdict } | { kind: 'leaflets'; leaflets?: PrebuiltLeaflets; error?: string };

async function check(contentDir: string, root: string): Promise<{ verdict: ContentVerdict; catalog?: Catalog }> {
  const result = await loadContent(contentDir, root);
  // The real date is used for printing only: nothing of the report is written to the site.
  const today = localDay(new Date());
  const report = result.catalog ? formatReport(contentReport(result.catalog, today, result.bodies), today) : undefined;
  return { verdict: { issues: result.issues, warnings: result.warnings, report }, catalog: result.catalog };
}

/** `npm run check`'s checks, then the content report, in this thread (`astro dev` after each edit). */
export async function checkContent(contentDir: string, root: string): Promise<ContentVerdict> {
  return (await check(contentDir, root)).verdict;
}

/**
 * The worker's work: the verdict first, which the build waits for; then, for a build
 * (`leafletBase` given) of valid content, the 15 leaflets, which the build would otherwise render
 * on its main thread after the pages (src/data/leaflets.ts takes them). They are made from the
 * catalog the check just loaded, the one tests/build/leaflets.test.ts renders again and compares
 * byte for byte with the built files.
 */
export async function runContentWorker(
  data: { contentDir: string; root: string; leafletBase?: string },
  post: (message: WorkerMessage) => void,
): Promise<void> {
  const { verdict, catalog } = await check(data.contentDir, data.root);
  post({ kind: 'verdict', verdict });
  if (data.leafletBase === undefined || !catalog || verdict.issues.length > 0) return;
  try {
    const leaflets: PrebuiltLeaflet[] = [];
    for (const slug of [generalLeafletSlug, ...catalog.communes.map((commune) => commune.id)]) {
      const logs: string[] = [];
      const bytes = await renderLeaflet(catalog, leafletVariant(slug), { base: data.leafletBase, log: (message) => logs.push(message) });
      leaflets.push({ slug, bytes, logs });
    }
    post({ kind: 'leaflets', leaflets: { base: data.leafletBase, leaflets } });
  } catch (error) {
    // The build renders them itself, and reports the error where it always did.
    post({ kind: 'leaflets', error: error instanceof Error ? error.message : String(error) });
  }
}
