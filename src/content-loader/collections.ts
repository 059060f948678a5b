import type { ZodType } from 'zod';
import { communeSchema } from '../schemas/commune.ts';
import { organisationSchema } from '../schemas/organisation.ts';
import { placeSchema } from '../schemas/place.ts';
import { siteSchema } from '../schemas/site.ts';
import { orientationSchema } from '../schemas/orientation.ts';
import { pageSchema } from '../schemas/page.ts';
import { topicSchema } from '../schemas/topic.ts';
import {
  cotationGridSchema,
  daloSchema,
  glossarySchema,
  incomeCeilingsSchema,
  localFiguresSchema,
} from '../schemas/data.ts';
import { searchSynonymsSchema, searchVocabularySchema } from '../schemas/search.ts';
import { minimumInformationSchema } from '../schemas/minimum-information.ts';
import { emergencyNumbersSchema } from '../schemas/emergency.ts';
import { referentialSchema } from '../schemas/referential.ts';
import {
  accessibilityAuditSchema,
  automatedEvidenceSchema,
  manualThemeSchema,
  screenReaderEvidenceSchema,
} from '../schemas/accessibility-audit.ts';

/**
 * Where each collection lives and which schema validates it: the table load.ts reads (for the
 * build's `catalog` collection, `npm run check`, the content report, tests and scripts).
 */
export interface CollectionSpec {
  schema: ZodType;
  /** Folder of entries (one file each) or a single file, relative to the content folder. */
  folder?: string;
  file?: string;
  extension?: '.yaml' | '.mdx' | '.json';
  /** A single file that may be absent: the collection then takes the schema's defaults. */
  optional?: boolean;
}

export const collectionSpecs = {
  site: { schema: siteSchema, file: 'site.yaml' },
  communes: { schema: communeSchema, folder: 'communes', extension: '.yaml' },
  organisations: { schema: organisationSchema, folder: 'organisations', extension: '.yaml' },
  places: { schema: placeSchema, folder: 'places', extension: '.yaml' },
  topics: { schema: topicSchema, folder: 'topics', extension: '.mdx' },
  pages: { schema: pageSchema, folder: 'pages', extension: '.mdx' },
  incomeCeilings: { schema: incomeCeilingsSchema, file: 'data/income-ceilings.yaml' },
  cotationGrid: { schema: cotationGridSchema, file: 'data/cotation-grid.yaml' },
  glossary: { schema: glossarySchema, file: 'data/glossary.yaml' },
  dalo: { schema: daloSchema, file: 'data/dalo.yaml' },
  localFigures: { schema: localFiguresSchema, file: 'data/local-figures.yaml', optional: true },
  searchSynonyms: { schema: searchSynonymsSchema, file: 'data/search-synonyms.yaml', optional: true },
  searchVocabulary: { schema: searchVocabularySchema, file: 'data/search-vocabulary.yaml', optional: true },
  orientation: { schema: orientationSchema, folder: 'orientation', extension: '.yaml' },
  /** National emergency numbers (115, 3919, 17, 112, 114): absent in content trees that do not show them. */
  emergencyNumbers: { schema: emergencyNumbersSchema, file: 'data/emergency-numbers.yaml', optional: true },
  minimumInformation: { schema: minimumInformationSchema, file: 'data/minimum-information.yaml', optional: true },
  /** Accessibility referentials (RGAA), one official JSON file per version. */
  referentials: { schema: referentialSchema, folder: 'data/referentials', extension: '.json' },
  /** The accessibility audit: metadata and sample; absent in content trees that have no audit. */
  accessibilityAudit: { schema: accessibilityAuditSchema, file: 'accessibility-audit/audit.yaml', optional: true },
  /** Manual results, one file per theme of the referential (theme-01.yaml…). */
  accessibilityManual: { schema: manualThemeSchema, folder: 'accessibility-audit/manual', extension: '.yaml' },
  /** Automated evidence recorded by `npm run audit:record` (axe.json, html.json…). */
  accessibilityAutomated: {
    schema: automatedEvidenceSchema,
    folder: 'accessibility-audit/automated',
    extension: '.json',
  },
  /** Screen-reader transcripts recorded by `npm run audit:screen-reader`, one file per journey. */
  accessibilityScreenReader: {
    schema: screenReaderEvidenceSchema,
    folder: 'accessibility-audit/screen-reader',
    extension: '.json',
  },
} as const satisfies Record<string, CollectionSpec>;

export type CollectionName = keyof typeof collectionSpecs;
