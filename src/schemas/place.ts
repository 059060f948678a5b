import { z } from 'zod';
import { email, frenchPhone, httpUrl, slug, sources } from './common.ts';
import { addressSchema } from './address.ts';
import { openingHoursSchema } from './hours.ts';

export const phoneEntrySchema = z
  .object({
    number: frenchPhone,
    /** What the number is for, when there are several (« Accueil », « Service logement »). */
    label: z.string().min(1).optional(),
  })
  .strict();
export type PhoneEntry = z.infer<typeof phoneEntrySchema>;

/** What a place does for an applicant. Labels in French live in src/domain/labels.ts. */
export const placeServices = [
  'welcome',
  'information',
  'registration',
  'status-follow-up',
  'support',
  'legal-advice',
  'emergency-housing',
] as const;
export type PlaceService = (typeof placeServices)[number];

/** Who a place is meant for, where the convention says so. Empty means everyone. */
export const placeAudiences = [
  'young-people',
  'social-difficulty',
  'employees-peec',
  'homeless-or-emergency',
  'landlord-tenants',
] as const;
export type PlaceAudience = (typeof placeAudiences)[number];

export const placeSchema = z
  .object({
    name: z.string().min(1),
    organisation: slug,
    /** Convention Article 3: 1 = welcome and information, 2 = also registers the demand. */
    level: z.union([z.literal(1), z.literal(2)], {
      error: '1 (accueil et information) ou 2 (accueil, information et enregistrement de la demande), sans guillemets',
    }),
    onTerritory: z.boolean(),
    /** Member commune (slug) where the place stands; required on the territory. */
    commune: slug.optional(),
    /** Town outside the territory (e.g. "Arras"). */
    town: z.string().optional(),
    services: z.array(z.enum(placeServices)).min(1),
    audiences: z.array(z.enum(placeAudiences)).default([]),
    /**
     * How the convention's Article 4 names this place, word for word. Absent for a place the
     * convention does not name (opened since): its page then says where its listing comes from.
     */
    conventionLabel: z.string().min(1).optional(),
    /**
     * true for the commune's town hall (mairie, its CCAS or housing service): the sentences about
     * town halls and the directory import rely on this flag, never on the organisation alone.
     */
    townHall: z.boolean().default(false),
    address: addressSchema.optional(),
    /** One number, typed by hand. */
    phone: frenchPhone.optional(),
    /** Several numbers with what each is for (the directory import writes this list). */
    phones: z.array(phoneEntrySchema).min(1, { message: 'au moins un numéro, ou retirer « phones »' }).optional(),
    email: email.optional(),
    website: httpUrl.optional(),
    hours: openingHoursSchema.optional(),
    /** Exceptions to the hours, in plain French (« Fermé le jeudi après-midi »). */
    hoursNotes: z.array(z.string().min(1)).optional(),
    /** Access for people with reduced mobility, in plain French. */
    accessibility: z.string().min(1).optional(),
    /**
     * The record of the national directory this place is (its `id`, or its older code such as
     * « mairie-62215-01 »), when the import cannot tell it alone.
     */
    directoryRecord: z.string().min(1).optional(),
    /** The place's page in the national directory (lannuaire.service-public.gouv.fr). */
    directoryUrl: httpUrl.optional(),
    appointment: z.enum(['required', 'recommended', 'not-needed']).optional(),
    /** Anything else the applicant should know, in plain French. */
    notes: z.string().optional(),
    sources,
  })
  .strict()
  .superRefine((place, ctx) => {
    if (place.onTerritory && !place.commune) {
      ctx.addIssue({
        code: 'custom',
        path: ['commune'],
        message: 'commune absente pour un lieu situé sur le territoire (onTerritory: true)',
        params: { expected: 'l’identifiant de la commune, ex. « commune: carvin »' },
      });
    }
    if (!place.onTerritory && !place.town) {
      ctx.addIssue({
        code: 'custom',
        path: ['town'],
        message: 'ville absente pour un lieu situé hors du territoire (onTerritory: false)',
        params: { expected: 'le nom de la ville, ex. « town: Arras »' },
      });
    }
    if (place.townHall && !place.commune) {
      ctx.addIssue({
        code: 'custom',
        path: ['townHall'],
        message: 'une mairie (townHall: true) sans commune',
        params: { expected: 'la commune de la mairie, ex. « commune: carvin », ou retirer « townHall: true »' },
      });
    }
    if (place.phone && place.phones) {
      ctx.addIssue({
        code: 'custom',
        path: ['phones'],
        message: 'le lieu a à la fois « phone » et « phones »',
        params: { expected: 'un seul des deux : « phone » pour un numéro, ou la liste « phones »' },
      });
    }
    if (place.level === 1 && place.services.includes('registration')) {
      ctx.addIssue({
        code: 'custom',
        path: ['level'],
        message: 'un lieu de niveau 1 n’enregistre pas la demande, mais « registration » figure dans ses services',
        params: {
          expected: '« level: 2 » si le lieu enregistre la demande, sinon retirer « registration » des services',
        },
      });
    }
    if (place.level === 2 && !place.services.includes('registration')) {
      ctx.addIssue({
        code: 'custom',
        path: ['services'],
        message: 'un lieu de niveau 2 enregistre la demande, mais « registration » manque dans ses services',
        params: {
          expected:
            '« registration » dans la liste des services, ou « level: 1 » si le lieu n’enregistre pas la demande',
        },
      });
    }
  });
export type PlaceData = z.infer<typeof placeSchema>;
