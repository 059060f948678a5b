import type { ColorKey, FontKey } from '../theme.ts';
import type { Rect } from './geometry.ts';

/**
 * What the layout engine hands to the painter: positioned drawing operations, each saying what it
 * is (part of a heading, a paragraph, a list label, a link, a figure) or that it is decoration.
 * The tagging layer turns "what it is" into PDF structure; the layout never speaks PDF.
 */

export type Role = 'document' | 'heading' | 'paragraph' | 'list' | 'item' | 'label' | 'body' | 'link' | 'figure';

export interface SemanticNode {
  role: Role;
  /** Heading level. */
  level?: 1 | 2 | 3;
  /** Figure: text that replaces the image for readers who cannot see it. */
  alt?: string;
  /** Link: target and the description given to assistive technologies. */
  link?: { uri: string; description: string };
  /** Figure: where it sits on its page (PDF coordinates). */
  bbox?: Rect;
  /** Own content (slots) and sub-elements, in reading order. */
  children: (SemanticNode | ContentSlot)[];
}

/**
 * A piece of a node's own content. A paragraph with a link in the middle has three children:
 * a slot (text before), the link node, a slot (text after): the order of the tag tree.
 */
export interface ContentSlot {
  kind: 'slot';
  node: SemanticNode;
}

export function isSlot(child: SemanticNode | ContentSlot): child is ContentSlot {
  return (child as ContentSlot).kind === 'slot';
}

export function newNode(role: Role, extra: Partial<SemanticNode> = {}): SemanticNode {
  return { role, children: [], ...extra };
}

/** Adds a fresh slot to a node's children and returns it. */
export function newSlot(node: SemanticNode): ContentSlot {
  const slot: ContentSlot = { kind: 'slot', node };
  node.children.push(slot);
  return slot;
}

/** Decoration (fold marks, rules, backgrounds): not read aloud, tagged as an artifact. */
export const ARTIFACT = 'artifact' as const;
export type Mark = ContentSlot | typeof ARTIFACT;

export type DrawOp =
  | { op: 'text'; x: number; y: number; text: string; font: FontKey; size: number; color: ColorKey; mark: ContentSlot }
  /** Filled rectangles; with `grid`, rectangles are in cells of `grid.cell` points from `grid.x, grid.y`. */
  | { op: 'rects'; rects: Rect[]; color: ColorKey; mark: Mark; grid?: { x: number; y: number; cell: number } }
  | {
      op: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      width: number;
      color: ColorKey;
      mark: typeof ARTIFACT;
    };

/** A clickable area: one per line of a link's text. */
export interface LinkArea {
  node: SemanticNode;
  rect: Rect;
}

export interface PageLayout {
  ops: DrawOp[];
  links: LinkArea[];
}

export interface LeafletLayout {
  /** Page 1 is the outside of the sheet, page 2 the inside. */
  pages: [PageLayout, PageLayout];
  /** The document node: its children follow the folded reading order. */
  root: SemanticNode;
  /** Room used in each frame, in points. */
  fills: { panel: number; title: string; height: number; used: number; room: boolean }[];
}
