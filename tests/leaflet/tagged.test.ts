import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFStream, PDFString } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/domain/types.ts';
import { absoluteUrl, paths } from '../../src/domain/urls.ts';
import { renderLeaflet } from '../../src/leaflet/index.ts';
import { base, commune, general, realCatalog, renderVariants, type Rendered } from './fixtures.ts';
import {
  decodedContentStreams,
  markedText,
  openPdf,
  squash,
  streamText,
  structureOutline,
  tempDir,
  tokenize,
  tool,
  type OutlineNode,
} from './pdf-tools.ts';

let catalog: Catalog;
let pdfs: Map<string, Rendered>;
const pdf = (slug: string) => pdfs.get(slug)!;

beforeAll(async () => {
  catalog = await realCatalog();
  pdfs = await renderVariants([general, commune('carvin'), commune('bois-bernard'), commune('henin-beaumont')]);
}, 120_000);

interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  alt?: string;
  children?: StructNode[];
}

/** pdfjs' per-page tree, with each node's own text attached. */
async function pageTrees(bytes: Uint8Array) {
  const doc = await openPdf(bytes);
  const texts = await markedText(doc);
  const trees: StructNode[] = [];
  for (let n = 1; n <= doc.numPages; n++) trees.push((await (await doc.getPage(n)).getStructTree()) as StructNode);
  await doc.destroy();
  const textOf = (node: StructNode): string =>
    squash(
      (node.children ?? [])
        .map((c) => (c.type === 'content' ? (texts.get(c.id!) ?? '') : c.role ? textOf(c) : ''))
        .join(' '),
    );
  return { trees, textOf };
}

