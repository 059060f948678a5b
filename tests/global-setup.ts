import { rm, writeFile } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { buildSite, projectTemp } from './helpers/build';
import type { BuiltSite } from './helpers/dist';

/**
 * Builds the real content once for every test file that reads dist/: with the production base
 * (a sub-path) and at the root. SAI_TEST_DIST / SAI_TEST_DIST_ROOT reuse existing builds.
 *
 * The builds run one after the other in the background: this set-up returns at once, so that the
 * files that need no build (leaflets, editors' builds, astro check…) start meanwhile. Each build
 * ends by writing a status file beside its folder; builtDist() (tests/helpers/dist.ts) waits for it.
 */
export default async function setup(project: TestProject) {
  const builds = [
    { key: 'distWithBase', env: 'SAI_TEST_DIST', base: '/logement-social/' },
    { key: 'distAtRoot', env: 'SAI_TEST_DIST_ROOT', base: '/' },
  ] as const;
  const made: string[] = [];
  const status: Record<BuiltSite, string> = { distWithBase: '', distAtRoot: '' };
  // The base build first: the page sweep, the longest file, needs only that one.
  let queue = Promise.resolve();
  for (const build of builds) {
    const existing = process.env[build.env];
    if (existing) {
      project.provide(build.key, existing);
      continue;
    }
    const outDir = await projectTemp('build-');
    status[build.key] = `${outDir}.status.json`;
    made.push(outDir, `${outDir}.cache`, status[build.key]);
    project.provide(build.key, outDir);
    queue = queue.then(async () => {
      const result = await buildSite({ base: build.base, outDir }).catch((error: Error) => ({ code: 1, output: String(error.stack ?? error) }));
      await writeFile(status[build.key], JSON.stringify({ code: result.code, output: result.output }));
    });
  }
  project.provide('distStatus', status);
  // The builds made here go when the run ends (those named by SAI_TEST_DIST… are left alone).
  return async () => {
    await queue;
    await Promise.all(made.map((path) => rm(path, { recursive: true, force: true })));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    distWithBase: string;
    distAtRoot: string;
    /** Per build, the status file its end writes (empty when given by SAI_TEST_DIST…). */
    distStatus: Record<BuiltSite, string>;
  }
}
