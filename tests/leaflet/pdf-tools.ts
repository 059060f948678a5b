/**
 * Reading the leaflets back as a user's tools would: poppler (pdftotext, pdfinfo, pdffonts),
 * qpdf, pdfjs-dist (what browsers and many screen-reader pipelines use) and pdf-lib's parser for
 * the low-level objects. Shared by the tests and scripts/leaflet-outline.ts.
 */
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFStream,
  PDFRawStream,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export function tool(command: string, args: string[]): { stdout: string; stderr: string; status: number } {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status ?? -1 };
}

/**
 * The same, without blocking the worker: a test that prints several pages at once can have Chromium
 * render one while poppler reads another.
 */
export function toolAsync(command: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error
        ? reject(new Error(`${command} ${args.join(' ')} : ${stderr || error.message}`))
        : resolve({ stdout, stderr }),
    );
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Spaces of every kind become one ordinary space: poppler prints U+00A0 as is. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

const mm = 72 / 25.4;

/**
 * The imposition contract (see src/leaflet/layout/geometry.ts), restated here on purpose: page 1
 * (outside) holds panels 5 | 6 | 1, page 2 (inside) 2 | 3 | 4; the flap column is 97 mm wide.
 */
export const panelColumns: Record<number, { page: 1 | 2; x: number; width: number }> = {
  5: { page: 1, x: 0, width: 97 * mm },
  6: { page: 1, x: 97 * mm, width: 100 * mm },
  1: { page: 1, x: 197 * mm, width: 100 * mm },
  2: { page: 2, x: 0, width: 100 * mm },
  3: { page: 2, x: 100 * mm, width: 100 * mm },
  4: { page: 2, x: 200 * mm, width: 97 * mm },
};

/** Text of one panel: pdftotext cropped to the panel's column (at 72 dpi, pixels are points). */
export function panelText(file: string, panel: number): string {
  const { page, x, width } = panelColumns[panel]!;
  return execFileSync(
    'pdftotext',
    [
      '-f',
      String(page),
      '-l',
      String(page),
      '-r',
      '72',
      '-x',
      String(Math.round(x) + 1),
      '-y',
      '0',
      '-W',
      String(Math.round(width) - 2),
      '-H',
      String(Math.round(210 * mm)),
      '-enc',
      'UTF-8',
      file,
      '-',
    ],
    { encoding: 'utf8' },
  );
}

export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdfjs takes ownership of the buffer it is given: pass a copy.
  return getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 })
    .promise;
}

/** Text of each marked-content id (pdfjs ids: "p<page ref>R_mc<MCID>"), lines joined by spaces. */
export async function markedText(doc: PDFDocumentProxy): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent({ includeMarkedContent: true });
    const stack: (string | null)[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent')
          stack.push((item as { id?: string }).id ?? null);
        else if (item.type === 'endMarkedContent') stack.pop();
        continue;
      }
      const id = [...stack].reverse().find((s) => s !== null);
      if (!id) continue;
      texts.set(id, (texts.get(id) ?? '') + item.str + (item.hasEOL ? ' ' : ''));
    }
  }
  for (const [id, value] of texts) texts.set(id, squash(value));
  return texts;
}

export interface OutlineNode {
  role: string;
  depth: number;
  /** The element's own text (not its children's). */
  text: string;
  alt?: string;
  /** Pages (1-based) of the element's own content. */
  pages: number[];
  /** Link annotations the element points at (OBJR). */
  annotations: number;
}

/**
 * The structure tree as a reader traverses it, over the whole document (pdfjs only gives it page
 * by page): a depth-first walk of /StructTreeRoot read with pdf-lib's parser, with each
 * element's text taken from pdfjs by MCID.
 */
