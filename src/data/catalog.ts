import { handedOver, handover } from './handover';
import type { Catalog } from '../domain/types';

/**
 * The only bridge between the content and the pages: the catalog the content check loaded and
 * validated, in its worker thread, from the same files and schemas as `npm run check`
 * (src/integrations/content-check.ts). Astro's content layer is left with the MDX collections,
 * whose bodies it renders (src/content.config.ts): no data file is read, parsed and validated twice.
 *
 * The same object until the content changes (`astro dev` publishes a new one after each edit):
 * what is derived from it is cached per catalog.
 */
export function getCatalog(): Promise<Catalog> {
  const catalog = handedOver<Promise<Catalog>>(handover.catalog);
  // Only astro.config.mjs's content check publishes it.
  return catalog ?? Promise.reject(new Error('le catalogue du contenu manque : l’intégration sai-content-check n’est pas dans astro.config.mjs'));
}
