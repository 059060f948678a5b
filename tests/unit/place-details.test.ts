import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load';
import { contactCoverage, contactCoverageSentence, townHalls } from '../../src/domain/directory';
import type { Catalog, Place } from '../../src/domain/types';
import { projectRoot } from '../harness';

const { catalog } = await loadContent(join(projectRoot, 'content'), projectRoot);
const real = catalog as Catalog;

const place = (id: string, extra: Partial<Place> = {}): Place =>
  ({ id, file: `content/places/${id}.yaml`, name: id, organisation: 'communes', level: 1, onTerritory: true, commune: 'carvin', services: ['welcome'], audiences: [], conventionLabel: id, sources: [{ title: 't' }], ...extra }) as Place;
const hours = [{ days: ['lundi' as const], opens: '09:00', closes: '12:00' }] as Place['hours'];
const address = { street: '1 rue de la Mairie', postcode: '62220', city: 'Carvin' } as Place['address'];

describe('les mairies, niveau 1 et niveau 2, lues dans content/places', () => {
  it('met les 14 mairies au niveau 1 et trouve les 12 qui enregistrent, comme le tableau de l’article 4', () => {
    const halls = townHalls(real);
    expect(halls.all).toHaveLength(14);
    expect(halls.registering).toHaveLength(12);
    expect(halls.welcomeOnly.map(({ commune }) => commune.name)).toEqual(['Bois-Bernard', 'Leforest']);
  });

  it('suit les données : une commune qui devient guichet enregistreur change la liste', () => {
    const changed: Catalog = {
      ...real,
      places: real.places.map((p) => (p.id === 'mairie-leforest' ? { ...p, level: 2 as const, services: [...p.services, 'registration' as const] } : p)),
    };
    expect(townHalls(changed).welcomeOnly.map(({ commune }) => commune.id)).toEqual(['bois-bernard']);
    expect(townHalls(changed).registering).toHaveLength(13);
  });
});

describe('les coordonnées des lieux, comptées à la construction', () => {
  it('compte les lieux complets, partiels et sans rien', () => {
    const places = [place('a'), place('b', { phone: '03 21 00 00 00' }), place('c', { phone: '03 21 00 00 00', address, hours })];
    expect(contactCoverage(places)).toEqual({ total: 3, complete: 1, none: 1 });
  });

  it('dit ce que le site contient aujourd’hui, et se tait quand tout est rempli', () => {
    expect(contactCoverageSentence({ total: 34, complete: 0, none: 34 })).toBe('Ce site ne donne pas encore l’adresse, le téléphone ni les horaires des lieux d’accueil.');
    expect(contactCoverageSentence({ total: 34, complete: 0, none: 33 })).toBe(
      'Adresse, téléphone et horaires\u00a0: sur les 34 lieux de ce site, 1 en a une partie et 33 n’en ont encore aucune.',
    );
    expect(contactCoverageSentence({ total: 34, complete: 1, none: 30 })).toBe(
      'Adresse, téléphone et horaires\u00a0: sur les 34 lieux de ce site, 1 les a toutes, 3 en ont une partie et 30 n’en ont encore aucune.',
    );
    expect(contactCoverageSentence({ total: 34, complete: 34, none: 0 })).toBeUndefined();
  });

  it('le contenu réel : un seul lieu a une partie de ses coordonnées (le téléphone du CLLAJ)', () => {
    expect(contactCoverage(real.places)).toEqual({ total: 34, complete: 0, none: 33 });
  });
});
