import type { ZodType } from 'zod';
import { email, frenchPhone, httpUrl, isoDate, slug } from '../schemas/common.ts';
import {
  choicesOf,
  elementOf,
  kindOf,
  minItemsOf,
  numberBoundsOf,
  patternOf as regexOf,
  shapeOf,
  unwrap,
} from '../schemas/introspect.ts';

/**
 * The form of one content file, generated from its zod schema: a Decap CMS field for every field
 * of the schema, with the French label and hint of an overlay. The generator throws on a field the
 * overlay does not name and on a zod type it does not know, so that the forms cannot drift from what
 * the build accepts: a new field in a schema fails the unit tests until someone labels it.
 */

/** A field of Decap CMS's configuration (the subset this project uses). */
export interface CmsField {
  name: string;
  label: string;
  widget: string;
  required?: boolean;
  hint?: string;
  pattern?: [string, string];
  options?: { label: string; value: string | number }[];
  multiple?: boolean;
  fields?: CmsField[];
  field?: CmsField;
  collection?: string;
  file?: string;
  value_field?: string;
  search_fields?: string[];
  display_fields?: string[];
  value_type?: 'int' | 'float';
  min?: number;
  max?: number;
  default?: unknown;
  collapsed?: boolean;
  summary?: string;
  label_singular?: string;
  add_to_top?: boolean;
}

/** A relation to the entries of another collection, stored by id. */
export interface RelationOverlay {
  collection: string;
  /** For a files collection: the file, and the list field whose items are the choices. */
  file?: string;
  valueField?: string;
  displayField?: string;
}

/** What a person reads about one field. */
export interface FieldOverlay {
  label: string;
  hint?: string;
  /** `text` for several lines. */
  widget?: 'text';
  relation?: RelationOverlay;
  /** Kept as it is but not shown: data only a script writes (import provenance, tables of ids). */
  hidden?: boolean;
  /** French words for the values of a choice (enum, literals). */
  options?: Readonly<Record<string, string>>;
  /** Label of one item of a list ("un créneau"). */
  item?: string;
  /** Decap's summary template for a list item, e.g. "{{fields.title}}". */
  summary?: string;
}

/** Field paths (`address.street`; a list's item fields under the list: `hours.opens`) → overlay. */
export type Overlay = Readonly<Record<string, FieldOverlay>>;

/** The overlay of a shared block (sources, address…), placed under a field name. */
export function under(prefix: string, overlay: Overlay): Overlay {
  return Object.fromEntries(Object.entries(overlay).map(([path, value]) => [`${prefix}.${path}`, value]));
}

export class CmsConfigError extends Error {}

/** The shared named types, by identity: each has one French pattern message already. */
const named: [ZodType, (field: CmsField) => CmsField][] = [
  [
    isoDate,
    (f) => ({
      ...f,
      widget: 'string',
      pattern: ['^\\d{4}-\\d{2}-\\d{2}$', 'une date au format AAAA-MM-JJ (ex. « 2026-11-28 »)'],
    }),
  ],
  [
    httpUrl,
    (f) => ({
      ...f,
      widget: 'string',
      pattern: [
        '^https?://[^\\s/]+\\.[^\\s]*$',
        'une adresse web complète, commençant par https:// (ex. « https://www.exemple.fr »)',
      ],
    }),
  ],
  [
    email,
    (f) => ({
      ...f,
      widget: 'string',
      pattern: ['^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$', 'une adresse e-mail (ex. « accueil@exemple.fr »)'],
    }),
  ],
  [frenchPhone, (f) => ({ ...f, widget: 'string', pattern: patternOf(frenchPhone)! })],
  [slug, (f) => ({ ...f, widget: 'string', pattern: patternOf(slug)! })],
];

function patternOf(type: ZodType): [string, string] | undefined {
  const found = regexOf(type);
  return found ? [found.pattern.source, found.message ?? 'valeur au bon format'] : undefined;
}

function bounds(type: ZodType): Pick<CmsField, 'min' | 'max' | 'value_type'> {
  const { int, min, max } = numberBoundsOf(type);
  return {
    value_type: int ? 'int' : 'float',
    ...(min !== undefined ? { min } : {}),
    ...(max !== undefined ? { max } : {}),
  };
}

function optionList(
  path: string,
  values: readonly (string | number | boolean)[],
  overlay: FieldOverlay,
): { label: string; value: string | number }[] {
  return values.map((value) => {
    const label = overlay.options?.[String(value)];
    if (!label)
      throw new CmsConfigError(
        `${path} : la valeur « ${String(value)} » n’a pas de libellé en français (options de la surcouche)`,
      );
    if (typeof value === 'boolean')
      throw new CmsConfigError(`${path} : une liste de choix ne peut pas proposer ${value}`);
    return { label, value };
  });
}

interface Walk {
  overlay: Overlay;
  /** Set inside an optional object: Decap would demand the children of an empty block (decap issues #2103, #7748). */
  inOptional: boolean;
}

