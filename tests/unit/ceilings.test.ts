import { describe, expect, it } from 'vitest';
import {
  ceilingFor,
  ceilingVerdict,
  currentTable,
  householdCategory,
  householdChoices,
  isYoungCouple,
  unsettledExtraNotice,
  unsettledExtraSentence,
  type Composition,
} from '../../src/domain/ceilings.ts';
import { incomeCeilingsSchema } from '../../src/schemas/data.ts';
import { realCatalog } from '../helpers/real-content.ts';

const category = (persons: number, composition: Composition = 'other', disability = false) =>
  householdCategory({ persons, composition, disability });

describe('la catégorie de ménage (arrêté du 29 juillet 1987, article 2)', () => {
  it('une personne seule : catégorie 1', () => {
    expect(category(1)).toEqual({ category: 1, extraPersons: 0, unsettled: false });
  });

  it('deux personnes sans personne à charge : catégorie 2, sauf un jeune ménage', () => {
    expect(category(2)).toEqual({ category: 2, extraPersons: 0, unsettled: false });
    expect(category(2, 'young-couple')).toEqual({ category: 3, extraPersons: 0, unsettled: false });
  });

  it('un jeune ménage est un couple dont les âges additionnés font 55 ans ou moins', () => {
    expect(isYoungCouple(27, 28)).toBe(true);
    expect(isYoungCouple(30, 25)).toBe(true);
    expect(isYoungCouple(28, 28)).toBe(false);
    expect(isYoungCouple(50, 6)).toBe(false);
  });

  it('une personne seule avec n personnes à charge : catégorie n + 2', () => {
    expect(category(2, 'single-with-dependants').category).toBe(3);
    expect(category(3, 'single-with-dependants').category).toBe(4);
    expect(category(4, 'single-with-dependants').category).toBe(5);
    expect(category(5, 'single-with-dependants').category).toBe(6);
    // The same number of persons as a couple with children stays one category lower.
    expect(category(3).category).toBe(3);
  });

  it('une personne en situation de handicap fait monter le foyer d’une catégorie', () => {
    expect(category(1, 'other', true).category).toBe(2);
    expect(category(2, 'other', true).category).toBe(3);
    expect(category(3, 'other', true).category).toBe(4);
    expect(category(4, 'other', true).category).toBe(5);
    expect(category(5, 'other', true).category).toBe(6);
    // Not twice: a single parent with a disability is one category up, as either sentence says.
    expect(category(3, 'single-with-dependants', true).category).toBe(4);
    expect(category(2, 'young-couple', true).category).toBe(3);
  });

  it('« jeune ménage » ne vaut que pour un couple seul : à trois personnes, c’est le nombre qui compte', () => {
    expect(category(3, 'young-couple').category).toBe(3);
    expect(category(1, 'single-with-dependants').category).toBe(1);
  });

  it('six personnes et plus : catégorie 6, puis une personne supplémentaire par personne au-delà de six', () => {
    expect(category(6)).toEqual({ category: 6, extraPersons: 0, unsettled: false });
    expect(category(7)).toEqual({ category: 6, extraPersons: 1, unsettled: false });
    expect(category(9)).toEqual({ category: 6, extraPersons: 3, unsettled: false });
  });

  it('six personnes et plus avec un handicap, ou une personne seule avec cinq personnes à charge et plus : le texte ne tranche pas, le site non plus', () => {
    // Article 2 names a disability or a single parent up to category 6 only; persons beyond six are
    // « supplémentaires ». Both paths (form and pages without script) give category 6 and the persons
    // beyond six, and say that one more person may count.
    expect(category(6, 'other', true)).toEqual({ category: 6, extraPersons: 0, unsettled: true });
    expect(category(6, 'single-with-dependants')).toEqual({ category: 6, extraPersons: 0, unsettled: true });
    expect(category(8, 'other', true)).toEqual({ category: 6, extraPersons: 2, unsettled: true });
    // Five persons: article 2 names them in category 6, nothing is open.
    expect(category(5, 'other', true)).toEqual({ category: 6, extraPersons: 0, unsettled: false });
    expect(category(5, 'single-with-dependants')).toEqual({ category: 6, extraPersons: 0, unsettled: false });
    const table = {
      product: 'PLUS',
      year: 2026,
      incomeYear: 2024,
      zone: 'Z',
      verified: true,
      sources: [],
      perExtraPerson: 1000,
      categories: [1, 2, 3, 4, 5, 6].map((c) => ({ category: c, amount: c * 10000 })),
    } as unknown as Parameters<typeof unsettledExtraSentence>[0];
    const sentence = unsettledExtraSentence(table, category(6, 'other', true))!;
    expect(sentence).toContain('60\u202f000');
    expect(sentence).toContain('61\u202f000');
    expect(sentence).toContain('article 2');
    expect(unsettledExtraSentence(table, category(7))).toBeUndefined();
    expect(unsettledExtraNotice(table)).toContain('1\u202f000');
  });

  it('les questions sans script mènent chacune à la catégorie que donne la règle', () => {
    expect(
      householdChoices(1).map(
        (c) => category(c.household.persons, c.household.composition, c.household.disability).category,
      ),
    ).toEqual([2, 1]);
    expect(householdChoices(2).map((c) => householdCategory(c.household).category)).toEqual([3, 3, 3, 2]);
    expect(householdChoices(3).map((c) => householdCategory(c.household).category)).toEqual([4, 4, 3]);
    expect(householdChoices(5).map((c) => householdCategory(c.household).category)).toEqual([6, 6, 5]);
  });
});

