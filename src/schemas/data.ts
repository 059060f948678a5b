import { z } from 'astro/zod';
import { isoDate, slug, sources } from './common';

/** Income ceilings ("plafonds de ressources"), one table per financing product and year. */
export const incomeCeilingsSchema = z
  .object({
    tables: z.array(
      z
        .object({
          product: z.string().min(1),
          year: z.number().int().min(2000).max(2100),
          /** Income year the ceilings apply to (N-2). */
          incomeYear: z.number().int().min(2000).max(2100),
          zone: z.string().min(1),
          /** false while the figures come from a secondary source and await the official text. */
          verified: z.boolean(),
          sources,
          rows: z.array(z.object({ household: z.string().min(1), amount: z.number().positive() }).strict()).min(1),
        })
        .strict(),
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
