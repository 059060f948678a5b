import fontkit from '@pdf-lib/fontkit';
import { fontBytes, printable } from './fonts.ts';
import { panels, panelPadding } from './layout/geometry.ts';
import { list, styles } from './theme.ts';

/**
 * The narrowest line a content field can be printed on: a list item (the desks) in the narrow
 * panel. The line breaker (layout/wrap.ts) breaks at spaces only and never splits a word, so a
 * longer word stops the leaflet; the content check names the field with this measure first.
 */
const narrowestLine = Math.min(...Object.values(panels).map((p) => p.width)) - 2 * panelPadding.side - list.indent;

/** The largest style a field is printed in: a commune's name on the cover (bold, lead size), or a desk line (bold, body size). */
export type PrintedSize = 'large' | 'body';
const sizes: Record<PrintedSize, number> = { large: styles.lead.size, body: styles.list.size };

/**
 * Words of a text wider than the narrowest line, measured in the bold face (the wider of the two)
 * at the field's size. Words are separated by U+0020 only, as the line breaker does.
 */
export async function wideWords(): Promise<(text: string, size: PrintedSize) => string[]> {
  const face = fontkit.create((await fontBytes()).bold as unknown as Buffer);
  const widths = new Map<string, number>();
  const width = (word: string) => {
    let w = widths.get(word);
    if (w === undefined) {
      w = face.glyphsForString(word).reduce((sum, glyph) => sum + glyph.advanceWidth, 0) / face.unitsPerEm;
      widths.set(word, w);
    }
    return w;
  };
  return (text, size) =>
    printable(text)
      .split(/ +/)
      .filter((word) => word !== '' && width(word) * sizes[size] > narrowestLine + 0.01);
}
