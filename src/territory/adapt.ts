/**
 * What a new territory can take from an existing content tree (by default the CAHC's): the national
 * text (the law, the national portal, the income ceilings) stays true anywhere, but the source
 * territory's own facts (its name, communes, places, partners, convention) are true only there.
 * A line or a sentence that names one of them is left out rather than rewritten: « dans
 * l’agglomération, ce sont la plupart des mairies » cannot become a fact about another EPCI.
 * Legal pages are the publisher's: there the source publisher's name becomes the new one.
 */
import { parseDocument, type Document } from 'yaml';

export interface Markers {
  /** Words and names that belong to the source territory only. */
  words: string[];
  /** Ids that exist in the new tree, by kind of address (/infos/…, /lieux/…, /communes/…, pages). */
  topics: ReadonlySet<string>;
  places: ReadonlySet<string>;
  communes: ReadonlySet<string>;
  pages: ReadonlySet<string>;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function markerPattern(words: readonly string[]): RegExp {
  const unique = [...new Set(words.filter((w) => w.trim().length > 1))].sort((a, b) => b.length - a.length);
  if (unique.length === 0) return /(?!)/;
  // Apostrophes are written both ways; a name is a whole word (« Lens » is not in « Lensois », nor « CAF » in « CAFÉ »).
  const alternatives = unique.map((w) => escape(w).replace(/['’]/g, "['’]"));
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/** A link of the text to a page the new tree does not have. */
function deadLink(text: string, markers: Markers): boolean {
  for (const match of text.matchAll(/\]\(\/([a-z0-9-]+)\/(?:([a-z0-9-]+)\/)?[^)]*\)/g)) {
    const [, first, id] = match;
    if (first === 'lieux' && id && !markers.places.has(id)) return true;
    if (first === 'communes' && id && !markers.communes.has(id)) return true;
    if (first === 'infos' && id && !markers.topics.has(id)) return true;
  }
  return false;
}

export function mentionsSource(text: string, pattern: RegExp, markers: Markers): boolean {
  return pattern.test(text) || deadLink(text, markers);
}

/**
 * The MDX body without the lines that name the source territory or link to what the new tree
 * lacks (headings are renamed first, see renameHeading); a heading left with nothing under it, and a line announcing a list (« … : ») left without
 * its list, go too.
 */
export function adaptBody(
  body: string,
  pattern: RegExp,
  markers: Markers,
  heading?: { rename: (line: string) => string; pattern: RegExp },
): string {
  // A heading names a section, not a fact: « La grille de cotation de l’agglomération » is renamed
  // for the new territory, then only the source's names (not its area words) leave it out, with its
  // whole section (« La convention de la CAHC »: every line under it is the source's story).
  let skipping: number | undefined;
  const kept = body.split('\n').flatMap((line) => {
    const level = /^(#+)\s/.exec(line)?.[1]!.length;
    if (skipping !== undefined && (level === undefined || level > skipping)) return [];
    skipping = undefined;
    if (level !== undefined) {
      const renamed = heading ? heading.rename(line) : line;
      if (mentionsSource(renamed, heading?.pattern ?? pattern, markers)) {
        skipping = level;
        return [];
      }
      return [renamed];
    }
    return mentionsSource(line, pattern, markers) ? [] : [line];
  });
  const out: string[] = [];
  for (let i = 0; i < kept.length; i++) {
    const line = kept[i]!;
    const next = kept.slice(i + 1).find((l) => l.trim() !== '');
    const heading = /^(#+)\s/.exec(line);
    if (heading) {
      const nextHeading = next === undefined ? undefined : /^(#+)\s/.exec(next);
      if (next === undefined || (nextHeading && nextHeading[1]!.length <= heading[1]!.length)) continue;
    }
    if (/:\s*$/.test(line) && !/^\s*[-*|]/.test(line) && (next === undefined || !/^\s*(?:[-*]|\d+\.)\s/.test(next)))
      continue;
    out.push(line);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}

/** The sentences of a text that do not name the source territory (empty when none is left). */
export function adaptSentences(text: string, pattern: RegExp, markers: Markers): string {
  const sentences = text.split(/(?<=[.!?])\s+(?=\p{Lu})/u);
  return sentences
    .filter((s) => !mentionsSource(s, pattern, markers))
    .join(' ')
    .trim();
}

/** Every string of a YAML document, sentence by sentence (`keep` names the fields left as they are). */
export function adaptYamlStrings(
  doc: Document,
  pattern: RegExp,
  markers: Markers,
  keep: ReadonlySet<string> = new Set(),
): void {
  const visit = (node: unknown, key?: string) => {
    const n = node as { items?: unknown[]; value?: unknown; key?: unknown };
    if (n && Array.isArray(n.items)) {
      for (const item of n.items) {
        const pair = item as { key?: { value?: unknown }; value?: unknown };
        if (pair && 'key' in (pair as object) && 'value' in (pair as object))
          visit(pair.value, String(pair.key?.value));
        else visit(item, key);
      }
    } else if (n && typeof n.value === 'string' && !(key && keep.has(key))) {
      n.value = adaptSentences(n.value, pattern, markers);
    }
  };
  visit(doc.contents);
}

export function replaceAll(text: string, replacements: readonly (readonly [string, string])[]): string {
  let out = text;
  for (const [from, to] of [...replacements]
    .filter(([from]) => from.length > 0)
    .sort((a, b) => b[0].length - a[0].length)) {
    out = out.replace(new RegExp(escape(from).replace(/['’]/g, "['’]"), 'g'), to);
  }
  return out;
}

export interface MdxFile {
  yaml: string;
  body: string;
}

export function splitMdx(text: string): MdxFile {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error('en-tête (front matter) absent');
  return { yaml: match[1]!, body: match[2]! };
}

export const joinMdx = (doc: Document, body: string) => `---\n${doc.toString({ lineWidth: 0 })}---\n${body}`;

export { parseDocument };
