import type { ZodTypeAny } from 'astro/zod';
import { defOf, shapeOf, unwrap } from './zod';

/**
 * The form's values as the content files hold them. Decap hands back an emptied field as '' (or
 * an empty list, a block of empty fields), a number typed in a select as text, an unticked
 * « portal » box as false: each becomes what an editor would have written by hand (the key absent,
 * a number). The same values are then validated with the schema and written to the file.
 */
export function normalize(schema: ZodTypeAny, value: unknown): unknown {
  const { core, optional, nullable, defaultValue } = unwrap(schema);
  const def = defOf(core);
  const absent = nullable ? null : undefined;
  const canBeAbsent = optional || nullable;

  if (value === undefined || value === null || value === '') return canBeAbsent ? (nullable && value === null ? null : absent) : value;

  switch (def.typeName) {
    case 'ZodObject': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const shape = shapeOf(core);
      const result: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        // In a block that may be left out (an address), an emptied field is absent, required or not:
        // the schema then names what is missing in a half-filled block.
        if (canBeAbsent && child === '') continue;
        const normalized = shape[key] ? normalize(shape[key], child) : child;
        if (normalized !== undefined) result[key] = normalized;
      }
      const empty = Object.values(result).every((v) => v === undefined || v === null);
      return canBeAbsent && defaultValue === undefined && empty ? absent : result;
    }
    case 'ZodArray': {
      if (!Array.isArray(value)) return value;
      const items = value.map((item) => normalize(def.type!, item));
      return items.length === 0 && canBeAbsent && defaultValue === undefined ? absent : items;
    }
    case 'ZodNumber':
      return typeof value === 'string' && /^-?\d+(?:[.,]\d+)?$/.test(value.trim()) ? Number(value.trim().replace(',', '.')) : value;
    case 'ZodLiteral':
      return def.value === true && value === false ? absent : value;
    case 'ZodUnion': {
      const literals = (def.options as ZodTypeAny[]).map((o) => defOf(o).value);
      if (typeof value === 'string' && literals.every((l) => typeof l === 'number') && /^\d+$/.test(value)) return Number(value);
      return value;
    }
    default:
      return value;
  }
}
