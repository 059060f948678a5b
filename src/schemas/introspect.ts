import type { ZodType } from 'zod';

/**
 * Reading a schema's shape: the French messages (suggest the right field name), the forms
 * generator and the forms' normaliser walk the same schemas the content check validates with.
 * Zod 4 documents `_zod.def` as the definition library authors read (`type`, `innerType`,
 * `shape`, `element`, `checks`…); everything that reads it is here, so that a Zod upgrade touches
 * one file.
 */

export type Kind =
  'string' | 'number' | 'boolean' | 'object' | 'array' | 'record' | 'enum' | 'literal' | 'union' | 'date' | 'other';

/** Zod 4's definition, as far as this project reads it. */
interface Def {
  type: string;
  innerType?: ZodType;
  in?: ZodType;
  out?: ZodType;
  shape?: Record<string, ZodType>;
  element?: ZodType;
  valueType?: ZodType;
  options?: readonly ZodType[];
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  defaultValue?: unknown;
  checks?: readonly { _zod: { def: CheckDef } }[];
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  error?: (issue: unknown) => unknown;
}

const defOf = (type: ZodType): Def => (type as unknown as { _zod: { def: Def } })._zod.def;

const kinds: Record<string, Kind> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  object: 'object',
  array: 'array',
  record: 'record',
  enum: 'enum',
  literal: 'literal',
  union: 'union',
  date: 'date',
};

export const kindOf = (type: ZodType): Kind => kinds[defOf(type).type] ?? 'other';

/** A type with its wrappers peeled off: optional, default, nullable, catch, readonly, preprocess, transform. */
export interface Unwrapped {
  core: ZodType;
  /** Every type met on the way, outermost first (to recognise the shared named types). */
  chain: ZodType[];
  optional: boolean;
  nullable: boolean;
  defaultValue?: unknown;
}

export function unwrap(type: ZodType): Unwrapped {
  const chain: ZodType[] = [];
  let optional = false;
  let nullable = false;
  let defaultValue: unknown;
  let current = type;
  for (;;) {
    chain.push(current);
    const def = defOf(current);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'nullable') nullable = true;
    else if (def.type === 'default') {
      optional = true;
      defaultValue = def.defaultValue;
    }
    if (def.innerType && ['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly'].includes(def.type))
      current = def.innerType;
    // z.preprocess(f, schema) is pipe(transform, schema); schema.transform(f) is pipe(schema, transform).
    else if (def.type === 'pipe' && def.in && def.out) current = defOf(def.in).type === 'transform' ? def.out : def.in;
    else return { core: current, chain, optional, nullable, defaultValue };
  }
}

/** The fields of an object type (wrappers peeled off first). */
export function shapeOf(type: ZodType): Record<string, ZodType> {
  const def = defOf(unwrap(type).core);
  return def.type === 'object' ? (def.shape ?? {}) : {};
}

/** The item type of a list, the value type of a record. */
export function elementOf(type: ZodType): ZodType | undefined {
  const def = defOf(unwrap(type).core);
  return def.type === 'array' ? def.element : def.type === 'record' ? def.valueType : undefined;
}

/** The values of an enum, of a literal or of a union of literals; undefined for any other type. */
export function choicesOf(type: ZodType): readonly (string | number | boolean)[] | undefined {
  const def = defOf(unwrap(type).core);
  if (def.type === 'enum') return Object.values(def.entries ?? {});
  if (def.type === 'literal') return def.values as (string | number | boolean)[];
  if (def.type === 'union') {
    const members = (def.options ?? []).map(defOf);
    if (members.every((m) => m.type === 'literal'))
      return members.flatMap((m) => m.values as (string | number | boolean)[]);
  }
  return undefined;
}

const checksOf = (type: ZodType): CheckDef[] => (defOf(type).checks ?? []).map((check) => check._zod.def);

/** A text's pattern and the message the schema gives when it is not met. */
export function patternOf(type: ZodType): { pattern: RegExp; message?: string } | undefined {
  const check = checksOf(type).find((c) => c.check === 'string_format' && c.format === 'regex' && c.pattern);
  if (!check?.pattern) return undefined;
  const message = check.error?.({});
  return { pattern: check.pattern, ...(typeof message === 'string' ? { message } : {}) };
}

/** The smallest number of items of a list, when the schema sets one. */
export function minItemsOf(type: ZodType): number | undefined {
  return checksOf(type).find((c) => c.check === 'min_length')?.minimum;
}

/** A number's bounds, and whether it must be whole. */
export function numberBoundsOf(type: ZodType): { int: boolean; min?: number; max?: number } {
  const bounds: { int: boolean; min?: number; max?: number } = { int: false };
  for (const check of checksOf(type)) {
    if (check.check === 'number_format' && /int/.test(check.format ?? '')) bounds.int = true;
    if (check.check === 'greater_than' && typeof check.value === 'number')
      bounds.min = check.value + (check.inclusive === false ? 1 : 0);
    if (check.check === 'less_than' && typeof check.value === 'number')
      bounds.max = check.value - (check.inclusive === false ? 1 : 0);
  }
  return bounds;
}
