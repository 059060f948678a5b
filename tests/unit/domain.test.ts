import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load';
import { article4Table, communeGuide, missingContact, placesByCommune } from '../../src/domain/directory';
import { formatDate, formatDays, formatEuros, formatHours, formatPhone, phoneHref } from '../../src/domain/format';
import { closest } from '../../src/domain/issues';
import { checkReferences } from '../../src/domain/references';
import { placeRows, toCsv } from '../../src/domain/opendata';
import { absoluteUrl, withBase } from '../../src/domain/urls';
import { projectRoot } from '../harness';

const { catalog, issues } = await loadContent(join(projectRoot, 'content'), projectRoot);

describe('le contenu réel', () => {
  it('est valide', () => {
    expect(issues).toEqual([]);
  });

  it('a les 14 communes et les 34 lieux de l’article 4, avec les niveaux de la convention', () => {
    expect(catalog!.communes).toHaveLength(14);
    expect(catalog!.places).toHaveLength(34);
    const level2Communes = catalog!.places.filter((p) => p.organisation === 'communes' && p.level === 2).map((p) => p.commune);
    expect(level2Communes.sort()).toEqual(catalog!.communes.map((c) => c.id).filter((id) => id !== 'bois-bernard' && id !== 'leforest').sort());
    expect(catalog!.places.filter((p) => !p.onTerritory).map((p) => p.id).sort()).toEqual(
      ['action-logement-arras', 'ddets-arras', 'ddtm-arras', 'sia-habitat-billy-montigny', 'siao-lens'].sort(),
    );
  });

  it('n’invente aucune coordonnée : seules celles du cachet de la page des signatures (le CLLAJ) sont remplies, avec leur source', () => {
    const withContact = catalog!.places.filter((p) => p.address || p.phone || p.email || p.website || p.hours);
    expect(withContact.map((p) => p.id)).toEqual(['cllaj-oignies']);
    for (const place of withContact) expect(place.sources.some((s) => s.title.includes('page des signatures'))).toBe(true);
    // The stamp's address is unreadable in the extracted text: no address, no hours anywhere.
    for (const place of catalog!.places) expect(missingContact(place)).toEqual(place.phone ? ['adresse', 'horaires'] : ['adresse', 'téléphone', 'horaires']);
  });
});

describe('l’annuaire', () => {
  it('donne d’abord les lieux de la commune, niveau 2 en tête, puis les autres guichets', () => {
    const guide = communeGuide(catalog!, 'libercourt');
    expect(guide.local.map((p) => p.id)).toEqual(['mairie-libercourt', 'maisons-et-cites-libercourt']);
    expect(guide.registersLocally).toBe(true);
    expect(guide.otherDesks.every((p) => p.level === 2 && p.onTerritory && p.commune !== 'libercourt')).toBe(true);
    expect(guide.specialisedDesks.map((p) => p.id)).toContain('action-logement-arras');
  });

  it('dit qu’on ne peut pas déposer sa demande sur place à Leforest, qui n’a qu’un lieu de niveau 1', () => {
    const guide = communeGuide(catalog!, 'leforest');
    expect(guide.local.map((p) => p.level)).toEqual([1]);
    expect(guide.registersLocally).toBe(false);
  });

  it('range tous les lieux une seule fois, par commune ou hors territoire', () => {
    const { communes, outside } = placesByCommune(catalog!);
    const all = [...communes.flatMap((c) => c.places), ...outside].map((p) => p.id);
    expect(all.sort()).toEqual(catalog!.places.map((p) => p.id).sort());
    expect(communes[0]!.commune.name).toBe('Bois-Bernard');
  });

  it('reconstruit le tableau de l’article 4', () => {
    const rows = article4Table(catalog!);
    expect(rows.map((r) => r.group)).toEqual(['Les communes', 'Les bailleurs', 'Réservataires', 'Autres acteurs']);
    const landlords = rows[1]!.cells;
    expect(landlords.level1).toHaveLength(4);
    expect(landlords.level2).toHaveLength(5);
    expect(landlords.outside.map((p) => p.id)).toEqual(['sia-habitat-billy-montigny']);
    expect(new Set(rows.flatMap((r) => [...r.cells.level1, ...r.cells.level2, ...r.cells.outside])).size).toBe(catalog!.places.length);
    // « Toutes les communes » at level 1 (article 4): every town hall on the territory, those that register too.
    const townHalls = rows[0]!;
    expect(townHalls.level1Words).toMatch(/^Toutes les communes/);
    expect(townHalls.cells.level1.length).toBeGreaterThan(townHalls.cells.level2.length);
    for (const place of townHalls.cells.level2) expect(townHalls.cells.level1).toContain(place);
  });
});

