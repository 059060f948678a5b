import { z } from 'zod';
import { sources } from './common.ts';

/** A member commune of the intercommunality. Its id (file name) is its slug. */
export const communeSchema = z
  .object({
    name: z.string().min(1),
    /** Code officiel géographique (INSEE), five characters. */
    insee: z
      .string()
      .regex(/^(?:\d{2}|2A|2B)\d{3}$/, { message: 'un code INSEE à 5 caractères, entre guillemets (ex. « "62427" »)' }),
    postcode: z
      .string()
      .regex(/^\d{5}$/, { message: 'un code postal à 5 chiffres, entre guillemets (ex. « "62110" »)' }),
    /** The commune's other postcodes, when it has several: an address in the commune uses one of them. */
    otherPostcodes: z
      .array(
        z.string().regex(/^\d{5}$/, { message: 'un code postal à 5 chiffres, entre guillemets (ex. « "62110" »)' }),
      )
      .optional(),
    /**
     * Names a postal address may give instead of the commune's (a hamlet, a former commune), as La
     * Poste writes them: an address in the commune names the commune or one of these.
     */
    localities: z.array(z.string().min(1)).optional(),
    /**
     * Whether « de » elides before the name: only needed for a name that starts with a mute h
     * (« d’Hénin-Beaumont »: true) or to forbid it; a vowel elides by itself (« d’Oignies »).
     */
    elision: z.boolean({ error: 'true (« d’Hénin-Beaumont ») ou false (« de Hem »)' }).optional(),
    /** A sentence or two the commune page shows first, in plain French. */
    intro: z.string().optional(),
    sources,
  })
  .strict();
export type CommuneData = z.infer<typeof communeSchema>;
