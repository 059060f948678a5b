import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFStream, type PDFDocument, type PDFFont } from 'pdf-lib';
import type { FontKey } from './theme.ts';
import type { MeasureText } from './layout/wrap.ts';

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

type Face = ReturnType<typeof fontkit.create>;
type GlyphRun = ReturnType<Face['layout']>;

/** Above this many distinct texts the memo of glyph runs starts again, so memory stays bounded. */
const maxMappedTexts = 20_000;

/**
 * One parsed face per font file for the whole process, mapping characters to glyphs by its cmap.
 *
 * pdf-lib parses the file again for every document and runs every string through fontkit's
 * OpenType shaper each time it is measured or drawn: that was three quarters of a leaflet's render
 * time. The shaper has nothing to do for this face: its GSUB holds no ligature and no contextual
 * feature (aalt, case, ccmp, frac, locl, ordn, pnum, sups, tnum — of which only ccmp and locl run by
 * default, on combining marks and for languages pdf-lib never asks for), and positioning is unused
 * (pdf-lib keeps glyph ids, not positions). So each character's glyph is the cmap's glyph, for text
 * in composed form (printable() normalises it). tests/leaflet/fonts.test.ts checks that fontkit's
 * shaping gives the same glyphs for every text of every leaflet, so a new face with ligatures
 * fails there rather than printing wrong glyphs. The face is never changed by pdf-lib
 * (subsetting copies the glyphs it needs) and the runs are only read, so sharing both across
 * documents is safe.
 */
const faces = new Map<Uint8Array, Face>();

function sharedFace(bytes: Uint8Array): Face {
  const known = faces.get(bytes);
  if (known) return known;
  const face = fontkit.create(bytes as unknown as Buffer);
  const runs = new Map<string, GlyphRun>();
  face.layout = ((text: string) => {
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= maxMappedTexts) runs.clear();
      run = { glyphs: face.glyphsForString(text) } as GlyphRun;
      runs.set(text, run);
    }
    return run;
  }) as Face['layout'];
  faces.set(bytes, face);
  return face;
}

/** fontkit's own shaping of a text, to check that the cmap mapping above gives the same glyphs. */
export async function shapedGlyphIds(font: FontKey, text: string): Promise<{ shaped: number[]; mapped: number[] }> {
  const bytes = (await fontBytes())[font];
  const fresh = fontkit.create(bytes as unknown as Buffer);
  const input = printable(text);
  return {
    shaped: fresh.layout(input, { kern: false, mark: false, mkmk: false } as never).glyphs.map((glyph) => glyph.id),
    mapped: sharedFace(bytes)
      .layout(input)
      .glyphs.map((glyph) => glyph.id),
  };
}

/** What pdf-lib calls to parse a font: the shared face for files it has already seen. */
const sharedFontkit = { create: (bytes: Uint8Array) => sharedFace(bytes) };

/** Font files are read once per process: the build renders fifteen leaflets. */
export function fontBytes(): Promise<Record<FontKey, Uint8Array>> {
  cache ??= (async () => {
    const [regular, bold] = await Promise.all([
      readFile(requireFromRoot.resolve(files.regular)),
      readFile(requireFromRoot.resolve(files.bold)),
    ]);
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
  return text.normalize('NFC').replace(/\u202f/g, '\u00a0');
}

export interface LeafletFonts {
  fonts: Record<FontKey, PDFFont>;
  measure: MeasureText;
  /** Throws if a character of the text has no glyph in the face. */
  check(text: string, where: string): void;
}

/**
 * Widths at 1000 pt, cached per face and text: the line breaker asks for the same words again and
 * again (fifteen leaflets share most of their words), and pdf-lib sums glyph metrics on every call.
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
  doc.registerFontkit(sharedFontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
  const fonts = {
    regular: await doc.embedFont(bytes.regular, { subset: true }),
    bold: await doc.embedFont(bytes.bold, { subset: true }),
  };
  const missing = missingIn({ regular: sharedFace(bytes.regular), bold: sharedFace(bytes.bold) });
  return {
    fonts,
    measure: (text, font, size) => (advance(fonts[font], font, text) * size) / 1000,
    check(text, where) {
      const [char] = missing(text);
      if (char !== undefined) {
        throw new MissingGlyphError(
          char,
          `${where} : le caractère « ${char} » (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}) n’existe pas dans la police de la plaquette`,
        );
      }
    },
  };
}

/** A character the face cannot print: the content check names the field that holds it. */
export class MissingGlyphError extends Error {
  readonly char: string;

  constructor(char: string, message: string) {
    super(message);
    this.char = char;
  }
}

/** The characters of a text that one of the two weights cannot print (the face's cmap), in order. */
function missingIn(face: Record<FontKey, Face>): (text: string) => string[] {
  return (text) => {
    const out: string[] = [];
    for (const char of printable(text)) {
      const code = char.codePointAt(0)!;
      if (code > 0x20 && !(face.regular.hasGlyphForCodePoint(code) && face.bold.hasGlyphForCodePoint(code)))
        out.push(char);
    }
    return out;
  };
}

/**
 * The rule the renderer's check() applies, for the content check (src/content-loader/text-check.ts)
 * and the directory import: `npm run check` names the file and field of a character the leaflet
 * cannot print, before the build meets it.
 */
export async function missingGlyphs(): Promise<(text: string) => string[]> {
  const bytes = await fontBytes();
  return missingIn({ regular: sharedFace(bytes.regular), bold: sharedFace(bytes.bold) });
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
    if (!(file instanceof PDFStream))
      throw new Error(`police ${font.name} : fichier de police introuvable après intégration`);
    const name = PDFName.of(`${subsetTag(streamBytes(file))}+${font.name}`);
    type0.set(PDFName.of('BaseFont'), name);
    cidFont.set(PDFName.of('BaseFont'), name);
    descriptor.set(PDFName.of('FontName'), name);
  }
}
