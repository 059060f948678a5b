import { formatDate } from './format.ts';
import type { Catalog } from './types.ts';

/** A dated change to the content: a date written in a file, or the day a file was last changed. */
export interface DatedChange {
  file: string;
  date: string;
  /** What the date is (« consulted », « lastChecked », « modifié (git) »…). */
  what: string;
}

const dateFields = ['consulted', 'lastChecked', 'modified'] as const;

/** Dates the editors write when they check something: every `consulted`, `lastChecked` and directory `modified`. */
export function datesInContent(
  catalog: Pick<Catalog, 'communes' | 'organisations' | 'places' | 'topics' | 'pages' | 'orientation'>,
): DatedChange[] {
  const found: DatedChange[] = [];
  const walk = (file: string, value: unknown): void => {
    if (Array.isArray(value)) value.forEach((item) => walk(file, item));
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (
          (dateFields as readonly string[]).includes(key) &&
          typeof inner === 'string' &&
          /^\d{4}-\d{2}-\d{2}$/.test(inner)
        )
          found.push({ file, date: inner, what: key });
        else walk(file, inner);
      }
    }
  };
  for (const entry of [
    ...catalog.communes,
    ...catalog.organisations,
    ...catalog.places,
    ...catalog.topics,
    ...catalog.pages,
    ...catalog.orientation,
  ]) {
    walk(entry.file, entry);
  }
  return found;
}

/** « 1.3 » → « 1.4 », « 2026.2 » → « 2026.3 »; undefined when the version has no number at its end. */
export function nextVersion(version: string): string | undefined {
  const match = /^(.*?)(\d+)$/.exec(version);
  return match ? `${match[1]}${Number(match[2]) + 1}` : undefined;
}

/**
 * The leaflets print « Vérifié le <contentDate> · version <version> »: when the content holds a
 * check or a change after that date, a print no longer says what it holds, and both should move.
 * `changes` adds what the files' history knows (the content report passes git's dates).
 */
export function contentDateAdvice(
  catalog: Pick<Catalog, 'site'> & Parameters<typeof datesInContent>[0],
  changes: readonly DatedChange[] = [],
  today?: string,
): string[] {
  const { contentDate, version } = catalog.site;
  const later = [...datesInContent(catalog), ...changes]
    .filter((c) => c.date > contentDate && (today === undefined || c.date <= today))
    .sort((a, b) => b.date.localeCompare(a.date) || a.file.localeCompare(b.file));
  if (later.length === 0) return [];
  const newest = later[0]!.date;
  const next = nextVersion(version);
  const files = [...new Map(later.map((c) => [c.file, c])).values()];
  const shown = files.slice(0, 5).map((c) => `${c.file} (${c.what} ${formatDate(c.date)})`);
  return [
    `le contenu a changé depuis la date imprimée sur les plaquettes (contentDate: ${contentDate}, version ${version}, content/site.yaml) : ${shown.join(', ')}${files.length > 5 ? ` et ${files.length - 5} autre(s)` : ''} ; ` +
      `avant de publier, mettez « contentDate: ${newest} »${next ? ` et « version: "${next}" »` : ' et changez « version »'}`,
  ];
}
