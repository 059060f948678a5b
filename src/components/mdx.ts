import Article4Table from './Article4Table.astro';
import CotationGrid from './CotationGrid.astro';
import Glossary from './Glossary.astro';
import IncomeCeilings from './IncomeCeilings.astro';
import PortalLink from './PortalLink.astro';

/** Components editors may use in MDX without importing them. */
export const mdxComponents = { Article4Table, CotationGrid, Glossary, IncomeCeilings, PortalLink };
