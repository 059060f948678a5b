/**
 * The admin page's own script (bundled by scripts/build-admin.ts into admin/sai-cms.js): before
 * Decap CMS starts, it registers one file format per form (the file's text kept, only the changed
 * lines written: yaml-text.ts) and a check run before every save, with the project's schemas and
 * French messages (cross-field rules included). A refused save writes nothing, and the messages stay
 * on screen until the editor closes them (Decap's own notice disappears after a few seconds).
 */
import type { ZodType } from 'zod';
import { describeZodIssue } from '../content-loader/messages.ts';
import { bodyField, formatName, forms, formSchemas } from './config.ts';
import { formFields, type CmsField } from './generate.ts';
import { normalize } from './normalize.ts';
import { newYamlText, parseMdxText, parseYamlText, updateMdxText, updateYamlText } from './yaml-text.ts';

interface ImmutableLike {
  get(key: string): unknown;
  toJS(): unknown;
}
interface DecapCms {
  registerCustomFormat(
    name: string,
    extension: string,
    format: { fromFile(text: string): unknown; toFile(data: Record<string, unknown>): string },
  ): void;
  registerEventListener(listener: { name: string; handler: (event: { entry: ImmutableLike }) => unknown }): void;
  init(): void;
}

/** Where the file's text, as read, travels with the entry's values until they are written back. */
const sourceKey = '__saiSource';

const schemas = formSchemas();
const mdxForms = new Set<string>(forms.filter((f) => f.body).map((f) => f.spec));

/** The values the schema checks: without the file's text, nor an MDX file's body. */
function valuesOf(form: string, data: Record<string, unknown>): Record<string, unknown> {
  const { [sourceKey]: source, ...values } = data;
  const mdx = mdxForms.has(form);
  if (mdx) delete values.body;
  const original = typeof source !== 'string' ? undefined : mdx ? parseMdxText(source).data : parseYamlText(source);
  return (normalize(schemas[form]!, values, original) ?? {}) as Record<string, unknown>;
}

function registerFormats(cms: DecapCms): void {
  for (const form of forms) {
    const mdx = mdxForms.has(form.spec);
    cms.registerCustomFormat(formatName(form.spec), mdx ? 'mdx' : 'yaml', {
      fromFile(text) {
        if (!mdx) return { ...parseYamlText(text), [sourceKey]: text };
        const { data, body } = parseMdxText(text);
        return { ...data, body, [sourceKey]: text };
      },
      toFile(data) {
        const source = typeof data[sourceKey] === 'string' ? (data[sourceKey] as string) : undefined;
        const values = valuesOf(form.spec, data);
        if (mdx) return updateMdxText(source, values, typeof data.body === 'string' ? data.body : '');
        return source === undefined ? newYamlText(values) : updateYamlText(source, values);
      },
    });
  }
}

/** The French label of each field path of a form, to name the field a message is about. */
const labels = new Map<string, Map<string, CmsField>>();
for (const form of forms) {
  const byPath = new Map<string, CmsField>();
  const walk = (fields: CmsField[], prefix: string) => {
    for (const field of fields) {
      const path = prefix ? `${prefix}.${field.name}` : field.name;
      byPath.set(path, field);
      if (field.fields) walk(field.fields, path);
    }
  };
  walk([...formFields(schemas[form.spec]!, form.overlay), ...(form.body ? [bodyField] : [])], '');
  labels.set(form.spec, byPath);
}

/** « Horaires d’ouverture › créneau n° 2 › Fermeture » for ['hours', 1, 'closes']. */
export function fieldLabel(form: string, path: (string | number)[]): string {
  const byPath = labels.get(form);
  const parts: string[] = [];
  const keys: string[] = [];
  for (const part of path) {
    if (typeof part === 'number') {
      const list = byPath?.get(keys.join('.'));
      parts.push(`${list?.label_singular ?? 'élément'} n° ${part + 1}`);
      continue;
    }
    keys.push(part);
    parts.push(byPath?.get(keys.join('.'))?.label ?? part);
  }
  return parts.length > 0 ? parts.join(' › ') : 'la fiche entière';
}

