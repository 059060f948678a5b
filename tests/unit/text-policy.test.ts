/**
 * The text policy (src/domain/text-policy.ts) on its own, then through `npm run check` (file, line,
 * field, in French) and through the directory import (a failing value left out, the rest imported,
 * nothing written outside content/places/). The three cases of issue 27: a right-to-left override
 * in an address, a 200 kB comment on the hours, an emoji in a place name.
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load.ts';
import type { ContentIssue } from '../../src/domain/issues.ts';
import { formatIssue } from '../../src/domain/references.ts';
import {
  exportSafe,
  exportSafeDeep,
  importedText,
  maxLengths,
  textProblems,
  withoutInvisible,
} from '../../src/domain/text-policy.ts';
import { recordDetails } from '../../src/directory-import/convert.ts';
import { parseDirectory } from '../../src/directory-import/parse.ts';
import { formatSummary, importDirectory, type PlaceFile } from '../../src/directory-import/run.ts';
import { ImportWriteError, importWrites, placeTarget, writeImport } from '../../src/directory-import/write.ts';
import { missingGlyphs } from '../../src/leaflet/fonts.ts';
import { wideWords } from '../../src/leaflet/words.ts';
import { placeSchema } from '../../src/schemas/place.ts';
import { parseDocument } from 'yaml';
import { projectRoot } from '../harness.ts';
import { contentWithMistake } from '../helpers/fixtures.ts';

const glyphs = await missingGlyphs();
const wide = await wideWords();
const kinds = (value: string, kind: Parameters<typeof textProblems>[1], printed = false) =>
  textProblems(value, kind, { printed, missingGlyphs: glyphs }).map((p) => `${p.kind}:${p.severity}`);

describe('la politique des textes', () => {
  it('refuse les caractères de contrôle, de direction et les étiquettes invisibles', () => {
    expect(kinds('1 rue de la Paix\u202e', 'addressLine')).toEqual(['bidi:error']);
    expect(kinds('Mairie\u2066 de Carvin\u2069', 'name')).toEqual(['bidi:error']);
    expect(kinds('Bonjour\u0007', 'description')).toEqual(['control:error']);
    expect(kinds('\u001b[31mrouge', 'note')).toEqual(['control:error']);
    expect(kinds('a\u0085b', 'text')).toEqual(['control:error']);
    expect(kinds('ligne\u2028suite', 'description')).toEqual(['control:error']);
    expect(kinds('caché\u{e0041}\u{e0042}', 'text')).toEqual(['control:error']);
    expect(kinds('seul \ud800 demi', 'text')).toEqual(['control:error']);
    // A line break is text where several lines are allowed, a control character in a name.
    expect(kinds('deux\nlignes', 'description')).toEqual([]);
    expect(kinds('deux\nlignes', 'name')).toEqual(['control:error']);
  });

  it('signale les caractères invisibles sans les refuser ; le trait d’union conditionnel est permis dans un texte MDX', () => {
    expect(kinds('Car\u200bvin', 'description')).toEqual(['invisible:warning']);
    expect(kinds('loge\u00adment', 'description')).toEqual(['invisible:warning']);
    expect(kinds('loge\u00adment', 'body')).toEqual([]);
    expect(kinds('a\u200fb', 'text')).toEqual(['invisible:warning']);
    expect(withoutInvisible('Car\u200bvi\u2060n\ufeff', 'name')).toBe('Carvin');
  });

  it('refuse un caractère que la police de la plaquette n’a pas, seulement dans un champ imprimé', () => {
    expect(kinds('Mairie 🏠', 'name', true)).toEqual(['glyph:error']);
    expect(kinds('Mairie 🏠', 'name', false)).toEqual([]);
    // French typography prints: accents, « », ’, –, …, œ, the narrow no-break space (printed as a no-break space).
    expect(kinds('Œuvre « L’Été » – n°\u202f3…', 'name', true)).toEqual([]);
    // Decomposed accents (e + U+0301) are composed before printing.
    expect(kinds('Hénin-Beaumont'.normalize('NFD'), 'name', true)).toEqual([]);
  });

  it('limite la longueur selon le type de champ, en caractères et non en unités UTF-16', () => {
    expect(kinds('x'.repeat(maxLengths.name), 'name')).toEqual([]);
    expect(kinds('x'.repeat(maxLengths.name + 1), 'name')).toEqual(['length:error']);
    expect(kinds('é'.repeat(maxLengths.note), 'note')).toEqual([]);
    expect(kinds('x'.repeat(200_000), 'note')).toEqual(['length:error']);
    expect(kinds('x'.repeat(200_000), 'body')).toEqual([]);
    expect(textProblems('x'.repeat(301), 'note')[0]!.message).toBe('texte trop long : 301 caractères pour 300 au plus');
  });

  it('pour une valeur importée : retire l’invisible en le disant, écarte le reste en le disant', () => {
    const remarks: string[] = [];
    expect(importedText('11 rue\u200b Fictive', 'addressLine', 'adresse', remarks)).toBe('11 rue Fictive');
    expect(importedText('11 rue Fictive\u202e', 'addressLine', 'adresse', remarks)).toBeUndefined();
    expect(importedText('Mairie 🏠', 'name', 'nom', remarks, { printed: true, missingGlyphs: glyphs })).toBeUndefined();
    expect(remarks).toEqual([
      'adresse : (U+200B, espace de largeur nulle) retiré(s)',
      'adresse non repris : caractère qui inverse le sens d’écriture : (U+202E, forçage droite-à-gauche) ; le texte s’afficherait à l’envers',
      'nom non repris : caractère absent de la police de la plaquette : « 🏠 » (U+1F3E0)',
    ]);
  });

  it('nettoie ce que lisent d’autres programmes (données ouvertes, JSON-LD), sans toucher au texte ordinaire', () => {
    expect(exportSafe('1 rue\u202e de la Paix\u0000\u200b')).toBe('1 rue de la Paix');
    expect(exportSafe('Hénin-Beaumont « ici »\u202f!\nsuite')).toBe('Hénin-Beaumont « ici »\u202f!\nsuite');
    expect(exportSafeDeep({ a: ['x\u2066'], b: 1, c: null, d: { e: 'y\u0007' } })).toEqual({
      a: ['x'],
      b: 1,
      c: null,
      d: { e: 'y' },
    });
  });
});

/** The small valid content of tests/fixtures/editors/base/, with one place file changed by `edit`. */
async function checkWith(edit: (text: string) => string, file = 'places/mairie-carvin.yaml') {
  const { root, contentDir } = await contentWithMistake(undefined);
  const path = join(contentDir, file);
  await writeFile(path, edit(await readFile(path, 'utf8')));
  return loadContent(contentDir, root, { sourceRoot: projectRoot });
}
const at = (issue: ContentIssue) => `${issue.file}:${issue.line} ${issue.field}`;
const place = 'content/places/mairie-carvin.yaml';

