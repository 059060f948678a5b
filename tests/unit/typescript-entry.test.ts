import { existsSync, readdirSync, utimesSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { bundleTypeScript } from '../../src/integrations/typescript-entry.mjs';

/**
 * astro.config.mjs bundles the project's integrations and the content check's worker with esbuild at
 * every build and every `astro dev`; the bundle is reused when none of the files it was made from has
 * changed. The reuse must never serve a stale bundle.
 */
const roots: string[] = [];
afterAll(async () => {
  for (const root of roots) await rm(root, { recursive: true, force: true });
});

/** Saved a minute ago: a file saved while esbuild reads it is not trusted (see typescript-entry.mjs). */
async function writeOld(file: string, text: string) {
  await writeFile(file, text);
  const past = new Date(Date.now() - 60_000);
  utimesSync(file, past, past);
}

async function project() {
  const root = await mkdtemp(join(tmpdir(), 'sai-ts-entry-'));
  roots.push(root);
  await writeOld(join(root, 'entry.ts'), "import { value } from './value';\nexport const answer: string = value;\n");
  await writeOld(join(root, 'value.ts'), "export const value = 'un';\n");
  return root;
}

const manifests = (root: string) => readdirSync(join(root, 'node_modules/.cache/sai-config')).filter((name) => name.endsWith('.json'));

it('réutilise le paquet tant que ses fichiers sont inchangés, et le refait dès que l’un change', async () => {
  const root = await project();
  const first: string = await bundleTypeScript('entry.ts', root);
  expect((await import(first)).answer).toBe('un');
  expect(manifests(root)).toHaveLength(1);
  expect(await bundleTypeScript('entry.ts', root)).toBe(first);

  // A change in an imported module, not in the entry itself.
  await writeOld(join(root, 'value.ts'), "export const value = 'deux';\n");
  const second: string = await bundleTypeScript('entry.ts', root);
  expect(second).not.toBe(first);
  expect((await import(second)).answer).toBe('deux');
});

it('ne garde pas de liste de fichiers quand un fichier vient d’être enregistré (esbuild a pu lire l’ancien)', async () => {
  const root = await project();
  await writeFile(join(root, 'value.ts'), "export const value = 'trois';\n");
  const url: string = await bundleTypeScript('entry.ts', root);
  expect((await import(url)).answer).toBe('trois');
  expect(existsSync(join(root, 'node_modules/.cache/sai-config'))).toBe(true);
  expect(manifests(root)).toEqual([]);
});
