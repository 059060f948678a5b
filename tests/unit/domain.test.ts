import { describe, expect, it } from 'vitest';
import { article4Table, communeGuide, hasContact, placesByCommune } from '../../src/domain/directory.ts';
import {
  formatDate,
  formatDays,
  formatEuros,
  formatHours,
  formatPhone,
  phoneHref,
  territoryItself,
} from '../../src/domain/format.ts';
import { closest } from '../../src/domain/issues.ts';
import { checkReferences, formatIssue } from '../../src/domain/references.ts';
import { placeRows, toCsv } from '../../src/domain/opendata.ts';
import { absoluteUrl, withBase } from '../../src/domain/urls.ts';
import { smallCatalog } from '../fixtures/catalog.ts';
import { loadRealContent } from '../helpers/real-content.ts';

const { catalog, issues } = await loadRealContent();

describe('le contenu réel : ce qui doit toujours tenir', () => {
  it('est valide', () => {
    expect(
      issues.map(formatIssue),
      'Le contenu a des erreurs : corrigez les fichiers nommés (npm run check donne les mêmes messages)',
    ).toEqual([]);
  });

  it('dit d’où viennent les coordonnées : un lieu cité par la convention qui en donne a une autre source que la convention', () => {
    for (const place of catalog!.places) {
      if (!hasContact(place) || !place.conventionLabel) continue;
      expect(
        place.sources.length,
        `${place.file} : adresse, téléphone ou horaires sans leur source ; ajoutez dans « sources » d’où ils viennent (appel, courrier, annuaire…)`,
      ).toBeGreaterThan(1);
    }
  });

  it('range chaque lieu une seule fois, par commune ou hors du territoire', () => {
    const { communes, outside } = placesByCommune(catalog!);
    const all = [...communes.flatMap((c) => c.places), ...outside].map((p) => p.id);
    expect(
      all.sort(),
      'un lieu sans commune sur le territoire : ajoutez « commune: » à son fichier (content/places/)',
    ).toEqual(catalog!.places.map((p) => p.id).sort());
  });

  it('met dans le tableau de l’article 4 chaque lieu que cite la convention, et seulement eux', () => {
    // A town hall that registers stands twice: « Toutes les communes » at level 1, and by name at level 2.
    const cited = [
      ...new Set(
        article4Table(catalog!)
          .flatMap((r) => [...r.cells.level1, ...r.cells.level2, ...r.cells.outside])
          .map((p) => p.id),
      ),
    ];
    expect(
      cited.sort(),
      'un lieu avec « conventionLabel » dont l’organisation n’a pas de groupe dans le tableau (content/organisations/, « kind »)',
    ).toEqual(
      catalog!.places
        .filter((p) => p.conventionLabel)
        .map((p) => p.id)
        .sort(),
    );
  });
});

