import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

/** Every file under a folder, as paths relative to it. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'));
}

export async function htmlFiles(root: string): Promise<string[]> {
  return (await listFiles(root)).filter((f) => f.endsWith('.html'));
}

/** href and src values of an HTML document (enough for link checks on our own markup). */
export function linksOf(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) links.push(match[1]!.replace(/&amp;/g, '&'));
  return links;
}

export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
}

export const readText = (root: string, file: string) => readFile(join(root, file), 'utf8');

export type BuiltSite = 'distWithBase' | 'distAtRoot';

/**
 * The global set-up's build of the real content (with the production base, or at the root), once
 * it is complete. The set-up starts the builds and returns at once, so that test files that need
 * no build run meanwhile; a file that reads a build waits here for it.
 */
export async function builtDist(key: BuiltSite): Promise<string> {
  const dir = inject(key);
  const status = inject('distStatus')[key];
  // Given by SAI_TEST_DIST / SAI_TEST_DIST_ROOT: already built.
  if (!status) return dir;
  const started = Date.now();
  while (!existsSync(status)) {
    if (Date.now() - started > 15 * 60_000) throw new Error(`La construction du site (${key}) n’a pas fini en 15 minutes`);
    await sleep(200);
  }
  const { code, output } = JSON.parse(await readFile(status, 'utf8')) as { code: number; output: string };
  if (code !== 0) throw new Error(`La construction du site (${key}) a échoué :\n${output}`);
  return dir;
}
