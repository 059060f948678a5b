import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog, Place } from '../../src/domain/types.ts';
import { LeafletOverflowError, renderLeaflet } from '../../src/leaflet/index.ts';
import { isSlot, newNode, newSlot, type DrawOp, type SemanticNode } from '../../src/leaflet/layout/display.ts';
import { layoutLeaflet } from '../../src/leaflet/layout/flow.ts';
import { wrap, WordTooWideError, type InlineRun, type MeasureText } from '../../src/leaflet/layout/wrap.ts';
import type { Block, LeafletContent } from '../../src/leaflet/model.ts';
import { frenchSpacing } from '../../src/leaflet/text.ts';
import { base, realCatalog, root } from './fixtures.ts';

/** Every character is 5 pt wide at 10 pt: easy to reason about. */
const measure: MeasureText = (text, _font, size) => text.length * size * 0.5;

function runs(text: string, url = false): InlineRun[] {
  const node = newNode('paragraph');
  return [{ text, font: 'regular', color: 'text', mark: newSlot(node), ...(url ? { url: true } : {}) }];
}
const lineTexts = (lines: ReturnType<typeof wrap>) => lines.map((l) => l.pieces.map((p) => p.text).join(''));

describe('line breaking', () => {
  it('breaks on spaces only and never inside a word', () => {
    const lines = lineTexts(wrap(runs('Apportez une pièce d’identité au guichet enregistreur'), 100, 10, measure));
    expect(lines).toEqual(['Apportez une pièce', 'd’identité au', 'guichet enregistreur']);
    for (const line of lines) expect(line.length * 5).toBeLessThanOrEqual(100);
  });

  it('keeps no-break spaces: « niveau 2 », a date, a colon', () => {
    const text = frenchSpacing('Guichets de niveau 2 : vérifié le 28\u00a0novembre\u00a02026 !');
    const lines = lineTexts(wrap(runs(text), 100, 10, measure));
    expect(lines).toEqual(['Guichets de', 'niveau\u00a02\u00a0: vérifié', 'le', '28\u00a0novembre\u00a02026\u00a0!']);
    expect(lines.some((l) => l.startsWith(':') || l.startsWith('!'))).toBe(false);
    expect(lines).toContain('28\u00a0novembre\u00a02026\u00a0!');
  });

  it('breaks an address after a "/" only (never inside "://")', () => {
    const url = 'https://www.agglo-henincarvin.fr/logement-social/communes/carvin/';
    const lines = lineTexts(wrap(runs(url, true), 180, 10, measure));
    expect(lines.join('')).toBe(url);
    expect(lines[0]).toBe('https://www.agglo-henincarvin.fr/');
    for (const line of lines.slice(0, -1)) expect(line.endsWith('/')).toBe(true);
  });

  it('refuses a word wider than the column rather than overflowing it', () => {
    expect(() => wrap(runs('Anticonstitutionnellement'), 50, 10, measure)).toThrow(WordTooWideError);
  });

  it('puts the space of a link boundary outside the link', () => {
    const parent = newNode('paragraph');
    const link = newNode('link', { link: { uri: 'https://example.fr', description: 'x' } });
    const before = newSlot(parent);
    parent.children.push(link);
    const lines = wrap(
      [
        { text: 'Voir ', font: 'regular', color: 'text', mark: before },
        { text: 'example.fr', font: 'bold', color: 'text', mark: newSlot(link), link },
      ],
      500,
      10,
      measure,
    );
    expect(lines[0]!.pieces.map((p) => p.text)).toEqual(['Voir ', 'example.fr']);
  });
});

/** A leaflet with one story in two frames of panels 5 and 6, the rest empty. */
function twoFrameContent(blocks: Block[]): LeafletContent {
  return {
    name: 'essai',
    stories: [
      {
        id: 'back',
        frames: [{ panel: 6, part: 'bottom', title: 'Bas' }],
        blocks: [{ type: 'paragraph', spans: [{ text: 'Pied' }] }],
      },
      {
        id: 'main',
        frames: [
          { panel: 5, title: 'Volet cinq' },
          { panel: 6, part: 'top', title: 'Volet six' },
        ],
        blocks,
      },
    ],
  };
}