describe('le plafond et la comparaison avec un revenu', () => {
  const table = incomeCeilingsSchema.parse({
    tables: [
      {
        product: 'PLUS',
        year: 2026,
        incomeYear: 2024,
        zone: 'Essai',
        verified: true,
        sources: [{ title: 'Essai' }],
        categories: [1, 2, 3, 4, 5, 6].map((n) => ({ category: n, amount: n * 10000 })),
        perExtraPerson: 5000,
      },
    ],
  }).tables[0]!;

  it('ajoute le montant par personne supplémentaire au-delà de la catégorie 6', () => {
    expect(ceilingFor(table, { category: 3, extraPersons: 0, unsettled: false })).toBe(30000);
    expect(ceilingFor(table, { category: 6, extraPersons: 2, unsettled: false })).toBe(70000);
  });

  it('dit si un revenu est en dessous, égal ou au-dessus du plafond (égal ne dépasse pas)', () => {
    expect(ceilingVerdict(29999, 30000)).toBe('under');
    expect(ceilingVerdict(30000, 30000)).toBe('equal');
    expect(ceilingVerdict(30001, 30000)).toBe('over');
  });

  it('refuse un tableau incomplet, sans montant par personne supplémentaire, ou vérifié sans montants', () => {
    const base = {
      product: 'PLUS',
      year: 2026,
      incomeYear: 2024,
      zone: 'Essai',
      verified: false,
      sources: [{ title: 'Essai' }],
    };
    expect(
      incomeCeilingsSchema.safeParse({
        tables: [{ ...base, categories: [{ category: 1, amount: 1 }], perExtraPerson: 1 }],
      }).success,
    ).toBe(false);
    expect(incomeCeilingsSchema.safeParse({ tables: [{ ...base, categories: table.categories }] }).success).toBe(false);
    expect(incomeCeilingsSchema.safeParse({ tables: [{ ...base, verified: true }] }).success).toBe(false);
    expect(incomeCeilingsSchema.safeParse({ tables: [base] }).success).toBe(true);
  });
});

describe('un tableau de plafonds, lu par le code', () => {
  // The PLUS 2026 figures (arrêté du 29 juillet 1987 as amended, amounts of 1 January 2026), as a fixture.
  const plus = {
    product: 'PLUS' as const,
    year: 2026,
    incomeYear: 2024,
    zone: 'Essai',
    verified: true,
    perExtraPerson: 6710,
    categories: [23403, 31254, 37584, 45374, 53376, 60156].map((amount, i) => ({ category: (i + 1) as 1, amount })),
    sources: [{ title: 'Arrêté' }],
  };

  it('donne le plafond de la catégorie, et ajoute le montant par personne au-delà de six', () => {
    // A family of four with one person with a disability: category 5.
    expect(ceilingFor(plus, householdCategory({ persons: 4, composition: 'other', disability: true }))).toBe(53376);
    expect(ceilingFor(plus, householdCategory({ persons: 8, composition: 'other', disability: false }))).toBe(
      60156 + 2 * 6710,
    );
  });

  it('prend le tableau le plus récent qui a des montants, jamais un tableau vide', () => {
    const empty2027 = { ...plus, year: 2027, verified: false, categories: [] };
    expect(currentTable({ tables: [plus, empty2027] })).toBe(plus);
    expect(currentTable({ tables: [plus, { ...plus, year: 2027 }] })!.year).toBe(2027);
    expect(currentTable({ tables: [{ ...plus, product: 'PLAI' as const, categories: [] }] }, 'PLAI')).toBeUndefined();
  });
});

describe('les plafonds du contenu réel : ce qui doit toujours tenir', async () => {
  const catalog = await realCatalog();
  const file = 'content/data/income-ceilings.yaml';

  it('le tableau PLUS affiché existe, et chaque tableau avec des montants a une source officielle', () => {
    expect(
      currentTable(catalog.incomeCeilings),
      `${file} : aucun tableau PLUS avec ses montants ; le simulateur et la page des plafonds en ont besoin`,
    ).toBeDefined();
    for (const table of catalog.incomeCeilings.tables) {
      if (table.categories.length === 0) continue;
      const where = `${file}, tableau ${table.product} ${table.year}`;
      expect(
        table.sources.some((s) => s.url || s.reference),
        `${where} : montants sans lien ni référence vers le texte officiel`,
      ).toBe(true);
      const amounts = table.categories.map((c) => c.amount);
      expect(amounts, `${where} : les montants doivent croître de la catégorie 1 à la catégorie 6`).toEqual(
        [...amounts].sort((a, b) => a - b),
      );
    }
  });
});
