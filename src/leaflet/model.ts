/**
 * What the leaflet says, before any measuring: stories made of blocks made of spans.
 * The content builder (content.ts) writes this; the layout engine (layout/) reads it. Nothing here
 * knows about points, fonts or PDF tags.
 */

/** A run of text with one look. Spaces (U+0020) are break opportunities; U+00A0 never breaks. */
export interface Span {
  text: string;
  bold?: boolean;
  /** Colour key from the theme; body text colour when absent. */
  color?: 'text' | 'primary' | 'level1' | 'level2' | 'muted';
  /** Makes the span a link: printed as is, clickable, tagged as a Link. */
  link?: { uri: string; description: string };
  /** A web address: may also break after each "/" (never elsewhere inside it). */
  url?: boolean;
}

export type HeadingLevel = 1 | 2 | 3;

export interface HeadingBlock {
  type: 'heading';
  level: HeadingLevel;
  spans: Span[];
  /** Drawn like a heading of this level (default: its own level): the structure keeps `level`. */
  look?: HeadingLevel;
}

export interface ParagraphBlock {
  type: 'paragraph';
  spans: Span[];
  /** "lead" is the cover's larger text; "kicker" the small line above the title. */
  variant?: 'body' | 'lead' | 'kicker';
  /** Centre the lines in the frame (used under the QR code). */
  align?: 'left' | 'center';
}

export interface ListItem {
  /** Each entry starts on a new line inside the same item (e.g. a desk's name, then its level). */
  lines: Span[][];
}

export interface ListBlock {
  type: 'list';
  items: ListItem[];
}

export interface QrBlock {
  type: 'qr';
  /** The text the code encodes (an absolute address). */
  data: string;
  /** Alternative text for readers who cannot see the code. */
  alt: string;
  /** Side of the code, in points, quiet zone excluded. */
  size: number;
}

export type Block = HeadingBlock | ParagraphBlock | ListBlock | QrBlock;

/** Panel numbers in reading order once folded: 1 cover, 2-3-4 inside, 5 inner flap, 6 back. */
export type PanelNumber = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * A frame is a rectangle of a panel that a story fills. Most stories have one frame; the list of
 * desks may run from panel 5 into the top of panel 6.
 */
export interface FrameRef {
  panel: PanelNumber;
  /** Name of the frame in error messages, e.g. « Où s’adresser ». */
  title: string;
  /** "top" fills the panel above the bottom frame; "bottom" sits on the panel's lower margin. */
  part?: 'full' | 'top' | 'bottom';
}

/** A run of blocks that flows through its frames in order. */
export interface Story {
  id: string;
  frames: FrameRef[];
  blocks: Block[];
}

export interface LeafletContent {
  /** Identifier used in error messages: « plaquette-sai-cahc » or the commune id. */
  name: string;
  /** Stories in the order a reader meets them once the sheet is folded (the tag tree follows it). */
  stories: Story[];
}
