import { createHash } from 'node:crypto';
import { PDFHexString, PDFName, type PDFDocument } from 'pdf-lib';

export interface DocumentInfo {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  /** BCP 47 language tag, e.g. fr-FR. */
  language: string;
  creator: string;
  producer: string;
  /** Creation and modification date: the content's date, never "now" (same content, same bytes). */
  date: Date;
  /** Anything that identifies this file's content: hashed into the trailer /ID. */
  fingerprint: string;
  /** Write the PDF/UA identification and the viewer preferences of an accessible document. */
  accessible: boolean;
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** XMP packet (ISO 16684-1): Dublin Core, PDF and XMP basic properties, and the PDF/UA claim. */
export function xmpPacket(info: DocumentInfo): string {
  const iso = info.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const alt = (value: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(value)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about=""',
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ...(info.accessible ? ['    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"'] : []),
    '  >',
    '   <dc:format>application/pdf</dc:format>',
    `   <dc:title>${alt(info.title)}</dc:title>`,
    `   <dc:description>${alt(info.subject)}</dc:description>`,
    `   <dc:creator><rdf:Seq><rdf:li>${escapeXml(info.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:language><rdf:Bag><rdf:li>${escapeXml(info.language)}</rdf:li></rdf:Bag></dc:language>`,
    `   <dc:subject><rdf:Bag>${info.keywords.map((k) => `<rdf:li>${escapeXml(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`,
    `   <pdf:Producer>${escapeXml(info.producer)}</pdf:Producer>`,
    `   <pdf:Keywords>${escapeXml(info.keywords.join(', '))}</pdf:Keywords>`,
    `   <xmp:CreatorTool>${escapeXml(info.creator)}</xmp:CreatorTool>`,
    `   <xmp:CreateDate>${iso}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${iso}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${iso}</xmp:MetadataDate>`,
    ...(info.accessible ? ['   <pdfuaid:part>1</pdfuaid:part>'] : []),
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/**
 * Document information (Info dictionary and XMP, which must agree), language, and a trailer /ID
 * derived from the content. pdf-lib would otherwise stamp "now" and its own name: the document is
 * created with `updateMetadata: false` and everything is set here, so the same content gives the
 * same bytes.
 */
export function writeMetadata(doc: PDFDocument, info: DocumentInfo): void {
  // Viewers show the title, not the file name (PDF/UA asks for it; harmless otherwise).
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  doc.setSubject(info.subject);
  doc.setAuthor(info.author);
  // pdf-lib joins keywords with spaces, which merges multi-word keywords: join them with commas.
  doc.setKeywords([info.keywords.join(', ')]);
  doc.setCreator(info.creator);
  doc.setProducer(info.producer);
  doc.setCreationDate(info.date);
  doc.setModificationDate(info.date);
  doc.setLanguage(info.language);

  const { context, catalog } = doc;
  // Uncompressed, as PDF/A and PDF/UA ask, so that any tool can read the metadata.
  const xmp = context.stream(new TextEncoder().encode(xmpPacket(info)), { Type: 'Metadata', Subtype: 'XML' });
  catalog.set(PDFName.of('Metadata'), context.register(xmp));

  const id = createHash('sha256').update(info.fingerprint).digest('hex').slice(0, 32).toUpperCase();
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
