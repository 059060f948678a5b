import type { CeilingProduct } from '../schemas/data.ts';
import { formatEuros } from './money.ts';
import type { IncomeCeilings } from './types.ts';

/**
 * Income ceilings: which household category a household belongs to, its ceiling, and whether an
 * income is under it. The rule is article 2 of the arrêté of 29 July 1987 (household categories);
 * the figures come from content/data/income-ceilings.yaml. Pure: the /plafonds/ pages, the form's
 * script and the tests share it.
 */

export type CeilingTable = IncomeCeilings['tables'][number];
export type HouseholdCategory = 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Who makes up the household, beyond its size: the two shapes the arrêté moves one category up.
 * - `single-with-dependants`: one person alone with the others as dependants (« personne seule avec
 *   n personnes à charge »);
 * - `young-couple`: a couple, and no one else, whose ages add up to 55 or less (« jeune ménage sans
 *   personne à charge »);
 * - `other`: any other household (a couple with or without children, adults sharing…).
 */
export type Composition = 'single-with-dependants' | 'young-couple' | 'other';

export interface Household {
  /** Everyone who will live in the home, the applicant included. */
  persons: number;
  composition: Composition;
  /** At least one person holds the carte mobilité inclusion « invalidité » (or the former carte d’invalidité). */
  disability: boolean;
}

export interface CategoryResult {
  category: HouseholdCategory;
  /** Persons counted beyond category 6: each adds the table's amount per extra person. */
  extraPersons: number;
  /**
   * Six persons or more, with a person with a disability or one person alone with the others as
   * dependants: article 2 moves such households one category up only as far as category 6 (« cinq
   * personnes dont au moins une handicapée », « personne seule avec quatre personnes à charge »), and
   * the annex adds an amount « par personne supplémentaire ». Neither says whether the situation
   * still counts as one more person beyond six: the site says so and gives both amounts
   * (unsettledExtraSentence) instead of choosing.
   */
  unsettled: boolean;
}

/** A « jeune ménage »: a couple whose ages (in whole years) add up to 55 or less. */
export function isYoungCouple(age1: number, age2: number): boolean {
  return age1 + age2 <= 55;
}

/**
 * The household's category. Each sentence of article 2, as a rank:
 * - n persons: rank n (one person alone: 1; two persons without dependant: 2; … six persons: 6);
 * - one person with n dependants (n + 1 persons): rank n + 2, one above the household's size;
 * - a young couple without dependant (two persons): rank 3;
 * - a household with a person with a disability: one rank above its size.
 * The household takes the highest rank that applies. Six persons and more are category 6 plus one
 * extra person for each person beyond six (« par personne supplémentaire », annex); whether a
 * disability or a single parent adds one more there is left open (`unsettled`).
 */
export function householdCategory(household: Household): CategoryResult {
  const persons = Math.max(1, Math.floor(household.persons));
  if (persons >= 6) {
    const bumped = household.disability || household.composition === 'single-with-dependants';
    return { category: 6, extraPersons: persons - 6, unsettled: bumped };
  }
  const ranks = [persons];
  if (household.composition === 'single-with-dependants' && persons >= 2) ranks.push(persons + 1);
  if (household.composition === 'young-couple' && persons === 2) ranks.push(3);
  if (household.disability) ranks.push(persons + 1);
  // Five persons at most here: a situation takes the household to category 6 at most, which article 2 names.
  return { category: Math.max(...ranks) as HouseholdCategory, extraPersons: 0, unsettled: false };
}

/**
 * What the page and the form say about a household of six persons or more with a disability or a
 * single parent: the text does not settle whether that counts as one more person. Both amounts, the
 * text, and where to ask; undefined when the case is settled or the table has no figures.
 */
export function unsettledExtraSentence(table: CeilingTable, result: CategoryResult): string | undefined {
  const ceiling = ceilingFor(table, result);
  if (!result.unsettled || ceiling === undefined || table.perExtraPerson === undefined) return undefined;
  return (
    'L’arrêté du 29 juillet 1987 (article 2) fait monter d’une catégorie un foyer qui compte une personne en situation de handicap, ' +
    'ou une personne seule avec des personnes à charge, mais seulement jusqu’à la catégorie 6. Il ne dit pas si, à six personnes ou plus, ' +
    `cette situation compte pour une personne de plus. Votre plafond est donc de ${formatEuros(ceiling)}, ` +
    `ou de ${formatEuros(ceiling + table.perExtraPerson)} si elle compte pour une personne de plus (${formatEuros(table.perExtraPerson)} par personne supplémentaire). ` +
    'Nous ne pouvons pas trancher\u202f: demandez à un guichet enregistreur.'
  );
}

