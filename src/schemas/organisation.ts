import { z } from 'zod';
import { email, frenchPhone, httpUrl, sources } from './common.ts';
import { addressSchema } from './address.ts';

export const organisationKinds = [
  'intercommunality',
  'commune',
  'state',
  'landlord',
  'reservation-holder',
  'association',
  'departement',
  'family-allowance',
] as const;

export const organisationSchema = z
  .object({
    name: z.string().min(1),
    /** Short name or acronym used in running text (e.g. "CAF"). */
    shortName: z.string().optional(),
    kind: z.enum(organisationKinds),
    /** What this partner does for an applicant, in plain French. */
    role: z.string().min(1),
    website: httpUrl.optional(),
    phone: frenchPhone.optional(),
    email: email.optional(),
    address: addressSchema.optional(),
    /**
     * The kind of desk its places are in the national directory (`pivot.type_service_local`:
     * « mairie », « caf », « cg », « adil »…); absent when they are not in it (bailleurs, SIAO…).
     */
    directoryKind: z
      .string()
      .regex(/^[a-z0-9_]+$/, {
        message: 'un type de guichet de l’annuaire, en minuscules (ex. « mairie », « caf », « cg », « adil »)',
      })
      .optional(),
    sources,
  })
  .strict();
export type OrganisationData = z.infer<typeof organisationSchema>;
