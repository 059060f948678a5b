import type { Catalog, EmergencyNumber } from './types.ts';

/**
 * National emergency numbers (content/data/emergency-numbers.yaml), in the file's order: the
 * editors put the one most people need first.
 */
export function emergencyNumbers(
  catalog: Pick<Catalog, 'emergencyNumbers'>,
  only?: readonly string[],
): EmergencyNumber[] {
  const all = catalog.emergencyNumbers?.numbers ?? [];
  if (!only) return all;
  const unknown = only.filter((id) => !all.some((entry) => entry.id === id));
  if (unknown.length > 0)
    throw new Error(`content/data/emergency-numbers.yaml : numéro inconnu « ${unknown.join(', ')} »`);
  return all.filter((entry) => only.includes(entry.id));
}

/** The numbers every leaflet prints (`leaflet: true`). */
export function leafletEmergencyNumbers(catalog: Pick<Catalog, 'emergencyNumbers'>): EmergencyNumber[] {
  return emergencyNumbers(catalog).filter((entry) => entry.leaflet);
}

/** `tel:115`, or `sms:114` for a number one writes to. */
export function emergencyHref(entry: Pick<EmergencyNumber, 'number' | 'mode'>): string {
  return `${entry.mode === 'sms' ? 'sms' : 'tel'}:${entry.number}`;
}
