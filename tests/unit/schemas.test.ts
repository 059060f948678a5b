import { describe, expect, it } from 'vitest';
import { placeSchema } from '../../src/schemas/place.ts';
import { communeSchema } from '../../src/schemas/commune.ts';
import { topicSchema } from '../../src/schemas/topic.ts';
import { openingHoursSchema } from '../../src/schemas/hours.ts';
import { cotationGridSchema, incomeCeilingsSchema } from '../../src/schemas/data.ts';

const source = [{ title: 'Convention SAI CAHC 2022-2028, article 4' }];
const validPlace = {
  name: 'Mairie de Carvin',
  organisation: 'communes',
  level: 2,
  onTerritory: true,
  commune: 'carvin',
  services: ['welcome', 'information', 'registration'],
  conventionLabel: 'Niveau 2 – Les communes : Carvin',
  sources: source,
};

function messages(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return (result.error?.issues ?? []).map((i) => `${i.path.map(String).join('.')}: ${i.message}`);
}

describe('le schéma des lieux', () => {
  it('accepte un lieu complet, et un lieu sans coordonnées', () => {
    expect(placeSchema.safeParse(validPlace).success).toBe(true);
    const full = {
      ...validPlace,
      address: { street: '1 place de la Mairie', postcode: '62220', city: 'Carvin' },
      phone: '03 21 00 00 00',
      email: 'logement@exemple.fr',
      website: 'https://www.exemple.fr',
      hours: [{ days: ['lundi', 'mardi'], opens: '08:30', closes: '12:00' }],
      appointment: 'recommended',
    };
    expect(messages(placeSchema.safeParse(full))).toEqual([]);
  });

  it('refuse un niveau autre que 1 ou 2', () => {
    expect(messages(placeSchema.safeParse({ ...validPlace, level: 3 }))).toEqual([
      'level: 1 (accueil et information) ou 2 (accueil, information et enregistrement de la demande), sans guillemets',
    ]);
  });

  it('refuse un lieu de niveau 2 qui n’enregistre pas la demande', () => {
    expect(messages(placeSchema.safeParse({ ...validPlace, services: ['welcome'] }))).toEqual([
      'services: un lieu de niveau 2 enregistre la demande, mais « registration » manque dans ses services',
    ]);
  });

  it('refuse un téléphone qui n’est pas français, un e-mail ou un site mal formé', () => {
    const result = placeSchema.safeParse({
      ...validPlace,
      phone: '12345',
      email: 'mairie@',
      website: 'www.exemple.fr',
    });
    expect(messages(result).map((m) => m.split(':')[0])).toEqual(['phone', 'email', 'website']);
  });

  it('demande la commune sur le territoire et la ville en dehors', () => {
    expect(messages(placeSchema.safeParse({ ...validPlace, commune: undefined }))).toEqual([
      expect.stringMatching(/^commune: commune absente pour un lieu situé sur le territoire/),
    ]);
    expect(messages(placeSchema.safeParse({ ...validPlace, onTerritory: false, commune: undefined }))).toEqual([
      expect.stringMatching(/^town: ville absente pour un lieu situé hors du territoire/),
    ]);
  });

  it('refuse un champ inconnu (faute de frappe)', () => {
    expect(placeSchema.safeParse({ ...validPlace, adress: 'x' }).success).toBe(false);
  });
});

describe('les horaires', () => {
  it('refusent une heure mal écrite et des créneaux qui se chevauchent', () => {
    expect(openingHoursSchema.safeParse([{ days: ['lundi'], opens: '8h30', closes: '12:00' }]).success).toBe(false);
    const overlap = openingHoursSchema.safeParse([
      { days: ['lundi', 'mardi'], opens: '08:30', closes: '12:00' },
      { days: ['mardi'], opens: '11:00', closes: '17:00' },
    ]);
    expect(messages(overlap)).toEqual([
      '1: ce créneau chevauche le créneau n° 1 (même jour, heures qui se recouvrent)',
    ]);
  });

  it('refusent une fermeture avant l’ouverture', () => {
    expect(messages(openingHoursSchema.safeParse([{ days: ['lundi'], opens: '14:00', closes: '09:00' }]))).toEqual([
      '0.closes: l’heure de fermeture n’est pas après l’heure d’ouverture',
    ]);
  });
});

describe('les communes, les fiches et les données', () => {
  it('vérifient le code INSEE et le code postal', () => {
    expect(
      communeSchema.safeParse({ name: 'Carvin', insee: '62215', postcode: '62220', sources: source }).success,
    ).toBe(true);
    expect(communeSchema.safeParse({ name: 'Carvin', insee: '6221', postcode: '62220', sources: source }).success).toBe(
      false,
    );
  });

  it('exigent des sources et une date de vérification sur une fiche', () => {
    const topic = {
      title: 'T',
      summary: 'S',
      nav: { section: 'demarches', order: 1 },
      sources: source,
      lastChecked: '2026-11-28',
      reviewBy: '2027-11-28',
    };
    expect(topicSchema.safeParse(topic).success).toBe(true);
    expect(messages(topicSchema.safeParse({ ...topic, sources: [] }))).toEqual([
      'sources: au moins une source (un titre, et si possible une adresse web ou un article de loi)',
    ]);
    expect(topicSchema.safeParse({ ...topic, lastChecked: undefined }).success).toBe(false);
    // YAML hands dates over as Date objects: they become calendar days.
    expect(topicSchema.parse({ ...topic, lastChecked: new Date('2026-11-28T00:00:00Z') }).lastChecked).toBe(
      '2026-11-28',
    );
  });

  it('acceptent sur une source la date de consultation « consulted », au format AAAA-MM-JJ', () => {
    const topic = {
      title: 'T',
      summary: 'S',
      nav: { section: 'demarches', order: 1 },
      lastChecked: '2026-11-28',
      reviewBy: '2027-11-28',
    };
    const cited = { title: 'CCH : recours DALO', reference: 'article L441-2-3 du CCH' };
    expect(
      topicSchema.parse({ ...topic, sources: [{ ...cited, consulted: new Date('2026-11-29T00:00:00Z') }] }).sources[0]!
        .consulted,
    ).toBe('2026-11-29');
    expect(messages(topicSchema.safeParse({ ...topic, sources: [{ ...cited, consulted: '29/11/2026' }] }))).toEqual([
      'sources.0.consulted: une date au format AAAA-MM-JJ (ex. « 2026-11-28 »)',
    ]);
  });

  it('exigent l’année et la source d’un tableau de plafonds', () => {
    const table = {
      product: 'PLUS',
      year: 2026,
      incomeYear: 2024,
      zone: 'Autres régions',
      verified: false,
      sources: source,
      categories: [1, 2, 3, 4, 5, 6].map((category) => ({ category, amount: 20000 + category })),
      perExtraPerson: 6710,
    };
    expect(incomeCeilingsSchema.safeParse({ tables: [table] }).success).toBe(true);
    expect(incomeCeilingsSchema.safeParse({ tables: [{ ...table, year: undefined }] }).success).toBe(false);
    expect(incomeCeilingsSchema.safeParse({ tables: [{ ...table, sources: [] }] }).success).toBe(false);
  });

  it('n’acceptent une grille de cotation publiée qu’avec des critères', () => {
    expect(cotationGridSchema.safeParse({ status: 'pending', sources: source }).success).toBe(true);
    expect(cotationGridSchema.safeParse({ status: 'published', sources: source, criteria: [] }).success).toBe(false);
  });
});
