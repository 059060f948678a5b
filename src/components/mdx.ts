import AccessibilityAudit from './AccessibilityAudit.astro';
import AccessibilityContents from './AccessibilityContents.astro';
import AccessibilityResults from './AccessibilityResults.astro';
import AccessibilityStatus from './AccessibilityStatus.astro';
import Article4Table from './Article4Table.astro';
import CommuneChoice from './CommuneChoice.astro';
import ContactDetailsStatus from './ContactDetailsStatus.astro';
import CotationGrid from './CotationGrid.astro';
import CotationRefusal from './CotationRefusal.astro';
import DaloDelay from './DaloDelay.astro';
import EmergencyNumbers from './EmergencyNumbers.astro';
import Glossary from './Glossary.astro';
import IncomeCeilings from './IncomeCeilings.astro';
import Landlords from './Landlords.astro';
import LegalDetail from './LegalDetail.astro';
import LocalFigures from './LocalFigures.astro';
import PortalLink from './PortalLink.astro';
import TownHalls from './TownHalls.astro';

/** Components editors may use in MDX without importing them. */
export const mdxComponents = {
  AccessibilityAudit,
  AccessibilityContents,
  AccessibilityResults,
  AccessibilityStatus,
  Article4Table,
  CommuneChoice,
  ContactDetailsStatus,
  CotationGrid,
  CotationRefusal,
  DaloDelay,
  EmergencyNumbers,
  Glossary,
  IncomeCeilings,
  Landlords,
  LegalDetail,
  LocalFigures,
  PortalLink,
  TownHalls,
};
