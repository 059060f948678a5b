/** The real content, loaded without Astro, and leaflets rendered from it into a temporary folder. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadContent } from '../../src/content-loader/load.ts';
import { formatIssues } from '../../src/domain/references.ts';
import type { Catalog } from '../../src/domain/types.ts';
import { leafletSlug, renderLeaflet, type LeafletVariant } from '../../src/leaflet/index.ts';
import { realContentDir } from '../helpers/real-content.ts';
import { tempDir } from './pdf-tools.ts';

export const root = process.cwd();
/** The base the site is published under (content/site.yaml basePath). */
export const base = '/logement-social/';

let catalogPromise: Promise<Catalog> | undefined;

export function realCatalog(): Promise<Catalog> {
  catalogPromise ??= loadContent(realContentDir, root).then(({ catalog, issues }) => {
    if (!catalog) throw new Error(`contenu invalide :\n${formatIssues(issues)}`);
    return catalog;
  });
  return catalogPromise;
}

export interface Rendered {
  slug: string;
  file: string;
  bytes: Uint8Array;
}

/** Renders the given variants of the real content into a fresh temporary folder. */
export async function renderVariants(variants: LeafletVariant[]): Promise<Map<string, Rendered>> {
  const catalog = await realCatalog();
  const dir = tempDir('leaflet-');
  const out = new Map<string, Rendered>();
  for (const variant of variants) {
    const slug = leafletSlug(variant);
    const bytes = await renderLeaflet(catalog, variant, { base });
    const file = join(dir, `${slug}.pdf`);
    writeFileSync(file, bytes);
    out.set(slug, { slug, file, bytes });
  }
  return out;
}

export const general: LeafletVariant = { variant: 'general' };
export const commune = (communeId: string): LeafletVariant => ({ variant: 'commune', communeId });
