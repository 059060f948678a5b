import {
  comparePlaces,
  communeGuide,
  contactCoverage,
  organisationOf,
  placeLocality,
  placePhones,
  territoryDesks,
} from '../domain/directory.ts';
import { compactAddress, compactHours, formatDate, formatPhone, ofPlace, territoryItself } from '../domain/format.ts';
import { leafletEmergencyNumbers } from '../domain/emergency.ts';
import type { Catalog, Place } from '../domain/types.ts';
import { absoluteUrl, paths } from '../domain/urls.ts';
import { communeById, derived, placesOfCommune } from '../domain/catalog-index.ts';
import type { Block, LeafletContent, ListItem, Span } from './model.ts';
import { frenchSpacing, text } from './text.ts';

/** Which leaflet: the general one, or one commune's edition. */
export type LeafletVariant = { variant: 'general' } | { variant: 'commune'; communeId: string };

/** File name (without .pdf) of the general leaflet; commune editions use the commune's id. */
export const generalLeafletSlug = 'plaquette-sai-cahc';

export function leafletSlug(variant: LeafletVariant): string {
  return variant.variant === 'general' ? generalLeafletSlug : variant.communeId;
}

/** Every leaflet of a site: the general one first, then one per commune. */
export function allLeafletSlugs(catalog: Pick<Catalog, 'communes'>): string[] {
  return [generalLeafletSlug, ...catalog.communes.map((commune) => commune.id)];
}

/** The inverse of leafletSlug: which leaflet a file name stands for. */
export function leafletVariant(slug: string): LeafletVariant {
  return slug === generalLeafletSlug ? { variant: 'general' } : { variant: 'commune', communeId: slug };
}

/** Everything the renderer needs besides the blocks: document information and the QR target. */
export interface LeafletPlan {
  content: LeafletContent;
  title: string;
  subject: string;
  author: string;
  language: string;
  date: Date;
  /** Address the QR code and the printed link point to. */
  qrTarget: string;
}

// Small builders: they apply French spacing once, here, so text.ts stays easy to write.
const collator = new Intl.Collator('fr', { sensitivity: 'base' });

const span = (value: string, extra: Omit<Span, 'text'> = {}): Span => ({ text: frenchSpacing(value), ...extra });
const para = (value: string | Span[], variant: 'body' | 'lead' | 'kicker' = 'body'): Block => ({
  type: 'paragraph',
  spans: typeof value === 'string' ? [span(value)] : value,
  variant,
});
const heading = (level: 1 | 2 | 3, value: string, color?: Span['color']): Block => ({
  type: 'heading',
  level,
  spans: [span(value, color ? { color } : {})],
});
const bullets = (items: string[]): Block => ({ type: 'list', items: items.map((item) => ({ lines: [[span(item)]] })) });

