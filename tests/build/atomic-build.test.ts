import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frenchSpacing } from '../../src/domain/references.ts';
import { childEnv } from '../../scripts/bench/run-build.ts';
import { projectRoot, run, withBuildLock } from '../harness.ts';
import { contentWithMistake } from '../helpers/fixtures.ts';

/**
 * `npm run build` (scripts/build.ts) builds into a folder next to dist/ and swaps it in only when
 * the whole build succeeded: a failed build, early (content error) or late (after the pages are
 * written), leaves the last good dist/ as it was.
 */

const lateFailureConfig = join(projectRoot, `.tmp/late-failure-${process.pid}.config.mjs`);
// One cache for the three builds: the second and third reuse the first one's work.
const cacheDir = join(tmpdir(), `sai-atomic-cache-${process.pid}`);

function runBuildScript(options: {
  contentDir: string;
  outDir: string;
  args?: string[];
}): Promise<{ code: number; output: string }> {
  const env = childEnv({ SAI_CONTENT_DIR: options.contentDir, SAI_OUT_DIR: options.outDir, SAI_CACHE_DIR: cacheDir });
  return withBuildLock(() => run(process.execPath, ['scripts/build.ts', ...(options.args ?? [])], env));
}

/** A dist/ that stands for the last good build. */
async function previousBuild(root: string): Promise<string> {
  const outDir = join(root, 'dist');
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, 'index.html'), 'construction précédente');
  return outDir;
}

async function leftovers(root: string): Promise<string[]> {
  return (await readdir(root)).filter((name) => name.startsWith('.dist.'));
}

afterAll(async () => {
  await rm(lateFailureConfig, { force: true });
  await rm(cacheDir, { recursive: true, force: true });
});

describe('npm run build remplace dist/ seulement si la construction réussit', () => {
  it('une erreur dans le contenu laisse le dist/ précédent en place, avec le message en français', async () => {
    const { root, contentDir } = await contentWithMistake('unknown-commune');
    const outDir = await previousBuild(root);
    const result = await runBuildScript({ contentDir, outDir });
    expect(result.code).not.toBe(0);
    // The build prints the very message `npm run check` prints.
    expect(result.output).toContain(
      frenchSpacing('content/places/caf-carvin.yaml:5 — commune — commune inconnue « carvn »'),
    );
    expect(result.output).toContain('le site précédent (dist/) n’a pas été modifié');
    expect(await readFile(join(outDir, 'index.html'), 'utf8')).toBe('construction précédente');
    expect(await leftovers(root)).toEqual([]);
  });

  it('un échec tardif, après l’écriture des pages, laisse aussi le dist/ précédent en place', async () => {
    await mkdir(join(projectRoot, '.tmp'), { recursive: true });
    await writeFile(
      lateFailureConfig,
      `import config from '../astro.config.mjs';
export default { ...config, integrations: [...config.integrations, { name: 'echec-tardif', hooks: { 'astro:build:done': () => { throw new Error('échec simulé'); } } }] };
`,
    );
    const { root, contentDir } = await contentWithMistake(undefined);
    const outDir = await previousBuild(root);
    const result = await runBuildScript({
      contentDir,
      outDir,
      args: ['--config', lateFailureConfig.slice(projectRoot.length + 1)],
    });
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toContain('échec simulé');
    expect(await readFile(join(outDir, 'index.html'), 'utf8')).toBe('construction précédente');
    expect(await leftovers(root)).toEqual([]);
  });

  it('une construction réussie remplace dist/ en entier', async () => {
    const { root, contentDir } = await contentWithMistake(undefined);
    const outDir = await previousBuild(root);
    await writeFile(join(outDir, 'ancien-fichier.txt'), 'à disparaître');
    const result = await runBuildScript({ contentDir, outDir });
    expect(result.code, result.output).toBe(0);
    expect(await readFile(join(outDir, 'index.html'), 'utf8')).toContain('<html lang="fr"');
    expect(existsSync(join(outDir, 'lieux/mairie-carvin/index.html'))).toBe(true);
    expect(existsSync(join(outDir, 'ancien-fichier.txt'))).toBe(false);
    expect(await leftovers(root)).toEqual([]);
    // The content report closes the build's output; it is printed, never written into the site.
    expect(result.output).toContain('Rapport du contenu au');
    // The editing forms (scripts/build-admin.ts) come with the site, but are none of its pages: written
    // after Astro's build, they are in neither the sitemap nor the search index (built during it).
    expect(existsSync(join(outDir, 'admin/index.html'))).toBe(true);
    expect(await readFile(join(outDir, 'admin/config.yml'), 'utf8')).toContain('collections:');
    const sitemap = (await readdir(outDir)).filter((f) => f.startsWith('sitemap'));
    expect(sitemap.length).toBeGreaterThan(0);
    for (const file of sitemap) expect(await readFile(join(outDir, file), 'utf8')).not.toContain('/admin/');
  });
});
