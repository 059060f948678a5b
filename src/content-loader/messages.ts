import type { ZodIssue } from 'astro/zod';
import type { ContentIssue } from '../domain/references';

const typeNames: Record<string, string> = {
  string: 'un texte',
  number: 'un nombre',
  boolean: 'true ou false',
  array: 'une liste',
  object: 'un bloc de champs',
  date: 'une date',
  undefined: 'rien',
  null: 'une valeur vide',
};

function fieldName(path: (string | number)[]): string {
  return path.length === 0 ? '(fichier entier)' : path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : p)).join('.').replace(/\.\[/g, '[');
}

/** Turns a zod issue into the French words an editor reads: what is wrong and what is expected. */
export function describeZodIssue(issue: ZodIssue, _data: unknown): Omit<ContentIssue, 'file'> {
  const field = fieldName(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.received === 'undefined') return { field, message: 'champ obligatoire manquant', expected: typeNames[issue.expected] ?? issue.expected };
      return { field, message: `type incorrect (${typeNames[issue.received] ?? issue.received})`, expected: typeNames[issue.expected] ?? issue.expected };
    case 'invalid_enum_value':
      return { field, message: `valeur inconnue « ${String(issue.received)} »`, expected: `l’une de : ${issue.options.join(', ')}` };
    case 'invalid_union':
    case 'invalid_literal':
      return { field, message: 'valeur non autorisée', expected: issue.message };
    case 'unrecognized_keys':
      return { field: issue.keys.join(', '), message: 'champ inconnu (faute de frappe ?)', expected: 'uniquement les champs décrits dans le guide des éditeurs' };
    case 'too_small':
      return { field, message: issue.type === 'array' ? 'liste vide ou trop courte' : 'valeur trop courte ou vide', expected: issue.message };
    default:
      return { field, message: 'valeur incorrecte', expected: issue.message };
  }
}
