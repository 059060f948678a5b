import { z } from 'zod';
import { slug, sources } from './common.ts';

/**
 * The minimum information the law requires the service to give (convention, article 3: « socle
 * minimal d’informations », articles L441-2-6, R441-2-16 and R441-2-17 of the CCH). Topics declare
 * the items they cover (`covers:` in their front matter); the build warns for each item no topic covers.
 */
export const minimumInformationSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            id: slug,
            /** What the site must tell, in plain French. */
            label: z.string().min(1),
            /** Article and paragraph, e.g. "article R441-2-16 du CCH, 1er alinéa". */
            reference: z.string().min(1),
            /** true once the wording has been checked against the official text (Légifrance). */
            verified: z.boolean(),
            note: z.string().optional(),
          })
          .strict(),
      )
      .min(1),
    sources,
  })
  .strict();
export type MinimumInformation = z.infer<typeof minimumInformationSchema>;
