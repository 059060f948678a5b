import {
  PDFHexString,
  PDFName,
  PDFString,
  beginText,
  endText,
  fill,
  lineTo,
  moveTo,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  concatTransformationMatrix,
  stroke,
  type PDFDict,
  type PDFDocument,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { printable } from './fonts.ts';
import type { DrawOp, LeafletLayout, LinkArea, Mark } from './layout/display.ts';
import type { ColorKey, FontKey, Palette } from './theme.ts';

/**
 * What the painter asks of the tagging layer. The painter draws; a Tagger says how each piece is
 * marked (marked content with an MCID, or an artifact) and ties link annotations to the tree.
 * Without tagging (to measure what tagging costs), every method does nothing.
 */
export interface Tagger {
  /** Operators that open the marked content for `mark` on page `page`. */
  begin(page: number, mark: Mark): PDFOperator[];
  /** Operators that close it. */
  end(): PDFOperator[];
  /** Called for each link annotation before it is added to its page. */
  annotate(page: number, area: LinkArea, annotation: PDFDict, ref: PDFRef): void;
}

export const noTagging: Tagger = { begin: () => [], end: () => [], annotate: () => {} };

function rgbOf(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255];
}

/** Numbers in the content stream: two decimals (1/7200 in) is well below any printer's dot. */
const r2 = (value: number) => Math.round(value * 100) / 100;

/** Colour components with three decimals: finer than 8-bit colour, shorter to write. */
const r3 = (value: number) => Math.round(value * 1000) / 1000;

function fillColor(palette: Palette, key: ColorKey): PDFOperator {
  const [r, g, b] = rgbOf(palette[key]);
  return setFillingRgbColor(r3(r), r3(g), r3(b));
}

function strokeColor(palette: Palette, key: ColorKey): PDFOperator {
  const [r, g, b] = rgbOf(palette[key]);
  return setStrokingRgbColor(r3(r), r3(g), r3(b));
}

/** Operators for a run of operations that share one mark. Text runs share one BT…ET. */
function operatorsFor(
  ops: readonly DrawOp[],
  fonts: Record<FontKey, PDFFont>,
  fontNames: Record<FontKey, PDFName>,
  palette: Palette,
): PDFOperator[] {
  const out: PDFOperator[] = [];
  let inText = false;
  let font: FontKey | undefined;
  let size: number | undefined;
  let color: ColorKey | undefined;
  const closeText = () => {
    if (inText) out.push(endText(), popGraphicsState());
    inText = false;
  };
  for (const op of ops) {
    if (op.op === 'text') {
      if (!inText) {
        out.push(pushGraphicsState(), beginText());
        inText = true;
        font = undefined;
        color = undefined;
      }
      if (op.font !== font || op.size !== size) out.push(setFontAndSize(fontNames[op.font], op.size));
      if (op.color !== color) out.push(fillColor(palette, op.color));
      font = op.font;
      size = op.size;
      color = op.color;
      out.push(setTextMatrix(1, 0, 0, 1, r2(op.x), r2(op.y)), showText(fonts[op.font].encodeText(printable(op.text))));
      continue;
    }
    closeText();
    if (op.op === 'rects') {
      out.push(pushGraphicsState(), fillColor(palette, op.color));
      if (op.grid)
        out.push(concatTransformationMatrix(r3(op.grid.cell), 0, 0, r3(op.grid.cell), r2(op.grid.x), r2(op.grid.y)));
      for (const rect of op.rects) out.push(rectangle(r2(rect.x), r2(rect.y), r2(rect.width), r2(rect.height)));
      out.push(fill(), popGraphicsState());
    } else {
      out.push(pushGraphicsState(), strokeColor(palette, op.color), setLineWidth(op.width));
      out.push(moveTo(r2(op.x1), r2(op.y1)), lineTo(r2(op.x2), r2(op.y2)), stroke(), popGraphicsState());
    }
  }
  closeText();
  return out;
}

/** Draws the layout on the two pages, marking every operation, then adds the link annotations. */
export function paint(
  doc: PDFDocument,
  pages: readonly PDFPage[],
  layout: LeafletLayout,
  fonts: Record<FontKey, PDFFont>,
  palette: Palette,
  tagger: Tagger,
): void {
  layout.pages.forEach((pageLayout, index) => {
    const page = pages[index]!;
    // Short, fixed resource names: deterministic and readable when debugging a content stream.
    const fontNames = { regular: PDFName.of('F1'), bold: PDFName.of('F2') } as const;
    page.node.setFontDictionary(fontNames.regular, fonts.regular.ref);
    page.node.setFontDictionary(fontNames.bold, fonts.bold.ref);

    // Consecutive operations with the same mark form one marked-content sequence.
    const operators: PDFOperator[] = [];
    let start = 0;
    const ops = pageLayout.ops;
    for (let i = 1; i <= ops.length; i++) {
      if (i < ops.length && ops[i]!.mark === ops[start]!.mark) continue;
      const group = ops.slice(start, i);
      operators.push(
        ...tagger.begin(index, group[0]!.mark),
        ...operatorsFor(group, fonts, fontNames, palette),
        ...tagger.end(),
      );
      start = i;
    }
    page.pushOperators(...operators);

    for (const area of pageLayout.links) {
      const { uri, description } = area.node.link!;
      const annotation = doc.context.obj({
        Type: 'Annot',
        Subtype: 'Link',
        Rect: [r2(area.rect.x), r2(area.rect.y), r2(area.rect.x + area.rect.width), r2(area.rect.y + area.rect.height)],
        Border: [0, 0, 0],
        // Printable flag: the annotation is part of the page, not only of the screen.
        F: 4,
        A: { Type: 'Action', S: 'URI', URI: PDFString.of(uri) },
        Contents: PDFHexString.fromText(description),
      });
      const ref = doc.context.register(annotation);
      tagger.annotate(index, area, annotation, ref);
      page.node.addAnnot(ref);
    }
  });
}
