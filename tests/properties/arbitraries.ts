/**
 * Generators for the property tests (fast-check): adversarial texts, directory records as a
 * corrupted or tampered export could hold them, and place files as an editor (or a bad paste) could
 * leave them. Shared by the quick loop (tests/unit/properties.test.ts) and the longer runs of the
 * `site` project (tests/properties/*.test.ts).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { load as jsYaml } from 'js-yaml';
import { parseDocument } from 'yaml';
import { expect } from 'vitest';
import { loadContent } from '../../src/content-loader/load.ts';
import { textIssues } from '../../src/content-loader/text-check.ts';
import { dataInclusionExport } from '../../src/domain/data-inclusion-export.ts';
import { communeOf, organisationOf, placeLocality, placePhones } from '../../src/domain/directory.ts';
import { compactHours, formatAddress, hoursByDay } from '../../src/domain/format.ts';
import { placeRows, toCsv } from '../../src/domain/opendata.ts';
import { placeJsonLd } from '../../src/domain/structured-data.ts';
import type { Catalog } from '../../src/domain/types.ts';
import { DirectoryFileError, parseDirectory } from '../../src/directory-import/parse.ts';
import { formatSummary, importDirectory, type Outcome, type PlaceFile } from '../../src/directory-import/run.ts';
import type { ImportPolicy } from '../../src/directory-import/convert.ts';
import { allLeafletSlugs } from '../../src/leaflet/content.ts';
import { missingGlyphs } from '../../src/leaflet/fonts.ts';
import { leafletVariant, renderLeaflet } from '../../src/leaflet/index.ts';
import { wideWords } from '../../src/leaflet/words.ts';
import { placeSchema } from '../../src/schemas/place.ts';
import { projectRoot } from '../harness.ts';

const baseFolder = join(projectRoot, 'tests/fixtures/editors/base');
/** The valid place files of tests/fixtures/editors/base/, as the import script hands them over: one matched by kind and commune, one by its record. */
export const carvinText = await readFile(join(baseFolder, 'places/mairie-carvin.yaml'), 'utf8');
const cafText = await readFile(join(baseFolder, 'places/caf-carvin.yaml'), 'utf8');
export const basePlaces: PlaceFile[] = [
  {
    id: 'mairie-carvin',
    file: 'content/places/mairie-carvin.yaml',
    name: 'Mairie de Carvin',
    text: carvinText,
    directoryKind: 'mairie',
    insee: '62215',
  },
  { id: 'caf-carvin', file: 'content/places/caf-carvin.yaml', name: 'CAF', text: cafText, directoryRecord: 'r-2' },
];

/** Pieces a hostile or careless text is made of: direction, control, invisible, YAML syntax, paths, markup, sizes. */
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '\u202e',
      '\u202a',
      '\u2066',
      '\u2069',
      '\u200f',
      '\u200b',
      '\u200d',
      '\u00ad',
      '\ufeff',
      '\u2060',
      '\ufe0f',
      '\u0000',
      '\u0007',
      '\u001b[2J',
      '\u007f',
      '\u0085',
      '\u2028',
      '\u2029',
      '\ud800',
      '\udfff',
      '\u{e0041}',
      '🏠',
      '📞',
      '☎',
      '→',
      '✓',
      '\u{1d400}',
      'ﬁ',
      '\u0301',
      ' ',
      '  ',
      '\u00a0',
      '\u202f',
      '\n',
      '\r\n',
      '\t',
      '"',
      "'",
      ': ',
      ' #',
      '- ',
      '{',
      '}',
      '[',
      ']',
      '*a',
      '!tag ',
      '&x ',
      '|',
      '>',
      '%',
      '@',
      '`',
      '---',
      '...',
      '\\',
      '../',
      '/etc/passwd',
      'C:\\Windows',
      '<script>alert(1)</script>',
      '</script>',
      '&amp;',
      'javascript:',
      '=SUM(A1)',
      'é',
      'e\u0301',
      'Œ',
      '’',
      '« ',
      ' »',
      '–',
      '…',
      'Hénin-Beaumont',
      '62220',
      '01 99 00 01 00',
      '09:00',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'x'.repeat(400),
      'mot '.repeat(300),
      'Établissementsintercommunauxdecoopération',
      'é'.repeat(130),
    ),
  },
);

