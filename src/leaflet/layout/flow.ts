import type { FrameRef, LeafletContent, PanelNumber, Story } from '../model.ts';
import { styles } from '../theme.ts';
import { blockUnits, type Emitted, type Unit } from './blocks.ts';
import { ARTIFACT, newNode, type DrawOp, type LeafletLayout, type LinkArea } from './display.ts';
import { folds, mm, panelTextArea, sheet, type Rect } from './geometry.ts';
import { WordTooWideError, type MeasureText } from './wrap.ts';

/** Gap between a panel's top frame and its bottom frame. */
const frameGap = 12;
/** Half a point of tolerance: rounding must not turn a fit into an error. */
const epsilon = 0.5;

/** The text does not fit its panel: the leaflet is not made, and the message says where and by how much. */
export class LeafletOverflowError extends Error {
  readonly leaflet: string;
  readonly panel: PanelNumber;
  readonly frameTitle: string;
  readonly overflow: number;
  readonly lines: number;

  constructor(leaflet: string, panel: PanelNumber, frameTitle: string, overflow: number, lines: number) {
    super(
      `Plaquette « ${leaflet} », volet ${panel} « ${frameTitle} » : le texte dépasse de ${Math.ceil(overflow)} pt` +
        ` (environ ${lines} ligne${lines > 1 ? 's' : ''} de trop)`,
    );
    this.name = 'LeafletOverflowError';
    this.leaflet = leaflet;
    this.panel = panel;
    this.frameTitle = frameTitle;
    this.overflow = overflow;
    this.lines = lines;
  }
}

/** How full a frame is: the preview script and the tests show the room left. */
export interface FrameFill {
  panel: PanelNumber;
  title: string;
  height: number;
  used: number;
  /** True when height − used is room a panel really has left. */
  room: boolean;
}

interface Frame extends Rect {
  ref: FrameRef;
  page: 0 | 1;
}

function totalHeight(units: readonly Unit[]): number {
  return units.reduce((sum, unit, i) => sum + (i === 0 ? 0 : unit.spaceBefore) + unit.height, 0);
}

/**
 * Places units in frames, top to bottom, frame after frame.
 * - space above a unit is dropped at the top of a frame;
 * - a heading goes to the next frame if the first unit after it does not fit with it (keep-with-next);
 * - when the last frame is full, the render fails with the overflow: nothing is clipped, nothing overlaps.
 */
function flowUnits(leaflet: string, units: readonly Unit[], frames: readonly Frame[], out: Emitted[]): FrameFill[] {
  const fills: FrameFill[] = frames.map((f, i) => ({
    panel: f.ref.panel,
    title: f.ref.title,
    height: f.height,
    used: 0,
    // A frame followed by another, or sized to its content, is full by design: its room says nothing.
    room: i === frames.length - 1 && f.ref.part !== 'bottom',
  }));
  let frameIndex = 0;
  let used = 0;
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const frame = frames[frameIndex]!;
    const isLast = frameIndex === frames.length - 1;
    const space = used === 0 ? 0 : unit.spaceBefore;

    // Height needed to keep this unit with the chain of units it must not be parted from.
    let need = space + unit.height;
    for (let j = i; units[j]?.keepWithNext && units[j + 1]; j++)
      need += units[j + 1]!.spaceBefore + units[j + 1]!.height;

    const fitsAlone = used + space + unit.height <= frame.height + epsilon;
    const fitsWithNext = used + need <= frame.height + epsilon;
    if (!isLast && used > 0 && (!fitsAlone || !fitsWithNext)) {
      frameIndex++;
      used = 0;
      i--; // place this unit again, at the top of the next frame
      continue;
    }
    const top = used + (used === 0 ? 0 : unit.spaceBefore);
    if (top + unit.height > frame.height + epsilon) {
      const rest = units.slice(i);
      const overflow = top + totalHeight(rest) - frame.height;
      const lines = Math.max(1, Math.ceil(overflow / styles.body.lineHeight));
      throw new LeafletOverflowError(leaflet, frame.ref.panel, frame.ref.title, overflow, lines);
    }
    unit.emit(frame.x, frame.y + frame.height - top, out[frame.page]!);
    used = top + unit.height;
    fills[frameIndex]!.used = used;
  }
  return fills;
}