describe('l’annuaire (petit territoire d’essai, tests/fixtures/catalog.ts)', () => {
  const small = smallCatalog();

  it('donne d’abord les lieux de la commune, niveau 2 en tête, puis les autres guichets', () => {
    const guide = communeGuide(small, 'alpha');
    expect(guide.local.map((p) => p.id)).toEqual(['agence-alpha', 'mairie-alpha', 'maison-de-quartier-alpha']);
    expect(guide.registersLocally).toBe(true);
    expect(guide.otherDesks.map((p) => p.id)).toEqual(['mairie-ecluse', 'mairie-gamma']);
    expect(guide.specialisedDesks.map((p) => p.id)).toEqual(['etat-dehors']);
  });

  it('dit qu’on ne peut pas déposer sa demande sur place dans une commune qui n’a que des lieux de niveau 1', () => {
    const guide = communeGuide(small, 'beta');
    expect(guide.local.map((p) => p.level)).toEqual([1, 1, 1]);
    expect(guide.registersLocally).toBe(false);
  });

  it('range tous les lieux une seule fois, les communes dans l’ordre alphabétique français', () => {
    const { communes, outside } = placesByCommune(small);
    expect(communes.map((c) => c.commune.name)).toEqual(['Alpha', 'Bêta', 'Écluse', 'Gamma']);
    expect(outside.map((p) => p.id)).toEqual(['etat-dehors']);
    expect([...communes.flatMap((c) => c.places), ...outside]).toHaveLength(small.places.length);
  });

  it('reconstruit le tableau de l’article 4 sans les lieux que la convention ne cite pas', () => {
    const rows = article4Table(small);
    expect(rows.map((r) => r.group)).toEqual(['Les communes', 'Les bailleurs', 'Réservataires', 'Autres acteurs']);
    const ids = (row: number, column: 'level1' | 'level2' | 'outside') => rows[row]!.cells[column].map((p) => p.id);
    // « Toutes les communes » at level 1 (article 4): every town hall, those that register too.
    expect([...ids(0, 'level1')].sort()).toEqual(['mairie-alpha', 'mairie-beta', 'mairie-ecluse', 'mairie-gamma']);
    expect(ids(0, 'level2')).toEqual(['mairie-alpha', 'mairie-ecluse', 'mairie-gamma']);
    expect(ids(1, 'level1')).toEqual(['point-beta']);
    expect(ids(1, 'level2')).toEqual(['agence-alpha']);
    expect(ids(2, 'outside')).toEqual(['etat-dehors']);
    expect(ids(3, 'level1')).toEqual(['caf-beta']);
    expect(rows.flatMap((r) => Object.values(r.cells).flat()).map((p) => p.id)).not.toContain(
      'maison-de-quartier-alpha',
    );
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

  it('nomme le territoire en sujet de phrase : site.yaml le dit, sinon le complément sans « de »', () => {
    expect(territoryItself({ of: 'de l’agglomération', the: 'l’agglomération' })).toBe('l’agglomération');
    expect(territoryItself({ of: 'de l’agglomération' })).toBe('l’agglomération');
    expect(territoryItself({ of: 'de la communauté de communes' })).toBe('la communauté de communes');
    expect(territoryItself({ of: 'du Ternois' })).toBe('le Ternois');
    expect(territoryItself({ of: 'des Sept Vallées' })).toBe('les Sept Vallées');
    expect(territoryItself({ of: 'd’Hénin-Carvin' })).toBe('Hénin-Carvin');
    expect(territoryItself({ of: 'de la métropole', the: 'la Métropole européenne' })).toBe('la Métropole européenne');
  });

  it('construit les adresses avec ou sans base', () => {
    expect(withBase('/logement-social/', 'lieux/x/')).toBe('/logement-social/lieux/x/');
    expect(withBase('/', 'lieux/x/')).toBe('/lieux/x/');
    expect(absoluteUrl('https://exemple.fr', '/logement-social/', 'communes/carvin/')).toBe(
      'https://exemple.fr/logement-social/communes/carvin/',
    );
  });
});

describe('les contrôles entre fichiers', () => {
  it('signalent une commune inconnue, avec le fichier et une suggestion', () => {
    const small = smallCatalog();
    const broken = {
      ...small,
      places: small.places.map((p, i) => (i === 0 ? { ...p, commune: 'alpah', onTerritory: true } : p)),
    };
    expect(checkReferences(broken)).toEqual([
      expect.objectContaining({
        file: small.places[0]!.file,
        field: 'commune',
        message: 'commune inconnue « alpah »',
        hint: 'vouliez-vous dire « alpha » ?',
      }),
    ]);
    expect(closest('zzzzzz', ['carvin'])).toBeUndefined();
  });

  it('signalent un identifiant en double', () => {
    const small = smallCatalog();
    const twice = {
      ...small,
      communes: [...small.communes, { ...small.communes[0]!, file: 'content/communes/copie.yaml' }],
    };
    const found = checkReferences(twice);
    expect(found.some((i) => i.field === 'nom du fichier' && i.file === 'content/communes/copie.yaml')).toBe(true);
    expect(found.some((i) => i.field === 'insee')).toBe(true);
  });
});

describe('les données ouvertes', () => {
  it('échappent le séparateur et les guillemets dans le CSV', () => {
    const rows = placeRows(catalog!, '/')
      .slice(0, 1)
      .map((r) => ({ ...r, name: 'Mairie ; "annexe"' }));
    expect(toCsv(rows).split('\r\n')[1]).toContain('"Mairie ; ""annexe"""');
  });
});
