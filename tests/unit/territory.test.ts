import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load.ts';
import { contentReport } from '../../src/domain/report.ts';
import { adaptBody, markerPattern, type Markers } from '../../src/territory/adapt.ts';
import { generateTerritory, ofPlace, TerritoryError } from '../../src/territory/generate.ts';
import { epciNames, officialData } from '../../src/territory/official.ts';
import { readSourceTree } from '../../src/territory/source-tree.ts';

const root = resolve(import.meta.dirname, '../..');
let dir: string;
let source: Map<string, string>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sai-territoire-'));
  source = await readSourceTree(join(root, 'content'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const generate = (epci: string) => generateTerritory({ epci, official: officialData(), source, today: '2026-12-06' });

async function write(files: Map<string, string>, target: string): Promise<void> {
  for (const [path, text] of files) {
    await mkdir(join(target, path, '..'), { recursive: true });
    await writeFile(join(target, path), text);
  }
}

describe('npm run territoire', () => {
  // A small EPCI of the Pas-de-Calais (14 communes) and the largest (103).
  for (const [epci, label, count] of [
    ['200090751', 'CA Grand Calais Terres et Mers', 14],
    ['200069672', 'CC du Ternois', 103],
  ] as const) {
    it(`écrit pour la ${label} un contenu qui passe le contrôle, et le rapport dit ce qu’il reste à compléter`, async () => {
      const generated = generate(epci);
      const target = join(dir, epci);
      await write(generated.files, target);
      const { issues, catalog } = await loadContent(target, root);
      expect(issues).toEqual([]);
      expect(catalog!.communes).toHaveLength(count);
      expect(catalog!.site.territory.epci).toBe(epci);
      // One level-1 place per mairie, with nothing invented: no address, phone, hours.
      const mairies = catalog!.places.filter((p) => p.organisation === 'communes');
      expect(mairies).toHaveLength(count);
      for (const place of mairies) {
        expect(place.level).toBe(1);
        expect(place.address ?? place.phone ?? place.phones ?? place.hours ?? place.email).toBeUndefined();
      }
      expect(catalog!.organisations.map((o) => o.kind).sort()).toEqual([
        'commune',
        'departement',
        'family-allowance',
        'intercommunality',
        'reservation-holder',
        'state',
      ]);
      // Nothing of the source territory's own facts in what is published.
      for (const [path, text] of generated.files) {
        if (/^(topics|pages|organisations|places|orientation)\//.test(path))
          expect(text, path).not.toMatch(/CAHC|Hénin|Carvin|Oignies|Arras|Maisons et Cités|2022-2028|246 ?200 ?299/);
      }
      const report = contentReport(catalog!, '2026-12-06');
      const places = report.find((s) => s.title.startsWith('Lieux sans adresse'))!;
      expect(places.todo).toHaveLength(count);
      const settings = report.find((s) => s.title.startsWith('Réglages du site'))!.todo.join('\n');
      expect(settings).toMatch(/^url : adresse provisoire/m);
      expect(settings).toMatch(/^territory\.website : adresse provisoire/m);
      const review = report.find((s) => s.title.startsWith('À relire'))!;
      expect(review.todo.length).toBeGreaterThanOrEqual(catalog!.topics.length);
    });
  }

  it('garde le nom officiel, les codes postaux et une adresse par commune', () => {
    const { files, communes } = generate('200069037'); // CA du Pays de Saint-Omer: Saint-Augustin has two postcodes.
    expect(files.get('communes/saint-augustin.yaml')).toMatch(
      /name: Saint-Augustin\ninsee: "62691"\npostcode: "62120"\notherPostcodes:\n {2}- "62129"/,
    );
    expect(new Set(communes.map((c) => c.id)).size).toBe(communes.length);
    const calais = generate('200090751').files;
    expect(calais.get('communes/bonningues-les-calais.yaml')).toContain('name: Bonningues-lès-Calais');
    expect(calais.get('places/mairie-les-attaques.yaml')).toContain('name: Mairie des Attaques');
  });

  it('refuse un SIREN mal formé, celui d’une commune, ou un EPCI inconnu ou dissous, en français', () => {
    expect(() => generate('24620029')).toThrow(
      new TerritoryError(
        '« 24620029 » n’est pas un SIREN : 9 chiffres attendus (ex. 246200299 pour la CA d’Hénin-Carvin).',
      ),
    );
    expect(() => generate('216202150')).toThrow(
      /est celui de la commune de Carvin .* membre de : CA d’Hénin-Carvin, SIREN 246200299/,
    );
    expect(() => generate('200000001')).toThrow(
      /Aucune intercommunalité .* dissous ou a fusionné .* npm run territoire -- --commune/,
    );
  });

  it('nomme l’EPCI en entier et dit « dans la communauté de communes » ou « dans l’agglomération »', () => {
    const data = officialData();
    expect(epciNames(data.epcis.get('200069672')!)).toMatchObject({
      name: 'Communauté de communes du Ternois',
      area: { inside: 'dans la communauté de communes' },
    });
    expect(epciNames(data.epcis.get('246200299')!)).toMatchObject({
      name: 'Communauté d’agglomération d’Hénin-Carvin',
      shortName: 'CA d’Hénin-Carvin',
      area: { of: 'de l’agglomération' },
    });
    expect([
      ofPlace('Carvin'),
      ofPlace('Arras'),
      ofPlace('Le Portel'),
      ofPlace('Les Attaques'),
      ofPlace('Hénin-Beaumont'),
    ]).toEqual(['de Carvin', 'd’Arras', 'du Portel', 'des Attaques', 'd’Hénin-Beaumont']);
  });
});

describe('ce qui est repris du contenu source', () => {
  const markers: Markers = {
    words: ['CAHC', 'Carvin', 'l’agglomération'],
    topics: new Set(['cotation']),
    places: new Set(),
    communes: new Set(),
    pages: new Set(),
  };
  const pattern = markerPattern(markers.words);

  it('laisse de côté chaque ligne qui parle du territoire source ou renvoie à une page absente, et les titres restés vides', () => {
    const body = [
      'Le dépôt est gratuit.',
      '',
      '## Dans la CAHC',
      '',
      'La mairie de Carvin vous reçoit.',
      'Voir [la MDS](/lieux/mds-carvin/).',
      'Une ligne sans nom, mais dans la section de la CAHC.',
      '',
      '## Partout',
      '',
      'Voici les guichets :',
      '- [le SIAO](/lieux/siao/)',
      'Voir [la cotation](/infos/cotation/) et [les lieux](/infos/lieux-d-accueil/).',
      'Tous les lieux de l’agglomération vous orientent.',
      'Le 115 répond jour et nuit.',
    ].join('\n');
    expect(adaptBody(body, pattern, markers)).toBe(
      ['Le dépôt est gratuit.', '', '## Partout', '', 'Le 115 répond jour et nuit.'].join('\n'),
    );
  });

  it('renomme un titre qui nomme le territoire source par son type, et laisse de côté celui qui le nomme par son nom', () => {
    const headings = {
      rename: (line: string) => line.replace('de l’agglomération', 'de la communauté de communes'),
      pattern: markerPattern(['CAHC', 'Carvin']),
    };
    const body = [
      '## La grille de cotation de l’agglomération',
      '',
      '<CotationGrid />',
      '',
      '## La convention de la CAHC',
      '',
      'Signée le 20 décembre 2022.',
      '### Détail',
      'Texte.',
      '## Et ensuite',
      'Texte national.',
    ].join('\n');
    expect(adaptBody(body, pattern, markers, headings)).toBe(
      [
        '## La grille de cotation de la communauté de communes',
        '',
        '<CotationGrid />',
        '',
        '## Et ensuite',
        'Texte national.',
      ].join('\n'),
    );
  });

  it('ne prend pas un mot pour un autre (« CAF » n’est pas dans « CAFÉ », « Lens » pas dans « Lensois »)', () => {
    const p = markerPattern(['CAF', 'Lens']);
    expect(p.test('Un CAFÉ')).toBe(false);
    expect(p.test('les Lensois')).toBe(false);
    expect(p.test('la CAF de Lens')).toBe(true);
  });
});

describe('le banc d’essai d’un département (npm run bench -- --departement)', () => {
  it('ajoute au contenu réel les communes et les mairies des autres EPCI du département, et le tout passe le contrôle', async () => {
    const { makeDepartementContent } = await import('../../scripts/bench/synthetic.ts');
    // Paris: one commune (75056), member of the Métropole du Grand Paris, whose other members are in other départements.
    const target = join(dir, 'departement-75');
    const counts = await makeDepartementContent(join(root, 'content'), target, '75');
    expect(counts).toMatchObject({ epcis: 1, generatedCommunes: 1, communes: 15 });
    const { issues, catalog } = await loadContent(target, root);
    expect(issues).toEqual([]);
    expect(catalog!.site.territory.epci).toBeUndefined();
    expect(catalog!.places.find((p) => p.id === 'mairie-paris')).toMatchObject({ level: 1, commune: 'paris' });
    expect(
      catalog!.organisations.find(
        (o) => o.kind === 'intercommunality' && o.id !== catalog!.site.territory.organisation,
      )!.name,
    ).toBe('Métropole du Grand Paris');
  });
});
