/**
 * The test harness: how `npm test` gets the built sites its tests read. Its life cycle, in order:
 *
 * 1. vitest.config.ts has two projects. `quick` (tests/unit/) needs no build. `site` (everything
 *    else) names this module as its global set-up; the config orders the files longest first.
 * 2. The global set-up (`setup`, the default export) starts two builds of the real content in the
 *    background, one after the other: with the production base (/logement-social/) and at the root.
 *    It returns at once, so that the test files that need no build start meanwhile. Each build ends
 *    by writing a status file beside its folder (the set-up runs in Vitest's main process, the tests
 *    in workers: a file is what both see). SAI_TEST_DIST / SAI_TEST_DIST_ROOT name existing builds
 *    instead, to iterate quickly.
 * 3. A test file that reads a build calls `builtDist()`, which waits for that status file.
 * 4. Test files that build other content (fixtures, an imported directory…) call `buildSite()`.
 *    Builds take turns across workers (`withBuildLock`): every `astro build` rewrites the
 *    project's .astro/ (the content's types), and two at once would read each other's.
 * 5. Builds go under the project's .tmp/ (ignored by git; see projectTemp), and are removed at the end
 *    of the run, or by the test that made them (`removeBuild`).
 *
 * Test files run one per core; a worker keeps the modules it imported from one file to the next
 * (`isolate: false`), which no test minds since none changes a global.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { TestProject } from 'vitest/node';
import { childEnv } from '../scripts/bench/run-build.ts';
import { astroCli } from '../scripts/astro-cli.ts';

export const projectRoot = resolve(import.meta.dirname, '..');

export type BuiltSite = 'distWithBase' | 'distAtRoot';

declare module 'vitest' {
  export interface ProvidedContext {
    distWithBase: string;
    distAtRoot: string;
    /** Per build, the status file its end writes (empty when given by SAI_TEST_DIST…). */
    distStatus: Record<BuiltSite, string>;
  }
}

/**
 * A new folder under the project's .tmp/. Builds go there rather than to the system's temporary
 * folder: Astro writes a build's server chunks into its output folder only when that folder is
 * inside the working directory, and into the project's .astro/ otherwise, where builds running
 * side by side would overwrite each other's.
 */
export async function projectTemp(prefix: string): Promise<string> {
  await mkdir(join(projectRoot, '.tmp'), { recursive: true });
  return mkdtemp(join(projectRoot, '.tmp', prefix));
}

/** Runs a command in the project, collecting its output. */
export function run(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}

const lockDir = join(projectRoot, '.tmp', 'build.lock');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `task` while no other build of this working copy runs, across Vitest's workers (a folder
 * made with mkdir, which only one process can make). A lock left by a process that died is taken over.
 */
export async function withBuildLock<T>(task: () => Promise<T>): Promise<T> {
  await mkdir(join(projectRoot, '.tmp'), { recursive: true });
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch {
      const owner = Number(await readFile(join(lockDir, 'pid'), 'utf8').catch(() => ''));
      if (owner && !alive(owner)) await rm(lockDir, { recursive: true, force: true });
      else await sleep(100);
    }
  }
  try {
    await writeFile(join(lockDir, 'pid'), String(process.pid));
    return await task();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}

export interface BuildOptions {
  contentDir?: string;
  base?: string;
  outDir?: string;
  /** Extra environment for the build. */
  env?: Record<string, string>;
}

export interface BuildResult {
  outDir: string;
  code: number;
  output: string;
}

/** Runs the real `astro build` in a child process, into its own folder and cache, when no other build runs. */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = options.outDir ?? (await projectTemp('build-'));
  // Without Vitest's own variables (BASE_URL, MODE, NODE_ENV=test…): a child build that inherits
  // them silently builds with base "/".
  const env = childEnv({
    SAI_OUT_DIR: outDir,
    SAI_CACHE_DIR: `${outDir}.cache`,
    ...(options.contentDir ? { SAI_CONTENT_DIR: options.contentDir } : {}),
    ...(options.base ? { SAI_BASE: options.base } : {}),
    ...options.env,
  });
  const { code, output } = await withBuildLock(() => run(process.execPath, [astroCli, 'build'], env));
  return { outDir, code, output };
}

/** Removes what buildSite made: the output folder and its cache beside it (nothing when the build never ran). */
export async function removeBuild(outDir: string | undefined): Promise<void> {
  if (!outDir) return;
  await Promise.all([outDir, `${outDir}.cache`].map((path) => rm(path, { recursive: true, force: true })));
}

/** Step 2: the global set-up of the `site` project. Its return value is the teardown. */
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
      const result = await buildSite({ base: build.base, outDir }).catch((error: Error) => ({
        code: 1,
        output: String(error.stack ?? error),
      }));
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

/** Step 3: the global set-up's build of the real content (with the production base, or at the root), once complete. */
export async function builtDist(key: BuiltSite): Promise<string> {
  const dir = inject(key);
  const status = inject('distStatus')[key];
  // Given by SAI_TEST_DIST / SAI_TEST_DIST_ROOT: already built.
  if (!status) return dir;
  const started = Date.now();
  while (!existsSync(status)) {
    if (Date.now() - started > 15 * 60_000)
      throw new Error(`La construction du site (${key}) n’a pas fini en 15 minutes`);
    await sleep(200);
  }
  const { code, output } = JSON.parse(await readFile(status, 'utf8')) as { code: number; output: string };
  if (code !== 0) throw new Error(`La construction du site (${key}) a échoué :\n${output}`);
  return dir;
}
