import { z } from 'zod';

/** Lower case, no accents, words joined by hyphens: `henin-beaumont`. */
export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/*
 * Message convention (read by src/content-loader/messages.ts): a format check's message names what is
 * expected ("un numéro…"); a refinement's message says what is wrong and `params.expected` what is expected.
 */
export const slug = z.string().regex(slugPattern, {
  message: 'un identifiant en minuscules, sans accent ni espace, mots séparés par des tirets (ex. « henin-beaumont »)',
});

/**
 * A French phone number as people write it: 10 digits starting with 0 (spaces, dots or hyphens
 * allowed), or the international form +33 followed by 9 digits.
 */
export const frenchPhonePattern = /^(?:0|\+33 ?)[1-9](?:[ .-]?\d{2}){4}$/;
export const frenchPhone = z.string().regex(frenchPhonePattern, {
  message: 'un numéro de téléphone français à 10 chiffres, entre guillemets (ex. « "03 21 00 00 00" »)',
});

export const email = z.email({ message: 'une adresse e-mail (ex. « accueil@exemple.fr »)' });
function isHttpUrl(value: string): boolean {
  try {
    const { protocol, hostname } = new URL(value);
    return (protocol === 'https:' || protocol === 'http:') && hostname.includes('.');
  } catch {
    return false;
  }
}
export const httpUrl = z.string().refine(isHttpUrl, {
  message: 'adresse web incomplète ou mal écrite',
  params: { expected: 'une adresse web complète, commençant par https:// (ex. « https://www.exemple.fr »)' },
});

function isCalendarDay(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** Dates are calendar days (YYYY-MM-DD); YAML may hand us a Date or a string. */
const dateExpected = 'une date au format AAAA-MM-JJ (ex. « 2026-11-28 »)';
export const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { message: dateExpected })
    // 2026-02-30 has the right shape but is not a day of the calendar.
    .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || isCalendarDay(value), {
      message: 'cette date n’existe pas dans le calendrier',
      params: { expected: dateExpected },
    }),
);

/**
 * Provenance of contact details imported from the national directory (`npm run import:annuaire`):
 * written by the importer, read by the pages (« mis à jour le … ») and the content report.
 */
export const directoryProvenanceSchema = z
  .object({
    /** The record's id in the directory. */
    record: z.string().min(1),
    /** The record's own date of last change (`date_modification`). */
    modified: isoDate,
    /** Name of the downloaded file, as the Licence Ouverte asks. */
    file: z.string().min(1),
    /** Date of the downloaded file. */
    fileDate: isoDate,
    /**
     * Fingerprint of each field as the importer wrote it: a field whose value no longer matches was
     * changed by hand, and a later import leaves it alone.
     */
    fields: z
      .record(
        z.string(),
        z.string().regex(/^[0-9a-f]{8}$/, {
          message: 'une empreinte de 8 caractères écrite par l’import (ne pas la modifier)',
        }),
      )
      .default({}),
  })
  .strict();
export type DirectoryProvenance = z.infer<typeof directoryProvenanceSchema>;

/** Where a rule or a figure comes from. Every piece of content carries at least one. */
export const sourceSchema = z
  .object({
    title: z.string().min(1),
    url: httpUrl.optional(),
    /** Legal reference, e.g. "article L441-1 du CCH". */
    reference: z.string().optional(),
    /** When the source was published or signed (a law, an arrêté, the convention). */
    date: isoDate.optional(),
    /**
     * The day an editor read the text in force that the content rests on (Légifrance, service-public.fr).
     * A code article changes over time: the content report lists one cited without this date as « à relire ».
     */
    consulted: isoDate.optional(),
    /** Only on the source the directory import writes. */
    directory: directoryProvenanceSchema.optional(),
  })
  .strict();
export type Source = z.infer<typeof sourceSchema>;

export const sources = z
  .array(sourceSchema)
  .min(1, { message: 'au moins une source (un titre, et si possible une adresse web ou un article de loi)' });