export const nastyText = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(''));

/** Plain French-looking text, mostly accepted: the other half of what the properties must see. */
const mildText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'Mairie',
        'de',
        'Carvin',
        'accueil',
        'le',
        'lundi',
        'Hénin-Beaumont',
        'rue',
        'n°\u00a03',
        '«\u00a0CCAS\u00a0»',
        'l’Été',
        '2e',
      ),
      fc.string({ unit: 'grapheme', maxLength: 6 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((words) => words.join(' ').trim() || 'Carvin');
const someText = fc.oneof(mildText, nastyText);

const time = fc.oneof(fc.constantFrom('09:00', '12:00:00', '8:30', '13:30', '17:00', '25:00', '12:00', ''), nastyText);
const day = fc.oneof(fc.constantFrom('Lundi', 'Mardi', 'Vendredi', 'Samedi', 'dimanche'), nastyText);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const junk = fc.anything({ maxDepth: 2, maxKeys: 3 });

const opening = fc.record(
  {
    nom_jour_debut: day,
    nom_jour_fin: day,
    valeur_heure_debut_1: time,
    valeur_heure_fin_1: time,
    valeur_heure_debut_2: time,
    valeur_heure_fin_2: time,
    commentaire: someText,
  },
  { requiredKeys: ['nom_jour_debut'] },
);

const address = fc.record(
  {
    type_adresse: fc.oneof(fc.constant('Adresse'), fc.constant('Adresse postale'), nastyText),
    numero_voie: fc.oneof(fc.constant('11 rue Fictive'), someText),
    complement1: someText,
    complement2: someText,
    code_postal: fc.oneof(fc.constant('62220'), nastyText, fc.integer()),
    nom_commune: fc.oneof(fc.constant('Carvin'), someText),
    latitude: fc.oneof(fc.double(), fc.constant(50.49), nastyText),
    longitude: fc.oneof(fc.double(), fc.constant(2.96), nastyText),
    note_accessibilite: someText,
  },
  { requiredKeys: [] },
);

const phone = fc.oneof(fc.constantFrom('01 99 00 01 00', '0199000101', '+33 1 99 00 01 00'), nastyText);

/** A record of the directory's bulk file, some fields sane and some not; `insee` is where it stands. */
export const directoryRecord = (insee: string) =>
  fc.record(
    {
      id: fc.oneof(
        {
          weight: 3,
          arbitrary: fc.constantFrom('r-1', 'r-2', 'mairie-62215-01', '../../etc/passwd', '../places/site'),
        },
        { weight: 1, arbitrary: nastyText },
      ),
      ancien_code_pivot: maybe(nastyText),
      nom: fc.oneof(fc.constant('Mairie - Carvin'), nastyText),
      pivot: fc.oneof(
        { weight: 4, arbitrary: fc.constant([{ type_service_local: 'mairie', code_insee_commune: [insee] }]) },
        { weight: 1, arbitrary: junk },
      ),
      code_insee_commune: fc.oneof({ weight: 4, arbitrary: fc.constant(insee) }, { weight: 1, arbitrary: nastyText }),
      adresse: fc.oneof({ weight: 5, arbitrary: fc.array(address, { maxLength: 2 }) }, { weight: 1, arbitrary: junk }),
      telephone: fc.array(fc.oneof(phone, fc.record({ valeur: phone, description: someText }, { requiredKeys: [] })), {
        maxLength: 3,
      }),
      adresse_courriel: fc.array(fc.oneof(fc.constant('accueil@carvin.exemple.invalid'), nastyText), { maxLength: 2 }),
      site_internet: fc.array(
        fc.oneof(
          fc.record({
            valeur: fc.oneof(fc.constant('https://carvin.exemple.invalid/'), nastyText),
            libelle: nastyText,
          }),
          nastyText,
        ),
        { maxLength: 2 },
      ),
      plage_ouverture: fc.oneof(
        { weight: 5, arbitrary: fc.array(opening, { maxLength: 4 }) },
        { weight: 1, arbitrary: junk },
      ),
      url_service_public: fc.oneof(fc.constant('https://lannuaire.service-public.gouv.fr/x'), nastyText),
      date_modification: fc.oneof(fc.constant('08/03/2025 10:00:00'), fc.constant('2025-03-08'), nastyText),
      statut_de_diffusion: fc.oneof(
        { weight: 4, arbitrary: fc.constant(true) },
        { weight: 1, arbitrary: fc.boolean() },
        { weight: 1, arbitrary: nastyText },
      ),
    },
    { requiredKeys: ['id'] },
  );

const listFields = ['pivot', 'adresse', 'telephone', 'adresse_courriel', 'site_internet', 'plage_ouverture'];

/**
 * A directory file: the bulk shape, the API's (list fields as JSON text, records in « fields »), a
 * bare list, or junk. One sane record of the territory comes first most of the time, so that the
 * import goes past « no record of the territory » and reaches the others.
 */
export const directoryFile = (insee: string) =>
  fc.oneof(
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
      ),
    },
    {
      weight: 8,
      arbitrary: fc
        .tuple(
          fc.boolean(),
          fc.array(directoryRecord(insee), { minLength: 1, maxLength: 3 }),
          fc.constantFrom('bulk', 'api', 'bare'),
        )
        .map(([anchored, records, shape]) => {
          // Of another kind than the places': it makes the file cover the territory, never a match.
          const all = anchored
            ? [
                {
                  id: 'ancre',
                  nom: 'CCAS - Carvin',
                  code_insee_commune: insee,
                  pivot: [{ type_service_local: 'ccas', code_insee_commune: [insee] }],
                },
                ...records,
              ]
            : records;
          if (shape === 'bulk') return JSON.stringify({ service: all });
          const api = all.map((r) => ({
            fields: Object.fromEntries(
              Object.entries(r).map(([k, v]) => [
                k,
                listFields.includes(k) && typeof v === 'object' ? JSON.stringify(v) : v,
              ]),
            ),
          }));
          return JSON.stringify(shape === 'api' ? { results: api } : api);
        }),
    },
  );

