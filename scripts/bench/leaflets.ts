import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Catalog } from '../../src/domain/types.ts';

/**
 * Per-leaflet rendering time outside Astro: `renderLeaflet` (src/leaflet/index.ts) called directly
 * on the catalog that the stand-alone loader built. The first call pays for loading and parsing the
 * fonts; the others are what each further leaflet costs in a build. Absent if the project has no
 * src/leaflet/ yet.
 */
export interface LeafletTimings {
  variants: number;
  firstMs: number;
  /** Median and maximum of the calls after the first. */
  medianMs: number;
  maxMs: number;
  maxBytes: number;
  error?: string;
}

type Render = (catalog: Catalog, variant: unknown, options: { base: string }) => Promise<Uint8Array>;

async function loadRender(projectRoot: string): Promise<Render | undefined> {
  const entry = join(projectRoot, 'src/leaflet/index.ts');
  if (!existsSync(entry)) return undefined;
  const module = (await import(pathToFileURL(entry).href)) as { renderLeaflet?: Render };
  return typeof module.renderLeaflet === 'function' ? module.renderLeaflet : undefined;
}

/**
 * Renders the general leaflet and the leaflets of the real communes and of their first copies
 * (every other copy has the same shape), and returns the first error: a leaflet that does not fit.
 * Undefined if they all fit or if there is no leaflet in this project. A few seconds, so the bench
 * knows before a long build that it would fail.
 */
export async function leafletProblem(projectRoot: string, catalog: Catalog, base: string): Promise<string | undefined> {
  const render = await loadRender(projectRoot);
  if (!render) return undefined;
  const shapes = catalog.communes.filter((c) => !/-synth-\d+$/.test(c.id) || c.id.endsWith('-synth-1'));
  try {
    await render(catalog, { variant: 'general' }, { base });
    for (const commune of shapes) await render(catalog, { variant: 'commune', communeId: commune.id }, { base });
    return undefined;
  } catch (error) {
    return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  }
}

export async function timeLeaflets(
  projectRoot: string,
  catalog: Catalog,
  base: string,
  limit = 30,
): Promise<LeafletTimings | undefined> {
  const render = await loadRender(projectRoot);
  if (!render) return undefined;
  const variants: unknown[] = [
    { variant: 'general' },
    ...catalog.communes.slice(0, limit - 1).map((c) => ({ variant: 'commune', communeId: c.id })),
  ];
  const times: number[] = [];
  let maxBytes = 0;
  try {
    for (const variant of variants) {
      const start = performance.now();
      const bytes = await render(catalog, variant, { base });
      times.push(performance.now() - start);
      maxBytes = Math.max(maxBytes, bytes.length);
    }
  } catch (error) {
    return { variants: times.length, firstMs: times[0] ?? 0, medianMs: 0, maxMs: 0, maxBytes, error: String(error) };
  }
  const rest = times.slice(1).sort((a, b) => a - b);
  return {
    variants: times.length,
    firstMs: times[0]!,
    medianMs: rest.length ? rest[Math.floor(rest.length / 2)]! : times[0]!,
    maxMs: rest.length ? rest[rest.length - 1]! : times[0]!,
    maxBytes,
  };
}
