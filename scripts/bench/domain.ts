/**
 * The domain work the pages and leaflets do, outside Astro: what each kind of page calls, once per
 * page, timed on a catalog. Per-page times that grow with the size of the territory are work
 * that runs once per page but loops over every place or commune: the build's cost grows faster than
 * its pages. Cheap (seconds), so it can run before and after a change without a full build.
 *
 *   npx node scripts/bench/domain.ts [content folder…]
 */
import { resolve } from 'node:path';
import { loadContent } from '../../src/content-loader/load.ts';
import { placeById } from '../../src/domain/catalog-index.ts';
import { accessibilityStatus } from '../../src/domain/accessibility-audit.ts';
import {
  communeGuide,
  communeOf,
  groupByLocality,
  organisationOf,
  placeLocality,
  placesByCommune,
  townHalls,
} from '../../src/domain/directory.ts';
import { answerPages, communePageDesks, orient } from '../../src/domain/orientation.ts';
import type { Catalog } from '../../src/domain/types.ts';
import { renderLeaflet } from '../../src/leaflet/index.ts';

export interface DomainTimings {
  communes: number;
  places: number;
  /** Mean milliseconds per page of each kind, and per leaflet. */
  msPer: Record<'communePage' | 'orientationPage' | 'placePage' | 'footer' | 'directoryPage' | 'leaflet', number>;
  pages: Record<'communePage' | 'orientationPage' | 'placePage', number>;
}

function time<T>(items: readonly T[], work: (item: T) => void, limit = Infinity): number {
  const sample = items.slice(0, limit);
  const start = performance.now();
  for (const item of sample) work(item);
  return (performance.now() - start) / Math.max(1, sample.length);
}

export async function domainTimings(catalog: Catalog, leaflets = 6): Promise<DomainTimings> {
  // Warm up once: the first call pays for lazy imports and indexes built once per catalog.
  communeGuide(catalog, catalog.communes[0]!.id);
  const answers = answerPages(catalog);
  const msPer = {
    communePage: time(catalog.communes, (c) => {
      const guide = communeGuide(catalog, c.id);
      for (const place of [...guide.local, ...guide.otherDesks, ...guide.specialisedDesks])
        placeLocality(catalog, place);
      // As the page does (src/pages/communes/[slug].astro): the nearest desks, the others counted.
      groupByLocality(catalog, communePageDesks(catalog, guide).others.shown);
    }),
    orientationPage: time(answers, (a) =>
      orient(catalog, { commune: a.commune, situations: a.situation ? [a.situation] : [] }),
    ),
    placePage: time(catalog.places, (p) => {
      const place = placeById(catalog.places).get(p.id)!;
      organisationOf(catalog, place);
      communeOf(catalog, place);
      placeLocality(catalog, place);
    }),
    footer: time(catalog.communes, () => accessibilityStatus(catalog)),
    directoryPage: time([0, 1, 2], () => {
      placesByCommune(catalog);
      townHalls(catalog);
    }),
    leaflet: 0,
  };
  const variants = catalog.communes
    .slice(1, leaflets + 1)
    .map((c) => ({ variant: 'commune' as const, communeId: c.id }));
  await renderLeaflet(catalog, { variant: 'commune', communeId: catalog.communes[0]!.id }, { base: '/' });
  const start = performance.now();
  for (const variant of variants) await renderLeaflet(catalog, variant, { base: '/' });
  msPer.leaflet = (performance.now() - start) / Math.max(1, variants.length);
  return {
    communes: catalog.communes.length,
    places: catalog.places.length,
    msPer,
    pages: { communePage: catalog.communes.length, orientationPage: answers.length, placePage: catalog.places.length },
  };
}

if (process.argv[1]?.endsWith('scripts/bench/domain.ts')) {
  for (const folder of process.argv.slice(2)) {
    const { catalog, issues } = await loadContent(resolve(folder), process.cwd());
    if (!catalog) throw new Error(`${folder}: ${issues.length} erreurs`);
    const t = await domainTimings(catalog);
    const fmt = (n: number) => n.toFixed(3);
    const total =
      t.msPer.communePage * t.pages.communePage +
      t.msPer.orientationPage * t.pages.orientationPage +
      t.msPer.placePage * t.pages.placePage;
    console.log(
      `${folder}: ${t.communes} communes, ${t.places} places; ms per page: commune ${fmt(t.msPer.communePage)}, orientation ${fmt(t.msPer.orientationPage)}, place ${fmt(t.msPer.placePage)}, footer ${fmt(t.msPer.footer)}, directory ${fmt(t.msPer.directoryPage)}; leaflet ${fmt(t.msPer.leaflet)} ms; domain total over those pages ${(total / 1000).toFixed(2)} s`,
    );
  }
}
