import type { Catalog, Commune, Organisation, OrientationRule, Place } from './types.ts';
import { comparePlaces, placeLocality, registers, type CommuneGuide } from './directory.ts';
import {
  communeById,
  derived,
  organisationById,
  placeById,
  placesOfCommune,
  placesOfOrganisation,
} from './catalog-index.ts';

export { answerPath, parseSituations } from './answer-url.ts';

/**
 * "Où m’adresser ?" (convention, article 3): from the commune where a person lives and the
 * situations that apply to them, the partners and places to go to, each with what it does for
 * them. The rules are content (content/orientation/); this module only combines and orders them.
 */

/** How far a place is from the person's commune, nearest first. */
export type PlaceTier = 'local' | 'nearby' | 'territory' | 'outside';
const tierRank: Record<PlaceTier, number> = { local: 0, nearby: 1, territory: 2, outside: 3 };

export interface AnswerPlace {
  place: Place;
  tier: PlaceTier;
  /** The commune's name, or the town outside the territory. */
  locality: string;
  /** Ids of the rules that propose this place. */
  rules: string[];
}

/** A text of the rules, with the rule it comes from, so that a combined answer can be filtered. */
export interface RuleText {
  text: string;
  rule: string;
}

export interface AnswerBlock {
  /** Stable across answers: `organisation:<id>`, `desks` or `portal`. */
  key: string;
  kind: 'organisation' | 'desks' | 'portal';
  organisation?: Organisation;
  /** "Ce qu’il fait pour vous", in the order of the rules. */
  forYou: RuleText[];
  /** Nearest first (empty for the portal). */
  places: AnswerPlace[];
  /** Ids of the rules that bring this block (the general rule included). */
  rules: string[];
}

export interface Orientation {
  commune: Commune;
  /** The situations chosen, in the order of the questions. */
  situations: OrientationRule[];
  /** The answer everybody gets. */
  general: OrientationRule;
  /** Urgent notices of the chosen situations. */
  urgent: RuleText[];
  blocks: AnswerBlock[];
  /** true when a place of the commune itself registers the demand. */
  registersLocally: boolean;
}

export interface OrientationQuery {
  commune: string;
  situations: readonly string[];
}

const byOrder = (a: OrientationRule, b: OrientationRule) => a.order - b.order || a.id.localeCompare(b.id);

/** The general rule (the one answer everybody gets). */
export function generalRule(catalog: Catalog): OrientationRule {
  const rule = catalog.orientation.find((r) => r.general);
  if (!rule) throw new Error('content/orientation/ : aucune règle générale (general: true)');
  return rule;
}

/** The situations a person can tick, in the order of the questions. */
export function situationRules(catalog: Catalog): OrientationRule[] {
  return catalog.orientation.filter((r) => !r.general).sort(byOrder);
}

/** Places open to everyone whose only missions are the SAI's own (welcome, inform, register). */
export function isGeneralWelcome(place: Place): boolean {
  const general = new Set(['welcome', 'information', 'registration', 'status-follow-up']);
  return place.audiences.length === 0 && place.services.every((service) => general.has(service));
}

const collator = new Intl.Collator('fr', { sensitivity: 'base' });

/** Orders places as a person would walk: their commune, the nearest communes, the territory, outside. */
function placeOrder(catalog: Catalog, communeId: string, nearby: readonly string[]) {
  const tierOf = (place: Place): PlaceTier =>
    !place.onTerritory
      ? 'outside'
      : place.commune === communeId
        ? 'local'
        : nearby.includes(place.commune!)
          ? 'nearby'
          : 'territory';
  const toAnswer = (place: Place): AnswerPlace => ({
    place,
    tier: tierOf(place),
    locality: placeLocality(catalog, place),
    rules: [],
  });
  const compare = (a: AnswerPlace, b: AnswerPlace) =>
    tierRank[a.tier] - tierRank[b.tier] ||
    (a.tier === 'nearby' ? nearby.indexOf(a.place.commune!) - nearby.indexOf(b.place.commune!) : 0) ||
    (a.tier === 'territory' || a.tier === 'outside' ? collator.compare(a.locality, b.locality) : 0) ||
    comparePlaces(a.place, b.place);
  return (places: readonly (Place | AnswerPlace)[]) =>
    places.map((p) => ('place' in p ? p : toAnswer(p))).sort(compare);
}

/** The places a `desks: nearby` line stands for, for one commune. */
function nearbyDesks(catalog: Catalog, communeId: string, nearby: readonly string[]): Place[] {
  const local = placesOfCommune(catalog.places, communeId).filter(isGeneralWelcome);
  if (local.some(registers)) return local;
  // The territory's open registering desks, found once per catalog; each commune drops its own.
  const all = derived('open-registering-desks', catalog.places, () =>
    catalog.places.filter((p) => p.onTerritory && isGeneralWelcome(p) && registers(p)),
  );
  const desks = all.filter((p) => p.commune !== communeId);
  const near = desks.filter((p) => nearby.includes(p.commune!));
  return [...local, ...(near.length > 0 ? near : desks)];
}

