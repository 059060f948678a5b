import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generalLeafletSlug } from '../../src/leaflet/content.ts';
import { generateTerritory } from '../../src/territory/generate.ts';
import { officialData } from '../../src/territory/official.ts';
import { readSourceTree } from '../../src/territory/source-tree.ts';
import { buildSite, projectRoot, projectTemp, removeBuild } from '../harness.ts';
import { htmlFiles, readText } from '../helpers/dist.ts';
import { squash, tool } from '../leaflet/pdf-tools.ts';

/**
 * `npm run territoire` for a small and a large EPCI of the Pas-de-Calais (CA Grand Calais Terres et
 * Mers, 14 communes; CC du Ternois, 103 communes, the largest), built for real: each starter tree
 * builds, with a page and a two-page leaflet per commune, the EPCI's own wording and nothing of the
 * CAHC. (tests/unit/territory.test.ts checks both trees with the content check.)
 */
let source: Map<string, string> | undefined;
const built = new Map<string, { contentDir: string; dist: string }>();

async function buildTerritory(epci: string): Promise<string> {
  source ??= await readSourceTree(join(projectRoot, 'content'));
  const { files } = generateTerritory({ epci, official: officialData(), source, today: '2026-12-06' });
  const contentDir = await projectTemp('territoire-');
  for (const [path, text] of files) {
    await mkdir(join(contentDir, path, '..'), { recursive: true });
    await writeFile(join(contentDir, path), text);
  }
  const result = await buildSite({ contentDir, base: '/' });
  built.set(epci, { contentDir, dist: result.outDir });
  expect(result.code, result.output).toBe(0);
  return result.outDir;
}

afterAll(async () => {
  for (const { contentDir, dist } of built.values()) {
    await removeBuild(dist);
    await removeBuild(contentDir);
  }
});

const communeFolders = async (dist: string) =>
  (await readdir(join(dist, 'communes'), { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);

/** What every generated site must show: a page, a mairie and a two-page leaflet per commune, nothing of the CAHC. */
async function expectStarterSite(dist: string, communes: number, wording: RegExp): Promise<void> {
  const ids = await communeFolders(dist);
  expect(ids).toHaveLength(communes);
  const leaflets = (await readdir(join(dist, 'plaquette'))).filter((name) => name.endsWith('.pdf'));
  expect(leaflets).toHaveLength(communes + 1);
  for (const id of ids) {
    expect(leaflets, id).toContain(`${id}.pdf`);
    expect(await readText(dist, `lieux/mairie-${id}/index.html`)).toContain('Mairie');
  }
  for (const file of await htmlFiles(dist))
    expect(await readText(dist, file), file).not.toMatch(/CAHC|Hénin|Carvin|Oignies|2022-2028|246\s?200\s?299/);
  for (const name of leaflets) {
    const file = join(dist, 'plaquette', name);
    expect(/^Pages:\s+(\d+)$/m.exec(tool('pdfinfo', [file]).stdout)?.[1], name).toBe('2');
    const text = squash(tool('pdftotext', [file, '-']).stdout);
    expect(text, name).not.toMatch(/CAHC|Hénin|Carvin|Oignies|2022-2028/);
    expect(text, name).toMatch(wording);
  }
}

describe('le site écrit par npm run territoire pour une petite agglomération (14 communes)', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await buildTerritory('200090751');
  });

  it('a une page, une mairie et une plaquette de deux pages par commune, et rien de la CAHC', async () => {
    await expectStarterSite(dist, 14, /réunit les 14 communes de l’agglomération,/);
    expect(await readText(dist, 'communes/bonningues-les-calais/index.html')).toContain('Bonningues-lès-Calais');
  });

  it('dit que les coordonnées manquent au lieu de les inventer', async () => {
    const home = await readText(dist, 'index.html');
    expect(home).toContain('Communauté d’agglomération Grand Calais Terres et Mers');
    expect(await readText(dist, 'lieux/mairie-calais/index.html')).not.toMatch(/href="tel:/);
  });
});

describe('le site écrit par npm run territoire pour une grande communauté de communes (103 communes)', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await buildTerritory('200069672');
  });

  it('a une page, une mairie et une plaquette de deux pages par commune, dans les mots d’une communauté de communes', async () => {
    await expectStarterSite(dist, 103, /réunit les 103 communes de la communauté de communes,/);
    const leaflet = (slug: string) => squash(tool('pdftotext', [join(dist, 'plaquette', `${slug}.pdf`), '-']).stdout);
    // No registering desk in a starter tree: the leaflet sends to the mairie, it does not count « 0 ».
    const general = leaflet(generalLeafletSlug);
    expect(general).not.toContain('agglomération');
    expect(general).toContain('Pour savoir où est le plus proche, demandez en mairie.');
    expect(general).not.toMatch(/en compte 0/);
    expect(leaflet('aubrometz')).toContain(
      'Il n’y a pas de guichet enregistreur à Aubrometz : demandez en mairie où est le plus proche',
    );
    for (const file of [
      'index.html',
      'ou-s-adresser/index.html',
      `communes/${(await communeFolders(dist))[0]}/index.html`,
    ])
      expect(await readText(dist, file), file).not.toContain('agglomération');
    expect(await readText(dist, 'ou-s-adresser/index.html')).toContain('dans la communauté de communes');
  });
});
