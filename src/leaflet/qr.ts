import { qrModules } from '../domain/qr.ts';
import type { Rect } from './layout/geometry.ts';

/** Dark modules of a QR code, row by row from the top: true = dark. */
export interface QrMatrix {
  size: number;
  dark: (row: number, column: number) => boolean;
}

/** The code of an address (src/domain/qr.ts: error correction M, one byte segment). */
export function qrMatrix(text: string): QrMatrix {
  // The renderer lays a leaflet out several times (levels of detail, number of desks) with the same
  // code: computing it is a fifth of a layout, so the last one is kept.
  if (last?.text === text) return last.matrix;
  const { size, data } = qrModules(text);
  const matrix: QrMatrix = { size, dark: (row, column) => data[row * size + column] === 1 };
  last = { text, matrix };
  return matrix;
}
let last: { text: string; matrix: QrMatrix } | undefined;

/**
 * The code as vector rectangles in module units (no bitmap: sharp at any print resolution, a few
 * hundred bytes). Dark modules next to each other on a row become one rectangle, which keeps the
 * content stream small; the painter scales the whole grid with one matrix, so that whole-number
 * coordinates leave no hairline gaps between rows.
 */
export function qrRects(matrix: QrMatrix): Rect[] {
  const rects: Rect[] = [];
  for (let row = 0; row < matrix.size; row++) {
    let column = 0;
    while (column < matrix.size) {
      if (!matrix.dark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < matrix.size && matrix.dark(row, column)) column++;
      rects.push({ x: start, y: matrix.size - row - 1, width: column - start, height: 1 });
    }
  }
  return rects;
}
