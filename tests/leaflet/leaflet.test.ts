import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import QRCode from 'qrcode';
import { beforeAll, describe, expect, it } from 'vitest';
import { absoluteUrl, paths } from '../../src/domain/urls.ts';
import { formatDate } from '../../src/domain/format.ts';
import type { Catalog } from '../../src/domain/types.ts';
import { leafletSlug, renderLeaflet, type LeafletVariant } from '../../src/leaflet/index.ts';
import { missingContact } from '../../src/domain/directory.ts';
import { base, commune, general, realCatalog, renderVariants, type Rendered } from './fixtures.ts';
import { decodedContentStreams, openPdf, panelText, squash, tokenize, tool } from './pdf-tools.ts';

let catalog: Catalog;
let pdfs: Map<string, Rendered>;
const pdf = (slug: string) => pdfs.get(slug)!;

beforeAll(async () => {
  catalog = await realCatalog();
  const all: LeafletVariant[] = [general, ...catalog.communes.map((c) => commune(c.id))];
  pdfs = await renderVariants(all);
}, 180_000);

/** pdftotext on the whole file, spaces normalised. */
const fullText = (file: string) =>
  squash(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));

/** An address printed on several lines (broken after "/") put back together. */
function printedUrls(text: string): string[] {
  const joined = text.replace(/\/[ \t]*\n[ \t]*/g, '/');
  return [...joined.matchAll(/https:\/\/[^\s]+/g)].map((m) => m[0].replace(/[.,;]$/, ''));
}

describe('every leaflet (general + 14 communes)', () => {
  it('is made for the general leaflet and each commune, under the expected file names', () => {
    expect([...pdfs.keys()]).toEqual(['plaquette-sai-cahc', ...catalog.communes.map((c) => c.id)]);
    expect(paths.leafletFile(leafletSlug(general))).toBe('plaquette/plaquette-sai-cahc.pdf');
  });

  it('has two A4 landscape pages', () => {
    for (const { file } of pdfs.values()) {
      const info = tool('pdfinfo', [file]).stdout;
      expect(info).toMatch(/^Pages:\s+2$/m);
      expect(info).toMatch(/^Page size:\s+841\.89 x 595\.27\d pts \(A4\)$/m);
    }
  });

  it('passes qpdf --check', () => {
    for (const { file } of pdfs.values()) {
      const result = tool('qpdf', ['--check', file]);
      expect(result.stderr).toBe('');
      expect(result.status, result.stdout).toBe(0);
    }
  });

  it('embeds every font as a tagged subset with a Unicode map (pdffonts)', () => {
    for (const { file } of pdfs.values()) {
      const lines = tool('pdffonts', [file]).stdout.trim().split('\n').slice(2);
      expect(lines.length).toBe(2);
      for (const line of lines) {
        const [name] = line.split(/\s+/);
        expect(name).toMatch(/^[A-Z]{6}\+AtkinsonHyperlegibleNext-(Regular|Bold)$/);
        // columns: emb sub uni
        expect(line).toMatch(/\byes\s+yes\s+yes\s+\d+\s+0$/);
      }
    }
  });

  it('prints the required texts', () => {
    const date = squash(formatDate(catalog.site.contentDate));
    for (const { file } of pdfs.values()) {
      const text = fullText(file);
      expect(text).toContain('www.demande-logement-social.gouv.fr');
      expect(text).toContain('pièce d’identité');
      expect(text).toContain('avis d’impôt');
      expect(text).toContain('un mois');
      expect(text).toContain(`Vérifié le ${date}`);
      expect(text).toContain(catalog.site.version);
      expect(text).toContain('CALEOL');
      expect(text).toContain('L441-1');
      // Desks without contact details: the leaflet sends people to the mairie and the portal, not
      // to the site, which holds no more than the leaflet.
      if (catalog.places.some((p) => missingContact(p).length > 0))
        expect(text).toMatch(/(?:Autres a|A)dresses et horaires : en mairie ou via le portail national\./);
      expect(text).not.toContain('sur le site ou en mairie');
    }
  });

  it('sets body text at 10 pt or more', async () => {
    const doc = await openPdf(pdf('plaquette-sai-cahc').bytes);
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      for (const item of content.items) {
        if ('str' in item && item.str.trim()) expect(Math.abs(item.transform[0]), item.str).toBeGreaterThanOrEqual(10);
      }
    }
    await doc.destroy();
  });

  it('gives the same bytes for the same content', async () => {
    for (const variant of [general, commune('carvin')]) {
      const again = await renderLeaflet(catalog, variant, { base });
      expect(Buffer.from(again).equals(Buffer.from(pdf(leafletSlug(variant)).bytes))).toBe(true);
    }
  });

  it('carries fixed metadata: title, language, author, dates from the content', () => {
    const info = tool('pdfinfo', [pdf('carvin').file]).stdout;
    expect(info).toMatch(/^Title:\s+Demander un logement social à Carvin – Communauté d’Agglomération Hénin-Carvin$/m);
    expect(info).toMatch(/^Author:\s+Communauté d’Agglomération Hénin-Carvin$/m);
    expect(info).toMatch(/^Subject:\s+\S/m);
    expect(info).toMatch(/^Producer:\s+Générateur de plaquette SAI \(pdf-lib\)$/m);
    expect(info).toMatch(/^CreationDate:\s+Sat Nov 28 00:00:00 2026 UTC$/m);
    expect(info).toMatch(/^ModDate:\s+Sat Nov 28 00:00:00 2026 UTC$/m);
    const raw = readFileSync(pdf('carvin').file, 'latin1');
    expect(raw).toMatch(/\/Lang \(fr-FR\)/);
    expect(raw).toMatch(/\/ID \[ <[0-9A-F]{32}> <[0-9A-F]{32}> \]/);
  });
});

