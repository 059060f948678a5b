import { describe, expect, it } from 'vitest';
import { contactCoverage, contactCoverageSentence, townHallSummary, townHalls } from '../../src/domain/directory.ts';
import type { Catalog, Place } from '../../src/domain/types.ts';
import { place as fixturePlace, smallCatalog } from '../fixtures/catalog.ts';

const place = (id: string, extra: Partial<Place> = {}): Place =>
  fixturePlace(id, { commune: 'carvin', services: ['welcome'], ...extra });
const hours = [{ days: ['lundi' as const], opens: '09:00', closes: '12:00' }] as Place['hours'];
const address = { street: '1 rue de la Mairie', postcode: '62220', city: 'Carvin' } as Place['address'];

describe('les mairies, niveau 1 et niveau 2 (petit territoire d’essai)', () => {
  const small = smallCatalog();

  it('compte les lieux marqués « townHall: true », pas les autres lieux d’une commune', () => {
    const halls = townHalls(small);
    expect(halls.all.map(({ place }) => place.id)).toEqual([
      'mairie-alpha',
      'mairie-beta',
      'mairie-ecluse',
      'mairie-gamma',
    ]);
    expect(halls.registering.map(({ commune }) => commune.name)).toEqual(['Alpha', 'Écluse', 'Gamma']);
    expect(halls.welcomeOnly.map(({ commune }) => commune.name)).toEqual(['Bêta']);
    // The neighbourhood desk Alpha runs (organisation « communes ») is not a fifth town hall.
    expect(halls.all.map(({ place }) => place.id)).not.toContain('maison-de-quartier-alpha');
  });

  it('nomme le groupe le plus court : « toutes sauf Bêta »', () => {
    expect(townHallSummary(small)).toMatchObject({ count: 4, registering: 3, except: true });
    expect(townHallSummary(small).named.map((c) => c.name)).toEqual(['Bêta']);
  });

  it('suit les données : une commune qui devient guichet enregistreur change la phrase', () => {
    const changed: Catalog = {
      ...small,
      places: small.places.map((p) =>
        p.id === 'mairie-beta' ? { ...p, level: 2 as const, services: [...p.services, 'registration' as const] } : p,
      ),
    };
    expect(townHalls(changed).welcomeOnly).toEqual([]);
    expect(townHallSummary(changed)).toMatchObject({ count: 4, registering: 4, named: [] });
    const fewer: Catalog = {
      ...small,
      places: small.places.map((p) =>
        p.id === 'mairie-alpha' || p.id === 'mairie-gamma'
          ? { ...p, level: 1 as const, services: ['welcome' as const] }
          : p,
      ),
    };
    expect(townHallSummary(fewer)).toMatchObject({ count: 4, registering: 1, except: false });
    expect(townHallSummary(fewer).named.map((c) => c.name)).toEqual(['Écluse']);
  });
});

describe('les coordonnées des lieux, comptées à la construction', () => {
  it('compte les lieux complets, partiels et sans rien', () => {
    const places = [
      place('a'),
      place('b', { phone: '03 21 00 00 00' }),
      place('c', { phone: '03 21 00 00 00', address, hours }),
    ];
    expect(contactCoverage(places)).toEqual({ total: 3, complete: 1, none: 1 });
  });

  it('dit ce que le site contient aujourd’hui, et se tait quand tout est rempli', () => {
    expect(contactCoverageSentence({ total: 34, complete: 0, none: 34 })).toBe(
      'Ce site ne donne pas encore l’adresse, le téléphone ni les horaires des lieux d’accueil.',
    );
    expect(contactCoverageSentence({ total: 34, complete: 0, none: 33 })).toBe(
      'Adresse, téléphone et horaires\u00a0: sur les 34 lieux de ce site, 1 en a une partie et 33 n’en ont encore aucune.',
    );
    expect(contactCoverageSentence({ total: 34, complete: 1, none: 30 })).toBe(
      'Adresse, téléphone et horaires\u00a0: sur les 34 lieux de ce site, 1 les a toutes, 3 en ont une partie et 30 n’en ont encore aucune.',
    );
    expect(contactCoverageSentence({ total: 34, complete: 34, none: 0 })).toBeUndefined();
  });
});