/** "https://www.example.fr/" → "www.example.fr": how people type an address they read on paper. */
function displayAddress(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/**
 * How much of each desk a leaflet prints. When the text does not fit, the renderer tries the next
 * level, in this fixed order, and logs it (src/leaflet/index.ts): first the hours go, then the
 * phone numbers of other desks (and all but the first of the commune's own), then the list of other
 * desks gives way to a line that sends to the site. Nothing is ever clipped.
 */
export const detailLevels = ['full', 'no-hours', 'one-phone', 'site'] as const;
export type DetailLevel = (typeof detailLevels)[number];
const rank = (level: DetailLevel) => detailLevels.indexOf(level);

/** A desk's contact lines, as far as the content has them and the level allows. */
function contactLines(place: Place, level: DetailLevel, own: boolean): Span[][] {
  const phones = placePhones(place);
  const printedPhones = own
    ? rank(level) < rank('one-phone')
      ? phones
      : phones.slice(0, 1)
    : rank(level) < rank('one-phone')
      ? phones.slice(0, 1)
      : [];
  const hours = own && rank(level) < rank('no-hours') && place.hours ? compactHours(place.hours) : [];
  const notes = own && rank(level) < rank('no-hours') ? (place.hoursNotes ?? []) : [];
  return [
    ...(place.address ? [[span(compactAddress(place.address))]] : []),
    ...printedPhones.map((phone) => [
      span(text.desks.phone(formatPhone(phone.number), own && phones.length > 1 ? phone.label : undefined)),
    ]),
    ...hours.map((line) => [span(line)]),
    ...notes.map((line) => [span(line, { color: 'muted' as const })]),
  ];
}

function audienceLine(place: Place): Span[][] {
  return place.audiences.map((audience) => [span(text.desks.audience[audience], { color: 'muted' })]);
}

/** A place of the reader's own commune: name, level in words (and colour), who it is for, contact. */
function localItem(place: Place, level: DetailLevel): ListItem {
  return {
    lines: [
      [span(place.name, { bold: true })],
      [span(text.desks.levelLine[place.level], { color: place.level === 2 ? 'level2' : 'level1' })],
      ...audienceLine(place),
      ...contactLines(place, level, true),
    ],
  };
}

/**
 * A level-2 desk of the territory: its name, then its commune when the name does not say it
 * (the names in the content mostly do: « Mairie de Carvin – … »), then for whom if not for all.
 */
function deskItem(catalog: Catalog, place: Place, level: DetailLevel): ListItem {
  const locality = placeLocality(catalog, place);
  const where = locality && !place.name.includes(locality) ? [[span(locality, { color: 'muted' as const })]] : [];
  return { lines: [[span(place.name)], ...where, ...audienceLine(place), ...contactLines(place, level, false)] };
}

/** Desks outside the territory, one short line each: organisation, town, and for whom. */
function outsideItem(catalog: Catalog, place: Place, level: DetailLevel): ListItem {
  const organisation = organisationOf(catalog, place);
  const who = place.audiences.map((a) => text.desks.audienceInline[a]).join(', ');
  return {
    lines: [
      [
        span(
          `${organisation.shortName ?? organisation.name}, ${text.desks.inTown(placeLocality(catalog, place))}${who ? ` (${who})` : ''}`,
        ),
      ],
      ...contactLines(place, level, false),
    ],
  };
}

/** Squared distance on a small area (equirectangular): enough to rank desks by nearness. */
function distance(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const x = (b.longitude - a.longitude) * Math.cos(((a.latitude + b.latitude) / 2) * (Math.PI / 180));
  return x * x + (b.latitude - a.latitude) ** 2;
}

const position = (place: Place) =>
  place.address?.latitude !== undefined && place.address.longitude !== undefined
    ? { latitude: place.address.latitude, longitude: place.address.longitude }
    : undefined;

/**
 * The registering desks a commune's leaflet prints after its own places, nearest first: those of the
 * communes the general orientation rule names as near (« nearby ») come first, then the others,
 * by distance from the commune's own places when the content knows their positions, else by commune.
 * `near` says whether the order is a real nearness (the heading says « proches » only then).
 */
function nearbyDesks(catalog: Catalog, communeId: string): { near: Place[]; rest: Place[]; ranked: boolean } {
  // The renderer asks several times per leaflet: once per commune, and from one sorted list.
  return derived(`nearby-desks:${communeId}`, catalog.places, () => {
    const others = territoryDesksByLocality(catalog).filter((p) => p.commune !== communeId);
    const nearby = catalog.orientation.find((rule) => rule.general)?.nearby?.[communeId];
    if (nearby && nearby.length > 0) {
      const rank = new Map(nearby.map((id, i) => [id, i] as const));
      const listed = others
        .filter((p) => rank.has(p.commune!))
        .sort((a, b) => rank.get(a.commune!)! - rank.get(b.commune!)!);
      return { near: listed, rest: others.filter((p) => !rank.has(p.commune!)), ranked: true };
    }
    return nearestFirst(catalog, communeId, others);
  });
}

/** The territory's desks by locality, then by name: sorted once per catalog. */
function territoryDesksByLocality(catalog: Catalog): readonly Place[] {
  return derived('territory-desks-by-locality', catalog.places, () =>
    territoryDesks(catalog).sort(
      (a, b) => collator.compare(placeLocality(catalog, a), placeLocality(catalog, b)) || comparePlaces(a, b),
    ),
  );
}

function nearestFirst(
  catalog: Catalog,
  communeId: string,
  others: Place[],
): { near: Place[]; rest: Place[]; ranked: boolean } {
  const anchors = placesOfCommune(catalog.places, communeId)
    .map(position)
    .filter((p) => p !== undefined);
  if (anchors.length === 0 || others.some((p) => !position(p))) return { near: others, rest: [], ranked: false };
  const centre = {
    latitude: anchors.reduce((sum, p) => sum + p.latitude, 0) / anchors.length,
    longitude: anchors.reduce((sum, p) => sum + p.longitude, 0) / anchors.length,
  };
  // A stable sort: equal distances keep the order by commune.
  return {
    near: [...others].sort((a, b) => distance(centre, position(a)!) - distance(centre, position(b)!)),
    rest: [],
    ranked: true,
  };
}

function deskBlocks(catalog: Catalog, variant: LeafletVariant, level: DetailLevel, keep: number): Block[] {
  const blocks: Block[] = [heading(2, text.desks.title)];
  const area = catalog.site.territory.area;
  const outside = [
    ...derived('outside-desks', catalog.places, () =>
      catalog.places.filter((p) => p.level === 2 && !p.onTerritory).sort(comparePlaces),
    ),
  ];
  const onSite = rank(level) >= rank('site');
  let listed: Place[];

  if (variant.variant === 'commune') {
    const guide = communeGuide(catalog, variant.communeId);
    const { near, rest, ranked } = nearbyDesks(catalog, variant.communeId);
    blocks.push(heading(3, text.desks.local(guide.commune.name)), {
      type: 'list',
      items: guide.local.map((place) => localItem(place, level)),
    });
    if (!guide.registersLocally)
      blocks.push(para(text.desks.noLocalDesk(guide.commune.name, area.of, near.length + rest.length > 0)));
    // The first `keep` desks, nearest first; the others are on the site.
    const printed = near.slice(0, keep);
    const notPrinted = near.length - printed.length + rest.length + (onSite ? outside.length : 0);
    if (printed.length > 0) {
      blocks.push(
        heading(
          3,
          notPrinted === 0
            ? text.desks.elsewhereTitle(area.of)
            : ranked
              ? text.desks.nearbyTitle
              : text.desks.someTitle(area.of),
        ),
      );
      blocks.push({ type: 'list', items: printed.map((place) => deskItem(catalog, place, level)) });
    }
    if (notPrinted > 0)
      blocks.push(
        para([
          span(
            printed.length > 0 || !onSite ? text.desks.restOnSite(notPrinted) : text.desks.othersOnSite(notPrinted),
            { bold: true },
          ),
        ]),
      );
    listed = [...guide.local, ...printed];
  } else {
    const desks = territoryDesksByLocality(catalog);
    const printed = desks.slice(0, keep);
    const notPrinted = desks.length - printed.length + (onSite ? outside.length : 0);
    if (printed.length > 0)
      blocks.push(para(text.desks.territoryIntro(area.of)), {
        type: 'list',
        items: printed.map((place) => deskItem(catalog, place, level)),
      });
    if (notPrinted > 0)
      blocks.push(
        para([
          span(printed.length > 0 ? text.desks.othersOnSite(notPrinted) : text.desks.allOnSite(notPrinted), {
            bold: true,
          }),
        ]),
      );
    listed = printed;
  }
  if (outside.length > 0 && !onSite) {
    blocks.push(heading(3, text.desks.outsideTitle(area.outside)), {
      type: 'list',
      items: outside.map((place) => outsideItem(catalog, place, level)),
    });
    listed.push(...outside);
  }
  if (rank(level) >= rank('no-hours') && listed.some((place) => (place.hours?.length ?? 0) > 0))
    blocks.push(para([span(text.desks.hoursOnSite)]));
  // The places this leaflet prints (the outside desks are in `listed` when they are printed).
  const coverage = contactCoverage(listed);
  if (coverage.complete < coverage.total)
    blocks.push(
      para([span(text.desks.missingContact(coverage.total - coverage.complete, coverage.total), { bold: true })]),
    );
  return blocks;
}

/** The panels the list of desks flows into (the second one shares its panel with the back's text). */
export const deskPanels = [5, 6] as const;

/** How many desks the last level could print at most: the renderer searches how many fit. */
export function listedDeskCount(catalog: Catalog, variant: LeafletVariant): number {
  return variant.variant === 'commune'
    ? nearbyDesks(catalog, variant.communeId).near.length
    : territoryDesksByLocality(catalog).length;
}

/** The leaflet's content for one variant: six panels of short text, in the folded reading order. */
/**
 * `level` and `keep` (desks kept at the last level) are chosen by the renderer: the richest that fits.
 */
export function leafletPlan(
  catalog: Catalog,
  variant: LeafletVariant,
  base: string,
  level: DetailLevel = 'full',
  keep = Infinity,
): LeafletPlan {
  const { site } = catalog;
  const commune = variant.variant === 'commune' ? communeById(catalog.communes).get(variant.communeId) : undefined;
  if (variant.variant === 'commune' && !commune)
    throw new Error(`Plaquette : commune inconnue « ${variant.communeId} »`);
  const qrTarget = absoluteUrl(site.url, base, commune ? paths.commune(commune.id) : paths.home);
  const portal = site.portal.url;

  const desks = territoryDesks(catalog);
  const desksCommunes = new Set(desks.map((p) => p.commune)).size;

  const cover: Block[] = [
    para(site.territory.name, 'kicker'),
    heading(1, text.title),
    ...(commune ? [para([span(text.cover.edition(commune.name), { bold: true, color: 'primary' })], 'lead')] : []),
    para(site.tagline, 'lead'),
    para(text.cover.service(catalog.communes.length, site.territory.area.of)),
    para(text.cover.mission),
    para([span(text.cover.free, { bold: true })]),
    // A heading for a reader (RGAA 9.1): the title of the cover's contents list, drawn small like the others on the cover.
    { type: 'heading', level: 2, look: 3, spans: [span(text.cover.contentsTitle, { color: 'primary' })] },
    bullets([text.where.title, text.register.title, text.allocation.title, text.desks.title]),
  ];

  // Every leaflet: a person without a roof tonight must find the 115 on the sheet in their hand. On the
  // first inside panel, which has room to spare: the back panel's room goes to the desks.
  const emergencyNumbers = leafletEmergencyNumbers(catalog);
  const emergency: Block[] =
    emergencyNumbers.length > 0
      ? [
          heading(3, text.emergency.title),
          ...emergencyNumbers.map((entry) =>
            para([
              span(entry.number, { bold: true }),
              span(text.emergency.line(entry.leafletText ?? `${entry.name}. ${entry.how}`)),
            ]),
          ),
        ]
      : [];

  const where: Block[] = [
    heading(2, text.where.title),
    heading(3, text.where.level1Title, 'level1'),
    para(text.where.level1),
    heading(3, text.where.level2Title, 'level2'),
    para(text.where.level2),
    para(text.where.level2Count(desks.length, desksCommunes, territoryItself(site.territory.area))),
    heading(3, text.where.onlineTitle),
    para(text.where.online),
    para([
      span(displayAddress(portal), {
        bold: true,
        url: true,
        link: { uri: portal, description: text.back.portalDescription(portal) },
      }),
    ]),
    para(text.where.onlineMore),
    para(text.where.help),
    ...emergency,
  ];

  const register: Block[] = [
    heading(2, text.register.title),
    heading(3, text.register.bringTitle),
    para(text.register.bringIntro),
    { type: 'list', items: [{ lines: [[span(text.register.identity, { bold: true })]] }] },
    para(text.register.noRefusal),
    para(text.register.taxNotice),
    heading(3, text.register.afterTitle),
    bullets(text.register.after),
    heading(3, text.register.appointmentTitle),
    para(text.register.appointment),
  ];

  const allocation: Block[] = [
    heading(2, text.allocation.title),
    para(text.allocation.committee),
    heading(3, text.allocation.scoringTitle),
    para(text.allocation.scoring),
    para(text.allocation.askScore),
    heading(3, text.allocation.priorityTitle),
    para(text.allocation.priorityIntro),
    bullets(text.allocation.priority),
    para(text.allocation.dalo),
  ];

  const of = commune ? ofPlace(commune.name, commune.elision) : undefined;
  const back: Block[] = [
    heading(2, text.back.title),
    para(
      of
        ? text.back.commune(of)
        : text.back.general(contactCoverage(catalog.places).complete === catalog.places.length),
    ),
    { type: 'qr', data: qrTarget, alt: text.back.qrAlt(qrTarget, of), size: 88 },
    {
      type: 'paragraph',
      align: 'center',
      spans: [
        span(qrTarget, {
          url: true,
          link: { uri: qrTarget, description: text.back.linkDescription(qrTarget, site.territory.area.of, of) },
        }),
      ],
    },
  ];

  // At the foot of the cover: staff can tell an old print from the current one at a glance.
  const colophon: Block[] = [
    para([span(text.back.checked(formatDate(site.contentDate), site.version), { bold: true })]),
    para([span(text.back.publisher(site.publisher.name, site.convention?.period), { color: 'muted' })]),
  ];

  const name = leafletSlug(variant);
  const content: LeafletContent = {
    name,
    stories: [
      { id: 'cover', frames: [{ panel: 1, part: 'top', title: 'Couverture' }], blocks: cover },
      { id: 'colophon', frames: [{ panel: 1, part: 'bottom', title: 'Couverture (pied)' }], blocks: colophon },
      { id: 'where', frames: [{ panel: 2, title: text.where.title }], blocks: where },
      { id: 'register', frames: [{ panel: 3, title: text.register.title }], blocks: register },
      { id: 'allocation', frames: [{ panel: 4, title: text.allocation.title }], blocks: allocation },
      {
        id: 'desks',
        frames: [
          { panel: deskPanels[0], title: text.desks.title },
          { panel: deskPanels[1], part: 'top', title: text.desks.continued },
        ],
        blocks: deskBlocks(catalog, variant, level, keep),
      },
      { id: 'back', frames: [{ panel: 6, part: 'bottom', title: text.back.title }], blocks: back },
    ],
  };

  return {
    content,
    title: text.documentTitle(site.territory.name, commune?.name),
    subject: text.subject,
    author: site.territory.name,
    language: 'fr-FR',
    date: new Date(`${site.contentDate}T00:00:00Z`),
    qrTarget,
  };
}
