import { z } from 'zod';
import { isoDate, sourceSchema } from './common.ts';

/** Institutional pages (legal notices, accessibility, open data…): no navigation section, sources optional. */
export const pageSchema = z
  .object({
    title: z.string().min(1),
    summary: z.string().min(1),
    sources: z.array(sourceSchema).default([]),
    lastChecked: isoDate,
    /** true: printed on one A4 sheet (no site header or footer, tighter text), e.g. a page kept at a desk. */
    printOnePage: z.boolean().default(false),
  })
  .strict();
export type PageData = z.infer<typeof pageSchema>;
