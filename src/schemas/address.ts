import { z } from 'zod';

export const addressSchema = z
  .object({
    street: z.string().min(1),
    /** Extra line: building, floor, "BP"… */
    complement: z.string().optional(),
    postcode: z
      .string()
      .regex(/^\d{5}$/, { message: 'un code postal à 5 chiffres, entre guillemets (ex. « "62110" »)' }),
    city: z.string().min(1),
    /** WGS84 position, when a source gives it (the directory does): used for a `geo:` link, never a map tile. */
    latitude: z
      .number()
      .min(-90)
      .max(90, { message: 'une latitude en degrés décimaux, entre -90 et 90 (ex. « 50.49 »)' })
      .optional(),
    longitude: z
      .number()
      .min(-180)
      .max(180, { message: 'une longitude en degrés décimaux, entre -180 et 180 (ex. « 2.96 »)' })
      .optional(),
  })
  .strict();
export type Address = z.infer<typeof addressSchema>;