function blockKey(partner: OrientationRule['partners'][number]): string {
  return partner.organisation ? `organisation:${partner.organisation}` : partner.desks ? 'desks' : 'portal';
}

/**
 * Where each block stands in any answer: the situations' partners in the order of the questions,
 * then the desks near the person, then the portal. A fixed order means that the answer for several
 * situations is the union of the single answers, in the same order (the page's script relies on it),
 * with one exception: when the person says they are at ease online, the portal comes before the desks.
 */
function blockRanks(catalog: Catalog): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const rule of [...situationRules(catalog), generalRule(catalog)]) {
    for (const partner of rule.partners) {
      const key = blockKey(partner);
      if (key.startsWith('organisation:') && !ranks.has(key)) ranks.set(key, ranks.size);
    }
  }
  const organisations = ranks.size;
  ranks.set('desks', organisations);
  ranks.set('portal', organisations + 1);
  return ranks;
}

/** The answer for one commune and any number of situations (none: the general answer). */
export function orient(catalog: Catalog, query: OrientationQuery): Orientation {
  const commune = communeById(catalog.communes).get(query.commune);
  if (!commune) throw new Error(`commune inconnue « ${query.commune} »`);
  const all = situationRules(catalog);
  const unknown = query.situations.filter((id) => !all.some((r) => r.id === id));
  if (unknown.length > 0) throw new Error(`situation inconnue « ${unknown.join(', ')} »`);
  const situations = all.filter((r) => query.situations.includes(r.id));
  const general = generalRule(catalog);
  const nearby = general.nearby?.[commune.id] ?? [];
  const order = placeOrder(catalog, commune.id, nearby);

  const blocks = new Map<string, AnswerBlock>();
  for (const rule of [...situations, general]) {
    for (const partner of rule.partners) {
      const key = blockKey(partner);
      let block = blocks.get(key);
      if (!block) {
        const organisation = partner.organisation
          ? organisationById(catalog.organisations).get(partner.organisation)
          : undefined;
        if (partner.organisation && !organisation)
          throw new Error(`${rule.file} : organisation inconnue « ${partner.organisation} »`);
        block = {
          key,
          kind: partner.organisation ? 'organisation' : partner.desks ? 'desks' : 'portal',
          ...(organisation ? { organisation } : {}),
          forYou: [],
          places: [],
          rules: [],
        };
        blocks.set(key, block);
      }
      if (!block.rules.includes(rule.id)) block.rules.push(rule.id);
      if (!block.forYou.some((t) => t.text === partner.forYou))
        block.forYou.push({ text: partner.forYou, rule: rule.id });
      const places = partner.organisation
        ? partner.places
          ? partner.places.map((id) => placeById(catalog.places).get(id)).filter((p): p is Place => p !== undefined)
          : [...placesOfOrganisation(catalog.places, partner.organisation)]
        : partner.desks
          ? nearbyDesks(catalog, commune.id, nearby)
          : [];
      const known = new Map(block.places.map((a) => [a.place.id, a]));
      block.places = order([...block.places, ...places.filter((p) => !known.has(p.id))]);
      const ids = new Set(places.map((p) => p.id));
      for (const answer of block.places) {
        if (ids.has(answer.place.id) && !answer.rules.includes(rule.id)) answer.rules.push(rule.id);
      }
    }
  }

  const ranks = blockRanks(catalog);
  const portalFirst = situations.some((rule) => rule.partners.some((p) => p.portal));
  const rank = (key: string) => (portalFirst && key === 'portal' ? ranks.get('desks')! - 0.5 : ranks.get(key)!);
  return {
    commune,
    situations,
    general,
    urgent: situations.filter((r) => r.urgent).map((r) => ({ text: r.urgent!, rule: r.id })),
    blocks: [...blocks.values()].sort((a, b) => rank(a.key) - rank(b.key)),
    registersLocally: placesOfCommune(catalog.places, commune.id).some((p) => isGeneralWelcome(p) && registers(p)),
  };
}

/** Every place an answer proposes, in the order of the page. */
export function proposedPlaces(orientation: Orientation): Place[] {
  return orientation.blocks.flatMap((block) => block.places.map((a) => a.place));
}

/** Every stable answer page: one overview per commune and one page per commune × situation. */
export function answerPages(catalog: Catalog): { commune: string; situation?: string }[] {
  if (catalog.orientation.length === 0) return [];
  const situations = situationRules(catalog);
  return catalog.communes.flatMap((commune) => [
    { commune: commune.id },
    ...situations.map((s) => ({ commune: commune.id, situation: s.id })),
  ]);
}

/** Heading of a block, as the answer page shows it. */
export function blockTitle(block: AnswerBlock, portalName: string): string {
  if (block.kind === 'desks') return 'Votre mairie et les guichets enregistreurs';
  if (block.kind === 'portal') return `En ligne, sur ${portalName}`;
  const { name, shortName } = block.organisation!;
  return shortName && !name.includes(shortName) ? `${name} (${shortName})` : name;
}

