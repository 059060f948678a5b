import { z } from 'astro/zod';
import { email, frenchPhone, httpUrl, sources } from './common';
import { addressSchema } from './address';

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
    sources,
  })
  .strict();
export type OrganisationData = z.infer<typeof organisationSchema>;
