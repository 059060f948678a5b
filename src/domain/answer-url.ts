/**
 * The address of an orientation answer, shared by the pages (build) and the commune page's script
 * (browser): no import beyond this file, so that the script stays small.
 */
/** Query parameter that carries the situations of a multi-situation answer on a commune's page. */
export const situationsParameter = 'situations';

/**
 * The address of one answer: a situation's own page for one situation, the commune's page for none,
 * and for several, the commune's page with `?situations=a,b` (ids in the order of the questions),
 * which the page's script reads to tick the boxes. Relative to the site root, like `paths`.
 */
export function answerPath(commune: string, situations: readonly string[], order: readonly string[]): string {
  const sorted = [...new Set(situations)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  if (sorted.length === 0) return `orientation/${commune}/`;
  if (sorted.length === 1) return `orientation/${commune}/${sorted[0]}/`;
  return `orientation/${commune}/?${situationsParameter}=${sorted.join(',')}`;
}

/** Reads `?situations=a,b`: the known ids, in the order of the questions (unknown ones are dropped). */
export function parseSituations(search: string, order: readonly string[]): string[] {
  const value = new URLSearchParams(search).get(situationsParameter) ?? '';
  const asked = new Set(value.split(',').map((id) => id.trim()));
  return order.filter((id) => asked.has(id));
}