const p = (text: string): Block => ({ type: 'paragraph', spans: [{ text }] });
const h = (text: string): Block => ({ type: 'heading', level: 3, spans: [{ text }] });

function textOps(ops: DrawOp[]) {
  return ops.filter((op): op is Extract<DrawOp, { op: 'text' }> => op.op === 'text');
}

describe('flow', () => {
  it('moves a heading to the next frame rather than leaving it alone at the bottom (keep-with-next)', () => {
    // Panel 5's frame is 538.6 pt high; 28 one-line paragraphs use 13 + 27 × 18 = 499 pt. The
    // 39.6 pt left take the heading (9 + 14 pt) but not the heading and its first line (+ 5 + 13 pt).
    const filler = Array.from({ length: 28 }, (_, i) => p(`Ligne ${i}`));
    const layout = layoutLeaflet(twoFrameContent([...filler, h('Titre gardé'), p('Texte du titre')]), measure);
    const outside = textOps(layout.pages[0].ops);
    expect(outside.find((op) => op.text === 'Ligne 27')!.x).toBeLessThan(97 * (72 / 25.4)); // the filler stays in panel 5
    const heading = outside.find((op) => op.text === 'Titre gardé')!;
    const body = outside.find((op) => op.text === 'Texte du titre')!;
    const panel6Left = 97 * (72 / 25.4);
    expect(heading.x).toBeGreaterThan(panel6Left); // moved to panel 6
    expect(body.x).toBeGreaterThan(panel6Left);
    expect(heading.y).toBeGreaterThan(body.y);
    // With one paragraph less, both fit at the foot of panel 5.
    const roomier = textOps(
      layoutLeaflet(twoFrameContent([...filler.slice(1), h('Titre gardé'), p('Texte du titre')]), measure).pages[0].ops,
    );
    expect(roomier.find((op) => op.text === 'Titre gardé')!.x).toBeLessThan(panel6Left);
    expect(roomier.find((op) => op.text === 'Texte du titre')!.x).toBeLessThan(panel6Left);
  });

  it('never lets a paragraph leave one line alone in a frame (orphans and widows)', () => {
    const long = p(Array.from({ length: 60 }, (_, i) => `mot${i}`).join(' '));
    // 29 one-line paragraphs leave 21.6 pt in panel 5: room for one line (5 + 13 pt), not two.
    const filler = Array.from({ length: 29 }, (_, i) => p(`Ligne ${i}`));
    const layout = layoutLeaflet(twoFrameContent([...filler, long]), measure);
    const panel6Left = 97 * (72 / 25.4);
    expect(textOps(layout.pages[0].ops).find((op) => op.text === 'Ligne 28')!.x).toBeLessThan(panel6Left);
    const ops = textOps(layout.pages[0].ops).filter((op) => op.text.includes('mot'));
    expect(ops.length).toBeGreaterThan(4);
    expect(ops.filter((op) => op.x < panel6Left).length).toBe(0); // one line alone would be an orphan
    // With one line less of filler, two lines fit: the paragraph then starts in panel 5.
    const roomier = layoutLeaflet(twoFrameContent([...filler.slice(1), long]), measure);
    const split = textOps(roomier.pages[0].ops).filter((op) => op.text.includes('mot'));
    expect(split.filter((op) => op.x < panel6Left).length).toBe(2);
  });

  it('fails with the panel, its title and the overflow when the text does not fit', () => {
    const tooMuch = Array.from({ length: 120 }, (_, i) => p(`Ligne ${i}`));
    expect(() => layoutLeaflet(twoFrameContent(tooMuch), measure)).toThrow(
      /^Plaquette « essai », volet 6 « Volet six » : le texte dépasse de \d+ pt \(environ \d+ lignes de trop\)$/,
    );
    try {
      layoutLeaflet(twoFrameContent(tooMuch), measure);
    } catch (error) {
      expect(error).toBeInstanceOf(LeafletOverflowError);
      const overflow = error as LeafletOverflowError;
      expect(overflow.panel).toBe(6);
      expect(overflow.overflow).toBeGreaterThan(0);
    }
  });

  it('draws nothing outside the text area of its frames', () => {
    const layout = layoutLeaflet(twoFrameContent(Array.from({ length: 50 }, (_, i) => p(`Ligne ${i}`))), measure);
    for (const op of textOps(layout.pages[0].ops)) {
      expect(op.y).toBeGreaterThan(0);
      expect(op.y).toBeLessThan(595.3);
    }
  });

  it('builds the semantic tree in story order, whatever the order of layout', () => {
    const layout = layoutLeaflet(twoFrameContent([h('Premier'), p('Corps')]), measure);
    const roles = (node: SemanticNode): string[] => [
      node.role,
      ...node.children.flatMap((c) => (isSlot(c) ? [] : roles(c))),
    ];
    expect(roles(layout.root)).toEqual(['document', 'paragraph', 'heading', 'paragraph']);
  });
});

