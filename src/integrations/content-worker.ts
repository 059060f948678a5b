/**
 * What the content check's worker thread runs (see content-check.ts): astro.config.mjs bundles this
 * file apart from the integrations (typescript-entry.mjs), so that the build's main thread never
 * loads the content loader, the report or the leaflet renderer (pdf-lib, fontkit) unless it needs them.
 * Here too, the report and the renderer are imported only once the verdict is out: the build waits
 * for the verdict, and loading pdf-lib and fontkit first took half a second.
 */
import { loadContent, type LoadResult } from '../content-loader/load';
import type { ContentIssue } from '../domain/references';
import type { Catalog } from '../domain/types';
import { generalLeafletSlug } from '../leaflet/content';

/** What the check says of the content: errors and warnings, and the content itself when it has no error. */
export interface ContentVerdict {
  issues: ContentIssue[];
  warnings: ContentIssue[];
  /** What every page is built from (src/data/catalog.ts): present when `issues` is empty. */
  catalog?: Catalog;
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

export type WorkerMessage =
  | { kind: 'verdict'; verdict: ContentVerdict }
  | { kind: 'leaflets'; leaflets?: PrebuiltLeaflets; error?: string }
  | { kind: 'report'; report?: string; error?: string };

/** The content report, printed at the end of a build. */
async function reportOf(result: LoadResult): Promise<string | undefined> {
  if (!result.catalog) return undefined;
  const { contentReport, formatReport, localDay } = await import('../domain/report');
  // The real date is used for printing only: nothing of the report is written to the site.
  const today = localDay(new Date());
  return formatReport(contentReport(result.catalog, today, result.bodies), today);
}

/** `npm run check`'s checks, in this thread (`astro dev` after each edit). */
export async function checkContent(contentDir: string, root: string): Promise<ContentVerdict> {
  const { issues, warnings, catalog } = await loadContent(contentDir, root);
  return { issues, warnings, catalog };
}

async function renderLeaflets(catalog: Catalog, base: string): Promise<PrebuiltLeaflets> {
  const { leafletVariant, renderLeaflet } = await import('../leaflet/index');
  const leaflets: PrebuiltLeaflet[] = [];
  for (const slug of [generalLeafletSlug, ...catalog.communes.map((commune) => commune.id)]) {
    const logs: string[] = [];
    const bytes = await renderLeaflet(catalog, leafletVariant(slug), { base, log: (message) => logs.push(message) });
    leaflets.push({ slug, bytes, logs });
  }
  return { base, leaflets };
}

/**
 * The worker's work: the verdict first, with the catalog the pages are built from, which the build
 * waits for (and all `astro dev` needs);
 * then, for a build (`leafletBase` given) of valid content, the 15 leaflets, which the build would
 * otherwise render on its main thread after the pages (src/data/leaflets.ts takes them); last,
 * the content report, which the build prints at its end. The leaflets are made from the catalog the check just loaded,
 * the one tests/build/leaflets.test.ts renders again and compares byte for byte with the built files.
 */
export async function runContentWorker(
  data: { contentDir: string; root: string; leafletBase?: string },
  post: (message: WorkerMessage) => void,
): Promise<void> {
  const result = await loadContent(data.contentDir, data.root);
  post({ kind: 'verdict', verdict: { issues: result.issues, warnings: result.warnings, catalog: result.catalog } });
  // Only a build (`leafletBase` given) publishes leaflets and prints the report.
  if (data.leafletBase === undefined) return;
  if (result.catalog && result.issues.length === 0) {
    try {
      post({ kind: 'leaflets', leaflets: await renderLeaflets(result.catalog, data.leafletBase) });
    } catch (error) {
      // The build renders them itself, and reports the error where it always did.
      post({ kind: 'leaflets', error: error instanceof Error ? error.message : String(error) });
    }
  }
  try {
    post({ kind: 'report', report: await reportOf(result) });
  } catch (error) {
    post({ kind: 'report', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
