/**
 * The text policy (src/domain/text-policy.ts) over every value of every content file: which kind of
 * field each value is (for its maximum length) and which fields the leaflet prints (for the print
 * font's glyphs). Called by loadContent for each file, so `npm run check`, the build and the tests
 * apply it alike.
 */
import type { ContentIssue } from '../domain/references';
import { textProblems, type TextKind } from '../domain/text-policy';
import type { CollectionName } from './collections';
import { fieldName } from './messages';

type Path = (string | number)[];

/** A field's path with list positions left out: `phones[].label`. */
const pattern = (path: Path) => path.map((key) => (typeof key === 'number' ? '[]' : key)).join('.').replace(/\.\[\]/g, '[]');

/**
 * The fields the leaflet prints (src/leaflet/content.ts), by collection: their characters must be
 * in the print font. The renderer checks the texts it lays out; this names the field before it.
 * tests/unit/text-policy-agreement.test.ts proves that a text passing here never stops the leaflet.
 */
export const leafletFields: Partial<Record<CollectionName, readonly string[]>> = {
  site: ['territory.name', 'tagline', 'publisher.name', 'convention.period', 'version', 'url', 'portal.url', 'basePath'],
  communes: ['name'],
  organisations: ['name', 'shortName'],
  places: ['name', 'town', 'address.street', 'address.postcode', 'address.city', 'phone', 'phones[].number', 'phones[].label', 'hoursNotes[]'],
};

/** Kinds of the fields that have their own limit; any other value is `text` (or by its last key, below). */
const fieldKinds: Partial<Record<CollectionName, Record<string, TextKind>>> = {
  site: { 'territory.name': 'name', 'publisher.name': 'name', title: 'name', shortTitle: 'name', tagline: 'description' },
  communes: { name: 'name' },
  organisations: { name: 'name', shortName: 'name' },
  places: {
    name: 'name',
    town: 'name',
    'address.street': 'addressLine',
    'address.complement': 'addressLine',
    'address.city': 'city',
    'phones[].label': 'label',
    'hoursNotes[]': 'note',
  },
};

const byLastKey: Record<string, TextKind> = {
  url: 'url',
  website: 'url',
  directoryUrl: 'url',
  contactUrl: 'url',
  email: 'email',
  contactEmail: 'email',
  summary: 'description',
  description: 'description',
  role: 'description',
  definition: 'description',
  notes: 'description',
  accessibility: 'description',
};

export function kindOf(collection: CollectionName, path: Path): TextKind {
  const key = pattern(path);
  const own = fieldKinds[collection]?.[key];
  if (own) return own;
  const last = [...path].reverse().find((k): k is string => typeof k === 'string');
  return (last && byLastKey[last]) || 'text';
}

/** Every string of a file's data, with its path. */
function* strings(value: unknown, path: Path = []): Generator<{ value: string; path: Path }> {
  if (typeof value === 'string') yield { value, path };
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, [...path, i]);
  else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) yield* strings(item, [...path, key]);
  }
}

/** The policy's problems in one file's data (YAML or front matter): issues with a path, for the loader to find the line. */
export function textIssues(file: string, collection: CollectionName, data: unknown, missingGlyphs: (text: string) => string[]): ContentIssue[] {
  const printed = new Set(leafletFields[collection] ?? []);
  const issues: ContentIssue[] = [];
  for (const { value, path } of strings(data)) {
    const problems = textProblems(value, kindOf(collection, path), { printed: printed.has(pattern(path)), missingGlyphs });
    for (const problem of problems) {
      issues.push({ file, path, field: fieldName(path), message: problem.message, expected: problem.expected, ...(problem.severity === 'warning' ? { severity: 'warning' as const } : {}) });
    }
  }
  return issues;
}

/** The policy over an MDX body (the page's text): characters only, each problem at its line. */
export function bodyIssues(file: string, body: string, bodyLine: number): ContentIssue[] {
  const issues: ContentIssue[] = [];
  body.split('\n').forEach((line, index) => {
    for (const problem of textProblems(line.replace(/\r$/, ''), 'body')) {
      issues.push({ file, line: bodyLine + index, field: 'texte MDX', message: problem.message, expected: problem.expected, ...(problem.severity === 'warning' ? { severity: 'warning' as const } : {}) });
    }
  });
  return issues;
}