describe('overflow with real content', () => {
  /** The real catalog with a great many level-2 desks in one commune (fixture: long place names). */
  function crowded(catalog: Catalog, communeId: string): Catalog {
    const names = JSON.parse(
      readFileSync(join(root, 'tests/fixtures/leaflet/long-place-names.json'), 'utf8'),
    ) as string[];
    const template = catalog.places.find((p) => p.id === `mairie-${communeId}`)!;
    const extra: Place[] = names.map((name, i) => ({
      ...template,
      id: `essai-${i}`,
      file: `tests/fixtures/leaflet/essai-${i}.yaml`,
      name,
    }));
    return { ...catalog, places: [...catalog.places, ...extra] };
  }

  it('makes renderLeaflet throw when a commune’s own places do not fit, naming the leaflet and the panel', async () => {
    const catalog = crowded(await realCatalog(), 'carvin');
    await expect(renderLeaflet(catalog, { variant: 'commune', communeId: 'carvin' }, { base })).rejects.toThrow(
      /^Plaquette « carvin », volet 6 « Où s’adresser \(suite\) » : le texte dépasse de \d+ pt/,
    );
    // The general leaflet lists other communes' desks: it gives them up (logged) rather than fail.
    const logs: string[] = [];
    await expect(
      renderLeaflet(catalog, { variant: 'general' }, { base, log: (m) => logs.push(m) }),
    ).resolves.toBeInstanceOf(Uint8Array);
    expect(logs).toEqual([
      expect.stringMatching(
        /^Plaquette « plaquette-sai-cahc » : le texte complet ne tient pas ; imprimée sans les horaires ni les numéros des autres guichets, et avec moins de guichets\.$/,
      ),
      expect.stringMatching(
        /^Plaquette « plaquette-sai-cahc » : \d+ autre\(s\) guichet\(s\) sur \d+ imprimé\(s\), les autres renvoyés au site\.$/,
      ),
    ]);
  });

  it('names the panel when a single word is wider than its column', async () => {
    const catalog = await realCatalog();
    const place = { ...catalog.places.find((p) => p.id === 'mairie-carvin')!, name: `Mairie ${'x'.repeat(80)}` };
    const broken = { ...catalog, places: catalog.places.map((p) => (p.id === place.id ? place : p)) };
    await expect(renderLeaflet(broken, { variant: 'commune', communeId: 'carvin' }, { base })).rejects.toThrow(
      /^Plaquette « carvin », volet 5 « Où s’adresser » : le mot « x+ » est plus large que la colonne/,
    );
  });
});
