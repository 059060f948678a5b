import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
 * The folder is named by the hash of its content: builds running side by side (tests) write the
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
 * A dynamic `import()` in the code becomes a chunk of its own (esbuild's splitting), loaded only
 * when that line runs, with the packages it imports: the content check's worker loads the leaflet
 * renderer (pdf-lib, fontkit) only after its verdict. The bundle's files go to a folder named by
 * the hash of them all, written under another name and renamed into place.
 *
 * @param {string} entry path of the TypeScript module, from the project root
 * @param {string} root the project root
 */
export async function bundleTypeScript(entry, root) {
  const { outputFiles } = await build({
    entryPoints: { entry: join(root, entry) },
    bundle: true,
    splitting: true,
    outdir: '/',
    outExtension: { '.js': '.mjs' },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'error',
  });
  const hash = createHash('sha256');
  for (const file of outputFiles) hash.update(file.path).update(file.contents);
  const folder = join(root, 'node_modules', '.cache', 'sai-config', hash.digest('hex').slice(0, 16));
  if (!existsSync(folder)) {
    const temporary = `${folder}.${process.pid}.tmp`;
    mkdirSync(temporary, { recursive: true });
    for (const file of outputFiles) writeFileSync(join(temporary, file.path), file.contents);
    try {
      renameSync(temporary, folder);
    } catch (error) {
      rmSync(temporary, { recursive: true, force: true });
      // Another build (tests run several) put the same files there first; any other failure stands.
      if (!existsSync(folder)) throw error;
    }
  }
  return pathToFileURL(join(folder, 'entry.mjs')).href;
}
