/**
 * Writing a directory record's details into one place's YAML, through the `yaml` library's Document
 * API so that the editor's comments and key order survive. The only place that writes place files.
 */
import { createHash } from 'node:crypto';
import {
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  visit,
  type Document,
  type Node,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';
import { importedFields, type ImportedDetails, type ImportedField } from './convert.ts';

export interface Provenance {
  record: string;
  /** The record's date_modification (YYYY-MM-DD). */
  modified: string;
  file: string;
  fileDate: string;
  url?: string;
}

export interface Conflict {
  field: ImportedField;
  /** What the place's file says (typed by hand), and what the directory says, as short text. */
  current: string;
  directory: string;
}

export interface ApplyResult {
  /** The new text of the file (identical to the input when nothing changed). */
  text: string;
  /** Fields written, updated or removed by this run. */
  changed: ImportedField[];
  /** Fields typed by hand that the directory contradicts: left as they are. */
  conflicts: Conflict[];
  /** true when the provenance source changed (new file, new record date). */
  provenanceChanged: boolean;
}

export const directorySourceTitle =
  'Annuaire de l’administration – Base de données locales (Service-Public.gouv.fr / DILA), Licence Ouverte 2.0';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Fingerprint of a value as written: tells an imported field from one an editor changed since. */
export function fingerprint(value: unknown): string {
  return createHash('sha1')
    .update(JSON.stringify(canonical(value)))
    .digest('hex')
    .slice(0, 8);
}

const loose = (s: string) =>
  s
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/[\s,.-]+/g, ' ')
    .trim();
const digits = (phone: string) => {
  const d = phone.replace(/[^\d+]/g, '');
  return d.startsWith('+33') ? `0${d.slice(3)}` : d;
};

/** Does a hand-typed value say the same thing as the directory? (Spelling and position aside.) */
function sameFact(field: ImportedField, current: unknown, imported: unknown): boolean {
  if (field === 'address') {
    const a = current as Record<string, string>;
    const b = imported as Record<string, string>;
    return (
      loose(a.street ?? '') === loose(b.street ?? '') &&
      a.postcode === b.postcode &&
      loose(a.city ?? '') === loose(b.city ?? '')
    );
  }
  if (field === 'phones') {
    const mine = (current as { number: string }[]).map((p) => digits(p.number));
    const theirs = new Set((imported as { number: string }[]).map((p) => digits(p.number)));
    return mine.every((n) => theirs.has(n));
  }
  if (typeof current === 'string' && typeof imported === 'string') return loose(current) === loose(imported);
  return JSON.stringify(canonical(current)) === JSON.stringify(canonical(imported));
}

function short(field: ImportedField, value: unknown): string {
  if (value === undefined) return '(rien)';
  if (field === 'address') {
    const a = value as Record<string, string>;
    return `${a.street}, ${a.postcode} ${a.city}`;
  }
  if (field === 'phones') return (value as { number: string }[]).map((p) => p.number).join(' ; ');
  if (field === 'hours') return `${(value as unknown[]).length} créneau(x)`;
  if (Array.isArray(value)) return value.join(' ; ');
  return String(value);
}

/**
 * A node written the way the guide for editors shows it: days on one line (« [lundi, mardi] »),
 * times and phone numbers in quotes (« "08:30" » is never read as a number by another tool).
 */
function styledNode(doc: Document, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  visit(node, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'days' && isSeq(pair.value)) pair.value.flow = true;
    },
    Scalar(_, scalar) {
      if (typeof scalar.value === 'string' && /^(?:\d{2}:\d{2}|[+\d][\d .]{8,})$/.test(scalar.value))
        scalar.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return node;
}

/** Where a new key goes: before the first later key that exists, so imported fields stay together. */
function insertPair(doc: Document, map: YAMLMap, key: string, value: unknown): void {
  const order = [...importedFields, 'appointment', 'notes', 'sources'] as string[];
  const later = order.slice(order.indexOf(key) + 1);
  const index = map.items.findIndex((pair) =>
    later.includes(String((pair.key as { value?: unknown })?.value ?? pair.key)),
  );
  const pair = doc.createPair(key, styledNode(doc, value));
  if (index < 0) map.items.push(pair);
  else map.items.splice(index, 0, pair);
}

/** Applies one record's details to one place file's text. Pure: text in, text out. */
export function applyDetails(text: string, details: ImportedDetails, provenance: Provenance): ApplyResult {
  const doc = parseDocument(text);
  if (!isMap(doc.contents)) throw new Error('le fichier du lieu n’est pas un bloc de champs');
  const map = doc.contents as YAMLMap;
  const data = doc.toJS() as Record<string, unknown> & { sources?: Record<string, unknown>[] };
  const sourcesNode = doc.get('sources', true);
  const sources = data.sources ?? [];
  const previousIndex = sources.findIndex((s) => s && typeof s === 'object' && 'directory' in s);
  const previous =
    previousIndex >= 0 ? (sources[previousIndex]!.directory as { fields?: Record<string, string> }) : undefined;
  const owned = previous?.fields ?? {};

  const changed: ImportedField[] = [];
  const conflicts: Conflict[] = [];
  const fields: Record<string, string> = {};

  for (const field of importedFields) {
    const imported = details[field];
    // A single hand-typed « phone » stands for the phones.
    const current = field === 'phones' && data.phone !== undefined ? [{ number: String(data.phone) }] : data[field];
    const handTypedPhone = field === 'phones' && data.phone !== undefined;
    const importerOwns = !handTypedPhone && current !== undefined && owned[field] === fingerprint(current);

    if (current === undefined) {
      if (imported === undefined) continue;
      insertPair(doc, map, field, imported);
      fields[field] = fingerprint(imported);
      changed.push(field);
    } else if (importerOwns) {
      if (imported === undefined) {
        doc.delete(field);
        changed.push(field);
      } else {
        fields[field] = fingerprint(imported);
        if (fields[field] !== owned[field]) {
          doc.set(field, styledNode(doc, imported));
          changed.push(field);
        }
      }
    } else if (imported !== undefined && !sameFact(field, current, imported)) {
      // Typed (or corrected) by hand: the editor's word wins; the summary shows the difference.
      conflicts.push({ field, current: short(field, current), directory: short(field, imported) });
    }
  }

  // The provenance: one source of the place, rewritten by each import, removed when nothing is imported any more.
  let provenanceChanged = false;
  const wanted =
    Object.keys(fields).length > 0
      ? {
          title: directorySourceTitle,
          ...(provenance.url ? { url: provenance.url } : {}),
          date: provenance.fileDate,
          directory: {
            record: provenance.record,
            modified: provenance.modified,
            file: provenance.file,
            fileDate: provenance.fileDate,
            fields,
          },
        }
      : undefined;
  const before = previousIndex >= 0 ? sources[previousIndex] : undefined;
  if (JSON.stringify(canonical(before)) !== JSON.stringify(canonical(wanted))) {
    provenanceChanged = true;
    if (!isSeq(sourcesNode)) throw new Error('le champ « sources » du lieu n’est pas une liste');
    const seq = sourcesNode as YAMLSeq;
    if (wanted && previousIndex >= 0) seq.items[previousIndex] = doc.createNode(wanted);
    else if (wanted) seq.items.push(doc.createNode(wanted));
    else seq.items.splice(previousIndex, 1);
  }

  const changedSomething = changed.length > 0 || provenanceChanged;
  return {
    text: changedSomething ? doc.toString({ lineWidth: 0, flowCollectionPadding: false }) : text,
    changed,
    conflicts,
    provenanceChanged,
  };
}
