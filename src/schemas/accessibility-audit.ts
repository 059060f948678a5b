import { z } from 'zod';
import { isoDate, slug } from './common.ts';

/**
 * The accessibility audit as content (content/accessibility-audit/): who audited, when, with what,
 * and the sample of pages (audit.yaml); one file per theme of the referential with the manual
 * result of every criterion on every sample page (manual/theme-NN.yaml). The grid, the rate and
 * the declaration are computed from them (src/domain/accessibility-audit.ts).
 */

const text = z.string().trim().min(1);

/** A page of the sample: the URL without the site's base; a file (the PDF) is a page too. */
export const auditPageSchema = z
  .object({
    id: slug,
    title: text,
    url: z.string().regex(/^\/[A-Za-z0-9._~/-]*$/, {
      message: 'une adresse du site sans sa base, commençant par « / » (ex. « /infos/cotation/ »)',
    }),
    /** Drawn at random (the RGAA asks for random pages, at least 10 % of the sample). */
    random: z.boolean().optional(),
    /** The error page, reached through an address that does not exist: named, not linked. */
    errorPage: z.boolean().optional(),
  })
  .strict();

export const auditEnvironmentSchema = z
  .object({
    platform: text,
    operatingSystem: text,
    browser: text,
    /** What was really used; say « aucune » rather than leave it out. */
    assistiveTechnology: text.optional(),
  })
  .strict();

export const accessibilityAuditSchema = z
  .object({
    /** File name (without .json) of a referential in content/data/referentials/. */
    referential: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, {
      message: 'le nom d’un fichier de content/data/referentials/ sans « .json » (ex. « rgaa-4.1.2 »)',
    }),
    /** Credit for the referential file (its licence asks for it): title, publisher, address, licence. */
    referentialSource: z
      .object({
        title: text,
        publisher: text,
        url: z.url({ message: 'une adresse web complète (https://…)' }),
        licence: text,
        version: text,
      })
      .strict()
      .optional(),
    /** Who audited, in French (« audit interne, par l’équipe du site »). */
    auditor: text,
    /** Day of the audit. */
    date: isoDate,
    /** Day the declaration was first established, when it differs from the audit. */
    established: isoDate.optional(),
    environments: z
      .array(auditEnvironmentSchema)
      .min(1, { message: 'au moins un environnement de test (plate-forme, système, navigateur)' }),
    tools: z.array(text).min(1, { message: 'au moins un outil (ex. « axe-core 4.13.0 »)' }),
    technologies: z.array(text).min(1, { message: 'au moins une technologie (ex. « HTML5 »)' }),
    /** Contents outside the obligation (« contenus non soumis »), in French; none by default. */
    notInScope: z.array(text).default([]),
    pages: z.array(auditPageSchema).min(1, { message: 'au moins une page dans l’échantillon' }),
  })
  .strict();
export type AccessibilityAuditData = z.infer<typeof accessibilityAuditSchema>;
export type AuditPage = z.infer<typeof auditPageSchema>;

export const auditStatuses = ['C', 'NC', 'NA'] as const;
export type AuditStatus = (typeof auditStatuses)[number];
const auditStatus = z.union([z.literal('C'), z.literal('NC'), z.literal('NA')], {
  error: 'C (conforme), NC (non conforme) ou NA (non applicable), en majuscules',
});

const manualCriterionSchema = z
  .object({
    /** « 1.1 »: theme number, dot, criterion number. */
    id: z.string().regex(/^\d+\.\d+$/, { message: 'le numéro du critère entre guillemets (ex. « "1.1" »)' }),
    /** Status per sample page id; « * » stands for every page not listed. */
    results: z.record(
      z.string().regex(/^(?:\*|[a-z0-9]+(?:-[a-z0-9]+)*)$/, {
        message: 'l’identifiant d’une page de l’échantillon, ou « * » pour toutes les autres',
      }),
      auditStatus,
    ),
    /** What was found, on which pages, why C, NC or NA. */
    evidence: text,
    /** How it was checked: tool, browser, assistive technology, steps, settings. */
    method: text,
    checked: isoDate,
    /** What the audit made us correct. */
    fixed: text.optional(),
    /** Content under « charge disproportionnée » only. */
    derogation: z.object({ reason: text, alternative: text }).strict().optional(),
  })
  .strict();

