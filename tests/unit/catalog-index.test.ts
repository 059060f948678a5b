import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load.ts';
import { communeGuide, communeOf, organisationOf, placeLocality, territoryDesks } from '../../src/domain/directory.ts';
import { answerPages, communePageDesks, farPlacesShown, orient } from '../../src/domain/orientation.ts';
import type { Catalog } from '../../src/domain/types.ts';
import { leafletPlan } from '../../src/leaflet/content.ts';
import { leafletProblem } from '../../src/leaflet/index.ts';

const root = resolve(import.meta.dirname, '../..');
let catalog: Catalog;
beforeAll(async () => {
  const loaded = await loadContent(resolve(root, 'content'), root);
  catalog = loaded.catalog!;
});

/** Every way of scanning a whole list: after the first page, a page that calls one of them is work that grows with the territory. */
function forbidScans(list: readonly unknown[], name: string): () => void {
  const methods = [
    'filter',
    'find',
    'some',
    'every',
    'map',
    'flatMap',
    'forEach',
    'findIndex',
    'includes',
    'indexOf',
    Symbol.iterator,
  ] as const;
  for (const method of methods) {
    Object.defineProperty(list, method, {
      configurable: true,
      value: () => {
        throw new Error(`${name}.${String(method)} : parcours de toute la liste pour une seule page`);
      },
    });
  }
  return () => methods.forEach((method) => delete (list as unknown as Record<PropertyKey, unknown>)[method]);
}

describe('le travail de chaque page ne parcourt pas toutes les communes ni tous les lieux', () => {
  it('page de commune, réponse d’orientation, page de lieu, plaquette : une fois les index faits, aucune page ne parcourt les listes', () => {
    const pages = answerPages(catalog);
    const commune = catalog.communes[0]!.id;
    // The first page builds the indexes (once per catalog).
    communeGuide(catalog, commune);
    orient(catalog, { commune, situations: [pages.find((p) => p.situation)!.situation!] });
    leafletPlan(catalog, { variant: 'commune', communeId: commune }, '/');
    placeLocality(catalog, catalog.places[0]!);
    organisationOf(catalog, catalog.places[0]!);
    territoryDesks(catalog);
    const allowPlaces = forbidScans(catalog.places, 'places');
    const allowCommunes = forbidScans(catalog.communes, 'communes');
    const allowOrganisations = forbidScans(catalog.organisations, 'organisations');
    try {
      for (const page of pages.slice(0, 40))
        orient(catalog, { commune: page.commune, situations: page.situation ? [page.situation] : [] });
      for (const id of ['carvin', 'leforest', 'bois-bernard']) {
        communeGuide(catalog, id);
        leafletPlan(catalog, { variant: 'commune', communeId: id }, '/');
      }
      for (const place of Object.values({ a: catalog.places.at(0)!, b: catalog.places.at(-1)! })) {
        communeOf(catalog, place);
        organisationOf(catalog, place);
        placeLocality(catalog, place);
      }
    } finally {
      allowPlaces();
      allowCommunes();
      allowOrganisations();
    }
  });

  it('donne les mêmes guichets qu’un parcours complet', () => {
    for (const commune of catalog.communes) {
      const guide = communeGuide(catalog, commune.id);
      const elsewhere = catalog.places.filter((p) => p.commune !== commune.id && p.level === 2);
      expect(guide.local.map((p) => p.id).sort()).toEqual(
        catalog.places
          .filter((p) => p.commune === commune.id)
          .map((p) => p.id)
          .sort(),
      );
      expect(new Set([...guide.otherDesks, ...guide.specialisedDesks].map((p) => p.id))).toEqual(
        new Set(elsewhere.map((p) => p.id)),
      );
    }
  });
});

