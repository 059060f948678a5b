/**
 * Reading the national directory's file (« Annuaire de l'administration – Base de données locales »,
 * DILA, Licence Ouverte 2.0) in the shapes it is met in: the bulk file `{"service": [...]}` whose
 * list fields are JSON arrays, and the API export `{"results": [...]}` or a bare array, whose list
 * fields are JSON *strings*, records sometimes wrapped as `{"fields": {...}}`.
 * Pure functions: no file access; French messages, since an editor reads them.
 */

export class DirectoryFileError extends Error {}

export interface DirectoryAddress {
  kind: string;
  lines: string[];
  street: string;
  postcode: string;
  city: string;
  latitude?: number;
  longitude?: number;
  accessibility?: string;
  accessibilityNote?: string;
}

export interface DirectoryOpening {
  firstDay: string;
  lastDay: string;
  slots: { opens: string; closes: string }[];
  comment?: string;
}

export interface DirectoryRecord {
  id: string;
  oldCode?: string;
  name: string;
  /** Kinds of desk (`type_service_local`) and the communes each serves. */
  pivot: { kind: string; communes: string[] }[];
  /** INSEE code of the commune where the desk stands. */
  insee?: string;
  addresses: DirectoryAddress[];
  phones: { number: string; label?: string }[];
  emails: string[];
  websites: { value: string; label?: string }[];
  openings: DirectoryOpening[];
  url?: string;
  /** Date of the record's last change, YYYY-MM-DD. */
  modified?: string;
  diffusable: boolean;
}

type Raw = Record<string, unknown>;

const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A list field: a real array (bulk file), a JSON string holding one (API), a single value, or nothing. */
function list(value: unknown, field: string, id: string): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  if (Array.isArray(value)) return value;
  if (typeof value === 'string') {
    const trimmed = value.trim();
    if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        return Array.isArray(parsed) ? parsed : [parsed];
      } catch {
        throw new DirectoryFileError(`fiche ${id} : le champ « ${field} » n’est pas une liste JSON lisible`);
      }
    }
    return [value];
  }
  return [value];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.replace(/\s+/g, ' ').trim();
  return trimmed === '' ? undefined : trimmed;
}

function number(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

/** « 09:00:00 » or « 09:00 » or « 9:00 » → « 09:00 »; anything else → undefined. */
export function normaliseTime(value: unknown): string | undefined {
  const match = typeof value === 'string' ? /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(value.trim()) : null;
  if (!match) return undefined;
  const hours = Number(match[1]);
  if (hours > 23 || Number(match[2]) > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}

/** « 08/03/2021 14:14:36 » (bulk) or « 2021-03-08T14:14:36+00:00 » (API) → « 2021-03-08 ». */
export function normaliseDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const french = /^(\d{2})\/(\d{2})\/(\d{4})/.exec(value.trim());
  if (french) return `${french[3]}-${french[2]}-${french[1]}`;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim());
  return iso ? iso[1] : undefined;
}

function diffusable(value: unknown): boolean {
  // Absent means the file did not say; the bulk file only holds diffusable records.
  if (value === undefined || value === null) return true;
  if (typeof value === 'boolean') return value;
  return ['true', 'oui', '1'].includes(String(value).trim().toLowerCase());
}

function parseAddress(raw: unknown): DirectoryAddress | undefined {
  if (!isObject(raw)) return undefined;
  const street = [text(raw.numero_voie)].filter(Boolean).join(' ');
  const complements = [text(raw.complement1), text(raw.complement2)].filter((l): l is string => !!l);
  const postcode = text(raw.code_postal) ?? '';
  const city = text(raw.nom_commune) ?? '';
  return {
    kind: text(raw.type_adresse) ?? '',
    lines: [...complements, street].filter(Boolean),
    street,
    postcode,
    city,
    latitude: number(raw.latitude),
    longitude: number(raw.longitude),
    accessibility: text(raw.accessibilite),
    accessibilityNote: text(raw.note_accessibilite),
  };
}

function parseOpening(raw: unknown): DirectoryOpening | undefined {
  if (!isObject(raw)) return undefined;
  const firstDay = text(raw.nom_jour_debut);
  if (!firstDay) return undefined;
  const slots = [1, 2]
    .map((n) => ({
      opens: normaliseTime(raw[`valeur_heure_debut_${n}`]),
      closes: normaliseTime(raw[`valeur_heure_fin_${n}`]),
    }))
    .filter((slot): slot is { opens: string; closes: string } => !!slot.opens && !!slot.closes);
  return { firstDay, lastDay: text(raw.nom_jour_fin) ?? firstDay, slots, comment: text(raw.commentaire) };
}

function parseRecord(raw: unknown, index: number): DirectoryRecord {
  const fields = isObject(raw) && isObject(raw.fields) ? raw.fields : raw;
  if (!isObject(fields))
    throw new DirectoryFileError(
      `l’élément n° ${index + 1} de la liste n’est pas une fiche (un bloc de champs était attendu)`,
    );
  const id = text(fields.id);
  if (!id) throw new DirectoryFileError(`la fiche n° ${index + 1} n’a pas d’identifiant (« id »)`);
  const name = text(fields.nom) ?? '';
  const pivot = list(fields.pivot, 'pivot', id)
    .filter(isObject)
    .map((p) => ({
      kind: text(p.type_service_local) ?? '',
      communes: list(p.code_insee_commune, 'pivot.code_insee_commune', id).map(String),
    }));
  return {
    id,
    oldCode: text(fields.ancien_code_pivot),
    name,
    pivot,
    insee: text(fields.code_insee_commune),
    addresses: list(fields.adresse, 'adresse', id)
      .map(parseAddress)
      .filter((a): a is DirectoryAddress => !!a),
    phones: list(fields.telephone, 'telephone', id)
      .map((t) =>
        isObject(t) ? { number: text(t.valeur), label: text(t.description) } : { number: text(t), label: undefined },
      )
      .filter((t): t is { number: string; label: string | undefined } => !!t.number)
      .map((t) => (t.label ? { number: t.number, label: t.label } : { number: t.number })),
    emails: list(fields.adresse_courriel, 'adresse_courriel', id)
      .map(text)
      .filter((e): e is string => !!e),
    websites: list(fields.site_internet, 'site_internet', id)
      .map((w) =>
        isObject(w) ? { value: text(w.valeur), label: text(w.libelle) } : { value: text(w), label: undefined },
      )
      .filter((w): w is { value: string; label: string | undefined } => !!w.value)
      .map((w) => (w.label ? { value: w.value, label: w.label } : { value: w.value })),
    openings: list(fields.plage_ouverture, 'plage_ouverture', id)
      .map(parseOpening)
      .filter((o): o is DirectoryOpening => !!o),
    url: text(fields.url_service_public),
    modified: normaliseDate(fields.date_modification_datetime) ?? normaliseDate(fields.date_modification),
    diffusable: diffusable(fields.statut_de_diffusion),
  };
}

/** The records of a directory file, whatever its shape; throws DirectoryFileError (French) otherwise. */
export function parseDirectory(json: string): DirectoryRecord[] {
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new DirectoryFileError(`le fichier n’est pas du JSON valide (${(error as Error).message})`);
  }
  const records = Array.isArray(data)
    ? data
    : isObject(data)
      ? (data.service ?? data.results ?? data.records)
      : undefined;
  if (!Array.isArray(records)) {
    throw new DirectoryFileError(
      'le fichier ne contient pas de liste de fiches : une liste « service » (fichier complet), « results » (export de l’API) ou une liste simple était attendue',
    );
  }
  return records.map(parseRecord);
}
