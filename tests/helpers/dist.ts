import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

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
