/**
 * The check is the build's check (issue 25, point 3). For each rule the leaflet enforces on content,
 * the same mistake is made twice on the small valid content of tests/fixtures/editors/base/: in the
 * catalog handed to the renderer (renderLeaflet throws, as the build did), and in the file
 * (`npm run check`'s loadContent reports it, in French, with the file, the line and the field,
 * before any build). The converse, that content the check accepts always renders, is the property
 * test of tests/unit/properties.test.ts and tests/properties/content.test.ts.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load.ts';
import type { ContentIssue } from '../../src/domain/issues.ts';
import type { Catalog, Place } from '../../src/domain/types.ts';
import { allLeafletSlugs } from '../../src/leaflet/content.ts';
import { MissingGlyphError } from '../../src/leaflet/fonts.ts';
import { LeafletOverflowError, leafletVariant, renderLeaflet } from '../../src/leaflet/index.ts';
import { projectRoot } from '../harness.ts';
import { contentWithMistake } from '../helpers/fixtures.ts';

const quiet = { base: '/', log: () => undefined };
let base: Catalog;

beforeAll(async () => {
  const { root, contentDir } = await contentWithMistake(undefined);
  const loaded = await loadContent(contentDir, root, { sourceRoot: projectRoot });
  base = loaded.catalog!;
  expect(loaded.issues).toEqual([]);
});

/** What the build meets: the first leaflet that fails, and how. */
async function build(catalog: Catalog): Promise<unknown> {
  for (const slug of allLeafletSlugs(catalog)) {
    try {
      await renderLeaflet(catalog, leafletVariant(slug), quiet);
    } catch (error) {
      return error;
    }
  }
  return undefined;
}

/** What the check says of the same content written in files. */
async function check(files: Record<string, (text: string) => string>): Promise<ContentIssue[]> {
  const { root, contentDir } = await contentWithMistake(undefined);
  for (const [file, edit] of Object.entries(files)) {
    const path = join(contentDir, file);
    await writeFile(path, edit(await readFile(path, 'utf8').catch(() => '')));
  }
  const { issues, catalog } = await loadContent(contentDir, root, { sourceRoot: projectRoot, base: '/' });
  expect(catalog).toBeUndefined();
  return issues;
}

const carvin = 'places/mairie-carvin.yaml';
const withPlace = (change: (place: Place) => Place): Catalog => ({
  ...base,
  places: base.places.map((p) => (p.id === 'mairie-carvin' ? change(p) : p)),
});
const at = (issue: ContentIssue) => `${issue.file}:${issue.line} ${issue.field}`;

describe('npm run check et la construction s’accordent, règle par règle', () => {
  it('le contenu de base passe la vérification et toutes ses plaquettes se font', async () => {
    expect(await build(base)).toBeUndefined();
  });

  it('glyphe absent de la police (émoji dans le nom d’un lieu)', async () => {
    const built = await build(withPlace((p) => ({ ...p, name: 'Mairie de Carvin 🏠' })));
    expect(built).toBeInstanceOf(MissingGlyphError);
    const issues = await check({ [carvin]: (t) => t.replace(/^name: .*$/m, 'name: Mairie de Carvin 🏠') });
    expect(issues.map(at)).toEqual(['content/places/mairie-carvin.yaml:2 name']);
    expect(issues[0]!.message).toContain('police de la plaquette');
  });

  it('glyphe absent de la police (forçage droite-à-gauche dans une adresse)', async () => {
    const built = await build(
      withPlace((p) => ({ ...p, address: { ...p.address!, street: '1 rue\u202e de l’Exemple' } })),
    );
    expect(built).toBeInstanceOf(MissingGlyphError);
    const issues = await check({
      [carvin]: (t) => t.replace(/^ {2}street: .*$/m, '  street: "1 rue\\u202E de l’Exemple"'),
    });
    expect(issues.map(at)).toEqual(['content/places/mairie-carvin.yaml:11 address.street']);
  });

  it('glyphe absent de la police, dans une ligne qui ne s’imprime qu’au niveau de détail le plus riche (précisions sur les horaires)', async () => {
    const built = await build(withPlace((p) => ({ ...p, hoursNotes: ['Fermé le jeudi ☎'] })));
    expect(built).toBeInstanceOf(MissingGlyphError);
    const issues = await check({ [carvin]: (t) => `${t}hoursNotes:\n  - Fermé le jeudi ☎\n` });
    expect(issues.map(at)).toEqual(['content/places/mairie-carvin.yaml:28 hoursNotes[1]']);
  });

  it('mot plus large qu’une colonne', async () => {
    const word = 'Établissementsintercommunauxdecoopérationintercommunale';
    const built = (await build(withPlace((p) => ({ ...p, name: `Mairie ${word}` })))) as Error;
    expect(built.message).toContain('plus large que la colonne');
    const issues = await check({ [carvin]: (t) => t.replace(/^name: .*$/m, `name: Mairie ${word}`) });
    expect(issues.map(at)).toEqual(['content/places/mairie-carvin.yaml:2 name']);
    expect(issues[0]!.message).toBe(`mot trop long pour une ligne de la plaquette : « ${word} »`);
  });

  it('lieux d’une commune qui ne tiennent pas sur sa plaquette, même au niveau de détail le plus bas', async () => {
    const long = (i: number) =>
      `Mairie de Carvin – service logement et accueil des demandeurs numéro ${i} du centre-ville`;
    const carvinPlace = base.places.find((p) => p.id === 'mairie-carvin')!;
    // Copies of the town hall's file that are not town halls (a commune has one).
    const many = Array.from({ length: 14 }, (_, i) => ({
      ...carvinPlace,
      id: `mairie-carvin-${i}`,
      name: long(i),
      townHall: false,
    }));
    const built = await build({ ...base, places: [...base.places, ...many] });
    expect(built).toBeInstanceOf(LeafletOverflowError);
    const source = await readFile(join(projectRoot, 'tests/fixtures/editors/base', carvin), 'utf8');
    const files = Object.fromEntries(
      many.map((_, i) => [
        `places/mairie-carvin-${i}.yaml`,
        () => source.replace(/^name: .*$/m, `name: ${long(i)}`).replace(/^townHall: true\n/m, ''),
      ]),
    );
    const issues = await check(files);
    expect(issues.map(at)).toEqual(['content/communes/carvin.yaml:1 plaquette']);
    expect(issues[0]!.message).toMatch(/^la plaquette de Carvin ne tient pas/);
  });

  it('texte trop long pour la politique (une seule limite, que la plaquette tiendrait ou non)', async () => {
    // YAML drops the last space: 139 characters.
    const issues = await check({ [carvin]: (t) => t.replace(/^name: .*$/m, `name: ${'Mairie '.repeat(20)}`) });
    expect(issues.map((i) => `${at(i)} ${i.message}`)).toEqual([
      'content/places/mairie-carvin.yaml:2 name texte trop long : 139 caractères pour 120 au plus',
    ]);
  });
});
