import { spawn } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');

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

/** Runs the real `astro build` in a child process, into its own folder and cache. */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = options.outDir ?? (await mkdtemp(join(tmpdir(), 'sai-build-')));
  // Vitest puts Vite's own variables (BASE_URL, MODE, NODE_ENV=test…) in process.env: a child
  // build must not inherit them, or it silently builds with base "/".
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(?:BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(key)),
  );
  const env = {
    ...inherited,
    ASTRO_TELEMETRY_DISABLED: '1',
    SAI_OUT_DIR: outDir,
    SAI_CACHE_DIR: `${outDir}.cache`,
    ...(options.contentDir ? { SAI_CONTENT_DIR: options.contentDir } : {}),
    ...(options.base ? { SAI_BASE: options.base } : {}),
    ...options.env,
  };
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/astro.js'), 'build'], { cwd: projectRoot, env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ outDir, code: code ?? 1, output }));
  });
}
