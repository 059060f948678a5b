import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';

/*
 * No import circle between the project's own modules, type-only imports included: a circle makes
 * the order modules load in matter, and says two files are one concept split in two. TypeScript's
 * own pre-processor lists each file's imports (static, dynamic, type-only, re-exports); an .astro
 * file counts through its frontmatter. Only relative imports count: packages cannot import us.
 */

const projectRoot = resolve(import.meta.dirname, '../..');
const extensions = ['.ts', '.mts', '.mjs', '.js', '.astro'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'fixtures' ? [] : sourceFiles(path);
    return extensions.some((extension) => name.endsWith(extension)) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function importsOf(file: string): string[] {
  let text = readFileSync(file, 'utf8');
  if (file.endsWith('.astro')) text = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? '';
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** The file a relative specifier names, as the bundler would find it ('./x' → x.ts, x/index.ts…). */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  const candidates = [
    base,
    base.replace(/\.js$/, '.ts'),
    ...extensions.map((e) => base + e),
    ...extensions.map((e) => join(base, `index${e}`)),
  ];
  return candidates.find((path) => existsSync(path) && statSync(path).isFile());
}

/** Every circle, one per strongly connected component (Tarjan), each as a path that closes on itself. */
function importCycles(files: readonly string[], root: string): string[] {
  const graph = new Map(files.map((file) => [file, importsOf(file).flatMap((s) => resolveImport(file, s) ?? [])]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, index.get(next)!));
    }
    if (low.get(file) !== index.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)!.includes(file)) components.push(component);
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  // One readable circle per component: a shortest way back from its first file to itself.
  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0]!;
    const previous = new Map<string, string>();
    const queue = [start];
    let closing: string | undefined;
    for (let i = 0; i < queue.length && !closing; i++) {
      for (const next of graph.get(queue[i]!)!) {
        if (next === start) closing = queue[i];
        else if (members.has(next) && !previous.has(next)) {
          previous.set(next, queue[i]!);
          queue.push(next);
        }
        if (closing) break;
      }
    }
    const path = [start];
    for (let at = closing!; at !== start; at = previous.get(at)!) path.splice(1, 0, at);
    return [...path, start].map((file) => relative(root, file)).join(' → ');
  });
}

describe('import circles', () => {
  it('none between the modules of src/, scripts/ and tests/', () => {
    const files = ['src', 'scripts', 'tests'].flatMap((dir) => sourceFiles(join(projectRoot, dir)));
    expect(files.length).toBeGreaterThan(100);
    expect(importCycles(files, projectRoot)).toEqual([]);
  });

  const scratch = mkdtempSync(join(tmpdir(), 'sai-cycles-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('are found, type-only and through .astro frontmatter too', () => {
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), text);
    };
    write('domain/references.ts', "import { closest } from './search-index';\nexport const check = closest;\n");
    write('domain/search-index.ts', "import type { Issue } from './references';\nexport const closest = 1;\n");
    write('domain/leaf.ts', 'export const leaf = 1;\n');
    write('components/Card.astro', "---\nimport { page } from '../pages/page';\n---\n<p>{page}</p>\n");
    write(
      'pages/page.ts',
      "import Card from '../components/Card.astro';\nimport { leaf } from '../domain/leaf';\nexport const page = Card;\n",
    );
    const cycles = importCycles(sourceFiles(scratch), scratch);
    expect(cycles.sort()).toEqual([
      'components/Card.astro → pages/page.ts → components/Card.astro',
      'domain/references.ts → domain/search-index.ts → domain/references.ts',
    ]);
  });
});