describe('npm run check applique la politique, avec le fichier, la ligne et le champ', () => {
  it('un émoji dans le nom d’un lieu (la police de la plaquette ne l’a pas)', async () => {
    const { issues, catalog } = await checkWith((t) =>
      t.replace('name: Mairie de Carvin – service logement', 'name: Mairie de Carvin 🏠'),
    );
    expect(catalog).toBeUndefined();
    expect(issues.map(at)).toEqual([`${place}:2 name`]);
    expect(issues[0]!.message).toContain('caractère absent de la police de la plaquette : « 🏠 » (U+1F3E0)');
  });

  it('un forçage droite-à-gauche dans une adresse', async () => {
    const { issues } = await checkWith((t) =>
      t.replace('street: 1 rue de l’Exemple', 'street: "1 rue de l’Exemple\\u202E"'),
    );
    expect(issues.map(at)).toEqual([`${place}:11 address.street`]);
    expect(issues[0]!.message).toContain('inverse le sens d’écriture');
  });

  it('une précision de 200 000 caractères sur les horaires, un caractère de contrôle dans les notes', async () => {
    const { issues } = await checkWith(
      (t) => `${t}hoursNotes:\n  - "${'xxxx '.repeat(40_000)}"\nnotes: "Sonnez\\u0007"\n`,
    );
    expect(issues.map(at)).toEqual([`${place}:28 hoursNotes[1]`, `${place}:29 notes`]);
    expect(issues[0]!.message).toBe('texte trop long : 200000 caractères pour 300 au plus');
  });

  it('un espace de largeur nulle : un avertissement, la publication continue', async () => {
    const { issues, warnings, catalog } = await checkWith((t) => `${t}notes: "Car\\u200Bvin"\n`);
    expect(issues).toEqual([]);
    expect(catalog).toBeDefined();
    expect(warnings.map(at)).toEqual([`${place}:27 notes`]);
  });

  it('un caractère de direction dans le texte d’une fiche MDX, à sa ligne', async () => {
    const { issues } = await checkWith(
      (t) => t.replace(/\n\n/, '\n\nVoir\u202e ici.\n\n'),
      'topics/faire-sa-demande.mdx',
    );
    expect(issues.map(at)).toHaveLength(1);
    expect(issues[0]!.field).toBe('texte MDX');
    const text = await readFile(join(projectRoot, 'tests/fixtures/editors/base/topics/faire-sa-demande.mdx'), 'utf8');
    const line = text.slice(0, text.indexOf('\n\n')).split('\n').length + 2;
    expect(issues[0]!.line).toBe(line);
  });

  it('le contenu réel ne contient aucun caractère refusé ni invisible', async () => {
    const { issues, warnings } = await loadContent(join(projectRoot, 'content'), projectRoot);
    const policy = /caractère|trop long/;
    expect([...issues, ...warnings].filter((i) => policy.test(i.message)).map(formatIssue)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------

const placeText = `name: Mairie d’Alpha
organisation: communes
level: 2
onTerritory: true
commune: alpha
townHall: true
services: [welcome, information, registration]
conventionLabel: Niveau 2 – Alpha
sources:
  - title: Convention
`;
const alphaPlace: PlaceFile = {
  id: 'mairie-alpha',
  file: 'content/places/mairie-alpha.yaml',
  name: 'Mairie d’Alpha',
  text: placeText,
  directoryKind: 'mairie',
  insee: '62001',
  townHall: true,
};

/** One record of the bulk file's shape, with the fields given. */
const record = (fields: Record<string, unknown>) => ({
  id: 'r-1',
  nom: 'Mairie - Alpha',
  pivot: [{ type_service_local: 'mairie', code_insee_commune: ['62001'] }],
  code_insee_commune: '62001',
  ...fields,
});
const file = (...records: unknown[]) => JSON.stringify({ service: records });

describe('l’import de l’annuaire traite le fichier comme non fiable', () => {
  const run = (records: unknown[]) =>
    importDirectory({
      records: parseDirectory(file(...records)),
      places: [alphaPlace],
      insees: ['62001'],
      fileName: 'annuaire.json',
      fileDate: '2026-10-01',
      policy: { missingGlyphs: glyphs, wideWords: wide },
    });

  it('écarte l’adresse au caractère de direction et le commentaire de 200 kB, importe le reste de la fiche', () => {
    const outcome = run([
      record({
        adresse: [
          { type_adresse: 'Adresse', numero_voie: '11 rue\u202e Fictive', code_postal: '62001', nom_commune: 'Alpha' },
        ],
        telephone: [{ valeur: '01 99 00 01 00', description: 'Accueil 📞' }],
        plage_ouverture: [
          {
            nom_jour_debut: 'Lundi',
            nom_jour_fin: 'Vendredi',
            valeur_heure_debut_1: '09:00',
            valeur_heure_fin_1: '12:00',
            commentaire: 'x'.repeat(200_000),
          },
          {
            nom_jour_debut: 'Samedi',
            nom_jour_fin: 'Samedi',
            valeur_heure_debut_1: '09:00',
            valeur_heure_fin_1: '11:00',
            commentaire: '2e et 4e samedis\u200b',
          },
        ],
      }),
    ])[0]!;
    expect(outcome.status).toBe('filled');
    if (outcome.status !== 'filled') return;
    const data = parseDocument(outcome.text).toJS();
    expect(placeSchema.safeParse(data).success).toBe(true);
    expect(data.address).toBeUndefined();
    expect(data.phones).toEqual([{ number: '01 99 00 01 00' }]);
    expect(data.hours).toHaveLength(2);
    expect(data.hoursNotes).toEqual(['Le samedi : 2e et 4e samedis']);
    expect(outcome.text.length).toBeLessThan(2_000);
    const summary = formatSummary([outcome], false);
    expect(summary).toContain('adresse (voie) non repris : caractère qui inverse le sens d’écriture');
    expect(summary).toContain(
      'libellé du téléphone 01 99 00 01 00 non repris : caractère absent de la police de la plaquette',
    );
    expect(summary).toContain('précision sur les horaires non repris : texte trop long : 2000');
    expect(summary).toContain('précision sur les horaires : (U+200B, espace de largeur nulle) retiré(s)');
    expect(summary).not.toMatch(/x{61}/);
  });

  it('refuse d’écrire une fiche dont l’identifiant porterait un caractère refusé dans le fichier du lieu', () => {
    const [outcome] = run([record({ id: 'r-1\u202e', telephone: [{ valeur: '01 99 00 01 00' }] })]);
    expect(outcome!.status).toBe('invalid');
    expect(formatSummary([outcome!], false)).toMatch(
      /non écrit — .* sources\[2\]\.directory\.record : caractère qui inverse le sens d’écriture/s,
    );
  });

  it('le résumé ne transmet au terminal ni séquence d’échappement ni caractère de direction', () => {
    const [outcome] = run([record({ telephone: [{ valeur: '\u001b[2J\u202e0000' }] })]);
    const summary = formatSummary([outcome!], false);
    expect(summary).toContain('téléphone « [2J0000 » illisible');
    // eslint-disable-next-line no-control-regex -- control characters are what this test looks for
    expect(summary).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202a-\u202e\u2066-\u2069]/);
  });

  it('n’écrit que dans content/places/, jamais à un chemin venu d’ailleurs', async () => {
    const root = await mkdtemp(join(tmpdir(), 'sai-ecriture-'));
    const contentDir = join(root, 'content');
    expect(placeTarget(contentDir, root, 'content/places/mairie-alpha.yaml')).toBe(
      join(contentDir, 'places/mairie-alpha.yaml'),
    );
    for (const bad of [
      'content/places/../site.yaml',
      'content/site.yaml',
      '/etc/passwd',
      'content/places/sous/lieu.yaml',
      'content/places/lieu.yml',
      'content/places/.cache.yaml',
      '../content/places/x.yaml',
    ]) {
      expect(() => placeTarget(contentDir, root, bad), bad).toThrow(ImportWriteError);
    }
    // An outcome whose file is not a place of this content stops every write, before any.
    const [outcome] = run([record({ telephone: [{ valeur: '01 99 00 01 00' }] })]);
    expect(() =>
      importWrites(contentDir, root, [
        { ...outcome!, place: { ...alphaPlace, file: 'content/../../etc/x.yaml' } } as never,
      ]),
    ).toThrow(ImportWriteError);
    // A record id shaped like a path is only a value inside the file.
    const [named] = run([record({ id: '../../../etc/passwd', telephone: [{ valeur: '01 99 00 01 00' }] })]);
    const writes = importWrites(contentDir, root, [named!]);
    expect(writes.map((w) => w.path)).toEqual([join(contentDir, 'places/mairie-alpha.yaml')]);
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(contentDir, 'places'), { recursive: true });
    await writeImport(writes);
    expect(await readdir(contentDir, { recursive: true })).toEqual(['places', 'places/mairie-alpha.yaml']);
    expect(await readFile(join(contentDir, 'places/mairie-alpha.yaml'), 'utf8')).toContain(
      'record: ../../../etc/passwd',
    );
  });

  it('garde les règles de l’import d’avant : un libellé sain reste, une valeur saine passe telle quelle', () => {
    const { details, remarks } = recordDetails(
      parseDirectory(file(record({ telephone: [{ valeur: '01 99 00 01 00', description: 'Service logement' }] })))[0]!,
      { missingGlyphs: glyphs },
    );
    expect(details.phones).toEqual([{ number: '01 99 00 01 00', label: 'Service logement' }]);
    expect(remarks).toEqual([]);
  });
});