/** Sub-heading for the places of one tier; `area` is how the content names the territory. */
export function tierTitle(tier: PlaceTier, communeName: string, area: { inside: string; outside: string }): string {
  return {
    local: `À ${communeName}`,
    nearby: `Près de ${communeName}`,
    territory: `Ailleurs ${area.inside}`,
    outside: area.outside.charAt(0).toUpperCase() + area.outside.slice(1),
  }[tier];
}

/**
 * Beyond the person's commune and the communes near it, an answer lists at most this many places
 * per block; the others are counted and left to the directory. Every place of the CAHC fits (the
 * longest list, the 17 registering desks, goes to people whose commune has none), but on a network
 * the size of a département, each answer would otherwise list hundreds of distant places: unreadable
 * on a phone, and a page that grows with the whole territory, for every commune.
 */
export const farPlacesShown = 20;

/** Some of a list of places, and how many are left out. */
interface ShownPlaces {
  shown: Place[];
  more: number;
}

/**
 * The two lists of desks a commune page shows besides its own places: the other registering desks,
 * and the desks « for certain situations, or outside the territory » (Action Logement, the SIAO, the
 * State's services…). Each in full while it is short (the CAHC's), else its first farPlacesShown,
 * those of the communes near it (the general rule's `nearby`) first, the others counted and left to
 * the directory. Listed in full, every commune page was as long as the territory's list of desks
 * (half a megabyte a page at ×100), and a territory with a hundred offices of each partner listed a
 * hundred on every page: the site's size grew with communes × desks.
 */
export function communePageDesks(
  catalog: Pick<Catalog, 'orientation'>,
  guide: Pick<CommuneGuide, 'commune' | 'otherDesks' | 'specialisedDesks'>,
  limit = farPlacesShown,
): { others: ShownPlaces; specialised: ShownPlaces } {
  const near = new Set(catalog.orientation.find((rule) => rule.general)?.nearby?.[guide.commune.id] ?? []);
  const isNear = (p: Place) => p.commune !== undefined && near.has(p.commune);
  const nearFirst = (places: Place[]): ShownPlaces => {
    if (places.length <= limit) return { shown: places, more: 0 };
    const sorted = [...places.filter(isNear), ...places.filter((p) => !isNear(p))];
    return { shown: sorted.slice(0, limit), more: places.length - limit };
  };
  return { others: nearFirst(guide.otherDesks), specialised: nearFirst(guide.specialisedDesks) };
}

export interface TierGroup {
  tier: PlaceTier;
  places: AnswerPlace[];
  /** Places of this tier not listed (see farPlacesShown). */
  more: number;
  /** Ids of the rules that bring the places of this tier, listed or not. */
  rules: string[];
}

/** The places of a block grouped by tier, nearest first, distant ones up to `limit` in all. */
export function placesByTier(block: AnswerBlock, limit = farPlacesShown): TierGroup[] {
  const groups: TierGroup[] = [];
  for (const answer of block.places) {
    const last = groups[groups.length - 1];
    if (last && last.tier === answer.tier) last.places.push(answer);
    else groups.push({ tier: answer.tier, places: [answer], more: 0, rules: [] });
  }
  for (const group of groups) group.rules = [...new Set(group.places.flatMap((a) => a.rules))];
  let room = limit;
  for (const group of groups) {
    if (group.tier === 'local' || group.tier === 'nearby') continue;
    const shown = group.places.slice(0, room);
    group.more = group.places.length - shown.length;
    group.places = shown;
    room -= shown.length;
  }
  return groups;
}

/** The sources of the rules behind an answer, each once. */
export function answerSources(orientation: Orientation): OrientationRule['sources'] {
  const seen = new Set<string>();
  return [...orientation.situations, orientation.general]
    .flatMap((rule) => rule.sources)
    .filter((source) => !seen.has(source.title) && seen.add(source.title));
}

/** How many places a printed answer lists: one sheet, the visitor's first steps only. */
export const sheetPlacesShown = 3;

export interface SheetPlace {
  answer: AnswerPlace;
  block: AnswerBlock;
}

/**
 * The places a one-page printout lists, at most `limit`: the nearest place of each block first, in
 * the order of the answer (the situations' partners, then the desks), then the next ones, so that
 * three partners are not crowded out by three desks of the same network. The portal has no place.
 */
export function sheetPlaces(orientation: Orientation, limit = sheetPlacesShown): SheetPlace[] {
  const lists = orientation.blocks
    .filter((block) => block.places.length > 0)
    .map((block) => block.places.map((answer) => ({ answer, block })));
  const chosen: SheetPlace[] = [];
  for (let round = 0; chosen.length < limit && lists.some((list) => list.length > round); round++) {
    for (const list of lists) if (list[round] && chosen.length < limit) chosen.push(list[round]!);
  }
  return chosen;
}

/** "https://www.example.fr/a/b/" → "www.example.fr/a/b/": what a person types from paper. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}
