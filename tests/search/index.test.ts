import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlFiles, listFiles, readText } from '../helpers/dist.ts';
import { builtDist } from '../harness.ts';
import { loadPagefind } from '../helpers/pagefind.ts';

const dists = { distWithBase: await builtDist('distWithBase'), distAtRoot: await builtDist('distAtRoot') };

for (const [name, key, base] of [
  ['avec une base', 'distWithBase', '/logement-social/'],
  ['à la racine', 'distAtRoot', '/'],
] as const) {
  describe(`l’index de recherche produit par la construction (${name})`, () => {
    const dist = dists[key];

    it('est écrit par `astro build` seul, sans les interfaces toutes faites de Pagefind', async () => {
      const files = await listFiles(join(dist, 'pagefind'));
      expect(files).toContain('pagefind.js');
      expect(files).toContain('wasm.fr.pagefind');
      expect(files.filter((f) => /-ui\.|highlight|worker|wasm\.unknown/.test(f))).toEqual([]);
      expect(existsSync(join(dist, 'recherche/lexique.json'))).toBe(true);
      let size = 0;
      for (const file of files) size += (await stat(join(dist, 'pagefind', file))).size;
      console.info(`Index ${name} : ${files.length} fichiers, ${Math.round(size / 1024)} Kio`);
      expect(size).toBeLessThan(400 * 1024);
    });

    it('indexe les pages de contenu, pas la recherche, le plan du site ni la page 404', async () => {
      const pagefind = (await loadPagefind(dist, base)) as unknown as {
        filters(): Promise<Record<string, Record<string, number>>>;
      };
      const filters = await pagefind.filters();
      const kinds = Object.keys(filters.type ?? {});
      expect(kinds).toEqual(
        expect.arrayContaining(['accueil', 'annuaire', 'commune', 'démarche', 'glossaire', 'information', 'lieu']),
      );
      expect(kinds).not.toContain('recherche');
      expect(kinds).not.toContain('plan du site');
      expect(filters.type?.orientation ?? 0, 'l’outil d’orientation : sa page de départ seulement').toBeLessThanOrEqual(
        1,
      );
      expect(filters.niveau).toEqual({ 'Niveau 1': expect.any(Number), 'Niveau 2': expect.any(Number) });
      expect(Object.keys(filters.commune ?? {})).toContain('Hénin-Beaumont');
    });

    it('donne à la page de recherche le chemin de l’index sous la base, et aucun script en ligne', async () => {
      const html = await readText(dist, 'recherche/index.html');
      expect(html).toContain(`data-bundle="${base}pagefind/"`);
      expect(html).toContain(`data-lexicon="${base}recherche/lexique.json"`);
      expect(html).toMatch(/<label[^>]*for="recherche-mots"[^>]*>Que cherchez-vous/);
      expect(html).toMatch(/role="status" aria-live="polite"/);
      expect(html, 'le script du moteur de recherche, externe, dans le corps de la page').toMatch(
        /<script type="module" src="[^"]+\.js"><\/script>[\s\S]*<\/body>/,
      );
      for (const file of await htmlFiles(dist)) {
        const page = await readText(dist, file);
        const inline = [...page.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*type="application\/ld\+json")[^>]*>/g)];
        expect(
          inline.map((m) => m[0]),
          file,
        ).toEqual([]);
        expect(page, file).not.toMatch(/\sstyle="/);
      }
    });

    it('porte les synonymes en métadonnée cachée, hors du texte indexé', async () => {
      const html = await readText(dist, 'infos/faire-sa-demande/index.html');
      expect(html).toMatch(/<span hidden data-pagefind-ignore data-pagefind-meta="motscles">HLM ; [^<]*<\/span>/);
      expect(await readText(dist, 'infos/cotation/index.html')).not.toMatch(/data-pagefind-meta="motscles">HLM/);
      expect(await readText(dist, 'infos/glossaire/index.html')).toContain('data-pagefind-meta="motsglossaire"');
    });
  });
}