/** One field of a schema → its form field. */
export function fieldFor(name: string, path: string, type: ZodType, walk: Walk): CmsField {
  const overlay = walk.overlay[path];
  if (!overlay?.label)
    throw new CmsConfigError(`${path} : aucun libellé en français (ajoutez-le dans src/cms/overlay.ts)`);
  const { core, chain, optional, nullable, defaultValue } = unwrap(type);
  const required = !(optional || nullable || walk.inOptional);
  const base: CmsField = {
    name,
    label: overlay.label,
    widget: 'string',
    required,
    ...(overlay.hint ? { hint: overlay.hint } : {}),
  };
  const kind = kindOf(core);

  if (overlay.hidden) return { ...base, widget: 'hidden', required: false };

  if (overlay.relation) {
    const many = kind === 'array';
    const target = many ? unwrap(elementOf(core)!).core : core;
    if (kindOf(target) !== 'string')
      throw new CmsConfigError(`${path} : une relation doit porter sur un identifiant (texte)`);
    const { collection, file, valueField = '{{slug}}', displayField = 'name' } = overlay.relation;
    const min = many ? minItemsOf(core) : undefined;
    return {
      ...base,
      widget: 'relation',
      collection,
      ...(file ? { file } : {}),
      value_field: valueField,
      search_fields: [displayField],
      display_fields: [displayField],
      ...(many ? { multiple: true, ...(min ? { min } : {}) } : {}),
    };
  }

  const known = named.find(([shared]) => chain.includes(shared));
  if (known) return known[1](base);

  const values = choicesOf(core);
  if (values) {
    // A literal `true` (« portal: true ») is a box to tick; the normaliser drops it when unticked.
    if (values.length === 1 && values[0] === true) return { ...base, widget: 'boolean', required: false };
    return { ...base, widget: 'select', options: optionList(path, values, overlay) };
  }

  switch (kind) {
    case 'string': {
      const pattern = patternOf(core);
      return { ...base, widget: overlay.widget ?? 'string', ...(pattern ? { pattern } : {}) };
    }
    case 'number':
      return { ...base, widget: 'number', ...bounds(core) };
    case 'boolean':
      return { ...base, widget: 'boolean', ...(typeof defaultValue === 'boolean' ? { default: defaultValue } : {}) };
    case 'object':
      return {
        ...base,
        widget: 'object',
        collapsed: optional,
        fields: objectFields(core, path, { ...walk, inOptional: walk.inOptional || optional || nullable }),
      };
    case 'array': {
      const item = unwrap(elementOf(core)!).core;
      const min = minItemsOf(core);
      const list: CmsField = {
        ...base,
        widget: 'list',
        ...(min ? { min } : {}),
        ...(overlay.item ? { label_singular: overlay.item } : {}),
        ...(overlay.summary ? { summary: overlay.summary } : {}),
      };
      const itemChoices = choicesOf(item);
      if (itemChoices)
        return {
          ...base,
          widget: 'select',
          multiple: true,
          options: optionList(path, itemChoices, overlay),
          ...(min ? { min } : {}),
        };
      if (kindOf(item) === 'object')
        return { ...list, collapsed: true, fields: objectFields(item, path, { ...walk, inOptional: false }) };
      // A list of texts: one box per item (Decap's default splits one box at commas, and texts have commas).
      return {
        ...list,
        field: {
          ...fieldFor(name, path, elementOf(core)!, {
            ...walk,
            overlay: { ...walk.overlay, [path]: { ...overlay, relation: undefined } },
          }),
          required: true,
        },
      };
    }
    default:
      throw new CmsConfigError(
        `${path} : type ${kind} que le générateur de formulaires ne sait pas traiter (le cacher avec hidden: true, ou l’ajouter à src/cms/generate.ts)`,
      );
  }
}

function objectFields(object: ZodType, prefix: string, walk: Walk): CmsField[] {
  return Object.entries(shapeOf(object)).map(([name, type]) =>
    fieldFor(name, prefix ? `${prefix}.${name}` : name, type, walk),
  );
}

/** The fields of a whole file (its schema is an object, possibly refined). */
export function formFields(schema: ZodType, overlay: Overlay): CmsField[] {
  const { core } = unwrap(schema);
  if (kindOf(core) !== 'object') throw new CmsConfigError('un fichier de contenu doit être un bloc de champs');
  const walk = { overlay, inOptional: false };
  const fields = objectFields(core, '', walk);
  const used = new Set<string>();
  const collect = (list: CmsField[], prefix: string) => {
    for (const f of list) {
      const path = prefix ? `${prefix}.${f.name}` : f.name;
      used.add(path);
      if (f.fields) collect(f.fields, path);
    }
  };
  collect(fields, '');
  const unused = Object.keys(overlay).filter((path) => !used.has(path));
  if (unused.length > 0)
    throw new CmsConfigError(`libellés pour des champs qui n’existent pas dans le schéma : ${unused.join(', ')}`);
  return fields;
}
