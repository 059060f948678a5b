import { z } from 'astro/zod';
import { email, frenchPhone, httpUrl, isoDate } from './common';
import { addressSchema } from './address';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'une couleur au format #RRGGBB, entre guillemets (ex. « "#0b6e4f" »)' });

/** Everything that makes the site this intercommunality's and not another's. */
export const siteSchema = z
  .object({
    /** Public address of the site, without the sub-path (the sub-path is the build's `base`). */
    url: httpUrl,
    /** Sub-path the site is published under, e.g. "/logement-social/" (the build may override it). */
    basePath: z.string().regex(/^\/(?:[a-z0-9-]+\/)*$/, { message: 'un chemin entre barres obliques (ex. « /logement-social/ » ou « / »)' }).default('/'),
    title: z.string().min(1),
    shortTitle: z.string().min(1),
    tagline: z.string().min(1),
    territory: z
      .object({
        name: z.string().min(1),
        shortName: z.string().min(1),
        organisation: z.string().min(1),
        website: httpUrl,
        /**
         * SIREN of the EPCI (intercommunality) the territory is: the content check then compares the
         * communes with the official geography (its members, INSEE codes, names, postcodes).
         */
        epci: z.string().regex(/^\d{9}$/, { message: 'le SIREN de l’intercommunalité, 9 chiffres entre guillemets (ex. « "246200299" »)' }).optional(),
        /** How running text names the territory, with French elision already made. */
        area: z
          .object({
            inside: z.string().min(1),
            outside: z.string().min(1),
            of: z.string().min(1),
          })
          .strict(),
      })
      .strict(),
    portal: z
      .object({
        name: z.string().min(1),
        shortName: z.string().min(1),
        url: httpUrl,
      })
      .strict(),
    /** The SAI convention, once signed (a territory that starts with `npm run territoire` may not have one yet). */
    convention: z
      .object({
        title: z.string().min(1),
        signed: isoDate,
        period: z.string().min(1),
      })
      .strict()
      .optional(),
    publisher: z
      .object({
        name: z.string().min(1),
        director: z.string().optional(),
        address: addressSchema.optional(),
        phone: frenchPhone.optional(),
        email: email.optional(),
        siren: z.string().regex(/^\d{9}$/).optional(),
      })
      .strict(),
    host: z
      .object({ name: z.string().optional(), address: z.string().optional() })
      .strict()
      .default({}),
    /**
     * How to report an accessibility problem. The RGAA status is not written here: it is computed
     * from the audit (content/accessibility-audit/, src/domain/accessibility-audit.ts).
     */
    accessibility: z
      .object({
        contactEmail: email.optional(),
        contactUrl: httpUrl.optional(),
      })
      .strict()
      .default({}),
    colors: z.object({ primary: color, primaryDark: color, accent: color, level1: color, level2: color }).strict(),
    /** Date of the content as a whole: printed on the leaflets ("Vérifié le …"). */
    contentDate: isoDate,
    /** Short mark printed on the leaflet so staff can tell an old print from a current one. */
    version: z.string().min(1),
  })
  .strict();
export type SiteData = z.infer<typeof siteSchema>;
