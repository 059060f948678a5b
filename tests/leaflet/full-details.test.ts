/**
 * Leaflets that make room: when every place has full contact details (two slots a day, a long note,
 * two phones), every leaflet still builds on two pages, giving up details in the fixed order
 * (hours, phones, « voir le site ») and saying so, never clipping. Fictitious details, made here.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load.ts';
import { formatIssues } from '../../src/domain/references.ts';
import type { Catalog, Place } from '../../src/domain/types.ts';
import { leafletDetailLevel, leafletSlug, renderLeaflet, type LeafletVariant } from '../../src/leaflet/index.ts';
import { makeSyntheticContent } from '../../scripts/bench/synthetic.ts';
import { base, realCatalog, root } from './fixtures.ts';
import { realContentDir } from '../helpers/real-content.ts';
import { tool } from './pdf-tools.ts';

const longNote =
  'Fermé au public le jeudi après-midi et pendant les deux premières semaines d’août ; permanence du service logement sur rendez-vous le mardi matin, à prendre à l’accueil ou par téléphone (note fictive, jeu d’essai).';

/** Every place with full, fictitious details: the worst case the leaflets must survive. */
function withFullDetails(catalog: Catalog): Catalog {
  const places: Place[] = catalog.places.map((place, i) => {
    const n = String(i % 100).padStart(2, '0');
    const { phone: _phone, ...rest } = place;
    return {
      ...rest,
      address: {
        street: `${i + 1} boulevard de l’Exemple-Fictif-Très-Long`,
        complement: 'Bâtiment B, 2e étage',
        postcode: '62999',
        city: 'Commune-Fictive-sur-Essai',
      },
      phones: [
        { number: `01 99 00 ${n} 10`, label: 'Accueil' },
        { number: `01 99 00 ${n} 11`, label: 'Service logement' },
      ],
      hours: [
        {
          days: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'],
          opens: '08:30',
          closes: '12:00',
          appointmentOnly: false,
        },
        { days: ['lundi', 'mardi', 'mercredi', 'vendredi'], opens: '13:30', closes: '17:30', appointmentOnly: false },
        { days: ['jeudi'], opens: '13:30', closes: '19:00', appointmentOnly: true },
        { days: ['samedi'], opens: '09:00', closes: '12:00', appointmentOnly: false },
      ],
      hoursNotes: [longNote],
    };
  });
  return { ...catalog, places };
}

async function pageCount(bytes: Uint8Array): Promise<number> {
  return (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
}

const variantsOf = (catalog: Catalog): LeafletVariant[] => [
  { variant: 'general' },
  ...catalog.communes.map((c) => ({ variant: 'commune' as const, communeId: c.id })),
];

describe('leaflets when every place has full details', () => {
  it('all fifteen build on two pages, each step down logged, the commune’s own phone printed', async () => {
    const catalog = withFullDetails(await realCatalog());
    const dir = mkdtempSync(join(tmpdir(), 'leaflet-full-'));
    const logs: string[] = [];
    for (const variant of variantsOf(catalog)) {
      const bytes = await renderLeaflet(catalog, variant, { base, log: (m) => logs.push(m) });
      expect(await pageCount(bytes)).toBe(2);
      if (variant.variant === 'commune') {
        const file = join(dir, `${leafletSlug(variant)}.pdf`);
        writeFileSync(file, bytes);
        const text = tool('pdftotext', [file, '-']).stdout;
        const own = catalog.places.filter((p) => p.commune === variant.communeId);
        // Each of the commune's own places is printed with its first number, whatever the level.
        for (const place of own) expect(text.replace(/\s+/g, ' ')).toContain(place.phones![0]!.number);
      }
    }
    // Logged in French, leaflet by leaflet, and only in the fixed order.
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(line).toMatch(/^Plaquette « [a-z0-9-]+ » : /);
  }, 120_000);

  it('gives up the hours before the phones, and the phones before the list', async () => {
    const catalog = withFullDetails(await realCatalog());
    const levels = await Promise.all(variantsOf(catalog).map((v) => leafletDetailLevel(catalog, v, { base })));
    expect(new Set(levels).size).toBeGreaterThan(0);
    // A commune with few places keeps its hours; the general leaflet (every desk) ends at the last level.
    expect(levels[0]).toBe('site');
    // Without any detail, every leaflet prints everything: nothing given up, nothing logged.
    const bare = await realCatalog();
    const none: Catalog = {
      ...bare,
      places: bare.places.map(
        ({ address: _a, phone: _p, phones: _ps, hours: _h, hoursNotes: _n, ...rest }) => rest as Place,
      ),
    };
    const logs: string[] = [];
    for (const variant of variantsOf(none)) {
      expect(await leafletDetailLevel(none, variant, { base })).toBe('full');
      await renderLeaflet(none, variant, { base, log: (m) => logs.push(m) });
    }
    expect(logs).toEqual([]);
  }, 120_000);

  it('the benchmark’s faithful ×10 copy builds each shape of leaflet on two pages, with full details', async () => {
    const target = join(mkdtempSync(join(tmpdir(), 'leaflet-x10-')), 'content');
    await makeSyntheticContent(realContentDir, target, 10, { mode: 'faithful' });
    const { catalog: loaded, issues } = await loadContent(target, root);
    if (!loaded) throw new Error(formatIssues(issues));
    const catalog = withFullDetails(loaded);
    const communes = (await realCatalog()).communes.length;
    expect(catalog.communes).toHaveLength(communes * 10);
    // Copies 1 to 9 of a commune differ only by the digit in their names and ids: the general
    // leaflet, the real communes and their copy 9 are every shape there is.
    const shapes = variantsOf(catalog).filter((v) => v.variant === 'general' || !/-synth-[1-8]$/.test(v.communeId));
    expect(shapes).toHaveLength(1 + communes * 2);
    for (const variant of shapes) {
      const bytes = await renderLeaflet(catalog, variant, { base, log: () => undefined });
      expect(await pageCount(bytes)).toBe(2);
    }
  }, 600_000);
});
