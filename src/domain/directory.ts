import type { Catalog, Commune, Organisation, Place } from './types.ts';
import type { PhoneEntry } from '../schemas/place.ts';
import type { DirectoryProvenance, Source } from '../schemas/common.ts';
import { communeById, derived, organisationById, placesOfCommune } from './catalog-index.ts';

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** Level 2 (registers the demand) before level 1, then by name in French order. */
export function comparePlaces(a: Place, b: Place): number {
  return b.level - a.level || collator.compare(a.name, b.name);
}

export function sortCommunes(communes: readonly Commune[]): Commune[] {
  return [...communes].sort((a, b) => collator.compare(a.name, b.name));
}

export function organisationOf(catalog: Catalog, place: Place): Organisation {
  const organisation = organisationById(catalog.organisations).get(place.organisation);
  if (!organisation) throw new Error(`${place.file}: organisation inconnue « ${place.organisation} »`);
  return organisation;
}

export function communeOf(catalog: Pick<Catalog, 'communes'>, place: Place): Commune | undefined {
  return place.commune ? communeById(catalog.communes).get(place.commune) : undefined;
}

/** Where the place is, in words: the commune's name, or the town outside the territory. */
export function placeLocality(catalog: Catalog, place: Place): string {
  return communeOf(catalog, place)?.name ?? place.town ?? '';
}

export function registers(place: Place): boolean {
  return place.services.includes('registration');
}

/** Desks open to everyone: no audience restriction. */
export function isGeneralDesk(place: Place): boolean {
  return place.audiences.length === 0;
}

export interface CommuneGuide {
  commune: Commune;
  /** Places in the commune, level 2 first. */
  local: Place[];
  /** true when someone can register the demand without leaving the commune. */
  registersLocally: boolean;
  /** Level-2 desks open to everyone elsewhere on the territory. */
  otherDesks: Place[];
  /** Level-2 desks outside the territory or for specific audiences (Action Logement, SIAO…). */
  specialisedDesks: Place[];
}

/** "I live here: where do I go?" — the answer a commune page and a commune leaflet give. */
export function communeGuide(catalog: Catalog, communeId: string): CommuneGuide {
  const commune = communeById(catalog.communes).get(communeId);
  if (!commune) throw new Error(`commune inconnue « ${communeId} »`);
  const local = [...placesOfCommune(catalog.places, communeId)].sort(comparePlaces);
  // The territory's level-2 desks, sorted once per catalog; each commune drops its own.
  const { general, specialised } = derived('guide-desks', catalog.places, () => {
    const level2 = catalog.places.filter((p) => p.level === 2).sort(comparePlaces);
    return {
      general: level2.filter((p) => p.onTerritory && isGeneralDesk(p)),
      specialised: level2.filter((p) => !(p.onTerritory && isGeneralDesk(p))),
    };
  });
  return {
    commune,
    local,
    registersLocally: local.some(registers),
    otherDesks: general.filter((p) => p.commune !== communeId),
    specialisedDesks: specialised.filter((p) => p.commune !== communeId),
  };
}

