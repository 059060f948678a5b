import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles, idsOf, linksOf, listFiles, readText } from '../helpers/dist.ts';
import { builtDist } from '../harness.ts';
import { loadRealContent } from '../helpers/real-content.ts';

const dists = { distWithBase: await builtDist('distWithBase'), distAtRoot: await builtDist('distAtRoot') };

const { catalog } = await loadRealContent();
if (!catalog) throw new Error('le contenu réel doit être valide');

/** Resolves a site link to a file of dist/ (or undefined when it points elsewhere). */
function resolveInternal(base: string, fromFile: string, link: string): { file: string; hash: string } | undefined {
  if (/^(?:[a-z]+:|\/\/|#)/i.test(link)) return undefined;
  const url = new URL(link, `http://site.test${base}${fromFile.replace(/index\.html$/, '')}`);
  expect(url.pathname.startsWith(base), `${fromFile} : lien « ${link} » hors de la base ${base}`).toBe(true);
  let path = decodeURIComponent(url.pathname.slice(base.length));
  if (path === '' || path.endsWith('/')) path += 'index.html';
  return { file: path, hash: url.hash.slice(1) };
}

for (const [name, key, base] of [
  ['avec une base', 'distWithBase', '/logement-social/'],
  ['à la racine', 'distAtRoot', '/'],
] as const) {
  describe(`le site construit (${name})`, () => {
    const dist = dists[key];

    it('a une page par commune, par lieu et par fiche', () => {
      for (const commune of catalog.communes)
        expect(existsSync(join(dist, 'communes', commune.id, 'index.html')), commune.id).toBe(true);
      for (const place of catalog.places)
        expect(existsSync(join(dist, 'lieux', place.id, 'index.html')), place.id).toBe(true);
      for (const topic of catalog.topics)
        expect(existsSync(join(dist, 'infos', topic.id, 'index.html')), topic.id).toBe(true);
      expect(existsSync(join(dist, '404.html'))).toBe(true);
    });

    it('résout chaque lien et chaque ancre internes vers un fichier de dist/', async () => {
      const files = new Set(await listFiles(dist));
      const broken: string[] = [];
      for (const file of await htmlFiles(dist)) {
        const html = await readText(dist, file);
        for (const link of linksOf(html)) {
          if (link.startsWith('#')) {
            if (link.length > 1 && !idsOf(html).has(link.slice(1))) broken.push(`${file} → ${link}`);
            continue;
          }
          const target = resolveInternal(base, file, link);
          if (!target) continue;
          if (!files.has(target.file)) broken.push(`${file} → ${link}`);
          else if (
            target.hash &&
            target.file.endsWith('.html') &&
            !idsOf(await readText(dist, target.file)).has(target.hash)
          ) {
            broken.push(`${file} → ${link} (ancre absente)`);
          }
        }
      }
      expect(broken).toEqual([]);
    });

    it('résout les adresses absolues qu’il donne de lui-même (canonical, JSON-LD, plan du site XML)', async () => {
      const files = new Set(await listFiles(dist));
      const siteRoot = new URL(base, catalog.site.url.endsWith('/') ? catalog.site.url : `${catalog.site.url}/`).href;
      const broken: string[] = [];
      const check = (from: string, address: string) => {
        if (!address.startsWith(siteRoot)) return broken.push(`${from} → ${address} (hors de ${siteRoot})`);
        let path = decodeURIComponent(new URL(address).pathname.slice(base.length));
        if (path === '' || path.endsWith('/')) path += 'index.html';
        if (!files.has(path)) broken.push(`${from} → ${address}`);
      };
      for (const file of await htmlFiles(dist)) {
        const html = await readText(dist, file);
        for (const m of html.matchAll(/<link rel="canonical" href="([^"]+)"/g)) check(file, m[1]!);
        for (const m of html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)) {
          for (const url of m[1]!.matchAll(/"(?:url|@id)":"([^"]+)"/g))
            if (url[1]!.startsWith(new URL(catalog.site.url).origin + base)) check(`${file} (JSON-LD)`, url[1]!);
        }
      }
      const sitemap = await readText(dist, 'sitemap-0.xml');
      const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
      expect(locs.length).toBeGreaterThan(40);
      for (const loc of locs) check('sitemap-0.xml', loc);
      expect(broken).toEqual([]);
    });

    it('résout les url() des feuilles de style (polices) vers des fichiers de dist/', async () => {
      const files = await listFiles(dist);
      const broken: string[] = [];
      for (const sheet of files.filter((f) => f.endsWith('.css'))) {
        for (const m of (await readText(dist, sheet)).matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) {
          if (m[1]!.startsWith('data:')) continue;
          const target = resolveInternal(base, sheet, m[1]!);
          if (!target) broken.push(`${sheet} → ${m[1]} (hors du site)`);
          else if (!files.includes(target.file)) broken.push(`${sheet} → ${m[1]}`);
        }
      }
      expect(broken).toEqual([]);
    });

    it('déclare le français et la politique de sécurité sur chaque page', async () => {
      for (const file of await htmlFiles(dist)) {
        const html = await readText(dist, file);
        expect(html, file).toMatch(/<html lang="fr"/);
        expect(html, file).toContain('http-equiv="Content-Security-Policy"');
      }
    });
  });
}

describe('les données ouvertes', () => {
  const dist = dists.distWithBase;

  it('lieux.json a une ligne par lieu de la convention, avec son niveau et sa commune', async () => {
    const rows = JSON.parse(await readText(dist, 'donnees/lieux.json')) as Record<string, unknown>[];
    expect(rows).toHaveLength(catalog.places.length);
    for (const place of catalog.places) {
      const row = rows.find((r) => r.id === place.id)!;
      expect(row, place.id).toBeDefined();
      expect(row.level).toBe(place.level);
      expect(row.onTerritory).toBe(place.onTerritory);
      const commune = catalog.communes.find((c) => c.id === place.commune);
      expect(row.communeInsee).toBe(commune?.insee ?? null);
      expect(row.url).toBe(`${catalog.site.url}/logement-social/lieux/${place.id}/`);
      for (const key of [
        'name',
        'organisation',
        'town',
        'services',
        'audiences',
        'address',
        'phone',
        'email',
        'website',
      ])
        expect(row).toHaveProperty(key);
    }
  });

  it('lieux.csv dit la même chose, en UTF-8 avec BOM et séparateur « ; »', async () => {
    const csv = await readText(dist, 'donnees/lieux.csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...lines] = csv.slice(1).trimEnd().split('\r\n');
    expect(header!.split(';')).toEqual([
      'id',
      'name',
      'organisation',
      'level',
      'onTerritory',
      'communeInsee',
      'town',
      'services',
      'audiences',
      'address',
      'phone',
      'email',
      'website',
      'url',
      'phones',
      'hours',
      'hoursNotes',
      'accessibility',
      'latitude',
      'longitude',
      'directoryUrl',
      'detailsSource',
    ]);
    expect(lines).toHaveLength(catalog.places.length);
    const rows = JSON.parse(await readText(dist, 'donnees/lieux.json')) as {
      id: string;
      level: number;
      communeInsee: string | null;
    }[];
    for (const line of lines) {
      const cells = line.split(';');
      const row = rows.find((r) => r.id === cells[0])!;
      expect(Number(cells[3])).toBe(row.level);
      expect(cells[5]).toBe(row.communeInsee ?? '');
    }
  });
});
