import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { childEnv } from '../scripts/bench/run-build.ts';
import { projectRoot, projectTemp, run, withBuildLock } from './harness.ts';
import { astroCli } from '../scripts/astro-cli.ts';

/**
 * `astro check`: TypeScript over every .ts, .mjs and .astro file, with the types of the content
 * collections. Inside the suite rather than before it, so that it runs beside the other test
 * files. Only `astro sync` takes its turn with the builds (it rewrites the project's .astro/); the
 * check itself, a minute of work, reads a copy of the synced types, so builds need not wait for it.
 */

let folder = '';

afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

it('astro check : aucune erreur de type dans src/, scripts/, tests/ et les composants', async () => {
  folder = await projectTemp('typecheck-');
  const up = relative(folder, projectRoot);
  const synced = await withBuildLock(async () => {
    const sync = await run(process.execPath, [astroCli, 'sync'], childEnv({}));
    if (sync.code !== 0) return sync;
    for (const file of ['types.d.ts', 'content.d.ts']) {
      // Paths relative to .astro/ (the content config) are made relative to the copy.
      const text = await readFile(join(projectRoot, '.astro', file), 'utf8');
      await writeFile(join(folder, file), text.replaceAll('import("../', `import("${up}/`));
    }
    return sync;
  });
  expect(synced.code, synced.output).toBe(0);
  // The project's tsconfig.json, with the copied types in place of .astro/'s.
  const tsconfig = join(folder, 'tsconfig.json');
  await writeFile(
    tsconfig,
    JSON.stringify({
      extends: join(up, 'tsconfig.json'),
      include: [
        'types.d.ts',
        ...['src/**/*', 'scripts/**/*', 'tests/**/*', 'astro.config.mjs'].map((p) => join(up, p)),
      ],
      exclude: ['dist', 'node_modules'].map((p) => join(up, p)),
    }),
  );
  const { code, output } = await run(
    process.execPath,
    [astroCli, 'check', '--noSync', '--tsconfig', tsconfig],
    childEnv({}),
  );
  expect(output).toMatch(/- 0 errors/);
  expect(output).toMatch(/Result \(\d{2,} files\)/);
  expect(code, output).toBe(0);
}, 300_000);
