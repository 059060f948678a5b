import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load.ts';
import { checkGeography, officialGeography } from '../../src/domain/geography.ts';
import { contentReport } from '../../src/domain/report.ts';
import { generateTerritory } from '../../src/territory/generate.ts';
import { officialData } from '../../src/territory/official.ts';
import { readSourceTree } from '../../src/territory/source-tree.ts';
import type { Commune, Site } from '../../src/domain/types.ts';

const root = resolve(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/fixtures/geography');

describe('la version de la géographie officielle', () => {
  it('est celle du paquet installé, épinglée dans package.json', async () => {
    const installed = JSON.parse(
      await readFile(join(root, 'node_modules/@etalab/decoupage-administratif/package.json'), 'utf8'),
    ).version;
    const pinned = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).dependencies[
      '@etalab/decoupage-administratif'
    ];
    expect(installed).toBe(officialGeography.version);
    expect(pinned).toBe(officialGeography.version);
    expect(officialData().version).toBe(officialGeography.version);
  });
});

/** A tree generated for the CA Grand Calais Terres et Mers, where the fixtures replace the right communes. */
let dir: string;
let source: Map<string, string>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sai-geographie-'));
  source = await readSourceTree(join(root, 'content'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function writeTree(target: string): Promise<void> {
  const { files } = generateTerritory({ epci: '200090751', official: officialData(), source, today: '2026-12-06' });
  const { mkdir } = await import('node:fs/promises');
  for (const [path, text] of files) {
    await mkdir(join(target, path, '..'), { recursive: true });
    await writeFile(join(target, path), text);
  }
}

describe('le contrôle du contenu compare les communes avec la géographie officielle', () => {
  it('accepte l’arbre généré pour l’EPCI, et le rapport donne la version et l’année', async () => {
    const target = join(dir, 'juste');
    await writeTree(target);
    const { issues, catalog } = await loadContent(target, root);
    expect(issues).toEqual([]);
    const section = contentReport(catalog!, '2026-12-06').find((s) => s.title.startsWith('Géographie officielle'))!;
    expect(section.todo).toEqual([]);
    expect(section.info!.join(' ')).toContain(
      `géographie officielle ${officialGeography.year} (@etalab/decoupage-administratif ${officialGeography.version}`,
    );
  });

  it('signale un code INSEE faux, un nom mal écrit, un code postal d’une autre commune, une commune fusionnée et une commune membre absente', async () => {
    const target = join(dir, 'faux');
    await writeTree(target);
    await rm(join(target, 'communes/escalles.yaml'));
    await rm(join(target, 'places/mairie-escalles.yaml'));
    for (const [fixture, replaces] of [
      ['calais-code-faux.yaml', 'calais.yaml'],
      ['bonningues-les-calais.yaml', 'bonningues-les-calais.yaml'],
      ['pihen-les-guines.yaml', 'pihen-les-guines.yaml'],
      ['coquelles-mauvais-code-postal.yaml', 'coquelles.yaml'],
      ['herbelles.yaml', 'herbelles.yaml'],
    ] as const) {
      await cp(join(fixtures, fixture), join(target, 'communes', replaces));
    }
    const { issues, catalog } = await loadContent(target, root);
    expect(catalog).toBeUndefined();
    const line = (file: string) =>
      issues
        .filter((i) => i.file.endsWith(file))
        .map((i) => `${i.line} ${i.field} ${i.message} → ${i.expected ?? ''} ${i.hint ?? ''}`);
    expect(line('communes/calais.yaml')).toEqual([
      expect.stringMatching(
        /^2 insee code INSEE « 62999 » inconnu dans la géographie officielle 2026 .* le code de Calais est « 62193 »/,
      ),
    ]);
    expect(line('communes/bonningues-les-calais.yaml')).toEqual([
      expect.stringMatching(
        /^1 name « Bonningues-les-Calais » : accents différents de ceux du nom officiel pour le code INSEE 62156 → « Bonningues-lès-Calais »/,
      ),
    ]);
    expect(line('communes/pihen-les-guines.yaml')).toEqual([
      expect.stringMatching(
        /^1 name « Pihen lès Guînes » : traits d’union ou espaces différents .* → « Pihen-lès-Guînes »/,
      ),
    ]);
    expect(line('communes/coquelles.yaml')).toEqual([
      expect.stringMatching(/^3 postcode le code postal « 62100 » n’est pas celui de Coquelles .* → « 62231 »/),
    ]);
    expect(line('communes/herbelles.yaml')).toEqual([
      expect.stringMatching(
        /^2 insee « 62431 » est le code de Herbelles, commune déléguée de Bellinghem \(62471\) depuis une fusion de communes/,
      ),
    ]);
    // Calais too: its file names another code, so the member Calais (62193) has no file.
    expect(issues.filter((i) => i.field === 'communes').map((i) => i.message)).toEqual([
      'commune membre de CA Grand Calais Terres et Mers absente : Calais (code INSEE 62193)',
      'commune membre de CA Grand Calais Terres et Mers absente : Escalles (code INSEE 62307)',
    ]);
    expect(issues).toHaveLength(7);
  });
});

describe('checkGeography', () => {
  const site = { territory: { epci: '246200299' } } as Site;
  const files = { site: 'content/site.yaml', communesFolder: 'content/communes/' };
  const commune = (data: Partial<Commune>): Commune => ({
    id: 'x',
    file: 'content/communes/x.yaml',
    name: 'Carvin',
    insee: '62215',
    postcode: '62220',
    sources: [{ title: 't' }],
    ...data,
  });

  it('ne compare rien sans le SIREN de l’EPCI (territoire de test, territoire synthétique)', () => {
    expect(
      checkGeography({ territory: {} } as Site, [commune({ insee: '99001' })], officialData(), 2026, files),
    ).toEqual([]);
  });

  it('dit qu’un SIREN est celui d’une commune, ou d’aucun EPCI (dissous, fusionné, mal recopié)', () => {
    const [ofCommune] = checkGeography({ territory: { epci: '216202150' } } as Site, [], officialData(), 2026, files);
    expect(ofCommune!.message).toBe(
      'le SIREN « 216202150 » est celui de la commune de Carvin, pas d’une intercommunalité',
    );
    const [unknown] = checkGeography({ territory: { epci: '200000001' } } as Site, [], officialData(), 2026, files);
    expect(unknown!.message).toMatch(
      /aucune intercommunalité .* SIREN « 200000001 » .* EPCI dissous ou fusionné au 1er janvier/,
    );
  });

  it('dit à quel EPCI appartient une commune qui n’est pas membre', () => {
    const issues = checkGeography(
      site,
      [commune({ name: 'Lens', insee: '62498', postcode: '62300' })],
      officialData(),
      2026,
      files,
    );
    expect(issues[0]!.message).toBe(
      'Lens n’est pas membre de CA d’Hénin-Carvin dans la géographie officielle 2026 (INSEE, DGCL) : elle est membre de CA de Lens - Liévin (246200364)',
    );
    // …and the 14 members are missing.
    expect(issues.filter((i) => i.field === 'communes')).toHaveLength(14);
  });

  it('accepte les autres codes postaux d’une commune qui en a plusieurs, et refuse les autres', () => {
    const site62 = { territory: { epci: '200069037' } } as Site; // CA du Pays de Saint-Omer: Saint-Augustin has 62120 and 62129.
    const ok = commune({ name: 'Saint-Augustin', insee: '62691', postcode: '62120', otherPostcodes: ['62129'] });
    const bad = commune({ name: 'Saint-Augustin', insee: '62691', postcode: '62120', otherPostcodes: ['62500'] });
    const only = (c: Commune) =>
      checkGeography(site62, [c], officialData(), 2026, files).filter((i) => i.field !== 'communes');
    expect(only(ok)).toEqual([]);
    expect(only(bad).map((i) => i.field)).toEqual(['otherPostcodes']);
  });
});
