import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import type { Catalog } from '../domain/types.ts';
import {
  deskPanels,
  detailLevels,
  leafletPlan,
  leafletSlug,
  listedDeskCount,
  type DetailLevel,
  type LeafletPlan,
  type LeafletVariant,
} from './content.ts';
import { deflateContentStreams, deflateNatively } from './deflate.ts';
import { embedFonts, tagSubsetFonts } from './fonts.ts';
import { isSlot, type LeafletLayout, type SemanticNode } from './layout/display.ts';
import { layoutLeaflet, LeafletOverflowError } from './layout/flow.ts';
import type { MeasureText } from './layout/wrap.ts';
import { panelTextArea, sheet } from './layout/geometry.ts';
import { noTagging, paint } from './paint.ts';
import { writeMetadata } from './tagging/metadata.ts';
import { StructureBuilder } from './tagging/structure.ts';
import { text } from './text.ts';
import { defaultPalette, styles, type FontKey, type Palette } from './theme.ts';

export { generalLeafletSlug, leafletSlug, leafletVariant, type DetailLevel, type LeafletVariant } from './content.ts';
export { LeafletOverflowError } from './layout/flow.ts';

export interface RenderOptions {
  /** The site's base path (import.meta.env.BASE_URL in Astro), e.g. "/logement-social/". */
  base: string;
  /**
   * Tagged (accessible) PDF: structure tree, marked content, PDF/UA identification. On by default;
   * off only to measure what tagging costs.
   */
  tagged?: boolean;
  /** Where the leaflet says it printed less than everything (console.log by default). */
  log?: (message: string) => void;
}

const levelMessages: Record<DetailLevel, string> = {
  full: '',
  'no-hours': 'sans les horaires (renvoi au site)',
  'one-phone': 'sans les horaires, avec un seul numéro par lieu de la commune et sans numéro pour les autres guichets',
  site: 'sans les horaires ni les numéros des autres guichets, et avec moins de guichets',
};

/**
 * More desks than this cannot fit at any level: each takes at least one line of the smallest style,
 * and their list has two panels at most. It bounds the search below, so that a leaflet costs the
 * same whether the territory has ten desks or a thousand: laying out every desk of a big territory,
 * several times per leaflet, made the check and the build grow with leaflets × desks.
 */
const deskRoom = Math.floor(
  deskPanels.reduce((sum, panel) => sum + panelTextArea(panel).height, 0) /
    Math.min(...Object.values(styles).map((style) => style.lineHeight)),
);

/**
 * Lays a leaflet out at the richest level of detail that fits, trying the levels in their fixed
 * order (content.ts, detailLevels) and logging each step down; only the last level may fail.
 */
function layoutThatFits(
  catalog: Catalog,
  variant: LeafletVariant,
  base: string,
  measure: MeasureText,
  log: (message: string) => void,
): { plan: LeafletPlan; layout: LeafletLayout; level: DetailLevel } {
  const attempt = (level: DetailLevel, keep?: number) => {
    const plan = leafletPlan(catalog, variant, base, level, keep);
    try {
      return { plan, layout: layoutLeaflet(plan.content, measure), level };
    } catch (error) {
      if (error instanceof LeafletOverflowError) return error;
      throw error;
    }
  };
  // A commune's leaflet prints at least the three nearest desks before it gives up any detail of
  // its own places; the general leaflet is the list of desks, so it keeps them all until the last level.
  const total = listedDeskCount(catalog, variant);
  for (const level of detailLevels) {
    const last = level === detailLevels[detailLevels.length - 1];
    const least = last ? 0 : variant.variant === 'general' ? total : Math.min(3, total);
    // Every desk first: printing them all needs no « see the site » line, so it may fit when one fewer does not.
    const all = total <= deskRoom ? attempt(level, total) : undefined;
    if (all && !(all instanceof LeafletOverflowError)) {
      if (level !== 'full')
        log(
          `Plaquette « ${leafletSlug(variant)} » : le texte complet ne tient pas ; imprimée ${levelMessages[level]}.`,
        );
      return all;
    }
    // The general leaflet keeps every desk until the last level: too many to fit, the next level.
    if (least > deskRoom && !last) continue;
    let fits = attempt(level, least);
    if (fits instanceof LeafletOverflowError) {
      if (last) throw fits;
      continue;
    }
    // As many desks as fit (found by halving), the others sent to the site.
    let low = least;
    let high = Math.min(total - 1, deskRoom);
    while (low < high) {
      const keep = Math.ceil((low + high) / 2);
      const result = attempt(level, keep);
      if (result instanceof LeafletOverflowError) high = keep - 1;
      else [low, fits] = [keep, result];
    }
    if (level !== 'full')
      log(`Plaquette « ${leafletSlug(variant)} » : le texte complet ne tient pas ; imprimée ${levelMessages[level]}.`);
    if (low < total)
      log(
        `Plaquette « ${leafletSlug(variant)} » : ${low} autre(s) guichet(s) sur ${total} imprimé(s), les autres renvoyés au site.`,
      );
    return fits;
  }
  throw new Error('unreachable');
}

/** The level of detail a leaflet is printed at: the tests and the preview script show it. */
export async function leafletDetailLevel(
  catalog: Catalog,
  variant: LeafletVariant,
  options: Pick<RenderOptions, 'base'>,
): Promise<DetailLevel> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const { measure } = await embedFonts(doc);
  return layoutThatFits(catalog, variant, options.base, measure, () => undefined).level;
}

