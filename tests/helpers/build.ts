import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { childEnv } from '../../scripts/bench/run-build';
import { withBuildLock } from './build-lock';

export const projectRoot = resolve(import.meta.dirname, '../..');

/**
 * A new folder under the project's .tmp/ (ignored by git). Builds go there rather than to the
 * system's temporary folder: Astro writes a build's server chunks into its output folder only when
 * that folder is inside the working directory, and into the project's .astro/ otherwise, where
 * builds running side by side would overwrite each other's.
 */
export async function projectTemp(prefix: string): Promise<string> {
  await mkdir(join(projectRoot, '.tmp'), { recursive: true });
  return mkdtemp(join(projectRoot, '.tmp', prefix));
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
  const { code, output } = await withBuildLock(() => run(process.execPath, [join(projectRoot, 'node_modules/astro/astro.js'), 'build'], env));
  return { outDir, code, output };
}

/** Removes what buildSite made: the output folder and its cache beside it (nothing when the build never ran). */
export async function removeBuild(outDir: string | undefined): Promise<void> {
  if (!outDir) return;
  await Promise.all([outDir, `${outDir}.cache`].map((path) => rm(path, { recursive: true, force: true })));
}

/** Runs a command in the project, collecting its output. */
export function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? 1, output }));
  });
}
