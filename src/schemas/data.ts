import { z } from 'zod';
import { isoDate, slug, sourceSchema, sources } from './common.ts';

/** The financing products of social homes, each with its own ceilings (arrêté of 29 July 1987). */
export const ceilingProducts = ['PLUS', 'PLAI', 'PLS'] as const;
export type CeilingProduct = (typeof ceilingProducts)[number];

/** Household categories of the arrêté of 29 July 1987 (1 to 6; beyond 6, an amount per extra person). */
export const householdCategories = [1, 2, 3, 4, 5, 6] as const;

const categoryAmount = z
  .object({
    category: z.number().int().min(1).max(6),
    /** Yearly reference tax income not to exceed, in euros. */
    amount: z.number().positive(),
  })
  .strict();

/**
 * Income ceilings ("plafonds de ressources"), one table per financing product and year. A table
 * without amounts is a place held for figures the editors do not have yet: the site says so, it never
 * shows an unsourced figure, and the content report lists it.
 */
export const incomeCeilingsSchema = z
  .object({
    /** Sources of the rules explained with the tables: household categories, which income counts. */
    sources: sources.optional(),
    tables: z.array(
      z
        .object({
          product: z.enum(ceilingProducts),
          year: z.number().int().min(2000).max(2100),
          /** Income year the ceilings apply to (N-2). */
          incomeYear: z.number().int().min(2000).max(2100),
          zone: z.string().min(1),
          /** false while the figures come from a secondary source and await the official text. */
          verified: z.boolean(),
          sources,
          /** One amount per household category, 1 to 6, in that order; empty while unknown. */
          categories: z.array(categoryAmount).default([]),
          /** Added for each person beyond category 6. */
          perExtraPerson: z.number().positive().optional(),
        })
        .strict()
        .refine(
          (t) => t.categories.length === 0 || t.categories.map((c) => c.category).join() === householdCategories.join(),
          {
            message: 'il faut les six catégories, de 1 à 6, dans l’ordre',
            params: { expected: 'six lignes « - category: 1 » à « - category: 6 », chacune avec son « amount: »' },
            path: ['categories'],
          },
        )
        .refine((t) => t.categories.length === 0 || t.perExtraPerson !== undefined, {
          message: 'montant par personne supplémentaire manquant',
          params: {
            expected: 'le montant à ajouter pour chaque personne au-delà de six (ex. « perExtraPerson: 6710 »)',
          },
          path: ['perExtraPerson'],
        })
        .refine((t) => !t.verified || t.categories.length > 0, {
          message: 'tableau marqué vérifié (verified: true) sans aucun montant',
          params: { expected: 'les six montants, ou « verified: false » tant qu’ils ne sont pas connus' },
          path: ['verified'],
        }),
    ),
  })
  .strict();
export type IncomeCeilings = z.infer<typeof incomeCeilingsSchema>;

/** The intercommunality's scoring grid. Empty until the CAHC supplies it. */
export const cotationGridSchema = z
  .object({
    status: z.enum(['pending', 'published']),
    adopted: isoDate.optional(),
    sources,
    /**
     * What a refusal of a home suited to the applicant's needs does to the score, in the CAHC's words
     * (R441-2-17 CCH: the applicant must be told the cases and the effect). Empty until supplied.
     */
    refusalEffect: z.string().min(1).optional(),
    criteria: z
      .array(
        z
          .object({
            group: z.string().min(1),
            label: z.string().min(1),
            points: z.number().int(),
            condition: z.string().optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict()
  .refine((grid) => grid.status === 'pending' || grid.criteria.length > 0, {
    message: 'grille publiée (status: published) sans aucun critère',
    params: { expected: 'au moins un critère, ou « status: pending » tant que la grille n’est pas fournie' },
    path: ['criteria'],
  });
export type CotationGrid = z.infer<typeof cotationGridSchema>;

export const glossarySchema = z
  .object({
    terms: z.array(
      z
        .object({
          id: slug,
          term: z.string().min(1),
          expansion: z.string().optional(),
          definition: z.string().min(1),
          /** Other words people type for the same thing (used by search). */
          synonyms: z.array(z.string()).default([]),
        })
        .strict(),
    ),
  })
  .strict();
export type Glossary = z.infer<typeof glossarySchema>;

/** DALO: the "délai anormalement long" set for the département. null while unknown. */
export const daloSchema = z
  .object({
    abnormallyLongDelayMonths: z.number().int().positive().nullable(),
    sources,
  })
  .strict();
export type Dalo = z.infer<typeof daloSchema>;

/**
 * The territory's social housing in figures (L441-2-6 CCH: the applicant is told the stock and the
 * share of demands satisfied). Every figure is null until the CAHC supplies it with its source.
 */
export const localFiguresSchema = z
  .object({
    /** The year the figures describe. */
    year: z.number().int().min(2000).max(2100).nullable().default(null),
    /** Social homes on the territory. */
    socialHomes: z.number().int().positive().nullable().default(null),
    /** Demands waiting at the end of the year. */
    pendingDemands: z.number().int().nonnegative().nullable().default(null),
    /** Homes allocated during the year. */
    allocations: z.number().int().nonnegative().nullable().default(null),
    /** Where the homes are: social homes per commune (commune ids of content/communes/). */
    byCommune: z.array(z.object({ commune: slug, socialHomes: z.number().int().nonnegative() }).strict()).default([]),
    sources: z.array(sourceSchema).default([]),
  })
  .strict()
  .refine(
    (f) =>
      (f.socialHomes === null && f.pendingDemands === null && f.allocations === null && f.byCommune.length === 0) ||
      (f.year !== null && f.sources.length > 0),
    {
      message: 'chiffres sans année ou sans source',
      params: {
        expected: 'l’année des chiffres (ex. « year: 2025 ») et au moins une source (« sources: » puis « - title: … »)',
      },
      path: ['sources'],
    },
  );
export type LocalFigures = z.infer<typeof localFiguresSchema>;
