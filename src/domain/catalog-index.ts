/**
 * Lookups the pages make once per page, built once per catalog. A commune page, an orientation
 * answer or a leaflet asks for « the places of this commune », « the commune of this place », « the
 * registering desks of the territory »: answered by scanning every place or commune, that is work
 * per page that grows with the territory, so the build's cost grew faster than its number of pages
 * (a département has 887 communes and about 7,000 answer pages). Memoised by the arrays themselves:
 * a catalog built anew (tests, another content folder) gets its own indexes, and nothing is
 * computed for a list that no page asks about.
 */
import type { Commune, Organisation, Place } from './types.ts';

function memo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = compute(key);
      cache.set(key, value);
    }
    return value;
  };
}

const byId = memo(<T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item])));

export const communeById = (communes: readonly Commune[]): ReadonlyMap<string, Commune> =>
  byId(communes) as Map<string, Commune>;
export const placeById = (places: readonly Place[]): ReadonlyMap<string, Place> => byId(places) as Map<string, Place>;
export const organisationById = (organisations: readonly Organisation[]): ReadonlyMap<string, Organisation> =>
  byId(organisations) as Map<string, Organisation>;

function groupBy(
  places: readonly Place[],
  key: (place: Place) => string | undefined,
): ReadonlyMap<string, readonly Place[]> {
  const groups = new Map<string, Place[]>();
  for (const place of places) {
    const k = key(place);
    if (k === undefined) continue;
    const list = groups.get(k);
    if (list) list.push(place);
    else groups.set(k, [place]);
  }
  return groups;
}

const byCommune = memo((places: readonly Place[]) => groupBy(places, (p) => p.commune));
const byOrganisation = memo((places: readonly Place[]) => groupBy(places, (p) => p.organisation));
const none: readonly Place[] = [];

/** The places of one commune, in the catalog's order. */
export const placesOfCommune = (places: readonly Place[], communeId: string): readonly Place[] =>
  byCommune(places).get(communeId) ?? none;
/** The places of one organisation, in the catalog's order. */
export const placesOfOrganisation = (places: readonly Place[], organisationId: string): readonly Place[] =>
  byOrganisation(places).get(organisationId) ?? none;

/** One list derived from the places (sorted desks…), computed once per places array. */
export function derived<T>(name: string, places: readonly Place[], compute: () => T): T {
  let entries = derivedCache.get(places);
  if (!entries) derivedCache.set(places, (entries = new Map()));
  if (!entries.has(name)) entries.set(name, compute());
  return entries.get(name) as T;
}
const derivedCache = new WeakMap<readonly Place[], Map<string, unknown>>();
