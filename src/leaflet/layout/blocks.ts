import type { Block, ListBlock, ParagraphBlock, QrBlock, Span, HeadingBlock } from '../model.ts';
import { faceMetrics, headingBar, list as listStyle, qrMargin, styles, type TextStyle } from '../theme.ts';
import { qrMatrix, qrRects } from '../qr.ts';
import {
  ARTIFACT,
  newNode,
  newSlot,
  type ContentSlot,
  type DrawOp,
  type LinkArea,
  type SemanticNode,
} from './display.ts';
import { wrap, type InlineRun, type Line, type MeasureText } from './wrap.ts';

/**
 * Blocks become units: the smallest groups of lines that must stay in one frame. Each unit knows
 * its height and draws itself once the flow has given it a place.
 */
export interface Unit {
  height: number;
  /** Space above the unit; dropped when the unit starts a frame. */
  spaceBefore: number;
  /** A heading: it must not end a frame without the start of what follows. */
  keepWithNext: boolean;
  /** Lines of text in the unit, for overflow messages. */
  lines: number;
  /** Draws the unit with its top-left corner at (x, top), in PDF coordinates. */
  emit(x: number, top: number, out: Emitted): void;
}

export interface Emitted {
  ops: DrawOp[];
  links: LinkArea[];
}

/** Turns spans into runs, creating the link nodes and the content slots of `parent` on the way. */
function runsOf(parent: SemanticNode, spans: readonly Span[], style: TextStyle): InlineRun[] {
  let slot: ContentSlot | undefined;
  return spans.map((span) => {
    const base = {
      text: span.text,
      font: span.bold ? ('bold' as const) : style.font,
      color: span.color ?? style.color,
      ...(span.url ? { url: true } : {}),
    };
    if (span.link) {
      const link = newNode('link', { link: span.link });
      parent.children.push(link);
      slot = undefined; // text after the link opens a new slot of the parent
      return { ...base, mark: newSlot(link), link };
    }
    slot ??= newSlot(parent);
    return { ...base, mark: slot };
  });
}

/** Distance from a line's top to its baseline: half the leading, then the ascent. */
function baselineOffset(style: TextStyle): number {
  const content = (faceMetrics.ascent + faceMetrics.descent) * style.size;
  return (style.lineHeight - content) / 2 + faceMetrics.ascent * style.size;
}

/** Draws lines of text from `top` down; link pieces also get their clickable area. */
function emitLines(
  lines: readonly Line[],
  style: TextStyle,
  x: number,
  top: number,
  width: number,
  align: 'left' | 'center',
  out: Emitted,
): void {
  lines.forEach((line, i) => {
    const baseline = top - i * style.lineHeight - baselineOffset(style);
    const offset = align === 'center' ? (width - line.width) / 2 : 0;
    for (const piece of line.pieces) {
      out.ops.push({
        op: 'text',
        x: x + offset + piece.x,
        y: baseline,
        text: piece.text,
        font: piece.font,
        size: style.size,
        color: piece.color,
        mark: piece.mark,
      });
      if (piece.link) {
        // The line breaker keeps spaces out of link pieces, so the piece is exactly the link text.
        const rect = {
          x: x + offset + piece.x,
          y: baseline - faceMetrics.descent * style.size,
          width: piece.width,
          height: (faceMetrics.ascent + faceMetrics.descent) * style.size,
        };
        out.links.push({ node: piece.link, rect });
      }
    }
  });
}

/** Splits the lines of a paragraph into units, never leaving a single line alone (orphan/widow). */
function lineUnits(
  lines: Line[],
  style: TextStyle,
  spaceBefore: number,
  width: number,
  align: 'left' | 'center',
): Unit[] {
  const groups: Line[][] = [];
  if (lines.length <= 3) groups.push(lines);
  else {
    groups.push(lines.slice(0, 2));
    for (let i = 2; i < lines.length - 2; i++) groups.push([lines[i]!]);
    groups.push(lines.slice(-2));
  }
  return groups.map((group, i) => ({
    height: group.length * style.lineHeight,
    spaceBefore: i === 0 ? spaceBefore : 0,
    keepWithNext: false,
    lines: group.length,
    emit: (x, top, out) => emitLines(group, style, x, top, width, align, out),
  }));
}

