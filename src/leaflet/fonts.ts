import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFStream, type PDFDocument, type PDFFont } from 'pdf-lib';
import type { FontKey } from './theme';
import type { MeasureText } from './layout/wrap';

/**
 * The leaflet's face: Atkinson Hyperlegible Next (SIL OFL), the same family the site uses in woff2.
 * pdf-lib needs a TrueType file (woff/woff2 embed badly), so the TTFs come from
 * @expo-google-fonts/atkinson-hyperlegible-next.
 */
const files: Record<FontKey, string> = {
  regular: '@expo-google-fonts/atkinson-hyperlegible-next/400Regular/AtkinsonHyperlegibleNext_400Regular.ttf',
  bold: '@expo-google-fonts/atkinson-hyperlegible-next/700Bold/AtkinsonHyperlegibleNext_700Bold.ttf',
};

/** Resolved from the project root, not from this file: Astro bundles this module elsewhere. */
const requireFromRoot = createRequire(join(process.cwd(), 'package.json'));

let cache: Promise<Record<FontKey, Uint8Array>> | undefined;
let faces: Record<FontKey, ReturnType<typeof fontkit.create>> | undefined;

/** Font files are read once per process: the build renders fifteen leaflets. */
export function fontBytes(): Promise<Record<FontKey, Uint8Array>> {
  cache ??= (async () => {
    const [regular, bold] = await Promise.all([readFile(requireFromRoot.resolve(files.regular)), readFile(requireFromRoot.resolve(files.bold))]);
    return { regular: new Uint8Array(regular), bold: new Uint8Array(bold) };
  })();
  return cache;
}

/**
 * Text as the face can print it. The face has no narrow no-break space (U+202F, used by French
 * typography before « ; ! ? » and in numbers): it becomes a no-break space (U+00A0), which still
 * never breaks. Any other missing character is an error rather than an empty box on paper.
 */
export function printable(text: string): string {
  return text.replace(/\u202f/g, '\u00a0');
}

export interface LeafletFonts {
  fonts: Record<FontKey, PDFFont>;
  measure: MeasureText;
  /** Throws if a character of the text has no glyph in the face. */
  check(text: string, where: string): void;
}

/**
 * Widths at 1000 pt, cached per face and text: fontkit shapes the text on every call, and the line
 * breaker asks for the same words again and again (fifteen leaflets share most of their words).
 */
const advances = new Map<string, number>();

function advance(font: PDFFont, key: FontKey, text: string): number {
  const id = `${key}\u0000${text}`;
  let width = advances.get(id);
  if (width === undefined) {
    width = font.widthOfTextAtSize(printable(text), 1000);
    advances.set(id, width);
  }
  return width;
}

/** Embeds both weights as subsets (only the glyphs used end up in the file). */
export async function embedFonts(doc: PDFDocument): Promise<LeafletFonts> {
  const bytes = await fontBytes();
  doc.registerFontkit(fontkit);
  // pdf-lib keeps only the glyph ids of fontkit's shaping, never the positions: the positioning
  // features (kerning, marks) cost most of the render time and change nothing in the file.
  const features = { kern: false, mark: false, mkmk: false };
  const fonts = {
    regular: await doc.embedFont(bytes.regular, { subset: true, features }),
    bold: await doc.embedFont(bytes.bold, { subset: true, features }),
  };
  // Parsed once per process, only to ask which characters the face has.
  faces ??= { regular: fontkit.create(bytes.regular as unknown as Buffer), bold: fontkit.create(bytes.bold as unknown as Buffer) };
  const face = faces;
  return {
    fonts,
    measure: (text, font, size) => (advance(fonts[font], font, text) * size) / 1000,
    check(text, where) {
      for (const char of printable(text)) {
        const code = char.codePointAt(0)!;
        if (code > 0x20 && !(face.regular.hasGlyphForCodePoint(code) && face.bold.hasGlyphForCodePoint(code))) {
          throw new Error(`${where} : le caractère « ${char} » (U+${code.toString(16).toUpperCase().padStart(4, '0')}) n’existe pas dans la police de la plaquette`);
        }
      }
    },
  };
}

/** Six capital letters from a hash: the same subset always gets the same tag. */
export function subsetTag(content: Uint8Array): string {
  const digest = createHash('sha256').update(content).digest();
  return Array.from(digest.subarray(0, 6), (byte) => String.fromCharCode(65 + (byte % 26))).join('');
}

function streamBytes(stream: PDFStream): Uint8Array {
  return stream instanceof PDFRawStream ? stream.contents : stream.getContents();
}

/**
 * A subset font must be named "ABCDEF+Name" (PDF 32000-1, 9.6.4): tools such as pdffonts and
 * PDF/UA checkers rely on it, and a subset with a full font's name may be mistaken for the full
 * font. pdf-lib names subsets "Name-1234" instead, so once the fonts are written (after
 * doc.flush()) the names are rewritten in the Type0 font, its CIDFont and the font descriptor.
 * The tag comes from the subset's own bytes, so the output stays byte-identical for the same text.
 */
export function tagSubsetFonts(doc: PDFDocument, fonts: readonly PDFFont[]): void {
  const { context } = doc;
  for (const font of fonts) {
    const type0 = context.lookup(font.ref, PDFDict);
    const cidFont = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict);
    const descriptor = cidFont.lookup(PDFName.of('FontDescriptor'), PDFDict);
    const file = descriptor.lookup(PDFName.of('FontFile2')) ?? descriptor.lookup(PDFName.of('FontFile3'));
    if (!(file instanceof PDFStream)) throw new Error(`police ${font.name} : fichier de police introuvable après intégration`);
    const name = PDFName.of(`${subsetTag(streamBytes(file))}+${font.name}`);
    type0.set(PDFName.of('BaseFont'), name);
    cidFont.set(PDFName.of('BaseFont'), name);
    descriptor.set(PDFName.of('FontName'), name);
  }
}