describe('une plaquette coûte autant avec cent ou mille guichets', () => {
  /** The real catalog plus `count` copies of one registering desk; `reads` counts what the leaflet reads of them. */
  function withDesks(count: number) {
    const model = catalog.places.find((p) => p.level === 2 && p.onTerritory && p.commune)!;
    const counter = { reads: 0 };
    const copies = Array.from({ length: count }, (_, i) => {
      const copy = { ...model, id: `${model.id}-copie-${i}` };
      const name = `${model.name} ${i}`;
      Object.defineProperty(copy, 'name', {
        enumerable: true,
        get: () => {
          counter.reads++;
          return name;
        },
      });
      return copy;
    });
    return { big: { ...catalog, places: [...catalog.places, ...copies] }, counter, home: model.commune! };
  }

  it('ne met en page, par plaquette, que les guichets qui peuvent tenir sur ses volets', async () => {
    const reads: number[] = [];
    for (const count of [100, 1000]) {
      const { big, counter, home } = withDesks(count);
      const [first, second] = catalog.communes.filter((c) => c.id !== home);
      // The first leaflet sorts the territory's desks, once per catalog.
      expect(await leafletProblem(big, { variant: 'commune', communeId: first!.id }, { base: '/' })).toBeUndefined();
      counter.reads = 0;
      expect(await leafletProblem(big, { variant: 'commune', communeId: second!.id }, { base: '/' })).toBeUndefined();
      expect(await leafletProblem(big, { variant: 'general' }, { base: '/' })).toBeUndefined();
      reads.push(counter.reads);
    }
    // Ten times the desks, about the same work (the search may take another path: « Les 917 autres
    // guichets » is wider than « Les 17 »): the leaflet never lays out more desks than its panels hold.
    expect(reads[0]).toBeGreaterThan(0);
    expect(reads[1]).toBeLessThan(reads[0]! * 1.5);
  });

  it('une page de commune liste au plus vingt autres guichets, ceux des communes proches d’abord, et compte les autres', () => {
    // The real content: every other desk, as before (its longest list is under the limit).
    for (const commune of catalog.communes) {
      const guide = communeGuide(catalog, commune.id);
      expect(communePageDesks(catalog, guide).others).toEqual({ shown: guide.otherDesks, more: 0 });
    }
    const { big, home } = withDesks(1000);
    const nearby = catalog.orientation.find((rule) => rule.general)?.nearby ?? {};
    const commune =
      catalog.communes.find((c) => c.id !== home && (nearby[c.id]?.length ?? 0) > 0) ?? catalog.communes[0]!;
    const guide = communeGuide(big, commune.id);
    const { shown, more } = communePageDesks(big, guide).others;
    expect(shown).toHaveLength(farPlacesShown);
    expect(more).toBe(guide.otherDesks.length - farPlacesShown);
    const near = new Set(nearby[commune.id] ?? []);
    const nearCount = guide.otherDesks.filter((p) => near.has(p.commune!)).length;
    expect(shown.slice(0, Math.min(nearCount, farPlacesShown)).every((p) => near.has(p.commune!))).toBe(true);
  });

  it('une page de commune liste au plus vingt lieux « pour certaines situations, ou hors du territoire », et compte les autres', () => {
    for (const commune of catalog.communes) {
      const guide = communeGuide(catalog, commune.id);
      const { shown, more } = communePageDesks(catalog, guide).specialised;
      expect(shown.length + more).toBe(guide.specialisedDesks.length);
      expect(shown.length).toBeLessThanOrEqual(farPlacesShown);
    }
    // A territory with a hundred offices of each partner: the page lists twenty of them.
    const model = catalog.places.find((p) => p.level === 2 && !p.onTerritory);
    expect(model, 'le contenu a un guichet hors du territoire').toBeDefined();
    const copies = Array.from({ length: 100 }, (_, i) => ({ ...model!, id: `${model!.id}-copie-${i}` }));
    const big = { ...catalog, places: [...catalog.places, ...copies] };
    const guide = communeGuide(big, catalog.communes[0]!.id);
    const { shown, more } = communePageDesks(big, guide).specialised;
    expect(shown).toHaveLength(farPlacesShown);
    expect(more).toBe(guide.specialisedDesks.length - farPlacesShown);
    expect(more).toBeGreaterThanOrEqual(100 - farPlacesShown);
  });
});
