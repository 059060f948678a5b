import type { ZodType } from 'zod';
import { choicesOf, elementOf, kindOf, shapeOf, unwrap } from '../schemas/introspect.ts';

/**
 * The form's values as the content files hold them. Decap hands back an emptied field as '' (or
 * an empty list, a block of empty fields), a number typed in a select as text, an unticked
 * « portal » box as false: each becomes what an editor would have written by hand (the key absent,
 * a number). The same values are then validated with the schema and written to the file.
 */
export function normalize(schema: ZodType, value: unknown, original?: unknown): unknown {
  const { core, optional, nullable, defaultValue } = unwrap(schema);
  const kind = kindOf(core);
  const absent = nullable ? null : undefined;
  const canBeAbsent = optional || nullable;

  if (value === undefined || value === null || value === '')
    return canBeAbsent ? (nullable && value === null ? null : absent) : value;

  switch (kind) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const shape = shapeOf(core);
      const before = isRecord(original) ? original : {};
      const result: Record<string, unknown> = {};
      // The schema's order, as the files are written; keys it does not know after.
      const keys = [
        ...Object.keys(shape).filter((key) => key in (value as object)),
        ...Object.keys(value as object).filter((key) => !(key in shape)),
      ];
      for (const key of keys) {
        const child = (value as Record<string, unknown>)[key];
        // In a block that may be left out (an address), an emptied field is absent, required or not:
        // the schema then names what is missing in a half-filled block.
        if (canBeAbsent && child === '') continue;
        const normalized = shape[key] ? normalize(shape[key], child, before[key]) : child;
        // A default the form filled in (« appointmentOnly: false ») is not written where the file had nothing.
        const fieldDefault = shape[key] ? unwrap(shape[key]).defaultValue : undefined;
        if (
          !(key in before) &&
          fieldDefault !== undefined &&
          JSON.stringify(normalized) === JSON.stringify(fieldDefault)
        )
          continue;
        if (normalized !== undefined) result[key] = normalized;
      }
      const empty = Object.values(result).every((v) => v === undefined || v === null);
      return canBeAbsent && defaultValue === undefined && empty ? absent : result;
    }
    case 'array': {
      if (!Array.isArray(value)) return value;
      const items = value.map((item, i) =>
        normalize(elementOf(core)!, item, Array.isArray(original) ? original[i] : undefined),
      );
      return items.length === 0 && canBeAbsent && defaultValue === undefined ? absent : items;
    }
    case 'number':
      return typeof value === 'string' && /^-?\d+(?:[.,]\d+)?$/.test(value.trim())
        ? Number(value.trim().replace(',', '.'))
        : value;
    case 'literal':
      return choicesOf(core)?.[0] === true && value === false ? absent : value;
    case 'union': {
      const literals = choicesOf(core);
      if (typeof value === 'string' && literals?.every((l) => typeof l === 'number') && /^\d+$/.test(value))
        return Number(value);
      return value;
    }
    default:
      return value;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