describe('panels, once folded', () => {
  const expected: Record<number, string> = {
    1: 'Demander un logement social',
    2: 'Où faire votre demande ?',
    3: 'Faire enregistrer votre demande',
    4: 'Comment les logements sont attribués',
    5: 'Où s’adresser',
    6: 'Pour en savoir plus',
  };

  it('sit where the imposition puts them: outside 5 | 6 | 1, inside 2 | 3 | 4', () => {
    // A phrase found in one panel only.
    const markers: Record<number, string> = {
      1: 'est gratuit',
      2: 'sur le portail national',
      3: 'le formulaire rempli et une seule pièce',
      4: 'La cotation',
      5: 'Où s’adresser',
      6: 'Pour en savoir plus',
    };
    for (const slug of ['plaquette-sai-cahc', 'carvin', 'henin-beaumont']) {
      const texts = Object.fromEntries(
        [1, 2, 3, 4, 5, 6].map((panel) => [panel, squash(panelText(pdf(slug).file, panel))]),
      );
      for (const [panel, marker] of Object.entries(markers)) {
        expect(texts[panel], `${slug}, volet ${panel}`).toContain(marker);
        for (const other of [1, 2, 3, 4, 5, 6].filter((p) => String(p) !== panel && !(panel === '5' && p !== 5))) {
          expect(texts[other], `${slug} : « ${marker} » hors du volet ${panel}`).not.toContain(marker);
        }
      }
    }
  });

  it('start each panel with its own heading (the cover with the territory and the title)', () => {
    const cover = squash(panelText(pdf('plaquette-sai-cahc').file, 1));
    expect(cover.startsWith(`${catalog.site.territory.name} Demander un logement social`)).toBe(true);
    for (const panel of [2, 3, 4, 5])
      expect(squash(panelText(pdf('plaquette-sai-cahc').file, panel)).startsWith(expected[panel]!)).toBe(true);
  });

  it('read in the folded order in the content streams too (cover first on the outside)', () => {
    const [outside, inside] = decodedContentStreams(pdf('plaquette-sai-cahc').file);
    // Order of first appearance of each panel's x position in the text matrices.
    const xs = (stream: string) =>
      tokenize(stream).flatMap((t, i, all) => (t.value === 'Tm' ? [Number(all[i - 2]!.value)] : []));
    const panelOf = (x: number, page: 1 | 2) => {
      const mm = 72 / 25.4;
      if (page === 1) return x < 97 * mm ? 5 : x < 197 * mm ? 6 : 1;
      return x < 100 * mm ? 2 : x < 200 * mm ? 3 : 4;
    };
    const order = (stream: string, page: 1 | 2) => [...new Set(xs(stream).map((x) => panelOf(x, page)))];
    expect(order(outside!, 1)).toEqual([1, 5, 6]);
    expect(order(inside!, 2)).toEqual([2, 3, 4]);
  });
});