/** Places grouped by the commune (or town) they stand in, localities in French alphabetical order. */
export function groupByLocality(catalog: Catalog, places: readonly Place[]): { locality: string; places: Place[] }[] {
  const groups = new Map<string, Place[]>();
  for (const place of places) {
    const locality = placeLocality(catalog, place);
    const group = groups.get(locality);
    if (group) group.push(place);
    else groups.set(locality, [place]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([locality, list]) => ({ locality, places: list.sort(comparePlaces) }));
}

export interface CommuneGroup {
  commune: Commune;
  places: Place[];
}

/** The directory: every commune with its places, then the places outside the territory. */
export function placesByCommune(catalog: Catalog): { communes: CommuneGroup[]; outside: Place[] } {
  return {
    communes: sortCommunes(catalog.communes).map((commune) => ({
      commune,
      places: [...placesOfCommune(catalog.places, commune.id)].sort(comparePlaces),
    })),
    outside: catalog.places.filter((p) => !p.onTerritory).sort(comparePlaces),
  };
}

/** Level-2 desks of the territory open to everyone: the leaflet and the home page list them. */
export function territoryDesks(catalog: Catalog): Place[] {
  // A copy: callers may sort or cut it.
  return [
    ...derived('territory-desks', catalog.places, () =>
      catalog.places.filter((p) => p.level === 2 && p.onTerritory).sort(comparePlaces),
    ),
  ];
}

export type Article4Column = 'level1' | 'level2' | 'outside';

export interface Article4Row {
  /** Row heading as the convention groups partners. */
  group: string;
  cells: Record<Article4Column, Place[]>;
  /** What the convention writes in the level-1 cell when it names the whole group, not places. */
  level1Words?: string;
}

const article4Groups: { group: string; kinds: Organisation['kind'][]; level1Words?: string }[] = [
  // Article 4 puts « Toutes les communes » at level 1, those that register also at level 2: every town hall on the territory is a level-1 place.
  {
    group: 'Les communes',
    kinds: ['commune'],
    level1Words: 'Toutes les communes (CCAS, service logement ou permanence des élus)',
  },
  { group: 'Les bailleurs', kinds: ['landlord'] },
  { group: 'Réservataires', kinds: ['reservation-holder', 'state'] },
  { group: 'Autres acteurs', kinds: ['association', 'departement', 'family-allowance', 'intercommunality'] },
];

/** Places the convention names (they carry its label): places opened since are not in its table. */
export function conventionPlaces(catalog: Pick<Catalog, 'places'>): Place[] {
  return catalog.places.filter((p) => p.conventionLabel !== undefined);
}

/** The convention's Article 4 table, rebuilt from the places so that it cannot drift from them. */
export function article4Table(catalog: Catalog): Article4Row[] {
  const kindOf = new Map(catalog.organisations.map((o) => [o.id, o.kind]));
  return article4Groups.map(({ group, kinds, level1Words }) => {
    const places = conventionPlaces(catalog)
      .filter((p) => kinds.includes(kindOf.get(p.organisation)!))
      .sort(comparePlaces);
    const column = (p: Place): Article4Column => (!p.onTerritory ? 'outside' : p.level === 2 ? 'level2' : 'level1');
    return {
      group,
      ...(level1Words ? { level1Words } : {}),
      cells: {
        level1: places.filter((p) => column(p) === 'level1' || (level1Words !== undefined && p.onTerritory)),
        level2: places.filter((p) => column(p) === 'level2'),
        outside: places.filter((p) => column(p) === 'outside'),
      },
    };
  });
}

/** Contact facts the content does not have yet: the content report and the pages both use it. */
export function missingContact(place: Place): ('adresse' | 'téléphone' | 'horaires')[] {
  const missing: ('adresse' | 'téléphone' | 'horaires')[] = [];
  if (!place.address) missing.push('adresse');
  if (placePhones(place).length === 0) missing.push('téléphone');
  if (!place.hours || place.hours.length === 0) missing.push('horaires');
  return missing;
}

/** Has the content any of the contact facts an applicant needs (address, phone, opening hours)? */
export function hasContact(place: Place): boolean {
  return missingContact(place).length < 3;
}

export interface ContactCoverage {
  /** Places counted. */
  total: number;
  /** Places with an address, a phone and opening hours. */
  complete: number;
  /** Places with none of the three. */
  none: number;
}

/**
 * How many of these places carry their contact details, counted at build time: the pages and the
 * leaflet say what the content holds today, and their wording follows by itself as details arrive.
 */
export function contactCoverage(places: readonly Place[]): ContactCoverage {
  return {
    total: places.length,
    complete: places.filter((p) => missingContact(p).length === 0).length,
    none: places.filter((p) => !hasContact(p)).length,
  };
}

export interface TownHalls {
  /** Town-hall places (`townHall: true`), one per commune, in French order of the communes. */
  all: { commune: Commune; place: Place }[];
  /** Those that also register the demand (level 2). */
  registering: { commune: Commune; place: Place }[];
  /** Those that welcome and inform only (level 1). */
  welcomeOnly: { commune: Commune; place: Place }[];
}

/**
 * The convention's Article 4 table puts every town hall at level 1 and lists the ones that also
 * register (level 2): read from content/places, so that a commune joining the registration desks
 * changes every sentence built on it. Only places marked `townHall: true` count: another desk a
 * commune runs (a neighbourhood centre) is not its town hall.
 */
export function townHalls(catalog: Pick<Catalog, 'places' | 'communes'>): TownHalls {
  const all = catalog.places
    .filter((p) => p.townHall)
    .map((place) => ({ place, commune: communeOf(catalog, place) }))
    .filter((entry): entry is { place: Place; commune: Commune } => entry.commune !== undefined)
    .sort((a, b) => collator.compare(a.commune.name, b.commune.name));
  return {
    all,
    registering: all.filter(({ place }) => registers(place)),
    welcomeOnly: all.filter(({ place }) => !registers(place)),
  };
}

export interface TownHallSummary {
  /** How many town halls there are. */
  count: number;
  /** How many also register the demand. */
  registering: number;
  /** true when `named` are the ones that do not register (« toutes sauf … »). */
  except: boolean;
  /** The shorter group's communes, to be named: « toutes sauf Bois-Bernard et Leforest » rather than twelve names. */
  named: Commune[];
}

/** What the sentence about town halls says, from the town halls only (`townHall: true`). */
export function townHallSummary(catalog: Pick<Catalog, 'places' | 'communes'>): TownHallSummary {
  const { all, registering, welcomeOnly } = townHalls(catalog);
  const except = welcomeOnly.length <= registering.length;
  return {
    count: all.length,
    registering: registering.length,
    except,
    named: (except ? welcomeOnly : registering).map(({ commune }) => commune),
  };
}

/** « a », « a et b », « a, b et c ». */
function frenchList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items.at(-1)}`;
}

/**
 * What the pages say about the places' contact details, from the counts: nothing once every place
 * has them, so the sentence disappears by itself when the editors have filled them in.
 */
export function contactCoverageSentence({ total, complete, none }: ContactCoverage): string | undefined {
  if (total === 0 || complete === total) return undefined;
  if (none === total) return 'Ce site ne donne pas encore l’adresse, le téléphone ni les horaires des lieux d’accueil.';
  const partial = total - complete - none;
  const parts = [
    complete > 0 ? `${complete} ${complete === 1 ? 'les a' : 'les ont'} toutes` : '',
    partial > 0 ? `${partial} ${partial === 1 ? 'en a' : 'en ont'} une partie` : '',
    none > 0 ? `${none} ${none === 1 ? 'n’en a' : 'n’en ont'} encore aucune` : '',
  ].filter(Boolean);
  return `Adresse, téléphone et horaires : sur les ${total} lieux de ce site, ${frenchList(parts)}.`;
}

/** Every number of a place, the hand-typed single `phone` or the `phones` list. */
export function placePhones(place: Pick<Place, 'phone' | 'phones'>): PhoneEntry[] {
  return place.phones ?? (place.phone ? [{ number: place.phone }] : []);
}

/** The place's first number: the one a compact line or a leaflet prints. */
export function mainPhone(place: Pick<Place, 'phone' | 'phones'>): string | undefined {
  return placePhones(place)[0]?.number;
}

/** The source the directory import wrote, with its provenance, if the place was imported. */
export function directorySource(
  place: Pick<Place, 'sources'>,
): (Source & { directory: DirectoryProvenance }) | undefined {
  return place.sources.find((s): s is Source & { directory: DirectoryProvenance } => s.directory !== undefined);
}

/** Whole months between two calendar days (YYYY-MM-DD), rounded down. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

/**
 * A `geo:` URI (RFC 5870) that the reader's own map application opens: no map tile, no script, no
 * request from the site. With the position when the content has it, else the address as a query
 * (`geo:0,0?q=…`, which Android and most map applications understand).
 */
export function geoUri(place: Pick<Place, 'address'>): string | undefined {
  const a = place.address;
  if (!a) return undefined;
  const query = encodeURIComponent([a.street, `${a.postcode} ${a.city}`].join(', '));
  if (a.latitude !== undefined && a.longitude !== undefined) return `geo:${a.latitude},${a.longitude}?q=${query}`;
  return `geo:0,0?q=${query}`;
}