export async function structureOutline(bytes: Uint8Array): Promise<OutlineNode[]> {
  const lib = await PDFDocument.load(bytes, { updateMetadata: false });
  const pdfjs = await openPdf(bytes);
  const texts = await markedText(pdfjs);
  const pageRefs = lib.getPages().map((p) => p.ref);
  const pageIndex = (ref: PDFObject | undefined) =>
    pageRefs.findIndex((r) => ref instanceof PDFRef && r.objectNumber === ref.objectNumber);
  const idOf = (page: number, mcid: number) => `p${pageRefs[page]!.objectNumber}R_mc${mcid}`;

  const root = lib.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const out: OutlineNode[] = [];
  const walk = (element: PDFDict, depth: number) => {
    const node: OutlineNode = {
      role: (element.get(PDFName.of('S')) as PDFName).decodeText(),
      depth,
      text: '',
      pages: [],
      annotations: 0,
    };
    const alt = element.lookup(PDFName.of('Alt'));
    if (alt) node.alt = (alt as unknown as { decodeText(): string }).decodeText();
    out.push(node);
    const elementPage = pageIndex(element.get(PDFName.of('Pg')));
    const k = element.get(PDFName.of('K'));
    const kids = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
    const own: string[] = [];
    for (const kid of kids) {
      if (kid instanceof PDFNumber) {
        own.push(texts.get(idOf(elementPage, kid.asNumber())) ?? '');
        node.pages.push(elementPage + 1);
        continue;
      }
      const dict = kid instanceof PDFRef ? lib.context.lookup(kid) : kid;
      if (!(dict instanceof PDFDict)) continue;
      const type = dict.get(PDFName.of('Type'));
      if (type === PDFName.of('MCR')) {
        const page = pageIndex(dict.get(PDFName.of('Pg')));
        own.push(texts.get(idOf(page, (dict.get(PDFName.of('MCID')) as PDFNumber).asNumber())) ?? '');
        node.pages.push(page + 1);
      } else if (type === PDFName.of('OBJR')) {
        node.annotations++;
      } else {
        walk(dict, depth + 1);
      }
    }
    node.text = squash(own.join(' '));
    node.pages = [...new Set(node.pages)];
  };
  const rootKids = root.get(PDFName.of('K'));
  for (const kid of rootKids instanceof PDFArray ? rootKids.asArray() : [rootKids])
    walk(lib.context.lookup(kid as PDFRef, PDFDict), 0);
  await pdfjs.destroy();
  return out;
}

/** "  H2 Où faire votre demande ?" — one line per element, indented by depth. */
export function formatOutline(nodes: readonly OutlineNode[]): string {
  return nodes
    .map(
      (n) =>
        `${'  '.repeat(n.depth)}${n.role}${n.text ? ` ${n.text}` : ''}${n.alt ? ` [Alt: ${n.alt}]` : ''}${n.annotations ? ` [${n.annotations} annotation(s)]` : ''}`,
    )
    .join('\n');
}

/** Decoded content streams of each page (qpdf --qdf writes them uncompressed and in clear). */
export function decodedContentStreams(file: string): string[] {
  const dir = tempDir('leaflet-qdf-');
  const qdf = join(dir, 'out.pdf');
  const result = tool('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
  if (result.status !== 0 && result.status !== 3) throw new Error(`qpdf --qdf : ${result.stderr}`);
  // qpdf marks each page's content with a comment: "%% Contents for page N".
  const text = readFileSync(qdf, 'latin1');
  const streams: string[] = [];
  const pattern = /%% Contents for page (\d+)\n(?:%%.*\n)*\d+ 0 obj\n<<[\s\S]*?>>\nstream\n([\s\S]*?)\nendstream/g;
  for (const match of text.matchAll(pattern)) {
    const page = Number(match[1]) - 1;
    streams[page] = (streams[page] ?? '') + match[2]!;
  }
  return streams;
}

export interface ContentToken {
  kind: 'operator' | 'operand';
  value: string;
}

/** Tokenizer for content streams: enough for pdf-lib's output (names, numbers, strings, dicts, arrays). */
export function tokenize(stream: string): ContentToken[] {
  const tokens: ContentToken[] = [];
  let i = 0;
  while (i < stream.length) {
    const c = stream[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === '%') {
      while (i < stream.length && stream[i] !== '\n') i++;
    } else if (stream.startsWith('<<', i)) {
      let depth = 0;
      const start = i;
      do {
        if (stream.startsWith('<<', i)) {
          depth++;
          i += 2;
        } else if (stream.startsWith('>>', i)) {
          depth--;
          i += 2;
        } else i++;
      } while (depth > 0 && i < stream.length);
      tokens.push({ kind: 'operand', value: stream.slice(start, i) });
    } else if (c === '<') {
      const end = stream.indexOf('>', i);
      tokens.push({ kind: 'operand', value: stream.slice(i, end + 1) });
      i = end + 1;
    } else if (c === '(') {
      const start = i;
      let depth = 0;
      do {
        if (stream[i] === '\\') i++;
        else if (stream[i] === '(') depth++;
        else if (stream[i] === ')') depth--;
        i++;
      } while (depth > 0 && i < stream.length);
      tokens.push({ kind: 'operand', value: stream.slice(start, i) });
    } else if (c === '[' || c === ']') {
      tokens.push({ kind: 'operand', value: c });
      i++;
    } else {
      const start = i;
      while (i < stream.length && !/[\s[\]()<>/%]/.test(stream[i]!)) i++;
      if (c === '/') {
        i = start + 1;
        while (i < stream.length && !/[\s[\]()<>/%]/.test(stream[i]!)) i++;
        tokens.push({ kind: 'operand', value: stream.slice(start, i) });
      } else {
        const value = stream.slice(start, i);
        tokens.push({ kind: /^[+-]?(\d+\.?\d*|\.\d+)$/.test(value) ? 'operand' : 'operator', value });
      }
    }
  }
  return tokens;
}

/** Raw bytes of an object's stream, decoded. */
export function streamText(stream: PDFStream): string {
  const bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return new TextDecoder().decode(bytes);
}
