import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generalLeafletSlug, leafletVariant, renderLeaflet } from '../../src/leaflet/index.ts';
import { formatFileSize } from '../../src/domain/format.ts';
import { listFiles, readText } from '../helpers/dist.ts';
import { builtDist } from '../harness.ts';
import { loadRealContent } from '../helpers/real-content.ts';

const distWithBase = await builtDist('distWithBase');

const { catalog } = await loadRealContent();

describe('les plaquettes faites par la construction du site', () => {
  const dist = distWithBase;

  it('sont là : une générale et une par commune, et rien d’autre', async () => {
    const pdfs = (await listFiles(join(dist, 'plaquette'))).filter((f) => f.endsWith('.pdf')).sort();
    expect(pdfs).toEqual([`${generalLeafletSlug}.pdf`, ...catalog!.communes.map((c) => `${c.id}.pdf`)].sort());
  });

  it('ont les octets que donne renderLeaflet dans un autre processus : même contenu, même fichier', async () => {
    for (const slug of [generalLeafletSlug, 'libercourt']) {
      const built = await readFile(join(dist, 'plaquette', `${slug}.pdf`));
      const again = await renderLeaflet(catalog!, leafletVariant(slug), { base: '/logement-social/' });
      expect(Buffer.compare(built, Buffer.from(again)), slug).toBe(0);
    }
  });

  it('sont annoncées sur la page de la plaquette avec leur vrai poids, et sur chaque page de commune', async () => {
    const page = await readText(dist, 'plaquette/index.html');
    for (const slug of [generalLeafletSlug, ...catalog!.communes.map((c) => c.id)]) {
      const { size } = await stat(join(dist, 'plaquette', `${slug}.pdf`));
      expect(page).toMatch(
        new RegExp(`href="/logement-social/plaquette/${slug}\\.pdf"[^>]*>[^<]*\\(PDF, ${formatFileSize(size)}\\)</a>`),
      );
    }
    for (const commune of catalog!.communes) {
      expect(await readText(dist, `communes/${commune.id}/index.html`)).toContain(
        `href="/logement-social/plaquette/${commune.id}.pdf"`,
      );
    }
  });
});
