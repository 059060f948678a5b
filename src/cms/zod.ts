import type { ZodTypeAny } from 'astro/zod';

/**
 * Reading zod 3 types (Astro's) without importing zod's classes: the generator and the form's
 * normaliser walk the same schemas the content check validates with, by their `_def.typeName`.
 */
export interface ZodDef {
  typeName: string;
  innerType?: ZodTypeAny;
  schema?: ZodTypeAny;
  type?: ZodTypeAny;
  valueType?: ZodTypeAny;
  shape?: () => Record<string, ZodTypeAny>;
  options?: ZodTypeAny[] | readonly unknown[];
  values?: readonly string[];
  value?: unknown;
  checks?: { kind: string; value?: unknown; regex?: RegExp; message?: string; inclusive?: boolean }[];
  minLength?: { value: number; message?: string } | null;
  defaultValue?: () => unknown;
  effect?: { type: string };
}

export const defOf = (type: ZodTypeAny): ZodDef => type._def as ZodDef;

/** A type with its wrappers peeled off: optional, default, nullable, and effects (refine, preprocess). */
export interface Unwrapped {
  core: ZodTypeAny;
  /** Every type met on the way, outermost first (to recognise the shared named types). */
  chain: ZodTypeAny[];
  optional: boolean;
  nullable: boolean;
  defaultValue?: unknown;
}

export function unwrap(type: ZodTypeAny): Unwrapped {
  const chain: ZodTypeAny[] = [];
  let optional = false;
  let nullable = false;
  let defaultValue: unknown;
  let current = type;
  for (;;) {
    chain.push(current);
    const def = defOf(current);
    if (def.typeName === 'ZodOptional') {
      optional = true;
      current = def.innerType!;
    } else if (def.typeName === 'ZodNullable') {
      nullable = true;
      current = def.innerType!;
    } else if (def.typeName === 'ZodDefault') {
      optional = true;
      defaultValue = def.defaultValue?.();
      current = def.innerType!;
    } else if (def.typeName === 'ZodEffects') {
      current = def.schema!;
    } else {
      return { core: current, chain, optional, nullable, defaultValue };
    }
  }
}

export const shapeOf = (object: ZodTypeAny): Record<string, ZodTypeAny> => defOf(object).shape!();
