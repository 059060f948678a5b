import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { situationRules } from '../../src/domain/orientation.ts';
import { buildSite, removeBuild } from '../harness.ts';
import { htmlFiles, linksOf, readText } from '../helpers/dist.ts';
import { builtDist } from '../harness.ts';
import { communeTable, situationTable } from '../fixtures/orientation/table.ts';
import { loadRealContent, realContentDir } from '../helpers/real-content.ts';

const dists = { distWithBase: await builtDist('distWithBase'), distAtRoot: await builtDist('distAtRoot') };

const { catalog } = await loadRealContent();
if (!catalog) throw new Error('le contenu réel doit être valide');
const situations = situationRules(catalog).map((r) => r.id);

/** Place ids a page links to, and those inside parts hidden without the script. */
function placeLinks(html: string, base: string): string[] {
  const prefix = `${base}lieux/`;
  return linksOf(html)
    .filter((link) => link.startsWith(prefix))
    .map((link) => link.slice(prefix.length).replace(/\/$/, ''));
}
/**
 * The HTML a reader sees without the script: elements with `hidden` removed. Enough for our own
 * markup, where a hidden element never contains another element of the same name.
 */
function visibleWithoutScript(html: string): string {
  return html.replace(/<(section|div|li|p|ul)\b[^>]*\shidden(?:="")?[\s>][\s\S]*?<\/\1>/g, '');
}