function frameRect(ref: FrameRef, bottomHeights: Map<PanelNumber, number>): Frame {
  const area = panelTextArea(ref.panel);
  const reserved = bottomHeights.get(ref.panel);
  if (ref.part === 'top') {
    if (reserved === undefined) throw new Error(`volet ${ref.panel} : cadre « haut » sans cadre « bas »`);
    return { ...area, ref, y: area.y + reserved + frameGap, height: area.height - reserved - frameGap };
  }
  return { ...area, ref };
}

/** Short marks at each fold, in the top and bottom margins: a guide for folding by hand. */
function foldMarks(page: 0 | 1): DrawOp[] {
  return folds[page].flatMap((x) => [
    { op: 'line' as const, x1: x, y1: 3 * mm, x2: x, y2: 7 * mm, width: 0.5, color: 'fold' as const, mark: ARTIFACT },
    {
      op: 'line' as const,
      x1: x,
      y1: sheet.height - 7 * mm,
      x2: x,
      y2: sheet.height - 3 * mm,
      width: 0.5,
      color: 'fold' as const,
      mark: ARTIFACT,
    },
  ]);
}

/** Lays out the leaflet: content (stories of blocks) → positioned operations with their meaning. */
export function layoutLeaflet(content: LeafletContent, measure: MeasureText): LeafletLayout {
  const root = newNode('document');

  // 1. Units, story by story in reading order: this also builds the semantic tree in that order.
  const prepared = content.stories.map((story: Story) => {
    // A story is set to the narrowest of its frames, so that its lines fit wherever they land.
    const width = Math.min(...story.frames.map((f) => panelTextArea(f.panel).width));
    const units = story.blocks.flatMap((block) => {
      try {
        return blockUnits(block, root, width, measure);
      } catch (error) {
        if (error instanceof WordTooWideError) {
          const first = story.frames[0]!;
          throw new Error(`Plaquette « ${content.name} », volet ${first.panel} « ${first.title} » : ${error.message}`, {
            cause: error,
          });
        }
        throw error;
      }
    });
    return { story, units };
  });

  // 2. Bottom frames first: their height decides how much room the frame above them has.
  const bottomHeights = new Map<PanelNumber, number>();
  for (const { story, units } of prepared) {
    const bottom = story.frames.find((f) => f.part === 'bottom');
    if (bottom) bottomHeights.set(bottom.panel, totalHeight(units));
  }

  // 3. Flow each story into its frames; keep each story's drawing apart to order pages afterwards.
  const fills: FrameFill[] = [];
  const outputs = prepared.map(({ story, units }) => {
    const out: Emitted[] = [
      { ops: [], links: [] },
      { ops: [], links: [] },
    ];
    const frames = story.frames.map((ref) => {
      const frame = frameRect(ref, bottomHeights);
      if (ref.part === 'bottom') {
        const height = bottomHeights.get(ref.panel)!;
        return { ...frame, height };
      }
      return frame;
    });
    fills.push(...flowUnits(content.name, units, frames, out));
    return out;
  });

  // 4. Each page's content stream: decoration first (under the text), then the stories in reading
  //    order, so that even a tool that ignores tags reads the panels in a sensible order.
  const page = (index: 0 | 1) => {
    const ops: DrawOp[] = [...foldMarks(index)];
    const links: LinkArea[] = [];
    for (const out of outputs) {
      ops.push(...out[index]!.ops);
      links.push(...out[index]!.links);
    }
    return { ops, links };
  };
  return { pages: [page(0), page(1)], root, fills };
}
