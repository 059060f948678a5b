import { z } from 'zod';
import { slug, sources } from './common.ts';

/**
 * A national emergency number (content/data/emergency-numbers.yaml): shown wherever a person may be
 * in danger or without a home (the answers of the rules marked `emergency`, the topics that use
 * <EmergencyNumbers />, the « À l'accueil » page, the leaflet). Numbers are short codes, not the
 * 10-digit numbers of places: their own pattern.
 */
export const emergencyNumberSchema = z
  .object({
    /** Stable name used by pages and rules: `samu-social`. */
    id: slug,
    /** Short code as dialled: 115, 3919, 17, 112, 114. */
    number: z
      .string()
      .regex(/^\d{2,4}$/, { message: 'un numéro court de 2 à 4 chiffres, entre guillemets (ex. « "115" »)' }),
    /** Who answers, in plain words: « Urgence sociale, hébergement (Samu social) ». */
    name: z.string().min(1),
    /** One sentence: when to call. */
    when: z.string().min(1),
    /** Free, day and night… as the source says it. */
    how: z.string().min(1),
    /** `sms`: a number one writes to (the 114), not one calls. */
    mode: z.enum(['call', 'sms'], { error: 'call (on appelle) ou sms (on écrit un SMS)' }).default('call'),
    /** Printed on every leaflet too (room there is scarce: the most needed numbers only). */
    leaflet: z.boolean().default(false),
    /** The leaflet's line after the number, short (a panel is 9 cm wide): who, and when or how. */
    leafletText: z
      .string()
      .min(1)
      .max(90, { message: 'au plus 90 caractères : la plaquette n’a qu’une ligne ou deux par numéro' })
      .optional(),
    sources,
  })
  .strict();

export const emergencyNumbersSchema = z
  .object({
    numbers: z.array(emergencyNumberSchema).min(1, { message: 'au moins un numéro' }),
  })
  .strict()
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.numbers.forEach((entry, index) => {
      if (seen.has(entry.id))
        ctx.addIssue({
          code: 'custom',
          path: ['numbers', index, 'id'],
          message: `identifiant « ${entry.id} » déjà utilisé`,
        });
      seen.add(entry.id);
    });
  });
export type EmergencyNumber = z.infer<typeof emergencyNumberSchema>;
export type EmergencyNumbers = z.infer<typeof emergencyNumbersSchema>;