describe('la mise en forme en français', () => {
  it('écrit les dates, les téléphones, les montants et les horaires à la française', () => {
    expect(formatDate('2026-11-28')).toBe('28\u00a0novembre\u00a02026');
    expect(formatDate('2027-01-01')).toBe('1er\u00a0janvier\u00a02027');
    expect(formatPhone('0321370140')).toBe('03\u00a021\u00a037\u00a001\u00a040');
    expect(formatPhone('+33 3 21 37 01 40')).toBe('03\u00a021\u00a037\u00a001\u00a040');
    expect(phoneHref('03.21.37.01.40')).toBe('tel:+33321370140');
    expect(formatEuros(23403)).toBe('23\u202f403\u00a0€');
    expect(formatDays(['mardi', 'lundi', 'mercredi'])).toBe('du lundi au mercredi');
    expect(formatDays(['lundi', 'jeudi'])).toBe('les lundi et jeudi');
    expect(formatHours([{ days: ['vendredi'], opens: '08:30', closes: '12:00', appointmentOnly: true }])).toEqual([
      'le vendredi, de 8\u00a0h\u00a030 à 12\u00a0h (sur rendez-vous)',
    ]);
  });

  it('construit les adresses avec ou sans base', () => {
    expect(withBase('/logement-social/', 'lieux/x/')).toBe('/logement-social/lieux/x/');
    expect(withBase('/', 'lieux/x/')).toBe('/lieux/x/');
    expect(absoluteUrl('https://exemple.fr', '/logement-social/', 'communes/carvin/')).toBe('https://exemple.fr/logement-social/communes/carvin/');
  });
});

describe('les contrôles entre fichiers', () => {
  it('signalent une commune inconnue, avec le fichier et une suggestion', () => {
    const broken = { ...catalog!, places: catalog!.places.map((p, i) => (i === 0 ? { ...p, commune: 'libercour', onTerritory: true } : p)) };
    expect(checkReferences(broken)).toEqual([
      expect.objectContaining({ file: catalog!.places[0]!.file, field: 'commune', message: 'commune inconnue « libercour »', hint: 'vouliez-vous dire « libercourt » ?' }),
    ]);
    expect(closest('zzzzzz', ['carvin'])).toBeUndefined();
  });

  it('signalent un identifiant en double', () => {
    const twice = { ...catalog!, communes: [...catalog!.communes, { ...catalog!.communes[0]!, file: 'content/communes/copie.yaml' }] };
    const found = checkReferences(twice);
    expect(found.some((i) => i.field === 'nom du fichier' && i.file === 'content/communes/copie.yaml')).toBe(true);
    expect(found.some((i) => i.field === 'insee')).toBe(true);
  });
});

describe('les données ouvertes', () => {
  it('échappent le séparateur et les guillemets dans le CSV', () => {
    const rows = placeRows(catalog!, '/').slice(0, 1).map((r) => ({ ...r, name: 'Mairie ; "annexe"' }));
    expect(toCsv(rows).split('\r\n')[1]).toContain('"Mairie ; ""annexe"""');
  });
});
