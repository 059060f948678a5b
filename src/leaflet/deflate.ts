import { deflateSync } from 'node:zlib';
import { PDFFlateStream, PDFName, PDFRawStream, typedArrayFor, type PDFDocument } from 'pdf-lib';

/**
 * pdf-lib compresses every stream with pako, zlib ported to JavaScript: about a fifth of a
 * leaflet's render time went there. Node's own zlib writes the same Flate format natively, several
 * times faster. The leaflet is written in Node only (the build, the scripts), so nothing is lost.
 */

const flate = PDFName.of('FlateDecode');

/** Streams made by the document's context from now on (font files, ToUnicode maps) use Node's zlib. */
export function deflateNatively(doc: PDFDocument): void {
  const { context } = doc;
  context.flateStream = (contents, dict = {}) =>
    context.stream(deflateSync(typedArrayFor(contents)), { ...dict, Filter: 'FlateDecode' });
}

/**
 * Content streams (the drawing operators of each page) are deflated by pdf-lib only when the file
 * is saved; just before that, each becomes a raw stream holding Node's deflate of the same bytes.
 * The page must not be drawn on after this.
 */
export function deflateContentStreams(doc: PDFDocument): void {
  const { context } = doc;
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFFlateStream && object.dict.get(PDFName.of('Filter')) === flate) {
      context.assign(ref, PDFRawStream.of(object.dict, deflateSync(object.getUnencodedContents())));
    }
  }
}