describe('commune editions', () => {
  it('put the commune’s own places first, under « À <commune> »', () => {
    for (const c of catalog.communes) {
      const text = squash(panelText(pdf(c.id).file, 5));
      expect(text.startsWith(`Où s’adresser À ${c.name}`), c.id).toBe(true);
      const local = catalog.places.filter((p) => p.commune === c.id);
      const others = catalog.places.filter((p) => p.commune !== c.id && p.level === 2 && p.onTerritory);
      const lastLocal = Math.max(...local.map((p) => text.indexOf(squash(p.name))));
      const firstOther = Math.min(...others.map((p) => text.indexOf(squash(p.name))).filter((i) => i >= 0));
      expect(
        local.every((p) => text.includes(squash(p.name))),
        c.id,
      ).toBe(true);
      expect(lastLocal, c.id).toBeLessThan(firstOther);
    }
  });

  it('say so when the commune has no registration desk', () => {
    const text = fullText(pdf('bois-bernard').file);
    expect(text).toContain('Il n’y a pas de guichet enregistreur à Bois-Bernard');
  });

  it('list every level-2 desk of the territory in the general leaflet', () => {
    const text = squash(panelText(pdf('plaquette-sai-cahc').file, 5) + panelText(pdf('plaquette-sai-cahc').file, 6));
    for (const place of catalog.places.filter((p) => p.level === 2 && p.onTerritory))
      expect(text).toContain(squash(place.name));
  });
});

describe('QR code', () => {
  const cases = () => [
    { slug: 'plaquette-sai-cahc', target: absoluteUrl(catalog.site.url, base, paths.home) },
    ...catalog.communes.map((c) => ({ slug: c.id, target: absoluteUrl(catalog.site.url, base, paths.commune(c.id)) })),
  ];

  it('prints its target in full under the code, on the back panel', () => {
    expect(cases()[1]!.target).toBe('https://www.agglo-henincarvin.fr/logement-social/communes/bois-bernard/');
    for (const { slug, target } of cases()) {
      expect(printedUrls(panelText(pdf(slug).file, 6)), slug).toContain(target);
    }
  });

  it('stores the same target in a link annotation', async () => {
    for (const { slug, target } of cases()) {
      const doc = await openPdf(pdf(slug).bytes);
      const annotations = await (await doc.getPage(1)).getAnnotations();
      const links = annotations.filter((a) => a.subtype === 'Link' && a.url === target);
      expect(links.length, slug).toBeGreaterThan(0);
      await doc.destroy();
    }
  });

  it('draws, as vector squares, exactly the modules of the target’s QR code', () => {
    for (const { slug, target } of cases().slice(0, 3)) {
      const [outside] = decodedContentStreams(pdf(slug).file);
      // The Figure's marked content holds one grid: "cell 0 0 cell x y cm" then "x y w 1 re".
      const figure = /\/Figure <<\/MCID \d+>> BDC([\s\S]*?)EMC/.exec(outside!)![1]!;
      const tokens = tokenize(figure);
      const dark = new Set<string>();
      tokens.forEach((t, i) => {
        if (t.value !== 're') return;
        const [x, y, w, h] = tokens.slice(i - 4, i).map((o) => Number(o.value)) as [number, number, number, number];
        expect(h).toBe(1);
        for (let c = x; c < x + w; c++) dark.add(`${y},${c}`);
      });
      const { size, data } = QRCode.create(target, { errorCorrectionLevel: 'M' }).modules;
      for (let row = 0; row < size; row++) {
        for (let column = 0; column < size; column++) {
          expect(dark.has(`${size - row - 1},${column}`), `${slug} ${row},${column}`).toBe(
            data[row * size + column] === 1,
          );
        }
      }
    }
  });
});