/** The French messages for a form's values, empty when the schema accepts them. */
export function problemsOf(form: string, schema: ZodType, values: Record<string, unknown>): string[] {
  const result = schema.safeParse(values);
  if (result.success) return [];
  return result.error.issues.flatMap((issue) =>
    describeZodIssue(issue, values, schema).map(
      (d) =>
        `${fieldLabel(form, d.path)} : ${d.message}.${d.expected ? ` Attendu : ${d.expected}.` : ''}${d.hint ? ` ${d.hint}` : ''}`,
    ),
  );
}

function showProblems(problems: string[]): void {
  document.getElementById('sai-refus')?.remove();
  const panel = document.createElement('section');
  panel.id = 'sai-refus';
  panel.setAttribute('role', 'alert');
  panel.setAttribute('aria-labelledby', 'sai-refus-titre');
  const title = document.createElement('h2');
  title.id = 'sai-refus-titre';
  title.textContent = 'Enregistrement refusé : rien n’a été écrit. Corrigez puis enregistrez à nouveau.';
  const list = document.createElement('ul');
  for (const problem of problems) {
    const item = document.createElement('li');
    item.textContent = problem;
    list.append(item);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = 'J’ai lu, fermer ce message';
  close.addEventListener('click', () => panel.remove());
  panel.append(title, list, close);
  document.body.append(panel);
  close.focus();
}

function registerCheck(cms: DecapCms): void {
  cms.registerEventListener({
    name: 'preSave',
    handler: ({ entry }) => {
      const form = String(entry.get('collection'));
      const schema = schemas[form];
      if (!schema) return undefined;
      const data = (entry.get('data') as ImmutableLike).toJS() as Record<string, unknown>;
      const problems = problemsOf(form, schema, valuesOf(form, data));
      document.getElementById('sai-refus')?.remove();
      if (problems.length === 0) return undefined;
      showProblems(problems);
      throw new Error(problems.join(' '));
    },
  });
}

/**
 * Names Decap leaves out (axe on the place and topic forms): the preview <iframe> (frame-title), and
 * the icon buttons of each list item's bar (button-name: fold, remove; aria-command-name: the drag
 * handle). A screen reader announced them as « cadre » and « bouton ». Decap is pinned: the bar's
 * layout (fold, handle, remove) is the one of 3.16.3, and the end-to-end test runs axe again.
 */
function nameControls(): void {
  const label = (element: Element | null | undefined, text: string) => {
    if (element && !element.hasAttribute('aria-label')) element.setAttribute('aria-label', text);
  };
  const name = () => {
    for (const frame of document.querySelectorAll('iframe:not([title])'))
      frame.setAttribute('title', 'Aperçu de la fiche');
    for (const bar of document.querySelectorAll('[class*="StyledListItemTopBar"]')) {
      const buttons = bar.querySelectorAll(':scope > button');
      label(buttons[0], 'Replier ou déplier cet élément');
      if (buttons.length > 1) label(buttons[buttons.length - 1], 'Supprimer cet élément');
      label(
        bar.querySelector('[aria-roledescription="sortable"][role="button"]'),
        'Déplacer cet élément (glisser-déposer)',
      );
    }
  };
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      name();
    });
  }).observe(document.body, { childList: true, subtree: true });
}

declare global {
  interface Window {
    CMS_MANUAL_INIT?: boolean;
    CMS?: DecapCms;
  }
}

if (typeof window !== 'undefined') {
  // This script runs before Decap's: Decap then waits for init(), once the formats and the check are in.
  window.CMS_MANUAL_INIT = true;
  document.addEventListener('DOMContentLoaded', () => {
    const cms = window.CMS;
    if (!cms) return;
    registerFormats(cms);
    registerCheck(cms);
    nameControls();
    cms.init();
  });
}
