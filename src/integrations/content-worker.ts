/**
 * What the content check's worker thread runs (see content-check.ts): astro.config.mjs bundles this
 * file apart from the integrations (typescript-entry.mjs), so that the build's main thread never
 * loads the content loader, the report or the leaflet renderer (pdf-lib, fontkit) unless it needs them.
 * Here too, the report and the renderer are imported only once the verdict is out: the build waits
 * for the verdict, and loading pdf-lib and fontkit first took half a second.
 */
import { loadContent, type LoadResult } from '../content-loader/load';
import type { ContentIssue } from '../domain/issues';
import type { DataInclusionExport } from '../domain/data-inclusion-export';
import type { Catalog } from '../domain/types';
import { allLeafletSlugs } from '../leaflet/content';

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

/**
 * What the worker makes for a build beside the pages, for one base path: the leaflets and the
 * data·inclusion files (src/data/leaflets.ts, src/data/data-inclusion.ts take them; without them,
 * the build makes them itself).
 */
export interface Prebuilt {
  base: string;
  leaflets: PrebuiltLeaflet[];
  dataInclusion: DataInclusionExport;
}

export type WorkerMessage =
  | { kind: 'verdict'; verdict: ContentVerdict }
  | { kind: 'prebuilt'; prebuilt?: Prebuilt; error?: string }
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

/**
 * One leaflet, rendered in the calling thread. The build's pages call it (through content-check.ts)
 * only when the worker made no leaflet for them (`astro dev`, or a failure here): the renderer then
 * stays out of the pages' bundle.
 */
export async function renderLeafletBytes(catalog: Catalog, slug: string, base: string, log?: (message: string) => void): Promise<Uint8Array> {
  const { leafletVariant, renderLeaflet } = await import('../leaflet/index');
  return renderLeaflet(catalog, leafletVariant(slug), { base, ...(log ? { log } : {}) });
}

async function prebuild(catalog: Catalog, base: string): Promise<Prebuilt> {
  const leaflets: PrebuiltLeaflet[] = [];
  for (const slug of allLeafletSlugs(catalog)) {
    const logs: string[] = [];
    leaflets.push({ slug, bytes: await renderLeafletBytes(catalog, slug, base, (message) => logs.push(message)), logs });
  }
  // Bounded by the content's date, as the build's own (src/data/data-inclusion.ts).
  const { dataInclusionExport } = await import('../domain/data-inclusion-export');
  return { base, leaflets, dataInclusion: dataInclusionExport(catalog, base, catalog.site.contentDate) };
}

/**
 * The worker's work: the verdict first, with the catalog the pages are built from, which the build
 * waits for (and all `astro dev` needs); then, for a build (`leafletBase` given) of valid content,
 * the 15 leaflets and the data·inclusion files, which the build would otherwise make on its main
 * thread while it renders the pages; last, the content report, which the build prints at its end.
 * The leaflets are made from the catalog the check just loaded, the one tests/build/leaflets.test.ts
 * renders again and compares byte for byte with the built files.
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
      post({ kind: 'prebuilt', prebuilt: await prebuild(result.catalog, data.leafletBase) });
    } catch (error) {
      // The build makes them itself, and reports the error where it always did.
      post({ kind: 'prebuilt', error: error instanceof Error ? error.message : String(error) });
    }
  }
  try {
    post({ kind: 'report', report: await reportOf(result) });
  } catch (error) {
    post({ kind: 'report', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}
