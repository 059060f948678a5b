import {
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFOperator,
  PDFOperatorNames as Ops,
  type PDFDocument,
  type PDFObject,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { ARTIFACT, isSlot, type ContentSlot, type LinkArea, type Mark, type SemanticNode } from '../layout/display.ts';
import type { Tagger } from '../paint.ts';
import { structureType } from './roles.ts';

/** Where a piece of marked content lives: page and marked-content identifier. */
interface MarkedRef {
  page: number;
  mcid: number;
}

interface AnnotationRef {
  page: number;
  ref: PDFRef;
}

/**
 * Builds the logical structure of a tagged PDF (PDF 32000-1, 14.7–14.8) while the painter draws:
 * - `begin`/`end` wrap each drawing in marked content: `/P <</MCID n>> BDC … EMC` for content
 *   that belongs to a structure element, `/Artifact BMC … EMC` for decoration;
 * - `annotate` gives each link annotation a /StructParent so the Link element can point at it;
 * - `finish` writes the StructTreeRoot, the elements in the order of the semantic tree (the
 *   folded reading order, whatever the order of the drawing), and the ParentTree that maps each
 *   MCID and annotation back to its element.
 */
export class StructureBuilder implements Tagger {
  private readonly nextMcid: number[];
  private readonly marks = new Map<ContentSlot, MarkedRef[]>();
  /** Per page, the node that owns each MCID (index = MCID). */
  private readonly owners: SemanticNode[][];
  private readonly annotations = new Map<SemanticNode, AnnotationRef[]>();
  /** ParentTree keys of annotations, after the pages' own keys (0…pages-1). */
  private readonly annotationKeys: { key: number; node: SemanticNode }[] = [];
  private readonly refs = new Map<SemanticNode, PDFRef>();
  private readonly doc: PDFDocument;
  private readonly pages: readonly PDFPage[];

  constructor(doc: PDFDocument, pages: readonly PDFPage[]) {
    this.doc = doc;
    this.pages = pages;
    this.nextMcid = pages.map(() => 0);
    this.owners = pages.map(() => []);
  }

  begin(page: number, mark: Mark): PDFOperator[] {
    if (mark === ARTIFACT) return [PDFOperator.of(Ops.BeginMarkedContent, [PDFName.of('Artifact')])];
    const mcid = this.nextMcid[page]!++;
    this.owners[page]![mcid] = mark.node;
    const list = this.marks.get(mark) ?? [];
    list.push({ page, mcid });
    this.marks.set(mark, list);
    // The property list is written inline: `/P <</MCID 3>> BDC`.
    return [
      PDFOperator.of(Ops.BeginMarkedContentSequence, [PDFName.of(structureType(mark.node)), `<</MCID ${mcid}>>`]),
    ];
  }

  end(): PDFOperator[] {
    return [PDFOperator.of(Ops.EndMarkedContent)];
  }

  annotate(page: number, area: LinkArea, annotation: PDFDict, ref: PDFRef): void {
    const key = this.pages.length + this.annotationKeys.length;
    this.annotationKeys.push({ key, node: area.node });
    annotation.set(PDFName.of('StructParent'), PDFNumber.of(key));
    const list = this.annotations.get(area.node) ?? [];
    list.push({ page, ref });
    this.annotations.set(area.node, list);
  }

  private refOf(node: SemanticNode): PDFRef {
    let ref = this.refs.get(node);
    if (!ref) {
      ref = this.doc.context.nextRef();
      this.refs.set(node, ref);
    }
    return ref;
  }

  /** True when the node or one of its descendants has content on a page. */
  private hasContent(node: SemanticNode): boolean {
    return (
      node.children.some((child) =>
        isSlot(child) ? (this.marks.get(child)?.length ?? 0) > 0 : this.hasContent(child),
      ) || this.annotations.has(node)
    );
  }

  private writeElement(node: SemanticNode, parent: PDFRef): PDFRef {
    const { context } = this.doc;
    const ref = this.refOf(node);
    const kids: PDFObject[] = [];
    let page: number | undefined;
    for (const child of node.children) {
      if (isSlot(child)) {
        for (const mark of this.marks.get(child) ?? []) {
          page ??= mark.page;
          // A bare MCID refers to the element's /Pg; content on another page needs a full reference.
          kids.push(
            mark.page === page
              ? PDFNumber.of(mark.mcid)
              : context.obj({ Type: 'MCR', Pg: this.pages[mark.page]!.ref, MCID: mark.mcid }),
          );
        }
      } else if (this.hasContent(child)) {
        kids.push(this.writeElement(child, ref));
      }
    }
    for (const annotation of this.annotations.get(node) ?? []) {
      kids.push(context.obj({ Type: 'OBJR', Obj: annotation.ref, Pg: this.pages[annotation.page]!.ref }));
    }

    const element = context.obj({ Type: 'StructElem', S: structureType(node), P: parent });
    if (page !== undefined) element.set(PDFName.of('Pg'), this.pages[page]!.ref);
    element.set(PDFName.of('K'), kids.length === 1 ? kids[0]! : context.obj(kids));
    if (node.alt) element.set(PDFName.of('Alt'), PDFHexString.fromText(node.alt));
    // Bulleted lists: says the labels are bullets (PDF 32000-1, table 347), so a reader need not read "•".
    if (node.role === 'list') element.set(PDFName.of('A'), context.obj({ O: 'List', ListNumbering: 'Disc' }));
    if (node.bbox) {
      const { x, y, width, height } = node.bbox;
      const round = (v: number) => Math.round(v * 100) / 100;
      element.set(
        PDFName.of('A'),
        context.obj({
          O: 'Layout',
          BBox: [round(x), round(y), round(x + width), round(y + height)],
          Placement: 'Block',
        }),
      );
    }
    context.assign(ref, element);
    return ref;
  }

  /**
   * Writes the structure tree and marks the document as tagged. Call after painting.
   */
  finish(root: SemanticNode): void {
    const { context, catalog } = this.doc;

    const treeRootRef = context.nextRef();
    const documentRef = this.writeElement(root, treeRootRef);

    // ParentTree: page i (key i) → array indexed by MCID; annotation key → its Link element.
    const nums: PDFObject[] = [];
    this.owners.forEach((owners, page) => {
      nums.push(PDFNumber.of(page), context.obj(owners.map((node) => this.refOf(node))));
    });
    for (const { key, node } of this.annotationKeys) nums.push(PDFNumber.of(key), this.refOf(node));
    const parentTree = context.obj({ Nums: context.obj(nums) });

    const treeRoot = context.obj({
      Type: 'StructTreeRoot',
      K: documentRef,
      ParentTree: context.register(parentTree),
      ParentTreeNextKey: this.pages.length + this.annotationKeys.length,
    });
    context.assign(treeRootRef, treeRoot);

    this.pages.forEach((page, index) => {
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(index));
      // Tab order follows the structure (PDF/UA, 7.18.3).
      page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    });
    catalog.set(PDFName.of('StructTreeRoot'), treeRootRef);
    catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
  }
}