/** The same question, for the category-6 page that the questions without script lead to: no household given, so both cases in words. */
export function unsettledExtraNotice(table: CeilingTable): string | undefined {
  const amount = categoryAmount(table, 6);
  if (amount === undefined || table.perExtraPerson === undefined) return undefined;
  return (
    'Votre foyer compte six personnes ou plus, et une personne est en situation de handicap, ou vous vivez seul ou seule avec les autres à votre charge\u202f? ' +
    'L’arrêté du 29 juillet 1987 (article 2) fait monter ces foyers d’une catégorie, mais seulement jusqu’à la catégorie 6. ' +
    `Il ne dit pas si, au-delà, cette situation compte pour une personne de plus (${formatEuros(table.perExtraPerson)} de plus). ` +
    'Nous ne pouvons pas trancher\u202f: demandez à un guichet enregistreur.'
  );
}

/** The table's amount for a category, or undefined while the table has no figures. */
export function categoryAmount(table: CeilingTable, category: HouseholdCategory): number | undefined {
  return table.categories.find((c) => c.category === category)?.amount;
}

/** The ceiling for a household's category and extra persons. */
export function ceilingFor(table: CeilingTable, result: CategoryResult): number | undefined {
  const amount = categoryAmount(table, result.category);
  if (amount === undefined) return undefined;
  return amount + result.extraPersons * (table.perExtraPerson ?? 0);
}

export type Verdict = 'under' | 'equal' | 'over';

/** An income equal to the ceiling does not exceed it: « ne dépassent pas ». */
export function ceilingVerdict(income: number, ceiling: number): Verdict {
  if (income < ceiling) return 'under';
  return income === ceiling ? 'equal' : 'over';
}

/** An amount as people type it: "23 500", "23500 €", "23 500,00" → 23500; undefined when it is not an amount. */
export function parseAmount(text: string): number | undefined {
  const cleaned = text
    .replace(/[\s\u00a0\u202f€]/g, '')
    .replace(/,\d{1,2}$/, '')
    .replace(/[.,](?=\d{3}(?:\D|$))/g, '');
  return /^\d+$/.test(cleaned) ? Number(cleaned) : undefined;
}

/** The newest table of a product that has figures (the one the pages and the form use). */
export function currentTable(ceilings: IncomeCeilings, product: CeilingProduct = 'PLUS'): CeilingTable | undefined {
  return ceilings.tables
    .filter((t) => t.product === product && t.categories.length > 0)
    .sort((a, b) => b.year - a.year)[0];
}

/** The category in words, as article 2 of the arrêté lists the households it covers. */
export const categoryWords: Record<HouseholdCategory, string[]> = {
  1: ['une personne seule'],
  2: [
    'deux personnes sans personne à charge (sauf un « jeune ménage »)',
    'une personne seule en situation de handicap',
  ],
  3: [
    'trois personnes',
    'une personne seule avec une personne à charge',
    'un « jeune ménage » sans personne à charge : un couple dont les deux âges additionnés font 55 ans ou moins',
    'deux personnes dont au moins une est en situation de handicap',
  ],
  4: [
    'quatre personnes',
    'une personne seule avec deux personnes à charge',
    'trois personnes dont au moins une est en situation de handicap',
  ],
  5: [
    'cinq personnes',
    'une personne seule avec trois personnes à charge',
    'quatre personnes dont au moins une est en situation de handicap',
  ],
  6: [
    'six personnes',
    'une personne seule avec quatre personnes à charge',
    'cinq personnes dont au moins une est en situation de handicap',
  ],
};

/** One answer of the questions without script: a link to the category page it leads to. */
export interface HouseholdChoice {
  label: string;
  household: Household;
}

/**
 * The second question, for a household of `persons` (1 to 5): the situations that change its
 * category, then « none of these ». Six persons and more are category 6 whatever the answer.
 */
export function householdChoices(persons: number): HouseholdChoice[] {
  const choices: HouseholdChoice[] = [];
  const disability =
    persons === 1
      ? 'Vous êtes en situation de handicap'
      : 'Au moins une personne du foyer est en situation de handicap';
  choices.push({ label: disability, household: { persons, composition: 'other', disability: true } });
  if (persons >= 2) {
    const dependants = persons - 1;
    choices.push({
      label: `Vous vivez seul ou seule avec ${dependants === 1 ? 'une personne' : `${dependants} personnes`} à votre charge (vos enfants, par exemple)`,
      household: { persons, composition: 'single-with-dependants', disability: false },
    });
  }
  if (persons === 2) {
    choices.push({
      label: 'Vous êtes en couple, sans personne à charge, et vos deux âges additionnés font 55 ans ou moins',
      household: { persons, composition: 'young-couple', disability: false },
    });
  }
  choices.push({
    label: persons === 1 ? 'Non' : 'Aucune de ces situations',
    household: { persons, composition: 'other', disability: false },
  });
  return choices;
}