const headingStyles = { 1: styles.h1, 2: styles.h2, 3: styles.h3 } as const;

function headingUnits(block: HeadingBlock, parent: SemanticNode, width: number, measure: MeasureText): Unit[] {
  const look = block.look ?? block.level;
  const style = headingStyles[look];
  const node = newNode('heading', { level: block.level });
  parent.children.push(node);
  const lines = wrap(runsOf(node, block.spans, style), width, style.size, measure);
  // Second-level headings open a panel's section: a short bar above them marks it (decoration).
  const bar = look === 2 ? headingBar.thickness + headingBar.gap : 0;
  return [
    {
      height: bar + lines.length * style.lineHeight,
      spaceBefore: style.spaceBefore,
      keepWithNext: true,
      lines: lines.length,
      emit: (x, top, out) => {
        if (bar > 0) {
          out.ops.push({
            op: 'rects',
            rects: [{ x, y: top - headingBar.thickness, width: headingBar.width, height: headingBar.thickness }],
            color: 'primary',
            mark: ARTIFACT,
          });
        }
        emitLines(lines, style, x, top - bar, width, 'left', out);
      },
    },
  ];
}

function paragraphUnits(block: ParagraphBlock, parent: SemanticNode, width: number, measure: MeasureText): Unit[] {
  const style = block.variant === 'lead' ? styles.lead : block.variant === 'kicker' ? styles.kicker : styles.body;
  const node = newNode('paragraph');
  parent.children.push(node);
  const lines = wrap(runsOf(node, block.spans, style), width, style.size, measure);
  return lineUnits(lines, style, style.spaceBefore, width, block.align ?? 'left');
}

/** A list: each item is one unit (a desk's entry is never cut between two panels). */
function listUnits(block: ListBlock, parent: SemanticNode, width: number, measure: MeasureText): Unit[] {
  const style = styles.list;
  const listNode = newNode('list');
  parent.children.push(listNode);
  return block.items.map((item, index) => {
    const itemNode = newNode('item');
    listNode.children.push(itemNode);
    const label = newNode('label');
    itemNode.children.push(label);
    const labelSlot = newSlot(label);
    const body = newNode('body');
    itemNode.children.push(body);
    const lines = item.lines.flatMap((spans) =>
      wrap(runsOf(body, spans, style), width - listStyle.indent, style.size, measure),
    );
    return {
      height: lines.length * style.lineHeight,
      spaceBefore: index === 0 ? styles.body.spaceBefore : listStyle.itemGap,
      keepWithNext: false,
      lines: lines.length,
      emit: (x, top, out) => {
        out.ops.push({
          op: 'text',
          x,
          y: top - baselineOffset(style),
          text: listStyle.bullet,
          font: 'bold',
          size: style.size,
          color: 'primary',
          mark: labelSlot,
        });
        emitLines(lines, style, x + listStyle.indent, top, width - listStyle.indent, 'left', out);
      },
    };
  });
}

/** The QR code: a figure, centred, drawn as vector squares. */
function qrUnits(block: QrBlock, parent: SemanticNode, width: number): Unit[] {
  const node = newNode('figure', { alt: block.alt });
  parent.children.push(node);
  const slot = newSlot(node);
  const matrix = qrMatrix(block.data);
  return [
    {
      height: block.size + qrMargin.after,
      spaceBefore: qrMargin.before,
      keepWithNext: false,
      lines: Math.ceil(block.size / styles.body.lineHeight),
      emit: (x, top, out) => {
        const left = x + (width - block.size) / 2;
        const bottom = top - block.size;
        node.bbox = { x: left, y: bottom, width: block.size, height: block.size };
        out.ops.push({
          op: 'rects',
          rects: qrRects(matrix),
          color: 'text',
          mark: slot,
          grid: { x: left, y: bottom, cell: block.size / matrix.size },
        });
      },
    },
  ];
}

export function blockUnits(block: Block, parent: SemanticNode, width: number, measure: MeasureText): Unit[] {
  switch (block.type) {
    case 'heading':
      return headingUnits(block, parent, width, measure);
    case 'paragraph':
      return paragraphUnits(block, parent, width, measure);
    case 'list':
      return listUnits(block, parent, width, measure);
    case 'qr':
      return qrUnits(block, parent, width);
  }
}