let policy: Promise<Required<ImportPolicy>> | undefined;
/** The print font's rules, as the import script hands them over. */
export function importPolicy(): Promise<Required<ImportPolicy>> {
  policy ??= (async () => ({ missingGlyphs: await missingGlyphs(), wideWords: await wideWords() }))();
  return policy;
}

/**
 * One import run on the pure steps, with what must hold whatever the file: only DirectoryFileError
 * escapes, every text written is a valid place that js-yaml (Astro's reader) reads as the `yaml`
 * package wrote it and that passes the text policy, and the summary holds no control character.
 */
export async function importChecked(json: string, places: readonly PlaceFile[], insee: string): Promise<Outcome[]> {
  let records;
  try {
    records = parseDirectory(json);
  } catch (error) {
    expect(error).toBeInstanceOf(DirectoryFileError);
    return [];
  }
  let outcomes: Outcome[];
  try {
    outcomes = importDirectory({
      records,
      places,
      insees: [insee],
      fileName: 'annuaire-2026-10-01.json',
      fileDate: '2026-10-01',
      policy: await importPolicy(),
    });
  } catch (error) {
    expect(error).toBeInstanceOf(DirectoryFileError);
    return [];
  }
  const checks = await importPolicy();
  for (const outcome of outcomes) {
    if (!('text' in outcome) || outcome.text === outcome.place.text) continue;
    const data = parseDocument(outcome.text).toJS();
    // js-yaml reads a day as a Date, which the schemas take as the same day.
    const days = (value: unknown) =>
      JSON.parse(
        JSON.stringify(value, (_k, v: unknown) =>
          typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(v) ? v.slice(0, 10) : v,
        ),
      );
    expect(days(jsYaml(outcome.text))).toEqual(days(data));
    const parsed = placeSchema.safeParse(data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(textIssues(outcome.place.file, 'places', data, checks).filter((i) => i.severity !== 'warning')).toEqual([]);
  }
  expect(formatSummary(outcomes, false)).not.toMatch(
    // eslint-disable-next-line no-control-regex -- control characters are what these tests look for
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/,
  );
  return outcomes;
}

/** What a place page, the open-data files and every leaflet make of a catalog: none of it may throw. */
export async function renderEverything(catalog: Catalog): Promise<void> {
  for (const place of catalog.places) {
    organisationOf(catalog, place);
    communeOf(catalog, place);
    placeLocality(catalog, place);
    placePhones(place);
    if (place.address) formatAddress(place.address);
    if (place.hours) {
      hoursByDay(place.hours);
      compactHours(place.hours);
    }
    const ld = JSON.stringify(placeJsonLd(catalog, place, 'https://exemple.invalid/'));
    // eslint-disable-next-line no-control-regex -- control characters are what these tests look for
    expect(ld).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
  }
  toCsv(placeRows(catalog, '/'));
  dataInclusionExport(catalog, '/', catalog.site.contentDate);
  for (const slug of allLeafletSlugs(catalog))
    await renderLeaflet(catalog, leafletVariant(slug), { base: '/', log: () => undefined });
}

/** A place file as a careless edit or a bad paste could leave it: a value replaced, text inserted, or anything. */
export const placeYaml = (valid: string) => {
  const lines = valid.split('\n');
  return fc.oneof(
    // One value replaced, quoted as JSON (which YAML reads), or raw.
    fc
      .tuple(fc.nat(lines.length - 1), someText, fc.boolean())
      .map(([line, text, quoted]) =>
        lines
          .map((l, i) =>
            i === line && /:\s/.test(l) ? l.replace(/:\s.*$/, `: ${quoted ? JSON.stringify(text) : text}`) : l,
          )
          .join('\n'),
      ),
    // Text inserted anywhere.
    fc.tuple(fc.nat(valid.length), nastyText).map(([at, text]) => valid.slice(0, at) + text + valid.slice(at)),
    // Fields an editor adds: notes, precisions on the hours, a second phone's label.
    fc
      .tuple(someText, fc.array(someText, { maxLength: 3 }))
      .map(
        ([notes, hoursNotes]) =>
          `${valid}\nnotes: ${JSON.stringify(notes)}\n${hoursNotes.length > 0 ? `hoursNotes:\n${hoursNotes.map((n) => `  - ${JSON.stringify(n)}`).join('\n')}\n` : ''}`,
      ),
    // Anything at all.
    fc.string({ unit: 'binary', maxLength: 200 }),
  );
};

/** Every file under a folder with its text: what « nothing else was written » is checked against. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files.set(
        relative(dir, join(entry.parentPath, entry.name)),
        await readFile(join(entry.parentPath, entry.name), 'utf8'),
      );
  }
  return files;
}

/**
 * Loads a content folder whose place file was replaced by `text`: loadContent never throws, every
 * problem names a file and a field, and content it accepts renders everywhere.
 */
export async function loadChecked(root: string, contentDir: string, file: string, text: string): Promise<void> {
  await writeFile(join(contentDir, file), text);
  const { catalog, issues, warnings } = await loadContent(contentDir, root, { sourceRoot: projectRoot, base: '/' });
  for (const issue of [...issues, ...warnings]) {
    expect(issue.file).toMatch(/^content\//);
    expect(issue.field).toBeTruthy();
    expect(issue.message).toBeTruthy();
  }
  if (catalog) await renderEverything(catalog);
  else expect(issues.length).toBeGreaterThan(0);
}