function walk(node: StructNode, visit: (node: StructNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

const headingsOf = (outline: OutlineNode[]) =>
  outline.filter((n) => /^H\d$/.test(n.role)).map((n) => `${n.role} ${n.text}`);

describe('tagged PDF', () => {
  it('is reported tagged by pdfinfo', () => {
    for (const { file } of pdfs.values()) expect(tool('pdfinfo', [file]).stdout).toMatch(/^Tagged:\s+yes$/m);
  });

  it('has a structure tree in the folded reading order: cover, inside 2-3-4, flap 5, back 6', async () => {
    const outline = await structureOutline(pdf('plaquette-sai-cahc').bytes);
    expect(outline[0]!.role).toBe('Document');
    const h2 = headingsOf(outline).filter((h) => !h.startsWith('H3'));
    expect(h2).toEqual([
      'H1 Demander un logement social',
      'H2 Dans ce dépliant',
      'H2 Où faire votre demande ?',
      'H2 Faire enregistrer votre demande',
      'H2 Comment les logements sont attribués',
      'H2 Où s’adresser',
      'H2 Pour en savoir plus',
    ]);
    // Pages of the content in tree order: outside (cover), inside, then outside again (5, 6).
    const pages = outline.flatMap((n) => n.pages);
    const runs = pages.filter((p, i) => i === 0 || p !== pages[i - 1]);
    expect(runs).toEqual([1, 2, 1]);
  });

  it('puts a commune’s own places first in its edition’s tree', async () => {
    const outline = await structureOutline(pdf('carvin').bytes);
    const headings = headingsOf(outline);
    expect(headings.indexOf('H3 À Carvin')).toBe(headings.indexOf('H2 Où s’adresser') + 1);
    const text = outline.map((n) => n.text).join('\n');
    expect(text.indexOf('Mairie de Carvin')).toBeLessThan(text.indexOf('Mairie de Courrières'));
  });

  it('gives pdfjs a tree per page: headings in order, lists, the figure with its alt text', async () => {
    const { trees, textOf } = await pageTrees(pdf('carvin').bytes);
    const [outside, inside] = trees as [StructNode, StructNode];
    const headings = (tree: StructNode) => {
      const found: string[] = [];
      walk(tree, (n) => n.role && /^H\d$/.test(n.role) && found.push(`${n.role} ${textOf(n)}`));
      return found;
    };
    expect(headings(inside).filter((h) => h.startsWith('H2'))).toEqual([
      'H2 Où faire votre demande ?',
      'H2 Faire enregistrer votre demande',
      'H2 Comment les logements sont attribués',
    ]);
    expect(headings(outside)[0]).toBe('H1 Demander un logement social');
    expect(headings(outside).filter((h) => h.startsWith('H2'))).toEqual([
      'H2 Dans ce dépliant',
      'H2 Où s’adresser',
      'H2 Pour en savoir plus',
    ]);

    const lists: StructNode[] = [];
    walk(inside, (n) => n.role === 'L' && lists.push(n));
    expect(lists.length).toBeGreaterThanOrEqual(3);
    for (const list of lists) {
      for (const item of list.children!) {
        expect(item.role).toBe('LI');
        expect(item.children!.map((c) => c.role)).toEqual(['Lbl', 'LBody']);
      }
    }
    const items: string[] = [];
    walk(inside, (n) => n.role === 'LBody' && items.push(textOf(n)));
    expect(items).toContain('une pièce d’identité (ou un titre de séjour).');

    const figures: StructNode[] = [];
    walk(outside, (n) => n.role === 'Figure' && figures.push(n));
    expect(figures).toHaveLength(1);
    expect(figures[0]!.alt).toContain(absoluteUrl(catalog.site.url, base, paths.commune('carvin')));
  });

  it('ties each Link element to its link annotations (OBJR), with /StructParent and /Contents', async () => {
    for (const { bytes } of pdfs.values()) {
      const doc = await PDFDocument.load(bytes, { updateMetadata: false });
      const tree = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
      const nums = tree.lookup(PDFName.of('ParentTree'), PDFDict).lookup(PDFName.of('Nums'), PDFArray);
      const parentOf = new Map<number, PDFDict>();
      for (let i = 0; i < nums.size(); i += 2) {
        const value = nums.get(i + 1);
        if (value instanceof PDFRef)
          parentOf.set((nums.get(i) as PDFNumber).asNumber(), doc.context.lookup(value, PDFDict));
      }
      let links = 0;
      for (const page of doc.getPages()) {
        const annots = page.node.Annots();
        if (!annots || annots.size() === 0) continue;
        expect(page.node.get(PDFName.of('Tabs'))).toBe(PDFName.of('S'));
        for (let i = 0; i < annots.size(); i++) {
          const ref = annots.get(i) as PDFRef;
          const annot = doc.context.lookup(ref, PDFDict);
          expect(annot.get(PDFName.of('Subtype'))).toBe(PDFName.of('Link'));
          expect(annot.get(PDFName.of('Contents'))).toBeDefined();
          const element = parentOf.get((annot.get(PDFName.of('StructParent')) as PDFNumber).asNumber())!;
          expect(element.get(PDFName.of('S'))).toBe(PDFName.of('Link'));
          const kids = element.lookup(PDFName.of('K'));
          const objrs = (kids instanceof PDFArray ? kids.asArray() : [kids]).map((k) =>
            k instanceof PDFRef ? doc.context.lookup(k) : k,
          );
          expect(
            objrs.some(
              (k) =>
                k instanceof PDFDict &&
                k.get(PDFName.of('Type')) === PDFName.of('OBJR') &&
                k.get(PDFName.of('Obj')) === ref,
            ),
          ).toBe(true);
          links++;
        }
      }
      expect(links).toBeGreaterThanOrEqual(2); // the portal, the site (one per printed line)
    }
  });

  it('declares itself: MarkInfo, Lang, DisplayDocTitle, uncompressed XMP with PDF/UA identification', async () => {
    const doc = await PDFDocument.load(pdf('carvin').bytes, { updateMetadata: false });
    const markInfo = doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo.get(PDFName.of('Marked'))).toBe(PDFBool.True);
    expect((doc.catalog.lookup(PDFName.of('Lang')) as PDFString).decodeText()).toBe('fr-FR');
    expect(doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict).get(PDFName.of('DisplayDocTitle'))).toBe(
      PDFBool.True,
    );
    const metadata = doc.catalog.lookup(PDFName.of('Metadata'), PDFStream);
    expect(metadata.dict.get(PDFName.of('Type'))).toBe(PDFName.of('Metadata'));
    expect(metadata.dict.get(PDFName.of('Subtype'))).toBe(PDFName.of('XML'));
    expect(metadata.dict.get(PDFName.of('Filter'))).toBeUndefined();
    const xmp = streamText(metadata);
    expect(xmp).toContain(
      '<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Demander un logement social à Carvin – Communauté d’Agglomération Hénin-Carvin</rdf:li></rdf:Alt></dc:title>',
    );
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>fr-FR</rdf:li></rdf:Bag></dc:language>');
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>');
    expect(xmp).toContain('<xmp:CreateDate>2026-11-28T00:00:00Z</xmp:CreateDate>');
    // pdfjs reads the same metadata.
    const js = await openPdf(pdf('carvin').bytes);
    const { metadata: parsed } = await js.getMetadata();
    expect(parsed?.get('dc:title')).toBe(
      'Demander un logement social à Carvin – Communauté d’Agglomération Hénin-Carvin',
    );
    await js.destroy();
  });
});

