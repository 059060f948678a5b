import { handedOver, handover } from './handover';
import type { Prebuilt } from '../integrations/content-worker';

/**
 * What the content check's worker made for this build beside the pages, from the same catalog
 * (src/integrations/content-worker.ts): the leaflets and the data·inclusion files, for one base
 * path. Undefined under `astro dev`, for another base, or if the worker could not make them: the
 * pages then make them themselves.
 */
export async function prebuilt(base: string): Promise<Prebuilt | undefined> {
  const found = await handedOver<Promise<Prebuilt | undefined>>(handover.prebuilt);
  return found?.base === base ? found : undefined;
}
