import { z } from 'zod';

/**
 * An accessibility referential as its publisher ships it: the official `RGAA/criteres.json` of
 * DISIC/accessibilite.numerique.gouv.fr (Licence Ouverte / Etalab 2.0), stored verbatim in
 * content/data/referentials/<id>.json. A later version (RGAA 5) is another file of the same shape.
 */
const markdownBlock = z.union([z.string(), z.record(z.string(), z.array(z.string()))]);

const criteriumSchema = z
  .object({
    /** Number inside its topic: criterion « 1.3 » is number 3 of topic 1. */
    number: z.number().int().positive(),
    title: z.string().min(1),
    /** "1", "2"… → [question, conditions…], Markdown with glossary links. */
    tests: z.record(
      z.string().regex(/^\d+$/, { message: 'un numéro de test (ex. « 1 »)' }),
      z.array(z.string().min(1)).min(1),
    ),
    /** `{ wcag: ["1.1.1 Non-text Content (A)"] }`, `{ techniques: [...] }`, sometimes `{}`. */
    references: z.array(
      z.object({ wcag: z.array(z.string()).optional(), techniques: z.array(z.string()).optional() }).strict(),
    ),
    particularCases: z.array(markdownBlock).optional(),
    technicalNote: z.array(markdownBlock).optional(),
  })
  .strict();

export const referentialSchema = z
  .object({
    wcag: z.object({ version: z.number() }).strict(),
    topics: z
      .array(
        z
          .object({
            number: z.number().int().positive(),
            topic: z.string().min(1),
            criteria: z.array(z.object({ criterium: criteriumSchema }).strict()).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type ReferentialData = z.infer<typeof referentialSchema>;
