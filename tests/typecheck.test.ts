import { join } from 'node:path';
import { expect, it } from 'vitest';
import { childEnv } from '../scripts/bench/run-build';
import { projectRoot, run } from './helpers/build';
import { withBuildLock } from './helpers/build-lock';

/**
 * `astro check`: TypeScript over every .ts, .mjs and .astro file, with the types of the content
 * collections. Inside the suite rather than before it, so that it runs beside the other test
 * files; it takes its turn with the builds, since its sync rewrites the project's .astro/.
 */
it('astro check : aucune erreur de type dans src/, scripts/, tests/ et les composants', async () => {
  const { code, output } = await withBuildLock(() => run(process.execPath, [join(projectRoot, 'node_modules/astro/astro.js'), 'check'], childEnv({})));
  expect(output).toMatch(/- 0 errors/);
  expect(code, output).toBe(0);
}, 300_000);
