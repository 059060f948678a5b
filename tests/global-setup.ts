import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { buildSite } from './helpers/build';

/**
 * Builds the real content once for every test file that reads dist/: with the production base
 * (a sub-path) and at the root. SAI_TEST_DIST / SAI_TEST_DIST_ROOT reuse existing builds.
 */
export default async function setup(project: TestProject) {
  const builds = [
    { key: 'distWithBase', env: 'SAI_TEST_DIST', base: '/logement-social/' },
    { key: 'distAtRoot', env: 'SAI_TEST_DIST_ROOT', base: '/' },
  ] as const;
  const made: string[] = [];
  for (const build of builds) {
    const existing = process.env[build.env];
    if (existing) {
      project.provide(build.key, existing);
      continue;
    }
    const result = await buildSite({ base: build.base });
    if (result.code !== 0) throw new Error(`La construction du site (base ${build.base}) a échoué :\n${result.output}`);
    made.push(result.outDir, `${result.outDir}.cache`);
    project.provide(build.key, result.outDir);
  }
  // The builds made here go when the run ends (those named by SAI_TEST_DIST… are left alone).
  return async () => {
    await Promise.all(made.map((folder) => rm(folder, { recursive: true, force: true })));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    distWithBase: string;
    distAtRoot: string;
  }
}
