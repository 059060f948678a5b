import type { ZodType, z } from 'zod';
import { closest, type ContentIssue } from '../domain/issues.ts';
import { toSlug } from '../domain/references.ts';
import { frenchPhonePattern } from '../schemas/common.ts';
import { elementOf, kindOf, shapeOf, unwrap } from '../schemas/introspect.ts';

type ZodIssue = z.core.$ZodIssue;

/**
 * Turns zod's issues into the French an editor reads: the field, what is wrong, what is expected,
 * and a hint for the usual slips (a number that lost its leading zero, a typo in a value, an
 * English or French field name mixed up). The build, `npm run check` and the tests all go through
 * here, so an editor sees the same words everywhere.
 */

type Path = (string | number)[];
export type DescribedIssue = Omit<ContentIssue, 'file' | 'line'> & { path: Path };

const typeNames: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  integer: 'un nombre entier',
  int: 'un nombre entier',
  boolean: 'true (oui) ou false (non)',
  array: 'une liste',
  object: 'un bloc de champs',
  date: 'une date',
  undefined: 'rien',
  null: 'une valeur vide',
};

/** What a missing field should hold, when "un texte" would not help. */
const fieldHelp: Record<string, string> = {
  sources: 'une liste de sources : une ligne « sources: » puis « - title: … » (voir le guide des éditeurs)',
  lastChecked: 'la date de la dernière vérification, au format AAAA-MM-JJ (ex. « lastChecked: 2026-11-28 »)',
  reviewBy: 'la date à laquelle revoir la page, au format AAAA-MM-JJ (ex. « reviewBy: 2027-06-30 »)',
  year: 'l’année où le tableau s’applique (ex. « year: 2026 »)',
  incomeYear: 'l’année des revenus pris en compte, deux ans avant (ex. « incomeYear: 2024 »)',
  level: '1 (accueil et information) ou 2 (accueil, information et enregistrement de la demande)',
  organisation: 'l’identifiant d’un fichier de content/organisations/ (ex. « organisation: communes »)',
  services: 'une liste de services entre crochets (ex. « services: [welcome, information] »)',
  conventionLabel: 'le libellé du lieu tel que l’écrit le tableau de l’article 4 de la convention',
  onTerritory: 'true si le lieu est sur le territoire de l’intercommunalité (celle de site.yaml), false sinon',
  nav: 'un bloc « nav: » avec « section: » (demarches, comprendre ou service) et « order: » (un nombre)',
  verified: 'true si les chiffres ont été vérifiés sur le texte officiel, false sinon',
  postcode: 'un code postal à 5 chiffres, entre guillemets (ex. « postcode: "62220" »)',
  insee: 'un code INSEE à 5 caractères, entre guillemets (ex. « insee: "62215" »)',
  phone: 'un numéro de téléphone français, entre guillemets (ex. « phone: "03 21 00 00 00" »)',
  categories: 'la liste des six catégories de ménage : « - category: 1 » et « amount: 23403 », puis 2 à 6',
  perExtraPerson: 'le montant à ajouter pour chaque personne au-delà de six (ex. « perExtraPerson: 6710 »)',
  says: 'la liste des façons de le dire, entre crochets (ex. « says: [mes points, combien de points] »)',
  means: 'la liste des mots du site à chercher à la place, entre crochets (ex. « means: [cotation] »)',
};

/** Field names editors type in French, or in the wrong English: the name the schema expects. */
const fieldSynonyms: Record<string, string> = {
  nom: 'name',
  titre: 'title',
  resume: 'summary',
  résumé: 'summary',
  niveau: 'level',
  telephone: 'phone',
  téléphone: 'phone',
  tel: 'phone',
  tél: 'phone',
  courriel: 'email',
  mail: 'email',
  'e-mail': 'email',
  adresse: 'address',
  horaires: 'hours',
  site: 'website',
  url: 'website',
  ville: 'town',
  commune: 'commune',
  organisme: 'organisation',
  organization: 'organisation',
  rue: 'street',
  cp: 'postcode',
  codePostal: 'postcode',
  'code-postal': 'postcode',
  source: 'sources',
  consulte: 'consulted',
  consulté: 'consulted',
  consultation: 'consulted',
  annee: 'year',
  année: 'year',
  jours: 'days',
  ouverture: 'opens',
  fermeture: 'closes',
  rdv: 'appointment',
  'rendez-vous': 'appointment',
  remarques: 'notes',
  note: 'notes',
  verifie: 'lastChecked',
  vérifié: 'lastChecked',
};

