import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, version as esbuildVersion } from 'esbuild';

/** Files esbuild reads besides the modules it bundles. */
const settingsFiles = ['package.json', 'tsconfig.json'];

/** Changes with esbuild and with the options below: a bundle made otherwise is not reused. */
const bundleKind = `esbuild ${esbuildVersion}, node20 esm, packages external, splitting`;

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/**
 * The bundle made last time for this entry, if not one of the files it was made from (listed with
 * their hash next to it) has changed since: the build and `astro dev` then skip esbuild (about a
 * tenth of a second). Anything unreadable means "make it again".
 */
function unchangedBundle(manifestFile, root) {
  try {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    if (manifest.kind !== bundleKind || !existsSync(join(manifest.folder, 'entry.mjs'))) return undefined;
    for (const [file, digest] of Object.entries(manifest.inputs)) {
      if (sha256(readFileSync(join(root, file))) !== digest) return undefined;
    }
    return pathToFileURL(join(manifest.folder, 'entry.mjs')).href;
  } catch {
    return undefined;
  }
}

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
  const cache = join(root, 'node_modules', '.cache', 'sai-config');
  const manifestFile = join(cache, `${sha256(entry).slice(0, 16)}.json`);
  const reused = unchangedBundle(manifestFile, root);
  if (reused) return reused;

  const started = Date.now();
  const { outputFiles, metafile } = await build({
    absWorkingDir: root,
    metafile: true,
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
  const folder = join(cache, hash.digest('hex').slice(0, 16));
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
  // Which files it was made from, for the next build to check (written aside, then renamed: builds
  // running side by side read a whole manifest or none). A file saved while esbuild ran may differ
  // from what it read: then no manifest, and the next build bundles again.
  const files = [...Object.keys(metafile.inputs), ...settingsFiles.filter((file) => existsSync(join(root, file)))];
  if (files.some((file) => statSync(join(root, file)).mtimeMs > started - 2000)) return pathToFileURL(join(folder, 'entry.mjs')).href;
  const inputs = Object.fromEntries(files.map((file) => [file, sha256(readFileSync(join(root, file)))]));
  const temporaryManifest = `${manifestFile}.${process.pid}.tmp`;
  writeFileSync(temporaryManifest, JSON.stringify({ kind: bundleKind, folder, inputs }));
  renameSync(temporaryManifest, manifestFile);
  return pathToFileURL(join(folder, 'entry.mjs')).href;
}
