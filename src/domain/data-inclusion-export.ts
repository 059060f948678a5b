import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import structureSchema from '../../vendor/data-inclusion-schema/v1/structure.json' with { type: 'json' };
import serviceSchema from '../../vendor/data-inclusion-schema/v1/service.json' with { type: 'json' };
import type { Catalog, Place } from './types.ts';
import {
  dataInclusionRecords,
  type DataInclusionService,
  type DataInclusionStructure,
  type PlaceRecords,
} from './data-inclusion.ts';

/**
 * Validation of the data·inclusion records against the official JSON Schema files (draft 2020-12,
 * vendored in vendor/data-inclusion-schema/), plus the rules the schema leaves to its Python
 * models (pydantic): `tous-publics` alone, `date_maj` between 2000-01-01 and today, a `nom` that does
 * not end with a full stop, http(s) links. A place with one invalid record is left out of both files
 * and listed, with the reasons, in the content report: never published half-true.
 */

let validators: { structure: ValidateFunction; service: ValidateFunction } | undefined;

function compiled() {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv, ['date', 'email', 'uri']);
    validators = { structure: ajv.compile(structureSchema), service: ajv.compile(serviceSchema) };
  }
  return validators;
}

/** "/zone_eligibilite/0" → "zone_eligibilite[0]". */
function fieldOf(error: ErrorObject): string {
  const [head = '', ...rest] = error.instancePath.split('/').filter(Boolean);
  return `${head}${rest.map((index) => `[${index}]`).join('')}`;
}

const formatNames: Record<string, string> = {
  date: 'une date AAAA-MM-JJ',
  email: 'une adresse e-mail',
  uri: 'une adresse web complète',
};

/** A French reading of one error of ajv, for the editors' report. */
function frenchError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `champ « ${String(params.missingProperty)} » obligatoire absent`;
    case 'minLength':
      return `« ${fieldOf(error)} » trop court : ${String(params.limit)} caractères au moins`;
    case 'maxLength':
      return `« ${fieldOf(error)} » trop long : ${String(params.limit)} caractères au plus`;
    case 'format':
      return `« ${fieldOf(error)} » n’est pas ${formatNames[String(params.format)] ?? String(params.format)}`;
    case 'pattern':
      return `« ${fieldOf(error)} » n’a pas la forme attendue (${String(params.pattern)})`;
    case 'enum':
      return `« ${fieldOf(error)} » : valeur absente de la liste du schéma`;
    case 'uniqueItems':
      return `« ${fieldOf(error)} » : valeur en double`;
    case 'minItems':
      return `« ${fieldOf(error)} » : liste vide`;
    default:
      return `« ${fieldOf(error) || 'enregistrement'} » : ${error.message ?? error.keyword}`;
  }
}

/**
 * One message per field: a nullable field (`anyOf: [..., {type: null}]`) otherwise yields three
 * errors (the real one, "must be null", "must match a schema in anyOf").
 */
function schemaProblems(validate: ValidateFunction, record: unknown): string[] {
  if (validate(record)) return [];
  const byField = new Map<string, string>();
  for (const error of validate.errors ?? []) {
    if (error.keyword === 'anyOf' || (error.keyword === 'type' && (error.params as { type?: string }).type === 'null'))
      continue;
    const key = `${error.instancePath}|${error.keyword === 'required' ? String((error.params as { missingProperty?: string }).missingProperty) : ''}`;
    if (!byField.has(key)) byField.set(key, frenchError(error));
  }
  return [...byField.values()];
}

function isHttpUrl(value: string): boolean {
  try {
    const { protocol, hostname } = new URL(value);
    return (protocol === 'https:' || protocol === 'http:') && hostname.length > 0;
  } catch {
    return false;
  }
}

/** The rules of data·inclusion's pydantic models that its JSON Schema does not carry. */
function modelProblems(record: Record<string, unknown>, today: string): string[] {
  const problems: string[] = [];
  const date = record.date_maj;
  if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    if (date < '2000-01-01') problems.push(`« date_maj » (${date}) avant le 1er janvier 2000`);
    if (date > today) problems.push(`« date_maj » (${date}) dans le futur`);
  }
  const name = record.nom;
  if (typeof name === 'string' && name.endsWith('.') && !name.endsWith('etc.'))
    problems.push('« nom » se termine par un point');
  const publics = record.publics;
  if (Array.isArray(publics) && publics.includes('tous-publics') && publics.length > 1)
    problems.push('« publics » : « tous-publics » ne peut pas être utilisé avec d’autres valeurs');
  for (const field of ['lien_source', 'site_web', 'accessibilite_lieu', 'lien_mobilisation']) {
    const value = record[field];
    if (typeof value === 'string' && !isHttpUrl(value))
      problems.push(`« ${field} » n’est pas une adresse web en http ou https`);
  }
  return problems;
}

/** Problems of one structure record, in French; empty when valid. */
export function structureProblems(record: unknown, today: string): string[] {
  return [...schemaProblems(compiled().structure, record), ...modelProblems(record as Record<string, unknown>, today)];
}

/** Problems of one service record, in French; empty when valid. */
export function serviceProblems(record: unknown, today: string): string[] {
  return [...schemaProblems(compiled().service, record), ...modelProblems(record as Record<string, unknown>, today)];
}

/** Every problem of one place's records, each prefixed with the record it is in. */
export function placeRecordsProblems(records: Pick<PlaceRecords, 'structure' | 'services'>, today: string): string[] {
  return [
    ...structureProblems(records.structure, today).map((p) => `structure : ${p}`),
    ...records.services.flatMap((service) =>
      serviceProblems(service, today).map((p) => `service « ${service.id} » : ${p}`),
    ),
  ];
}

export interface DataInclusionExport {
  structures: DataInclusionStructure[];
  services: DataInclusionService[];
  /** Places left out, with why: the content report lists them. */
  excluded: { place: Place; problems: string[] }[];
}

/** What dist/donnees/data-inclusion/ publishes: the places whose records are all valid. */
export function dataInclusionExport(catalog: Catalog, base: string, today: string): DataInclusionExport {
  const result: DataInclusionExport = { structures: [], services: [], excluded: [] };
  for (const records of dataInclusionRecords(catalog, base)) {
    const problems = placeRecordsProblems(records, today);
    if (problems.length > 0) {
      result.excluded.push({ place: records.place, problems });
    } else {
      result.structures.push(records.structure);
      result.services.push(...records.services);
    }
  }
  return result;
}
