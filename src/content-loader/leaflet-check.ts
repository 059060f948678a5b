/**
 * The check is the build's check: every leaflet is laid out by the renderer's own steps
 * (src/leaflet/index.ts, leafletProblem: layout at the richest level that fits, the print font's
 * glyphs, figures), and whatever would stop the build becomes a content issue naming the file and
 * field that cause it. The text policy (text-check.ts) names most of these first, field by field;
 * this catches what depends on the whole leaflet: a word wider than a column, or a commune whose own
 * places do not fit even at the least detailed level.
 */
import type { Catalog } from '../domain/types.ts';
import type { ContentIssue } from '../domain/issues.ts';
import { codePoint } from '../domain/text-policy.ts';
import { allLeafletSlugs, leafletVariant } from '../leaflet/content.ts';
import { MissingGlyphError } from '../leaflet/fonts.ts';
import { LeafletOverflowError, leafletProblem } from '../leaflet/index.ts';
import { WordTooWideError } from '../leaflet/layout/wrap.ts';
import { fieldName } from './messages.ts';

type Path = (string | number)[];

interface SourceData {
  file: string;
  data: unknown;
}

/** The first value of the content (a file and a path in it) whose text holds `needle`. */
function locate(files: readonly SourceData[], needle: string): { file: string; path: Path } | undefined {
  const find = (value: unknown, path: Path): Path | undefined => {
    if (typeof value === 'string')
      return value
        .normalize('NFC')
        .replace(/\u202f/g, '\u00a0')
        .includes(needle)
        ? path
        : undefined;
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) {
        const found = find(item, [...path, i]);
        if (found) return found;
      }
    } else if (value && typeof value === 'object' && !(value instanceof Date)) {
      for (const [key, item] of Object.entries(value)) {
        const found = find(item, [...path, key]);
        if (found) return found;
      }
    }
    return undefined;
  };
  for (const { file, data } of files) {
    const path = find(data, []);
    if (path) return { file, path };
  }
  return undefined;
}

function at(
  files: readonly SourceData[],
  needle: string,
  fallback: string,
): Pick<ContentIssue, 'file' | 'path' | 'field'> {
  const found = needle ? locate(files, needle) : undefined;
  return found
    ? { file: found.file, path: found.path, field: fieldName(found.path) }
    : { file: fallback, field: 'plaquette' };
}

/**
 * One issue per distinct cause. `files` are the parsed content files, the places, communes,
 * organisations and site first (what the leaflet prints); `siteFile` takes what no field explains.
 */
export async function leafletIssues(
  catalog: Catalog,
  files: readonly SourceData[],
  siteFile: string,
  base: string,
): Promise<ContentIssue[]> {
  const issues = new Map<string, ContentIssue>();
  for (const slug of allLeafletSlugs(catalog)) {
    const problem = await leafletProblem(catalog, leafletVariant(slug), { base });
    if (!problem) continue;
    const leaflet =
      slug === allLeafletSlugs(catalog)[0]
        ? 'la plaquette générale'
        : `la plaquette de ${catalog.communes.find((c) => c.id === slug)?.name ?? slug}`;
    let issue: ContentIssue;
    if (problem instanceof MissingGlyphError) {
      issue = {
        ...at(files, problem.char, siteFile),
        message: `caractère absent de la police de la plaquette : « ${problem.char} » (${codePoint(problem.char)}), dans ${leaflet}`,
        expected: 'des lettres, chiffres et signes de ponctuation du français, sans émoji ni symbole',
      };
    } else if (problem.cause instanceof WordTooWideError) {
      const { word, wordWidth, available } = problem.cause;
      // « 62220 Carvin » is one word on paper (a no-break space): the longest part names the field.
      const part = word.split(/[\u00a0\s]/).sort((a, b) => b.length - a.length)[0] ?? word;
      issue = {
        ...at(files, part, siteFile),
        message: `mot trop large pour une colonne de ${leaflet} : « ${word} » (${wordWidth.toFixed(0)} pt pour ${available.toFixed(0)} pt)`,
        expected: 'des mots plus courts : la plaquette ne coupe jamais un mot (ajoutez une espace, ou abrégez)',
      };
    } else if (problem instanceof LeafletOverflowError) {
      const commune = catalog.communes.find((c) => c.id === slug);
      issue = {
        file: commune?.file ?? siteFile,
        line: 1,
        field: 'plaquette',
        message: `${leaflet} ne tient pas, même sans horaires et avec un seul numéro par lieu : volet ${problem.panel} « ${problem.frameTitle} », ${Math.ceil(problem.overflow)} pt de trop`,
        expected: commune
          ? 'des noms, adresses et précisions plus courts pour les lieux de la commune (ils sont toujours imprimés en entier), ou moins de lieux'
          : 'un nom de territoire et une accroche (tagline) plus courts dans site.yaml',
      };
    } else {
      issue = {
        file: siteFile,
        line: 1,
        field: 'plaquette',
        message: `${leaflet} ne peut pas être produite : ${problem.message}`,
        expected: 'un contenu que la plaquette sait imprimer',
      };
    }
    // The same cause stops several leaflets (the general one and a commune's): one issue says it.
    const cause =
      problem instanceof MissingGlyphError
        ? problem.char
        : problem.cause instanceof WordTooWideError
          ? problem.cause.word
          : slug;
    const key = `${issue.file}|${issue.field}|${cause}`;
    if (!issues.has(key)) issues.set(key, issue);
  }
  return [...issues.values()];
}
