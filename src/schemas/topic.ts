import { z } from 'zod';
import { isoDate, slug, sources } from './common.ts';

/** Sections of the navigation, in the order the site shows them. */
export const topicSections = ['demarches', 'comprendre', 'service'] as const;

export const topicSchema = z
  .object({
    title: z.string().min(1),
    /** One or two plain sentences: shown under the title, in lists and in search results. */
    summary: z.string().min(1),
    nav: z
      .object({
        section: z.enum(topicSections),
        order: z.number().int().nonnegative(),
        /** Shorter label for menus. */
        label: z.string().optional(),
      })
      .strict(),
    sources,
    lastChecked: isoDate,
    /** After this day the content report lists the topic as to be reviewed. */
    reviewBy: isoDate,
    /** The editors' choice (prompted by the content report once reviewBy has passed): the page footer then says "information en cours de vérification". */
    showReviewNotice: z.boolean().default(false),
    /**
     * The applicant's situation this topic answers, in the first person (« Je suis déjà locataire d’un
     * logement social »): the home page and every commune page list these topics under « Votre situation ».
     */
    situation: z.string().min(1).optional(),
    /** Ids of items of the minimum-information checklist (content/data/minimum-information.yaml) this topic covers. */
    covers: z.array(slug).default([]),
  })
  .strict();
export type TopicData = z.infer<typeof topicSchema>;
