import { z } from 'zod';

/**
 * A page of the site as editors write it in links: root-relative, without the base, ending with a
 * slash ("/infos/cotation/", "/lieux/caf-carvin/", "/ou-s-adresser/", "/").
 */
export const sitePath = z.string().regex(/^\/(?:[a-z0-9-]+\/)*$/, {
  message: 'adresse de page attendue, commençant et finissant par « / » (ex. « /infos/cotation/ »)',
});

/**
 * Words people type and the pages that answer them. Search adds these words, invisibly, to the
 * listed pages, so that "HLM" or "papiers" finds the right page even when its text says otherwise.
 */
export const searchSynonymsSchema = z
  .object({
    entries: z
      .array(
        z
          .object({
            /** What people type: acronyms, everyday words, frequent misspellings. */
            words: z.array(z.string().trim().min(1)).min(1),
            /** Pages that answer, best first. */
            pages: z.array(sitePath).min(1),
            /** Shown on the search page as a shortcut ("HLM, logement social"); the first word otherwise. */
            label: z.string().min(1).optional(),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type SearchSynonyms = z.infer<typeof searchSynonymsSchema>;

/** A word or an expression as people type it, or as the site writes it. */
const searchWord = z.string().trim().min(1, { message: 'mot vide' });

/**
 * How the search reads a question before asking Pagefind: the words that say nothing of the
 * subject (« comment », « que faire ») and the expressions of everyday speech that mean a subject
 * of the site (« mes points » → « cotation », « à la rue » → « sans abri »).
 */
export const searchVocabularySchema = z
  .object({
    /** Question words and fillers, left out of the search. */
    fillers: z.array(searchWord).default([]),
    expressions: z
      .array(
        z
          .object({
            /** How people say it: words or expressions, accents and capitals do not matter. */
            says: z.array(searchWord).min(1, { message: 'au moins une façon de le dire' }),
            /** The words of the site searched instead, which weigh more than the other words of the question. */
            means: z.array(searchWord).min(1, { message: 'au moins un mot du site à chercher' }),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type SearchVocabularyContent = z.infer<typeof searchVocabularySchema>;
