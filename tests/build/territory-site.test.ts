import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTerritory } from '../../src/territory/generate';
import { officialData } from '../../src/territory/official';
import { buildSite, projectRoot, projectTemp, removeBuild } from '../harness';
import { htmlFiles, readText } from '../helpers/dist';

/**
 * `npm run territoire` for a small EPCI of the Pas-de-Calais (CA Grand Calais Terres et Mers, 14
 * communes), built for real: the starter tree builds, with a page and a leaflet per commune and
 * nothing of the CAHC. (tests/unit/territory.test.ts checks a large EPCI's tree with the content check.)
 */
let contentDir: string;
let dist: string;
beforeAll(async () => {
  const source = new Map<string, string>();
  const walk = async (folder: string, prefix = ''): Promise<void> => {
    for (const entry of await readdir(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(folder, entry.name), `${prefix}${entry.name}/`);
      else source.set(`${prefix}${entry.name}`, await readFile(join(folder, entry.name), 'utf8'));
    }
  };
  await walk(join(projectRoot, 'content'));
  const { files } = generateTerritory({ epci: '200090751', official: officialData(), source, today: '2026-12-06' });
  contentDir = await projectTemp('territoire-');
  for (const [path, text] of files) {
    await mkdir(join(contentDir, path, '..'), { recursive: true });
    await writeFile(join(contentDir, path), text);
  }
  const result = await buildSite({ contentDir, base: '/' });
  expect(result.code, result.output).toBe(0);
  dist = result.outDir;
});
afterAll(async () => {
  await removeBuild(dist);
  await removeBuild(contentDir);
});

describe('le site écrit par npm run territoire', () => {
  it('a une page et une plaquette par commune membre, et la page de chaque mairie', async () => {
    const communes = (await readdir(join(dist, 'communes'), { withFileTypes: true }))
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    expect(communes).toHaveLength(14);
    const leaflets = (await readdir(join(dist, 'plaquette'))).filter((name) => name.endsWith('.pdf'));
    for (const id of communes) {
      expect(leaflets, id).toContain(`${id}.pdf`);
      expect(await readText(dist, `lieux/mairie-${id}/index.html`)).toContain('Mairie');
    }
    expect(await readText(dist, 'communes/bonningues-les-calais/index.html')).toContain('Bonningues-lès-Calais');
  });

  it('ne contient rien de la CAHC, et dit que les coordonnées manquent au lieu de les inventer', async () => {
    for (const file of await htmlFiles(dist)) {
      expect(await readText(dist, file), file).not.toMatch(/CAHC|Hénin|Carvin|Oignies|2022-2028|246\s?200\s?299/);
    }
    const home = await readText(dist, 'index.html');
    expect(home).toContain('Communauté d’agglomération Grand Calais Terres et Mers');
    expect(await readText(dist, 'lieux/mairie-calais/index.html')).not.toMatch(/href="tel:/);
  });
});