export function fieldName(path: Path): string {
  if (path.length === 0) return '(fichier entier)';
  return path
    .map((p) => (typeof p === 'number' ? `[${p + 1}]` : p))
    .join('.')
    .replace(/\.\[/g, '[');
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** A value as the editor typed it, for the message. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `« ${value} »`;
  if (value === null) return 'vide';
  if (Array.isArray(value)) return 'une liste';
  if (value instanceof Date) return `« ${value.toISOString().slice(0, 10)} »`;
  if (typeof value === 'object') return 'un bloc de champs';
  return `« ${String(value)} »`;
}

/** The field names an object accepts at `path`, read from the schema itself. */
export function fieldsAt(schema: ZodType, path: Path): string[] {
  let current: ZodType | undefined = unwrap(schema).core;
  for (const key of path) {
    const kind = kindOf(current);
    if (kind === 'object' && typeof key === 'string') current = shapeOf(current)[key];
    else if (kind === 'array' && typeof key === 'number') current = elementOf(current);
    else return [];
    if (!current) return [];
    current = unwrap(current).core;
  }
  return kindOf(current) === 'object' ? Object.keys(shapeOf(current)) : [];
}

/** What an editor typed, in the words of `typeNames` (Zod 4's issues no longer carry it). */
function receivedType(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return 'date';
  return typeof value;
}

function lastKey(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return '';
}

function suggestion(value: string, candidates: readonly string[]): string | undefined {
  const near = closest(value, candidates) ?? closest(value.toLowerCase(), candidates);
  return near && near !== value ? `vouliez-vous dire « ${near} » ?` : undefined;
}

/** Hints for values that have the wrong shape, by field. */
function formatHint(field: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (field === 'phone') {
    const digits = value.replace(/\D/g, '');
    if (value.trim().startsWith('+33'))
      return digits.length === 11 ? undefined : `après +33 viennent 9 chiffres ; il y en a ${digits.length - 2}`;
    if (digits.length !== 10) return `un numéro français a 10 chiffres ; il y en a ${digits.length} ici`;
    if (!digits.startsWith('0')) return 'un numéro français commence par 0';
    return 'séparez les chiffres par des espaces, des points ou des tirets seulement';
  }
  if (field === 'opens' || field === 'closes') {
    if (/^\d{2}:\d{2}$/.test(value)) return undefined;
    const match = /^(\d{1,2})\s*[hH:.]\s*(\d{2})?$/.exec(value.trim());
    if (match) return `écrivez « ${match[1]!.padStart(2, '0')}:${match[2] ?? '00'} »`;
    return undefined;
  }
  if (field === 'website' || field === 'url' || field === 'contactUrl') {
    if (/^www\./i.test(value)) return `ajoutez « https:// » devant : « https://${value} »`;
    return undefined;
  }
  if (field === 'email' || field === 'contactEmail') {
    if (/\s/.test(value)) return 'une adresse e-mail ne contient pas d’espace';
    if (!value.includes('@')) return 'il manque « @ »';
    return undefined;
  }
  if (/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(value)) {
    const [d, m, y] = value.split('/') as [string, string, string];
    return `écrivez « ${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')} »`;
  }
  // References (organisation, commune) get their hint from the loader, which knows the files that exist.
  const slugged = toSlug(value);
  if (slugged && slugged !== value && field === 'id') return `vouliez-vous dire « ${slugged} » ?`;
  return undefined;
}

/**
 * « vouliez-vous dire … ? » for a reference to another file (« commune: Oignie »), offered only when
 * the suggestion is the id of a file that exists (« oignies »), never a slug that would fail again.
 */
export function referenceHint(value: unknown, ids: readonly string[]): string | undefined {
  if (typeof value !== 'string' || ids.includes(value)) return undefined;
  const near = ids.includes(toSlug(value)) ? toSlug(value) : (closest(toSlug(value), ids) ?? closest(value, ids));
  return near ? `vouliez-vous dire « ${near} » ?` : undefined;
}

/**
 * An unquoted phone number is read as a number and loses its leading 0: the fix offered must itself
 * be a valid number, so a number with a digit too many or too few is not « fixed » by adding the 0.
 */
function phoneNumberHint(field: string, value: number): string {
  const digits = `0${String(value)}`;
  if (frenchPhonePattern.test(digits)) {
    const spaced = digits.replace(/(\d{2})(?=\d)/g, '$1 ');
    return `mettez le numéro entre guillemets : « ${field}: "${spaced}" » (sans guillemets, le 0 du début disparaît)`;
  }
  return `mettez le numéro entre guillemets, avec ses 10 chiffres (ex. « ${field}: "03 21 00 00 00" ») : ici ${digits.length} chiffres en comptant le 0 du début, que YAML enlève sans guillemets ; vérifiez le numéro`;
}

function typeHint(field: string, expected: string, value: unknown): string | undefined {
  if (expected === 'string' && typeof value === 'number') {
    if (field === 'phone' || field === 'number') return phoneNumberHint(field, value);
    return `mettez la valeur entre guillemets : « ${field}: "${value}" »`;
  }
  if (expected === 'number' && typeof value === 'string' && /^\s*\d+([.,]\d+)?\s*$/.test(value))
    return 'écrivez le nombre sans guillemets ni espace';
  if (expected === 'number' && typeof value === 'string')
    return 'écrivez seulement le nombre, sans espace ni symbole (ex. « 23403 », pas « 23 403 € »)';
  if (expected === 'array' && (typeof value === 'string' || (value !== null && typeof value === 'object'))) {
    return 'une liste s’écrit entre crochets « [a, b] », ou une ligne commençant par « - » pour chaque élément';
  }
  if (expected === 'boolean' && typeof value === 'string') return 'écrivez true (oui) ou false (non), sans guillemets';
  if (value === null)
    return 'si l’information n’est pas connue, supprimez toute la ligne (ou mettez « # » au début pour la garder en commentaire)';
  return undefined;
}

/** Zod's own messages are English (« Invalid input… », « Too small… »); the schemas' are French. */
const zodDefault = (message: string): boolean => /^(Invalid|Too (small|big)|Unrecognized)\b/.test(message);

/** The expectation of a size rule, for the few cases where a schema sets no message. */
function sizeExpectation(issue: ZodIssue & { code: 'too_small' | 'too_big' }): string {
  const bound = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  if (!zodDefault(issue.message)) return issue.message;
  if (issue.origin === 'array')
    return issue.code === 'too_small'
      ? `au moins ${bound} élément${bound > 1 ? 's' : ''}`
      : `au plus ${bound} éléments`;
  if (issue.origin === 'string')
    return issue.code === 'too_small' ? 'un texte non vide' : `un texte d’au plus ${bound} caractères`;
  return issue.code === 'too_small'
    ? `un nombre supérieur ou égal à ${bound}`
    : `un nombre inférieur ou égal à ${bound}`;
}

function formatExpectation(issue: ZodIssue & { code: 'invalid_format' }): string {
  if (!zodDefault(issue.message)) return issue.message;
  if (issue.format === 'email') return 'une adresse e-mail (ex. « accueil@exemple.fr »)';
  if (issue.format === 'url') return 'une adresse web complète, commençant par https://';
  return 'une valeur au bon format (voir le guide des éditeurs)';
}

/** One zod issue → the words for the editor (several for unknown fields: one per field). */
export function describeZodIssue(issue: ZodIssue, data: unknown, schema?: ZodType): DescribedIssue[] {
  const path = issue.path as Path;
  const field = fieldName(path);
  const key = lastKey(path);
  const value = valueAt(data, path);

  switch (issue.code) {
    case 'invalid_type': {
      const received = receivedType(value);
      if (received === 'undefined') {
        return [
          {
            path,
            field,
            message: 'champ obligatoire manquant',
            expected: fieldHelp[key] ?? typeNames[issue.expected] ?? issue.expected,
          },
        ];
      }
      const hint = typeHint(key, issue.expected, value);
      return [
        {
          path,
          field,
          message:
            value === null ? 'champ présent mais vide' : `${shown(value)} est ${typeNames[received] ?? received}`,
          expected: zodDefault(issue.message)
            ? (fieldHelp[key] ?? typeNames[issue.expected] ?? issue.expected)
            : issue.message,
          ...(hint ? { hint } : {}),
        },
      ];
    }
    // An enum or a literal: the schema's own words if it has some, else the list of values.
    case 'invalid_value': {
      const options = issue.values.map(String);
      const hint =
        typeof value === 'string' && /^\d+$/.test(value) && options.includes(value)
          ? 'écrivez le nombre sans guillemets'
          : typeof value === 'string'
            ? suggestion(value, options)
            : undefined;
      return [
        {
          path,
          field,
          message:
            value === undefined
              ? 'champ obligatoire manquant'
              : options.length > 1
                ? `valeur inconnue ${shown(value)}`
                : `valeur ${shown(value)} non autorisée`,
          expected: !zodDefault(issue.message)
            ? issue.message
            : options.length > 1
              ? `l’une de : ${options.join(', ')}`
              : `la valeur ${shown(issue.values[0])}`,
          ...(hint ? { hint } : {}),
        },
      ];
    }
    case 'invalid_union': {
      const hint = typeof value === 'string' && /^\d+$/.test(value) ? 'écrivez le nombre sans guillemets' : undefined;
      return [
        {
          path,
          field,
          message: value === undefined ? 'champ obligatoire manquant' : `valeur ${shown(value)} non autorisée`,
          expected: zodDefault(issue.message) ? 'une valeur décrite dans le guide des éditeurs' : issue.message,
          ...(hint ? { hint } : {}),
        },
      ];
    }
    case 'unrecognized_keys': {
      const allowed = schema ? fieldsAt(schema, path) : [];
      return issue.keys.map((unknownKey) => {
        const synonym = fieldSynonyms[unknownKey] ?? fieldSynonyms[unknownKey.toLowerCase()];
        const near = synonym && allowed.includes(synonym) ? synonym : closest(unknownKey, allowed);
        return {
          path: [...path, unknownKey],
          field: fieldName([...path, unknownKey]),
          message: `champ inconnu « ${unknownKey} »`,
          expected:
            allowed.length > 0
              ? `l’un des champs : ${allowed.join(', ')}`
              : 'uniquement les champs décrits dans le guide des éditeurs',
          ...(near ? { hint: `vouliez-vous dire « ${near} » ?` } : {}),
        };
      });
    }
    case 'too_small':
    case 'too_big': {
      const empty = (Array.isArray(value) && value.length === 0) || value === '';
      const small = issue.code === 'too_small';
      const message =
        issue.origin === 'array'
          ? empty
            ? 'liste vide'
            : small
              ? 'liste trop courte'
              : 'liste trop longue'
          : issue.origin === 'string'
            ? empty
              ? 'texte vide'
              : small
                ? 'texte trop court'
                : 'texte trop long'
            : `${shown(value)} est trop ${small ? 'petit' : 'grand'}`;
      return [{ path, field, message, expected: sizeExpectation(issue) }];
    }
    case 'invalid_format': {
      const hint = formatHint(key, value);
      return [
        {
          path,
          field,
          message: `${shown(value)} ne convient pas`,
          expected: formatExpectation(issue),
          ...(hint ? { hint } : {}),
        },
      ];
    }
    case 'custom': {
      const expected = (issue.params as { expected?: string } | undefined)?.expected;
      const hint = formatHint(key, value);
      return [{ path, field, message: issue.message, ...(expected ? { expected } : {}), ...(hint ? { hint } : {}) }];
    }
    default:
      return [{ path, field, message: `valeur ${shown(value)} incorrecte`, expected: issue.message }];
  }
}