describe('marked content', () => {
  it('puts every text run pdfjs extracts inside marked content that belongs to the structure tree', async () => {
    for (const { slug, bytes } of pdfs.values()) {
      const doc = await openPdf(bytes);
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const tree = (await page.getStructTree()) as StructNode;
        const ids = new Set<string>();
        walk(tree, (node) => node.type === 'content' && ids.add(node.id!));
        const content = await page.getTextContent({ includeMarkedContent: true });
        const stack: { tag: string; id?: string }[] = [];
        let checked = 0;
        for (const item of content.items) {
          if ('type' in item) {
            if (item.type === 'endMarkedContent') stack.pop();
            else
              stack.push({
                tag: (item as unknown as { tag: string }).tag,
                id: (item as unknown as { id?: string }).id,
              });
            continue;
          }
          if (!item.str.trim()) continue;
          checked++;
          const owner = stack.at(-1);
          expect(owner, `${slug} p.${n} « ${item.str} » hors contenu marqué`).toBeDefined();
          expect(owner!.tag, `${slug} p.${n} « ${item.str} » dans un artefact`).not.toBe('Artifact');
          expect(ids.has(owner!.id!), `${slug} p.${n} « ${item.str} » : ${owner!.id} absent de l’arbre`).toBe(true);
        }
        expect(checked).toBeGreaterThan(20);
      }
      await doc.destroy();
    }
  });

  /** Drawing operators found outside BDC/BMC…EMC, per page; also checks the nesting is sound. */
  function unmarkedOperators(file: string): string[] {
    const problems: string[] = [];
    const painting = new Set(['Tj', 'TJ', "'", '"', 're', 'f', 'F', 'f*', 'S', 's', 'B', 'b', 'Do', 'sh', 'BI']);
    decodedContentStreams(file).forEach((stream, page) => {
      let depth = 0;
      for (const token of tokenize(stream)) {
        if (token.kind !== 'operator') continue;
        if (token.value === 'BDC' || token.value === 'BMC') depth++;
        else if (token.value === 'EMC') {
          depth--;
          if (depth < 0) problems.push(`page ${page + 1} : EMC sans ouverture`);
        } else if (depth === 0 && painting.has(token.value))
          problems.push(`page ${page + 1} : ${token.value} hors contenu marqué`);
      }
      if (depth !== 0) problems.push(`page ${page + 1} : ${depth} séquence(s) non fermée(s)`);
    });
    return problems;
  }

  it('draws no text (Tj/TJ) nor anything else outside marked content, in sound BDC/BMC…EMC nesting', () => {
    for (const { slug, file } of pdfs.values()) expect(unmarkedOperators(file), slug).toEqual([]);
  });

  it('would catch unmarked drawing: an untagged render fails the same check', async () => {
    const file = join(tempDir('leaflet-untagged-'), 'untagged.pdf');
    writeFileSync(file, await renderLeaflet(catalog, general, { base, tagged: false }));
    expect(unmarkedOperators(file).some((p) => p.includes('Tj hors contenu marqué'))).toBe(true);
    expect(tool('pdfinfo', [file]).stdout).toMatch(/^Tagged:\s+no$/m);
  });

  it('gives each MCID of a page one element of the ParentTree, of the same type as its BDC tag', async () => {
    const { bytes, file } = pdf('henin-beaumont');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const nums = doc.catalog
      .lookup(PDFName.of('StructTreeRoot'), PDFDict)
      .lookup(PDFName.of('ParentTree'), PDFDict)
      .lookup(PDFName.of('Nums'), PDFArray);
    decodedContentStreams(file).forEach((stream, page) => {
      const structParents = (doc.getPages()[page]!.node.get(PDFName.of('StructParents')) as PDFNumber).asNumber();
      let array: PDFArray | undefined;
      for (let i = 0; i < nums.size(); i += 2)
        if ((nums.get(i) as PDFNumber).asNumber() === structParents) array = nums.lookup(i + 1, PDFArray);
      const marks = [...stream.matchAll(/\/(\w+) <<\/MCID (\d+)>> BDC/g)].map((m) => ({
        tag: m[1]!,
        mcid: Number(m[2]),
      }));
      expect(marks.map((m) => m.mcid)).toEqual(marks.map((_, i) => i));
      expect(array!.size()).toBe(marks.length);
      for (const { tag, mcid } of marks) {
        const element = doc.context.lookup(array!.get(mcid) as PDFRef, PDFDict);
        expect((element.get(PDFName.of('S')) as PDFName).decodeText()).toBe(tag);
      }
    });
  });
});

describe('text extraction', () => {
  it('gives real words with accents and ’ « » € œ (ToUnicode maps of the subset fonts)', async () => {
    const name = 'Maison de l’œuvre « Élan » – accès à 0 € – Carvin';
    const place = { ...catalog.places.find((p) => p.id === 'mairie-carvin')!, name };
    const edited = { ...catalog, places: catalog.places.map((p) => (p.id === place.id ? place : p)) };
    const file = join(tempDir('leaflet-unicode-'), 'carvin.pdf');
    writeFileSync(file, await renderLeaflet(edited, commune('carvin'), { base }));
    const text = squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
    expect(text).toContain('Maison de l’œuvre « Élan » – accès à 0 € – Carvin');
    expect(text).toContain('Où s’adresser');
    expect(text).toContain('Vérifié le 28 novembre 2026');
    expect(tool('qpdf', ['--check', file]).status).toBe(0);
  });
});
