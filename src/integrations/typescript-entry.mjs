import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/**
 * Imports a TypeScript module from plain Node: esbuild bundles it (packages stay external, so they
 * resolve from node_modules as usual) into node_modules/.cache/, then Node imports the bundle.
 * Astro itself would load a config that imports TypeScript through a Vite dev server, which takes
 * more than a second; this takes a few tens of milliseconds. Plain JavaScript so that Node can
 * load it without a loader.
 *
 * The file is named by the hash of its content: builds running side by side (tests) write the
 * same bytes to the same name, by an atomic rename.
 *
 * @param {string} entry path of the TypeScript module, from the project root
 * @param {string} root the project root
 */
export async function importTypeScript(entry, root) {
  return import(/* @vite-ignore */ await bundleTypeScript(entry, root));
}

/**
 * The same bundle, without importing it: its file URL, for a worker thread to import.
 *
 * @param {string} entry path of the TypeScript module, from the project root
 * @param {string} root the project root
 */
export async function bundleTypeScript(entry, root) {
  const { outputFiles } = await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'error',
  });
  const code = outputFiles[0].text;
  const folder = join(root, 'node_modules', '.cache', 'sai-config');
  const file = join(folder, `${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  mkdirSync(folder, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, code);
  renameSync(temporary, file);
  return pathToFileURL(file).href;
}
