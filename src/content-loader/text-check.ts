/**
 * The text policy (src/domain/text-policy.ts) over every value of every content file: which kind of
 * field each value is (for its maximum length) and which fields the leaflet prints (for the print
 * font's glyphs). Called by loadContent for each file, so `npm run check`, the build and the tests
 * apply it alike.
 */
import type { ContentIssue } from '../domain/issues.ts';
import { textProblems, type PolicyOptions, type TextKind } from '../domain/text-policy.ts';
import type { CollectionName } from './collections.ts';
import { fieldName } from './messages.ts';

type Path = (string | number)[];

/** A field's path with list positions left out: `phones[].label`. */
const pattern = (path: Path) =>
  path
    .map((key) => (typeof key === 'number' ? '[]' : key))
    .join('.')
    .replace(/\.\[\]/g, '[]');

/**
 * The fields the leaflet prints (src/leaflet/content.ts), by collection, with the largest size they
 * are printed at: their characters must be in the print font, and none of their words may be wider
 * than the narrowest line (a web address breaks after « / », so only its characters count; a city
 * is printed after its postcode and a no-break space). The renderer checks the texts it lays out;
 * this names the field first. tests/unit/check-build-agreement.test.ts and the property tests prove
 * that content passing here never stops the leaflet.
 */
type Printed = 'large' | 'body' | 'city' | 'url';
const leafletFields: Partial<Record<CollectionName, Record<string, Printed>>> = {
  site: {
    'territory.name': 'large',
    tagline: 'large',
    'publisher.name': 'body',
    'convention.period': 'body',
    version: 'body',
    url: 'url',
    'portal.url': 'url',
    basePath: 'url',
  },
  communes: { name: 'large' },
  organisations: { name: 'body', shortName: 'body' },
  places: {
    name: 'body',
    town: 'body',
    'address.street': 'body',
    'address.postcode': 'body',
    'address.city': 'city',
    phone: 'body',
    'phones[].number': 'body',
    'phones[].label': 'body',
    'hoursNotes[]': 'body',
  },
};

/** What the leaflet's rules need: the print font's coverage and widths (src/leaflet/fonts.ts, words.ts). */
export interface PrintChecks {
  missingGlyphs: (text: string) => string[];
  wideWords?: (text: string, size: 'large' | 'body') => string[];
}

function printedOptions(printed: Printed | undefined, checks: PrintChecks): PolicyOptions {
  if (!printed) return {};
  const wide = checks.wideWords;
  return {
    printed: true,
    missingGlyphs: checks.missingGlyphs,
    ...(wide && printed !== 'url'
      ? {
          wideWords:
            printed === 'city'
              ? (text: string) => wide(`00000\u00a0${text}`, 'body')
              : (text: string) => wide(text, printed),
        }
      : {}),
  };
}

/** Kinds of the fields that have their own limit; any other value is `text` (or by its last key, below). */
const fieldKinds: Partial<Record<CollectionName, Record<string, TextKind>>> = {
  site: {
    'territory.name': 'name',
    'publisher.name': 'name',
    title: 'name',
    shortTitle: 'name',
    tagline: 'description',
  },
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

/** Files written by a program, not typed: the official referential verbatim, the recorded audit evidence. Characters only. */
const machineWritten = new Set<CollectionName>(['referentials', 'accessibilityAutomated']);

function kindOf(collection: CollectionName, path: Path): TextKind {
  if (machineWritten.has(collection)) return 'body';
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
export function textIssues(
  file: string,
  collection: CollectionName,
  data: unknown,
  checks: PrintChecks,
): ContentIssue[] {
  const printed = leafletFields[collection] ?? {};
  const issues: ContentIssue[] = [];
  for (const { value, path } of strings(data)) {
    const problems = textProblems(value, kindOf(collection, path), printedOptions(printed[pattern(path)], checks));
    for (const problem of problems) {
      issues.push({
        file,
        path,
        field: fieldName(path),
        message: problem.message,
        expected: problem.expected,
        ...(problem.severity === 'warning' ? { severity: 'warning' as const } : {}),
      });
    }
  }
  return issues;
}

/** The policy over an MDX body (the page's text): characters only, each problem at its line. */
export function bodyIssues(file: string, body: string, bodyLine: number): ContentIssue[] {
  const issues: ContentIssue[] = [];
  body.split('\n').forEach((line, index) => {
    for (const problem of textProblems(line.replace(/\r$/, ''), 'body')) {
      issues.push({
        file,
        line: bodyLine + index,
        field: 'texte MDX',
        message: problem.message,
        expected: problem.expected,
        ...(problem.severity === 'warning' ? { severity: 'warning' as const } : {}),
      });
    }
  });
  return issues;
}
