import { describe, expect, it } from 'vitest';
import { printable, shapedGlyphIds } from '../../src/leaflet/fonts.ts';
import { leafletTexts } from '../../src/leaflet/index.ts';
import { base, commune, general, realCatalog } from './fixtures.ts';

/**
 * The leaflet maps characters to glyphs through the face's cmap instead of fontkit's shaper
 * (src/leaflet/fonts.ts says why). That is only right while shaping would pick the same glyphs:
 * checked here on every text of every leaflet, in the face it is printed in.
 */
describe('glyphs of the leaflet fonts', () => {
  it('are the glyphs fontkit’s shaping would choose, for every text of every leaflet', async () => {
    const catalog = await realCatalog();
    const printed = new Map<string, { text: string; font: 'regular' | 'bold' }>();
    for (const variant of [general, ...catalog.communes.map((c) => commune(c.id))]) {
      for (const item of await leafletTexts(catalog, variant, { base })) printed.set(`${item.font}:${item.text}`, item);
    }
    expect(printed.size).toBeGreaterThan(200);
    const differing: string[] = [];
    for (const { text, font } of printed.values()) {
      const { shaped, mapped } = await shapedGlyphIds(font, text);
      if (shaped.join() !== mapped.join()) differing.push(`${font} « ${text} »`);
    }
    expect(differing).toEqual([]);
  }, 60_000);

  it('composes decomposed accents before choosing glyphs (the shaper would have)', async () => {
    // "é" written as e + combining acute: ccmp would compose it; printable() already has.
    const decomposed = 'Vérifié'.normalize('NFD');
    expect(printable(decomposed)).toBe('Vérifié');
    const { shaped, mapped } = await shapedGlyphIds('regular', decomposed);
    expect(mapped).toEqual(shaped);
    expect(mapped).toHaveLength('Vérifié'.length);
  });
});
