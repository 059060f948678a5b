/**
 * What the content check (src/integrations/content-check.ts, loaded natively with astro.config.mjs)
 * hands over to the pages and to Astro's content config (loaded through Vite): the two sides share
 * no module instance, only the process, so the hand-over is a global under these keys. This module
 * imports nothing, so that either side may import it.
 */
export const handover = {
  /** The verdict, a Promise<ContentVerdict>: Astro's content layer waits for it when a loader fails. */
  verdict: Symbol.for('sai.content-check'),
  /** The content every page is built from, a Promise<Catalog>. */
  catalog: Symbol.for('sai.catalog'),
  /** What the worker made beside the pages in a build, a Promise<Prebuilt | undefined>. */
  prebuilt: Symbol.for('sai.prebuilt'),
  /** The leaflet renderer, loaded from the worker's bundle: (catalog, slug, base) => Promise<Uint8Array>. */
  leafletRenderer: Symbol.for('sai.leaflet-renderer'),
} as const;

/** The value handed over under `key`, if the content check has set it. */
export function handedOver<T>(key: symbol): T | undefined {
  return (globalThis as Record<symbol, T | undefined>)[key];
}

/** Sets the value the other side reads with handedOver (the content check only). */
export function handOver(key: symbol, value: unknown): void {
  (globalThis as Record<symbol, unknown>)[key] = value;
}
