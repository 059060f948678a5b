import type { ColorKey, FontKey } from '../theme.ts';
import type { ContentSlot, SemanticNode } from './display.ts';

/** Width of a text in points; the real one comes from the embedded font (font.widthOfTextAtSize). */
export type MeasureText = (text: string, font: FontKey, size: number) => number;

/** Text with one look and one owner in the tag tree. */
export interface InlineRun {
  text: string;
  font: FontKey;
  color: ColorKey;
  mark: ContentSlot;
  /** The link node this run belongs to, if any. */
  link?: SemanticNode;
  /** Web address: may break after a "/" that is not part of "://". */
  url?: boolean;
}

/** A run of a line, placed at x (relative to the line's start). */
export interface Piece {
  text: string;
  font: FontKey;
  color: ColorKey;
  mark: ContentSlot;
  link?: SemanticNode;
  x: number;
  width: number;
}

export interface Line {
  pieces: Piece[];
  width: number;
}

/** Thrown when a single word cannot fit the measure: the layout reports it with the panel's name. */
export class WordTooWideError extends Error {
  readonly word: string;
  readonly wordWidth: number;
  readonly available: number;

  constructor(word: string, wordWidth: number, available: number) {
    super(
      `le mot « ${word} » est plus large que la colonne (${wordWidth.toFixed(1)} pt pour ${available.toFixed(1)} pt)`,
    );
    this.word = word;
    this.wordWidth = wordWidth;
    this.available = available;
  }
}

interface Fragment {
  text: string;
  run: number;
}

interface Word {
  fragments: Fragment[];
  /** What precedes the word: a breaking space (printed unless at a line start) or a silent break. */
  gap: 'space' | 'none';
  width: number;
}

/**
 * Splits runs into words. Only U+0020 separates words: U+00A0 (before « : », inside « 28 novembre
 * 2026 », after « ») stays inside its word, so those never break. Addresses may also break after a
 * path "/" so that a long address can wrap without a hyphen being added or a letter split.
 */
function words(runs: readonly InlineRun[], size: number, measure: MeasureText): Word[] {
  const result: Word[] = [];
  let current: Word | undefined;
  let gap: Word['gap'] = 'none';
  const add = (text: string, run: number) => {
    if (!current) {
      current = { fragments: [], gap, width: 0 };
      result.push(current);
      gap = 'none';
    }
    const last = current.fragments[current.fragments.length - 1];
    if (last && last.run === run) last.text += text;
    else current.fragments.push({ text, run });
  };
  const endWord = (kind: Word['gap']) => {
    current = undefined;
    if (kind === 'space') gap = 'space';
  };

  runs.forEach((run, index) => {
    for (const part of run.text.split(/( +)/)) {
      if (part === '') continue;
      if (part.startsWith(' ')) {
        endWord('space');
        continue;
      }
      // In an address, a break may follow "/" except inside "://".
      const pieces = run.url ? part.split(/(?<=[^:/]\/)(?=[^/])/) : [part];
      pieces.forEach((piece, i) => {
        if (i > 0) endWord('none');
        add(piece, index);
      });
    }
  });

  for (const word of result) {
    word.width = word.fragments.reduce((sum, f) => sum + measure(f.text, runs[f.run]!.font, size), 0);
  }
  return result;
}

/**
 * Greedy line filling, ragged right: the best choice for narrow columns of plain French (no
 * justification rivers, no hyphenation, every word whole).
 */
export function wrap(runs: readonly InlineRun[], width: number, size: number, measure: MeasureText): Line[] {
  const list = words(runs, size, measure);
  const lines: Word[][] = [];
  let line: Word[] = [];
  let lineWidth = 0;
  // The space between two words is printed in the font of the run that carries it (see toLine).
  const spaceWidth = (previous: Word, next: Word) => measure(' ', runs[spaceRun(runs, previous, next)]!.font, size);

  for (const word of list) {
    if (word.width > width + 0.01) {
      throw new WordTooWideError(word.fragments.map((f) => f.text).join(''), word.width, width);
    }
    const gap = line.length > 0 && word.gap === 'space' ? spaceWidth(line[line.length - 1]!, word) : 0;
    if (line.length > 0 && lineWidth + gap + word.width > width + 0.01) {
      lines.push(line);
      line = [word];
      lineWidth = word.width;
    } else {
      line.push(word);
      lineWidth += gap + word.width;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines.map((wordsOfLine) => toLine(wordsOfLine, runs, size, measure));
}

/**
 * Which run carries the space between two words: the one before it, unless that one is a link and
 * the next is not — a link's clickable area and its tagged text then hold the link text only.
 */
function spaceRun(runs: readonly InlineRun[], previous: Word, next: Word): number {
  const before = previous.fragments[previous.fragments.length - 1]!.run;
  const after = next.fragments[0]!.run;
  return runs[before]!.link && !runs[after]!.link ? after : before;
}

/** Merges the words of a line into pieces (one per run) and places them. */
function toLine(lineWords: Word[], runs: readonly InlineRun[], size: number, measure: MeasureText): Line {
  const fragments: Fragment[] = [];
  lineWords.forEach((word, i) => {
    const copy = word.fragments.map((f) => ({ ...f }));
    if (i > 0 && word.gap === 'space') {
      if (spaceRun(runs, lineWords[i - 1]!, word) === copy[0]!.run) copy[0]!.text = ` ${copy[0]!.text}`;
      else fragments[fragments.length - 1]!.text += ' ';
    }
    for (const f of copy) {
      const last = fragments[fragments.length - 1];
      if (last && last.run === f.run) last.text += f.text;
      else fragments.push(f);
    }
  });

  const pieces: Piece[] = [];
  let x = 0;
  for (const f of fragments) {
    const run = runs[f.run]!;
    const w = measure(f.text, run.font, size);
    const last = pieces[pieces.length - 1];
    if (
      last &&
      last.font === run.font &&
      last.color === run.color &&
      last.mark === run.mark &&
      last.link === run.link
    ) {
      last.text += f.text;
      last.width += w;
    } else {
      pieces.push({
        text: f.text,
        font: run.font,
        color: run.color,
        mark: run.mark,
        ...(run.link ? { link: run.link } : {}),
        x,
        width: w,
      });
    }
    x += w;
  }
  return { pieces, width: x };
}
