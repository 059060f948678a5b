import { comparePlaces, communeGuide, contactCoverage, organisationOf, placeLocality, territoryDesks } from '../domain/directory';
import { formatAddress, formatDate, formatHours, formatPhone } from '../domain/format';
import type { Catalog, Place } from '../domain/types';
import { absoluteUrl, paths } from '../domain/urls';
import type { Block, LeafletContent, ListItem, Span } from './model';
import { frenchSpacing, text } from './text';

/** Which leaflet: the general one, or one commune's edition. */
export type LeafletVariant = { variant: 'general' } | { variant: 'commune'; communeId: string };

/** File name (without .pdf) of the general leaflet; commune editions use the commune's id. */
export const generalLeafletSlug = 'plaquette-sai-cahc';

export function leafletSlug(variant: LeafletVariant): string {
  return variant.variant === 'general' ? generalLeafletSlug : variant.communeId;
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
const heading = (level: 1 | 2 | 3, value: string, color?: Span['color']): Block => ({ type: 'heading', level, spans: [span(value, color ? { color } : {})] });
const bullets = (items: string[]): Block => ({ type: 'list', items: items.map((item) => ({ lines: [[span(item)]] })) });

/** "https://www.example.fr/" → "www.example.fr": how people type an address they read on paper. */
function displayAddress(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** A desk's contact lines, when the content has them (the note under the list covers the others). */
function contactLines(place: Place): Span[][] {
  return [
    ...(place.address ? formatAddress(place.address).map((line) => [span(line)]) : []),
    ...(place.phone ? [[span(text.desks.phone(formatPhone(place.phone)))]] : []),
    ...(place.hours ? formatHours(place.hours).map((line) => [span(line.charAt(0).toUpperCase() + line.slice(1))]) : []),
  ];
}

function audienceLine(place: Place): Span[][] {
  return place.audiences.map((audience) => [span(text.desks.audience[audience], { color: 'muted' })]);
}

/** A place of the reader's own commune: name, level in words (and colour), who it is for, contact. */
function localItem(place: Place): ListItem {
  return {
    lines: [
      [span(place.name, { bold: true })],
      [span(text.desks.levelLine[place.level], { color: place.level === 2 ? 'level2' : 'level1' })],
      ...audienceLine(place),
      ...contactLines(place),
    ],
  };
}

/**
 * A level-2 desk of the territory: its name, then its commune when the name does not say it
 * (the names in the content mostly do: « Mairie de Carvin – … »), then for whom if not for all.
 */
function deskItem(catalog: Catalog, place: Place): ListItem {
  const locality = placeLocality(catalog, place);
  const where = locality && !place.name.includes(locality) ? [[span(locality, { color: 'muted' as const })]] : [];
  return { lines: [[span(place.name)], ...where, ...audienceLine(place), ...contactLines(place)] };
}

/** Desks outside the territory, one short line each: organisation, town, and for whom. */
function outsideItem(catalog: Catalog, place: Place): ListItem {
  const organisation = organisationOf(catalog, place);
  const who = place.audiences.map((a) => text.desks.audienceInline[a]).join(', ');
  return { lines: [[span(`${organisation.shortName ?? organisation.name}, ${text.desks.inTown(placeLocality(catalog, place))}${who ? ` (${who})` : ''}`)], ...contactLines(place)] };
}

function deskBlocks(catalog: Catalog, variant: LeafletVariant): Block[] {
  const blocks: Block[] = [heading(2, text.desks.title)];
  const byCommuneThenName = (places: Place[]) =>
    [...places].sort((a, b) => collator.compare(placeLocality(catalog, a), placeLocality(catalog, b)) || comparePlaces(a, b));
  const territory = territoryDesks(catalog);
  const outside = catalog.places.filter((p) => p.level === 2 && !p.onTerritory).sort(comparePlaces);
  let listed: Place[];

  if (variant.variant === 'commune') {
    const guide = communeGuide(catalog, variant.communeId);
    const others = byCommuneThenName(territory.filter((p) => p.commune !== variant.communeId));
    blocks.push(heading(3, text.desks.local(guide.commune.name)), { type: 'list', items: guide.local.map(localItem) });
    if (!guide.registersLocally) blocks.push(para(text.desks.noLocalDesk(guide.commune.name)));
    blocks.push(heading(3, text.desks.elsewhereTitle));
    blocks.push({ type: 'list', items: others.map((place) => deskItem(catalog, place)) });
    listed = [...guide.local, ...others];
  } else {
    const desks = byCommuneThenName(territory);
    blocks.push(para(text.desks.territoryIntro), { type: 'list', items: desks.map((place) => deskItem(catalog, place)) });
    listed = desks;
  }
  if (outside.length > 0) {
    blocks.push(heading(3, text.desks.outsideTitle), { type: 'list', items: outside.map((place) => outsideItem(catalog, place)) });
  }
  const coverage = contactCoverage([...listed, ...outside]);
  if (coverage.complete < coverage.total) blocks.push(para([span(text.desks.missingContact(coverage.total - coverage.complete, coverage.total), { bold: true })]));
  return blocks;
}

/** The leaflet's content for one variant: six panels of short text, in the folded reading order. */
export function leafletPlan(catalog: Catalog, variant: LeafletVariant, base: string): LeafletPlan {
  const { site } = catalog;
  const commune = variant.variant === 'commune' ? catalog.communes.find((c) => c.id === variant.communeId) : undefined;
  if (variant.variant === 'commune' && !commune) throw new Error(`Plaquette : commune inconnue « ${variant.communeId} »`);
  const qrTarget = absoluteUrl(site.url, base, commune ? paths.commune(commune.id) : paths.home);
  const portal = site.portal.url;

  const desks = territoryDesks(catalog);
  const desksCommunes = new Set(desks.map((p) => p.commune)).size;

  const cover: Block[] = [
    para(site.territory.name, 'kicker'),
    heading(1, text.title),
    ...(commune ? [para([span(text.cover.edition(commune.name), { bold: true, color: 'primary' })], 'lead')] : []),
    para(site.tagline, 'lead'),
    para(text.cover.service(catalog.communes.length)),
    para(text.cover.mission),
    para([span(text.cover.free, { bold: true })]),
    para([span(text.cover.contentsTitle, { bold: true, color: 'primary' })]),
    bullets([text.where.title, text.register.title, text.allocation.title, text.desks.title]),
  ];

  const where: Block[] = [
    heading(2, text.where.title),
    heading(3, text.where.level1Title, 'level1'),
    para(text.where.level1),
    heading(3, text.where.level2Title, 'level2'),
    para(text.where.level2),
    para(text.where.level2Count(desks.length, desksCommunes)),
    heading(3, text.where.onlineTitle),
    para(text.where.online),
    para([span(displayAddress(portal), { bold: true, url: true, link: { uri: portal, description: text.back.portalDescription(portal) } })]),
    para(text.where.onlineMore),
    para(text.where.help),
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

  const back: Block[] = [
    heading(2, text.back.title),
    para(commune ? text.back.commune(commune.name) : text.back.general(contactCoverage(catalog.places).complete === catalog.places.length)),
    { type: 'qr', data: qrTarget, alt: text.back.qrAlt(qrTarget, commune?.name), size: 88 },
    {
      type: 'paragraph',
      align: 'center',
      spans: [span(qrTarget, { url: true, link: { uri: qrTarget, description: text.back.linkDescription(qrTarget, commune?.name) } })],
    },
  ];

  // At the foot of the cover: staff can tell an old print from the current one at a glance.
  const colophon: Block[] = [
    para([span(text.back.checked(formatDate(site.contentDate), site.version), { bold: true })]),
    para([span(text.back.publisher(site.publisher.name, site.convention.period), { color: 'muted' })]),
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
          { panel: 5, title: text.desks.title },
          { panel: 6, part: 'top', title: text.desks.continued },
        ],
        blocks: deskBlocks(catalog, variant),
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
