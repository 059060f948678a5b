/**
 * Sizes and colours of the leaflet. Body text stays at 10 pt or more: the leaflet is handed to
 * people at a counter, often read without glasses at hand.
 */

export type FontKey = 'regular' | 'bold';

export interface TextStyle {
  font: FontKey;
  /** Font size in points. */
  size: number;
  /** Distance between two baselines, in points. */
  lineHeight: number;
  color: ColorKey;
  /** Space above the block, dropped at the top of a frame. */
  spaceBefore: number;
}

export type ColorKey = 'text' | 'primary' | 'primaryDark' | 'level1' | 'level2' | 'muted' | 'fold';

/** Hex colours; the site's own colours come from content/site.yaml and override these defaults. */
export type Palette = Record<ColorKey, string>;

export const defaultPalette: Palette = {
  text: '#1b1b1b',
  primary: '#0b6e4f',
  primaryDark: '#074632',
  level1: '#5b3f8c',
  level2: '#0b6e4f',
  muted: '#4a4a4a',
  fold: '#9a9a9a',
};

export const styles = {
  body: { font: 'regular', size: 10, lineHeight: 13, color: 'text', spaceBefore: 5 },
  lead: { font: 'regular', size: 12, lineHeight: 16, color: 'text', spaceBefore: 8 },
  kicker: { font: 'bold', size: 10.5, lineHeight: 13.5, color: 'primary', spaceBefore: 0 },
  h1: { font: 'bold', size: 25, lineHeight: 28.5, color: 'primaryDark', spaceBefore: 10 },
  h2: { font: 'bold', size: 14.5, lineHeight: 17.5, color: 'primaryDark', spaceBefore: 16 },
  h3: { font: 'bold', size: 11, lineHeight: 14, color: 'primaryDark', spaceBefore: 9 },
  list: { font: 'regular', size: 10, lineHeight: 13, color: 'text', spaceBefore: 3 },
} as const satisfies Record<string, TextStyle>;

export const list = {
  /** Distance from the bullet to the item's text. */
  indent: 10,
  /** Space between two items. */
  itemGap: 2.5,
  bullet: '•',
};

/** The short bar drawn above each second-level heading (decoration: tagged as an artifact). */
export const headingBar = { width: 26, thickness: 2.5, gap: 5 };

/** Space kept around the QR code (its quiet zone is white paper: nothing is drawn there). */
export const qrMargin = { before: 8, after: 6 };

/** Font metrics of the face (Atkinson Hyperlegible Next), in em: used to place baselines. */
export const faceMetrics = { ascent: 0.984, descent: 0.316 };
