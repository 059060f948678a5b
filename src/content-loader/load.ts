import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { ZodIssue } from 'astro/zod';
import { collectionSpecs, type CollectionName } from './collections';
import { checkReferences, type ContentIssue } from '../domain/references';
import type { Catalog } from '../domain/types';
import { describeZodIssue } from './messages';

/** A YAML document (a data file or an MDX front matter) with what is needed to point at a line. */
interface ParsedFile {
  file: string;
  data: unknown;
  doc: Document;
  lineCounter: LineCounter;
  /** Line of the document's first line in the file (front matter starts on line 2). */
  lineOffset: number;
  body?: string;
}

export interface LoadResult {
  catalog?: Catalog;
  issues: ContentIssue[];
  /** Body of each MDX file, by file path, for checks on links. */
  bodies: Map<string, string>;
}

function lineOf(parsed: ParsedFile, path: (string | number)[]): number {
  let node: unknown = parsed.doc.contents;
  let offset: number | undefined = (node as { range?: number[] })?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown })?.value) === String(key));
      if (!pair) break;
      offset = (pair.key as { range?: number[] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      offset = (node as { range?: number[] })?.range?.[0] ?? offset;
    } else break;
  }
  return (offset === undefined ? 1 : parsed.lineCounter.linePos(offset).line) + parsed.lineOffset;
}

async function parseFile(root: string, path: string): Promise<ParsedFile | ContentIssue> {
  const file = relative(root, path);
  const text = await readFile(path, 'utf8');
  let yamlText = text;
  let lineOffset = 0;
  let body: string | undefined;
  if (path.endsWith('.mdx')) {
    const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
    if (!match) {
      return { file: `${file}:1`, field: 'en-tête', message: 'en-tête (front matter) absent ou non fermé', expected: 'un bloc entre deux lignes « --- » au début du fichier' };
    }
    yamlText = match[1]!;
    body = match[2]!;
    lineOffset = 1;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    const line = lineCounter.linePos(error.pos[0]).line + lineOffset;
    return {
      file: `${file}:${line}`,
      field: 'syntaxe YAML',
      message: `le fichier ne se lit pas (${error.code})`,
      expected: 'une ligne « champ: valeur », avec des guillemets autour des textes qui contiennent « : » ou « # »',
    };
  }
  return { file, data: doc.toJS(), doc, lineCounter, lineOffset, body };
}

function isIssue(value: ParsedFile | ContentIssue): value is ContentIssue {
  return 'message' in value;
}

function validate(parsed: ParsedFile, name: CollectionName, issues: ContentIssue[]): unknown {
  const result = collectionSpecs[name].schema.safeParse(parsed.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues as ZodIssue[]) {
    const described = describeZodIssue(issue, parsed.data);
    issues.push({ file: `${parsed.file}:${lineOf(parsed, issue.path)}`, ...described });
  }
  return undefined;
}

/**
 * Reads and validates every content file without Astro: the same schemas, plus the line of each
 * problem. Used by `npm run check`, the content report, the tests and the leaflet scripts.
 */
export async function loadContent(contentDir: string, projectRoot = process.cwd()): Promise<LoadResult> {
  const issues: ContentIssue[] = [];
  const bodies = new Map<string, string>();
  const out: Record<string, unknown> = {};

  for (const [name, spec] of Object.entries(collectionSpecs) as [CollectionName, (typeof collectionSpecs)[CollectionName]][]) {
    if ('file' in spec) {
      if ('optional' in spec && spec.optional && !existsSync(join(contentDir, spec.file))) {
        out[name] = spec.schema.parse({});
        continue;
      }
      const parsed = await parseFile(projectRoot, join(contentDir, spec.file)).catch((): ContentIssue => ({
        file: relative(projectRoot, join(contentDir, spec.file)),
        field: 'fichier',
        message: 'fichier introuvable',
        expected: `le fichier ${spec.file} dans le dossier de contenu`,
      }));
      if (isIssue(parsed)) issues.push(parsed);
      else out[name] = validate(parsed, name, issues);
      continue;
    }
    const folder = join(contentDir, spec.folder);
    const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => n.endsWith(spec.extension)).sort();
    const entries: unknown[] = [];
    for (const fileName of names) {
      const parsed = await parseFile(projectRoot, join(folder, fileName));
      if (isIssue(parsed)) {
        issues.push(parsed);
        continue;
      }
      if (parsed.body !== undefined) bodies.set(parsed.file, parsed.body);
      const data = validate(parsed, name, issues);
      if (data) entries.push({ ...(data as object), id: fileName.slice(0, -spec.extension.length), file: parsed.file });
    }
    out[name] = entries;
  }

  if (issues.length > 0) return { issues, bodies };
  const catalog = out as unknown as Catalog;
  issues.push(...checkReferences(catalog));
  return issues.length > 0 ? { issues, bodies } : { catalog, issues, bodies };
}
