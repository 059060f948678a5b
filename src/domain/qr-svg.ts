import QRCode from 'qrcode';

/**
 * A QR code as one SVG path, in module units, with the quiet zone of 4 modules the standard asks for:
 * sharp on paper at any size, a few hundred bytes, and the same code the page's script draws for an
 * answer with several situations (it imports this module).
 */
export function qrSvg(text: string, label: string): string {
  // M: 15 % may be damaged, as on the leaflet; a printed sheet gets folded and stamped.
  const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
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
