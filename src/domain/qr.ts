import QRCode from 'qrcode';

const utf8 = new TextEncoder();

/**
 * The modules of the QR code of an address, row by row (1 = dark), for the page's sheet and the leaflet.
 *
 * Error correction M: 15 % of the code may be damaged, and printed sheets and leaflets get folded
 * and stamped; H would make the modules of a long address too small.
 *
 * The address goes in as one byte segment. Left to itself, the library looks for the shortest mix of
 * modes (digits, capitals, bytes) with a graph walk, half the time of a code (a département's build
 * makes 8,000); a web address in lower case is bytes anyway, so the code is the same. The mask is
 * still the one of lowest penalty, as the standard asks.
 */
export function qrModules(text: string): { size: number; data: Uint8Array } {
  const { size, data } = QRCode.create([{ data: utf8.encode(text), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
  }).modules;
  return { size, data };
}

/**
 * A QR code as one SVG path, in module units, with the quiet zone of 4 modules the standard asks for:
 * sharp on paper at any size, a few hundred bytes, and the same code the page's script draws for an
 * answer with several situations (it imports this module).
 */
export function qrSvg(text: string, label: string): string {
  const { size, data } = qrModules(text);
  const quiet = 4;
  let path = '';
  for (let row = 0; row < size; row++) {
    let column = 0;
    while (column < size) {
      if (data[row * size + column] !== 1) {
        column++;
        continue;
      }
      const start = column;
      while (column < size && data[row * size + column] === 1) column++;
      path += `M${start + quiet} ${row + quiet}h${column - start}v1h${start - column}z`;
    }
  }
  const side = size + 2 * quiet;
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img" aria-label="${escape(label)}" shape-rendering="crispEdges"><rect width="${side}" height="${side}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}