/** Every text the layout will print, with its face: checked against the face before drawing. */
function printedTexts(layout: LeafletLayout): { text: string; font: FontKey }[] {
  return layout.pages.flatMap((page) =>
    page.ops.flatMap((op) => (op.op === 'text' ? [{ text: op.text, font: op.font }] : [])),
  );
}

/** Fingerprint of what the file shows: text, positions and links. Same content → same /ID. */
function fingerprint(name: string, layout: LeafletLayout): string {
  const hash = createHash('sha256').update(name);
  for (const page of layout.pages) {
    for (const op of page.ops)
      hash.update(op.op === 'text' ? `${op.text}@${op.x.toFixed(2)},${op.y.toFixed(2)}` : op.op);
    for (const link of page.links) hash.update(link.node.link!.uri);
  }
  return hash.digest('hex');
}

/** Figures with their alternative text, checked before writing: an image without alt is a bug. */
function checkFigures(node: SemanticNode): void {
  if (node.role === 'figure' && !node.alt) throw new Error('Plaquette : une figure n’a pas de texte de remplacement');
  for (const child of node.children) if (!isSlot(child)) checkFigures(child);
}

/** The layout of a leaflet, without a file: measured with the real fonts, nothing drawn. */
async function layoutOnly(catalog: Catalog, variant: LeafletVariant, base: string): Promise<LeafletLayout> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const { measure } = await embedFonts(doc);
  return layoutThatFits(catalog, variant, base, measure, () => undefined).layout;
}

/**
 * How full each frame of a leaflet is (in points). The preview script prints the room left, so
 * that editors know how much a panel can still take.
 */
export async function leafletFill(
  catalog: Catalog,
  variant: LeafletVariant,
  options: Pick<RenderOptions, 'base'>,
): Promise<LeafletLayout['fills']> {
  return (await layoutOnly(catalog, variant, options.base)).fills;
}

/** Every text a leaflet prints, with its face: what the font checks of the tests look at. */
export async function leafletTexts(
  catalog: Catalog,
  variant: LeafletVariant,
  options: Pick<RenderOptions, 'base'>,
): Promise<{ text: string; font: FontKey }[]> {
  return printedTexts(await layoutOnly(catalog, variant, options.base));
}

/** Everything before drawing: fonts, the layout at the richest level that fits, the checks of its texts and figures. */
async function prepare(
  doc: PDFDocument,
  catalog: Catalog,
  variant: LeafletVariant,
  base: string,
  log: (message: string) => void,
) {
  const { fonts, measure, check } = await embedFonts(doc);
  const { plan, layout } = layoutThatFits(catalog, variant, base, measure, log);
  for (const printed of printedTexts(layout)) check(printed.text, `Plaquette « ${leafletSlug(variant)} »`);
  checkFigures(layout.root);
  return { fonts, plan, layout };
}

/**
 * What would stop renderLeaflet for this catalog, found by the renderer's own steps without drawing:
 * the content check (src/content-loader/leaflet-check.ts) runs it for every leaflet, so that
 * `npm run check` and the build never disagree. undefined when the leaflet can be made.
 */
export async function leafletProblem(
  catalog: Catalog,
  variant: LeafletVariant,
  options: Pick<RenderOptions, 'base'>,
): Promise<Error | undefined> {
  try {
    await prepare(await PDFDocument.create({ updateMetadata: false }), catalog, variant, options.base, () => undefined);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Renders one leaflet as PDF bytes. Pure: no Astro, no clock, no randomness; the same catalog
 * gives the same bytes. Throws (LeafletOverflowError) if a panel's text does not fit.
 *
 *   const bytes = await renderLeaflet(catalog, { variant: 'commune', communeId: 'carvin' }, { base: '/logement-social/' });
 */
export async function renderLeaflet(
  catalog: Catalog,
  variant: LeafletVariant,
  options: RenderOptions,
): Promise<Uint8Array> {
  const tagged = options.tagged ?? true;

  // updateMetadata: false — pdf-lib would write "now" as the dates and its own producer name.
  const doc = await PDFDocument.create({ updateMetadata: false });
  deflateNatively(doc);
  const { fonts, plan, layout } = await prepare(
    doc,
    catalog,
    variant,
    options.base,
    options.log ?? ((message) => console.log(message)),
  );

  const pages = [doc.addPage([sheet.width, sheet.height]), doc.addPage([sheet.width, sheet.height])];
  const palette: Palette = { ...defaultPalette, ...catalog.site.colors };
  const structure = tagged ? new StructureBuilder(doc, pages) : undefined;
  paint(doc, pages, layout, fonts, palette, structure ?? noTagging);
  structure?.finish(layout.root);

  writeMetadata(doc, {
    title: plan.title,
    subject: plan.subject,
    author: plan.author,
    keywords: text.keywords,
    language: plan.language,
    creator: text.creator,
    producer: text.producer,
    date: plan.date,
    fingerprint: fingerprint(leafletSlug(variant), layout),
    accessible: tagged,
  });

  // Write the font subsets now, so that their names can carry the subset tag before saving.
  await doc.flush();
  tagSubsetFonts(doc, [fonts.regular, fonts.bold]);
  deflateContentStreams(doc);

  // No object streams: every object stays readable (and checkable) in the file, and the output
  // does not depend on how pdf-lib batches objects. objectsPerTick: pdf-lib waits for a timer every
  // 50 objects by default, to keep a browser's page responsive; in a build that left the process
  // idle about a third of each leaflet's time (30 → 20 ms a leaflet, one after the other). Same bytes.
  return doc.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: Number.POSITIVE_INFINITY,
  });
}
