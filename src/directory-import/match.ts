import type { DirectoryRecord } from './parse.ts';

/** What the importer needs to know of a place to find its record. */
export interface PlaceToMatch {
  id: string;
  /** The record the editor named (`directoryRecord`): its id or its older code. */
  directoryRecord?: string;
  /** The kind of desk of the place's organisation in the directory (`directoryKind`). */
  directoryKind?: string;
  /** INSEE code of the place's commune, when it stands on the territory. */
  insee?: string;
  /** The commune's town hall (`townHall: true`): the only place found by its commune alone. */
  townHall?: boolean;
}

export type Match =
  | { status: 'matched'; record: DirectoryRecord }
  /** The organisation is not in the directory: details stay typed by hand. */
  | { status: 'not-in-directory' }
  | { status: 'not-found'; reason: string; candidates: DirectoryRecord[] }
  | { status: 'ambiguous'; candidates: DirectoryRecord[] };

/** « Mairie déléguée - X » is a former commune's town hall, never the commune's main desk. */
export function isDelegatedTownHall(record: DirectoryRecord): boolean {
  return /^mairie d[ée]l[ée]gu[ée]e\b/i.test(record.name);
}

function hasKind(record: DirectoryRecord, kind: string): boolean {
  return record.pivot.some((p) => p.kind === kind);
}

/**
 * The record of one place. Named records win; otherwise a town hall (`townHall: true`) takes the
 * desk of its organisation's kind that stands in its commune, leaving out delegated town halls and
 * records not to be diffused. Any other place must name its record: a commune or an agency may run
 * several desks in one commune, and the wrong one's address would be printed. Zero or several
 * candidates are reported with their names, never guessed.
 */
export function matchPlace(place: PlaceToMatch, records: readonly DirectoryRecord[]): Match {
  if (place.directoryRecord) {
    const named = records.filter((r) => r.id === place.directoryRecord || r.oldCode === place.directoryRecord);
    if (named.length === 0)
      return {
        status: 'not-found',
        reason: `la fiche « ${place.directoryRecord} » nommée par directoryRecord n’est pas dans le fichier`,
        candidates: [],
      };
    if (!named[0]!.diffusable)
      return {
        status: 'not-found',
        reason: `la fiche « ${place.directoryRecord} » n’est pas diffusable (statut_de_diffusion)`,
        candidates: [],
      };
    return { status: 'matched', record: named[0]! };
  }
  if (!place.directoryKind) return { status: 'not-in-directory' };
  if (!place.insee)
    return {
      status: 'not-found',
      reason: 'lieu hors du territoire : nommez sa fiche (directoryRecord)',
      candidates: [],
    };
  const ofKind = records.filter((r) => hasKind(r, place.directoryKind!) && r.diffusable && !isDelegatedTownHall(r));
  const standing = ofKind.filter((r) => r.insee === place.insee);
  if (!place.townHall) {
    const serving = ofKind.filter(
      (r) =>
        r.insee !== place.insee &&
        r.pivot.some((p) => p.kind === place.directoryKind && p.communes.includes(place.insee!)),
    );
    return {
      status: 'not-found',
      reason:
        'seule la mairie (townHall: true) est trouvée d’après sa commune ; pour ce lieu, nommez sa fiche (directoryRecord)',
      candidates: [...standing, ...serving],
    };
  }
  if (standing.length === 1) return { status: 'matched', record: standing[0]! };
  if (standing.length > 1) return { status: 'ambiguous', candidates: standing };
  // Nothing stands in the commune: desks of that kind which serve it are hints for the editor, not a match.
  const serving = ofKind.filter((r) =>
    r.pivot.some((p) => p.kind === place.directoryKind && p.communes.includes(place.insee!)),
  );
  return {
    status: 'not-found',
    reason: `aucune fiche « ${place.directoryKind} » dans la commune (code INSEE ${place.insee})`,
    candidates: serving,
  };
}

/** true when the file holds at least one record of the territory's communes. */
export function coversTerritory(records: readonly DirectoryRecord[], insees: readonly string[]): boolean {
  const codes = new Set(insees);
  return records.some(
    (r) => (r.insee && codes.has(r.insee)) || r.pivot.some((p) => p.communes.some((c) => codes.has(c))),
  );
}
