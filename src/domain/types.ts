import type { CommuneData } from '../schemas/commune.ts';
import type { OrganisationData } from '../schemas/organisation.ts';
import type { PlaceData } from '../schemas/place.ts';
import type { TopicData } from '../schemas/topic.ts';
import type { PageData } from '../schemas/page.ts';
import type { SiteData } from '../schemas/site.ts';
import type { OrientationData } from '../schemas/orientation.ts';
import type { CotationGrid, Dalo, Glossary, IncomeCeilings, LocalFigures } from '../schemas/data.ts';
import type { SearchSynonyms, SearchVocabularyContent } from '../schemas/search.ts';
import type { MinimumInformation } from '../schemas/minimum-information.ts';
import type { EmergencyNumber, EmergencyNumbers } from '../schemas/emergency.ts';
import type { ReferentialData } from '../schemas/referential.ts';
import type {
  AccessibilityAuditData,
  AutomatedEvidenceData,
  ManualThemeData,
  ScreenReaderEvidenceData,
} from '../schemas/accessibility-audit.ts';

/** Every entry keeps its id (slug) and the file it came from, so that messages can name it. */
interface Entry {
  id: string;
  /** Path of the source file relative to the project root, e.g. "content/places/caf-carvin.yaml". */
  file: string;
}

export type Commune = CommuneData & Entry;
export type Organisation = OrganisationData & Entry;
export type Place = PlaceData & Entry;
export type TopicMeta = TopicData & Entry;
export type PageMeta = PageData & Entry;
export type Site = SiteData;
/** An orientation rule of content/orientation/: its id is the situation's slug. */
export type OrientationRule = OrientationData & Entry;

/** The whole content as plain objects: what the domain layer works on. */
export interface Catalog {
  site: Site;
  communes: Commune[];
  organisations: Organisation[];
  places: Place[];
  topics: TopicMeta[];
  pages: PageMeta[];
  incomeCeilings: IncomeCeilings;
  cotationGrid: CotationGrid;
  glossary: Glossary;
  dalo: Dalo;
  /** The territory's social housing in figures; absent in content trees that do not have the file. */
  localFigures?: LocalFigures;
  /** Words people type and the pages that answer them (content/data/search-synonyms.yaml). */
  searchSynonyms: SearchSynonyms;
  /** How the search reads a question: fillers and everyday expressions (content/data/search-vocabulary.yaml). */
  searchVocabulary?: SearchVocabularyContent;
  orientation: OrientationRule[];
  /** National emergency numbers (content/data/emergency-numbers.yaml); absent in content trees without them. */
  emergencyNumbers?: EmergencyNumbers;
  /** The law's minimum-information checklist; absent in content trees that do not track it. */
  minimumInformation?: MinimumInformation;
  /** Accessibility referentials (content/data/referentials/<id>.json, the official file verbatim). */
  referentials?: ReferentialEntry[];
  /** The RGAA audit's metadata and sample; absent in content trees without an audit. */
  accessibilityAudit?: AccessibilityAuditData;
  /** Manual audit results, one entry per theme file (content/accessibility-audit/manual/theme-NN.yaml). */
  accessibilityManual?: ManualThemeEntry[];
  /** Automated evidence recorded by `npm run audit:record` (content/accessibility-audit/automated/). */
  accessibilityAutomated?: AutomatedEvidenceEntry[];
  /** Screen-reader journeys recorded by `npm run audit:screen-reader` (content/accessibility-audit/screen-reader/). */
  accessibilityScreenReader?: ScreenReaderEvidenceEntry[];
}

export type ReferentialEntry = ReferentialData & Entry;
export type ManualThemeEntry = ManualThemeData & Entry;
export type AutomatedEvidenceEntry = AutomatedEvidenceData & Entry;
export type ScreenReaderEvidenceEntry = ScreenReaderEvidenceData & Entry;

export type { EmergencyNumber, EmergencyNumbers };
export type {
  CotationGrid,
  Dalo,
  Glossary,
  IncomeCeilings,
  LocalFigures,
  MinimumInformation,
  SearchSynonyms,
  SearchVocabularyContent,
};
