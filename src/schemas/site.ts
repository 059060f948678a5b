import { z } from 'zod';
import { email, frenchPhone, httpUrl, isoDate } from './common.ts';
import { addressSchema } from './address.ts';

const color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, { message: 'une couleur au format #RRGGBB, entre guillemets (ex. « "#0b6e4f" »)' });

/**
 * The forge the editing forms write to. GitLab (self-hosted): an OAuth application of the instance,
 * with PKCE, so no server of ours. GitHub: an OAuth relay at `baseUrl` (GitHub has no PKCE for Decap).
 */
export const cmsSettingsSchema = z
  .object({
    backend: z.enum(['gitlab', 'github']),
    /** group/project on the forge (GitLab allows subgroups: group/subgroup/project). */
    repo: z.string().regex(/^[\w.-]+(?:\/[\w.-]+)+$/, {
      message: 'le chemin du dépôt sur la forge, groupe et projet (ex. « cahc/logement-social »)',
    }),
    branch: z.string().min(1).default('main'),
    /** GitLab: the instance's address; GitHub: the OAuth relay's. */
    baseUrl: httpUrl.optional(),
    /** GitLab: the Application ID of the OAuth application (Admin > Applications), scope api. */
    appId: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((cms, ctx) => {
    if (cms.backend === 'gitlab' && !cms.appId) {
      ctx.addIssue({
        code: 'custom',
        path: ['appId'],
        message: 'identifiant de l’application OAuth GitLab absent',
        params: { expected: 'l’« Application ID » de l’application créée dans GitLab (voir docs/hosting.md)' },
      });
    }
  });
export type CmsSettings = z.infer<typeof cmsSettingsSchema>;

/** Everything that makes the site this intercommunality's and not another's. */
export const siteSchema = z
  .object({
    /** Public address of the site, without the sub-path (the sub-path is the build's `base`). */
    url: httpUrl,
    /** Sub-path the site is published under, e.g. "/logement-social/" (the build may override it). */
    basePath: z
      .string()
      .regex(/^\/(?:[a-z0-9-]+\/)*$/, {
        message: 'un chemin entre barres obliques (ex. « /logement-social/ » ou « / »)',
      })
      .default('/'),
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
        epci: z
          .string()
          .regex(/^\d{9}$/, {
            message: 'le SIREN de l’intercommunalité, 9 chiffres entre guillemets (ex. « "246200299" »)',
          })
          .optional(),
        /** How running text names the territory, with French elision already made. */
        area: z
          .object({
            inside: z.string().min(1),
            outside: z.string().min(1),
            of: z.string().min(1),
            /**
             * The territory as a sentence's subject (« L’agglomération en compte 9 »); when absent,
             * `of` without its « de » (territoryItself in src/domain/format.ts).
             */
            the: z.string().min(1).optional(),
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
        siren: z
          .string()
          .regex(/^\d{9}$/)
          .optional(),
      })
      .strict(),
    host: z
      .object({ name: z.string().optional(), address: z.string().optional(), phone: z.string().optional() })
      .strict()
      .default({}),
    /**
     * What the personal-data page must tell (GDPR art. 13) about the only processing the site causes,
     * the host's server logs. The CAHC's to give; a production build refuses to run without them.
     */
    privacy: z
      .object({
        /** How to reach the controller (the publisher) about personal data: e-mail, web form or postal address. */
        controllerContact: z.string().optional(),
        /** Contact of the data protection officer (DPO / délégué à la protection des données). */
        dpoContact: z.string().optional(),
        /** Legal basis of the server logs, in plain words (e.g. « mission d’intérêt public (RGPD, art. 6.1.e) »). */
        logsLegalBasis: z.string().optional(),
        /** How long the host keeps the logs (e.g. « 12 mois »). */
        logsRetention: z.string().optional(),
      })
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
        /** Where the multi-year accessibility plan (schéma pluriannuel) is published. */
        multiYearPlanUrl: httpUrl.optional(),
        /** Where this year's action plan is published. */
        actionPlanUrl: httpUrl.optional(),
      })
      .strict()
      .default({}),
    colors: z.object({ primary: color, primaryDark: color, accent: color, level1: color, level2: color }).strict(),
    /**
     * true once the site is published for real: every build then refuses to run while the legal notice,
     * the personal-data page or the accessibility declaration lacks what the law requires
     * (src/domain/legal-gate.ts). `npm run build -- --production` does the same for one build.
     */
    production: z.boolean().default(false),
    /** Date of the content as a whole: printed on the leaflets ("Vérifié le …"). */
    contentDate: isoDate,
    /** Short mark printed on the leaflet so staff can tell an old print from a current one. */
    version: z.string().min(1),
    /** Where the editing forms (/admin/, Decap CMS) read and write the content: docs/hosting.md. */
    cms: cmsSettingsSchema.optional(),
  })
  .strict();
export type SiteData = z.infer<typeof siteSchema>;