for (const [name, key, base] of [
  ['avec une base', 'distWithBase', '/logement-social/'],
  ['à la racine', 'distAtRoot', '/'],
] as const) {
  describe(`l’outil « Où m’adresser ? » construit (${name})`, () => {
    const dist = dists[key];

    it('a une page par commune et par commune × situation, et pas d’autre', async () => {
      const pages = (await htmlFiles(dist)).filter((f) => f.startsWith('orientation/'));
      expect(pages).toHaveLength(1 + catalog.communes.length * (situations.length + 1));
      for (const commune of catalog.communes) {
        expect(existsSync(join(dist, 'orientation', commune.id, 'index.html')), commune.id).toBe(true);
        for (const situation of situations)
          expect(
            existsSync(join(dist, 'orientation', commune.id, situation, 'index.html')),
            `${commune.id}/${situation}`,
          ).toBe(true);
      }
    });

    it('nomme sur chaque page commune × situation les partenaires et les lieux que demande la convention', async () => {
      for (const [commune, expected] of Object.entries(communeTable)) {
        for (const [situation, rule] of Object.entries(situationTable)) {
          const html = await readText(dist, `orientation/${commune}/${situation}/index.html`);
          const places = placeLinks(html, base);
          for (const id of [...rule.places, ...expected.local, ...expected.desks])
            expect(places, `${commune}/${situation} → ${id}`).toContain(id);
          for (const id of expected.never ?? [])
            if (!rule.places.includes(id)) expect(places, `${commune}/${situation} ↛ ${id}`).not.toContain(id);
          expect(html, `${commune}/${situation} : le portail`).toContain(`href="${catalog.site.portal.url}"`);
          expect(html).not.toMatch(/\shidden[\s>=]/);
        }
      }
    });

    it('donne sans script, sur la page de la commune, la réponse pour tous ; le reste attend les cases cochées', async () => {
      for (const [commune, expected] of Object.entries(communeTable)) {
        const html = await readText(dist, `orientation/${commune}/index.html`);
        const visible = placeLinks(visibleWithoutScript(html), base);
        for (const id of [...expected.local, ...expected.desks]) expect(visible, `${commune} → ${id}`).toContain(id);
        for (const id of ['cllaj-oignies', 'action-logement-arras', 'siao-lens', 'adil-henin-beaumont']) {
          expect(visible, `${commune} : ${id} caché sans case cochée`).not.toContain(id);
          expect(placeLinks(html, base), `${commune} : ${id} présent pour le script`).toContain(id);
        }
        // Without the script, each situation is one link away.
        for (const situation of situations)
          expect(linksOf(html)).toContain(`${base}orientation/${commune}/${situation}/`);
      }
    });

    it('n’émet aucun script en ligne ni style en ligne, et un seul petit script externe', async () => {
      const scripts = new Set<string>();
      for (const file of (await htmlFiles(dist)).filter((f) => f.startsWith('orientation/'))) {
        const html = await readText(dist, file);
        for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
          const src = /\ssrc="([^"]+)"/.exec(tag)?.[1];
          expect(src ?? (tag.includes('application/ld+json') ? 'json' : undefined), `${file} : ${tag}`).toBeDefined();
          if (src) scripts.add(src);
        }
        expect(html, file).not.toMatch(/\sstyle="/);
        expect(html, file).not.toMatch(/<style\b/);
      }
      expect(scripts.size).toBe(1);
      const [src] = [...scripts];
      const size = (await stat(join(dist, src!.slice(base.length)))).size;
      console.info(`script de l’outil d’orientation : ${size} octets (${src})`);
      // 3.7 kB since it also keeps the printout (AnswerSheet) and the address (?situations=) in step with the boxes.
      expect(size).toBeLessThan(4_000);
    });

    it('indexe la page de chaque commune avec un poids faible, et pas les pages par situation', async () => {
      const overview = await readText(dist, 'orientation/carvin/index.html');
      expect(overview).toContain('data-pagefind-body');
      expect(overview).toMatch(/data-pagefind-weight="0\.2"/);
      expect(overview).toMatch(
        /data-block="organisation:rencontres-et-loisirs"[^>]*data-pagefind-ignore="all"|data-pagefind-ignore="all"[^>]*data-block="organisation:rencontres-et-loisirs"/,
      );
      for (const situation of situations)
        expect(await readText(dist, `orientation/carvin/${situation}/index.html`)).not.toContain('data-pagefind-body');
      expect(await readText(dist, 'orientation/index.html')).toContain('data-pagefind-body');
    });

    it('mène à l’outil depuis l’accueil et depuis chaque commune', async () => {
      expect(linksOf(await readText(dist, 'index.html'))).toContain(`${base}orientation/`);
      for (const commune of catalog.communes) {
        expect(linksOf(await readText(dist, `communes/${commune.id}/index.html`)), commune.id).toContain(
          `${base}orientation/${commune.id}/`,
        );
      }
    });

    it('imprime l’adresse complète de chaque lien vers un lieu', async () => {
      const html = await readText(dist, 'orientation/leforest/sans-logement/index.html');
      expect(html).toContain(`data-print-url="${catalog.site.url}${base}lieux/siao-lens/"`);
      expect(html).toContain(`${catalog.site.url}${base}orientation/leforest/sans-logement/`);
    });
  });
}

describe('une règle d’orientation qui pointe vers un lieu inconnu', () => {
  it('fait échouer la construction en nommant le fichier', async () => {
    const contentDir = await mkdtemp(join(tmpdir(), 'sai-orientation-content-'));
    await cp(realContentDir, contentDir, { recursive: true });
    const rule = await readFile(join(contentDir, 'orientation', 'moins-de-30-ans.yaml'), 'utf8');
    await writeFile(
      join(contentDir, 'orientation', 'moins-de-30-ans.yaml'),
      rule.replace(
        'organisation: rencontres-et-loisirs',
        'organisation: rencontres-et-loisirs\n    places: [cllaj-oignie]',
      ),
    );
    const result = await buildSite({ contentDir });
    await rm(contentDir, { recursive: true, force: true });
    await removeBuild(result.outDir);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(
      /orientation\/moins-de-30-ans\.yaml:\d+ — partners\[1\]\.places — lieu inconnu «\s?cllaj-oignie\s?»/,
    );
    expect(result.output).toMatch(/vouliez-vous dire «\s?cllaj-oignies\s?»\s?\?/);
  });
});
