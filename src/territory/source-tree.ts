import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

/**
 * A content folder as `generateTerritory` takes it (src/territory/generate.ts, which reads no file
 * itself): every file's text by its path relative to the folder, « topics/cotation.mdx », in path
 * order. Hidden files and folders (« .git ») are left out.
 */
export async function readSourceTree(folder: string): Promise<Map<string, string>> {
  const paths = (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.split('/').some((part) => part.startsWith('.')))
    .sort();
  const tree = new Map<string, string>();
  for (const path of paths) tree.set(path, await readFile(join(folder, path), 'utf8'));
  return tree;
}
