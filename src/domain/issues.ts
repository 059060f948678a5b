import type { Catalog } from './types.ts';

/*
 * What every content check returns, and the near-name suggestion they share. A module of its own,
 * below references.ts and the checks it runs (search words, accessibility audit), so that they
 * need not import references.ts back.
 */

/** One problem in the content, as an editor must read it. */
export interface ContentIssue {
  /** Path of the file from the project root, e.g. "content/places/caf-carvin.yaml". */
  file: string;
  /** Line in that file, when known. */
  line?: number;
  /** The field, as written in the file ("hours[2].closes"), or what the problem is about. */
  field: string;
  /** What is wrong. */
  message: string;
  /** What is expected instead. */
  expected?: string;
  /** "Did you mean …?" when a near name exists, or another tip. */
  hint?: string;
  /** A warning does not stop the build. */
  severity?: 'error' | 'warning';
  /** Where the field sits in the file's data, for the loader to find its line. */
  path?: (string | number)[];
}

/** Levenshtein distance, to suggest the slug an editor probably meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

export function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(value, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

/** Whatever parts of the content could be read: checks run on them even when others failed. */
export type PartialCatalog = { [K in keyof Catalog]?: Catalog[K] };