export const manualThemeSchema = z
  .object({
    /** Topic number in the referential. */
    theme: z.number().int().positive(),
    /** Every criterion of the theme, in order. */
    criteria: z.array(manualCriterionSchema).min(1),
  })
  .strict();
export type ManualThemeData = z.infer<typeof manualThemeSchema>;
export type ManualCriterion = z.infer<typeof manualCriterionSchema>;

/**
 * Automated evidence, written by `npm run audit:record` (content/accessibility-audit/automated/*.json)
 * and compared with a fresh run by the tests: per sample page, per criterion, what each automated
 * check found. A `fail` makes the criterion NC on that page whatever the manual result says.
 */
export const automatedOutcomes = ['fail', 'pass', 'review', 'inapplicable'] as const;
export type AutomatedOutcome = (typeof automatedOutcomes)[number];
const automatedFindingSchema = z
  .object({
    /** « axe:image-alt », « html:doctype »… */
    check: text,
    /** RGAA tests the check covers (« 1.1.1 »). */
    tests: z.array(z.string().regex(/^\d+\.\d+\.\d+$/)).min(1),
    outcome: z.enum(automatedOutcomes),
    /** For a failure: what fails, briefly. */
    detail: text.optional(),
  })
  .strict();
export type AutomatedFinding = z.infer<typeof automatedFindingSchema>;

export const automatedEvidenceSchema = z
  .object({
    /** Referential the tests belong to (« rgaa-4.1.2 »). */
    referential: z.string().min(1),
    /** Tool and version (« axe-core 4.13.0 »). */
    tool: text,
    /** page id → criterion id (« 1.1 ») → findings. */
    pages: z.record(slug, z.record(z.string().regex(/^\d+\.\d+$/), z.array(automatedFindingSchema))),
  })
  .strict();
export type AutomatedEvidenceData = z.infer<typeof automatedEvidenceSchema>;

/**
 * What a screen reader said along a journey, written by `npm run audit:screen-reader`
 * (content/accessibility-audit/screen-reader/*.json) and checked again by the tests
 * (tests/screen-reader/): the assistive technology and browser with their versions, the sample
 * pages and criteria the journey checks, what a person must hear and the transcript itself.
 */
export const screenReaderEvidenceSchema = z
  .object({
    /** Referential the criteria belong to (« rgaa-4.1.2 »). */
    referential: z.string().min(1),
    journey: slug,
    title: text,
    /** « Orca 43.1 » */
    assistiveTechnology: text,
    /** « Chromium 156.0.8078.129 » */
    browser: text,
    operatingSystem: text,
    date: isoDate,
    /** Ids of the audit sample pages the journey goes through. */
    pages: z.array(slug),
    /** RGAA criteria whose rendering the journey checks (« 7.5 »). */
    criteria: z
      .array(z.string().regex(/^\d+\.\d+$/, { message: 'le numéro du critère entre guillemets (ex. « "7.5" »)' }))
      .min(1),
    /** pass: every expectation was heard, in order. */
    outcome: z.enum(['pass', 'fail']),
    /** What a person must hear, and what Orca said that met it (absent: not heard). */
    expectations: z.array(z.object({ what: text, heard: text.optional() }).strict()).min(1),
    /** Every utterance, in order. */
    transcript: z.array(z.string()),
    /** Seconds the journey took (on the machine that recorded it). */
    seconds: z.number().nonnegative().optional(),
  })
  .strict();
export type ScreenReaderEvidenceData = z.infer<typeof screenReaderEvidenceSchema>;
