import { z } from 'astro/zod';

export const addressSchema = z
  .object({
    street: z.string().min(1),
    /** Extra line: building, floor, "BP"… */
    complement: z.string().optional(),
    postcode: z.string().regex(/^\d{5}$/, { message: 'un code postal à 5 chiffres, entre guillemets (ex. « "62110" »)' }),
    city: z.string().min(1),
  })
  .strict();
export type Address = z.infer<typeof addressSchema>;
