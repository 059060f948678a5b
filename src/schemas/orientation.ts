import { z } from 'zod';
import { slug, sources } from './common.ts';

/**
 * One line of an orientation rule: a partner the person is sent to, and what it does for them.
 * Exactly one of `organisation`, `desks` or `portal` says who.
 */
export const orientationPartnerSchema = z
  .object({
    /** An organisation of content/organisations/ (its file name). */
    organisation: slug.optional(),
    /** Some of its places (content/places/ file names); all of its places when absent. */
    places: z
      .array(slug)
      .min(1, { message: 'liste vide : retirez le champ pour proposer tous les lieux de l’organisation' })
      .optional(),
    /**
     * "nearby": the places open to everyone in the person's commune and, when none of them
     * registers the demand, the registration desks nearest to it.
     */
    desks: z
      .literal('nearby', {
        error: 'seule valeur possible : nearby (les guichets proches de la commune)',
      })
      .optional(),
    /** The national portal (content/site.yaml, portal), to apply online. */
    portal: z.literal(true, { error: 'seule valeur possible : true' }).optional(),
    /** "Ce qu’il fait pour vous": one or two plain sentences. */
    forYou: z.string().min(1),
  })
  .strict()
  .superRefine((partner, ctx) => {
    const who = [partner.organisation, partner.desks, partner.portal].filter((value) => value !== undefined);
    if (who.length !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'indiquez un seul interlocuteur : « organisation: … », « desks: nearby » ou « portal: true »',
      });
    }
    if (partner.places && !partner.organisation) {
      ctx.addIssue({
        code: 'custom',
        path: ['places'],
        message: '« places » précise les lieux d’une organisation : ajoutez « organisation: … »',
      });
    }
  });

/**
 * An orientation rule (convention, article 3): for one situation, who to go to. The file name is
 * the situation's id and the last part of its page address (/orientation/<commune>/<id>/). The one
 * rule marked `general: true` is the answer everybody gets, added to every other answer.
 */
export const orientationSchema = z
  .object({
    /** Position of the question in the list (smallest first). */
    order: z.number().int().min(0),
    general: z.boolean().default(false),
    /** The box the person ticks, in the first person: « J’ai moins de 30 ans ». */
    question: z.string().min(1).optional(),
    /** The answer's heading, in the second person: « Vous avez moins de 30 ans ». */
    title: z.string().min(1),
    /** One sentence under the heading. */
    summary: z.string().min(1).optional(),
    /** Shown first, in a box: what to do right now in an emergency. */
    urgent: z.string().min(1).optional(),
    /**
     * true: the answer starts with the national emergency numbers (content/data/emergency-numbers.yaml),
     * on the screen and on the printout. For a person who may be in danger or without a roof tonight.
     */
    emergency: z.boolean().default(false),
    /** A warning printed with the answer, e.g. that a sheet found at home can put the person in danger. */
    caution: z.string().min(1).optional(),
    partners: z.array(orientationPartnerSchema).min(1, { message: 'au moins un interlocuteur est attendu' }),
    /**
     * Only in the general rule: for a commune, the nearest communes (ids), nearest first. Where
     * its own places do not register the demand, the desks of these communes are proposed.
     */
    nearby: z.record(slug, z.array(slug)).optional(),
    sources,
  })
  .strict()
  .superRefine((rule, ctx) => {
    if (!rule.general && !rule.question) {
      ctx.addIssue({
        code: 'custom',
        path: ['question'],
        message: 'une situation doit avoir sa question (la case que la personne coche)',
      });
    }
    if (!rule.general && rule.nearby) {
      ctx.addIssue({
        code: 'custom',
        path: ['nearby'],
        message: '« nearby » ne se met que dans la règle générale (general: true)',
      });
    }
  });
export type OrientationData = z.infer<typeof orientationSchema>;
