import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** What src/integrations/build-timings.mjs writes. */
export interface BuildTimings {
  marks: Record<string, number[]>;
  hooks: { integration: string; hook: string; start: number; end: number }[];
  resources?: { maxRssBytes: number; userCpuMs: number; systemCpuMs: number; childrenCpuMs?: number };
}

/** The harness that runs Astro's build() with the timing integration. */
const harness = join(import.meta.dirname, 'astro-build.mjs');

/** One `astro build` in a child process, watched from outside. */
export interface BuildRun {
  code: number;
  output: string;
  /** From spawn to exit, measured here. */
  startedAt: number;
  endedAt: number;
  wallMs: number;
  /** Peak of the summed resident memory of the build and its child processes (esbuild, pagefind…), sampled. */
  peakTreeRssBytes?: number;
  /** What the build-timings integration wrote (absent if the build crashed before exit). */
  timings?: BuildTimings;
  /** Time Astro reports for each generated path ("├─ /x/index.html (+12ms)"), in log order. */
  routes: RouteTime[];
}

export interface RouteTime {
  path: string;
  ms: number;
}

/** Strips ANSI colours, then reads Astro's per-path lines: "  ├─ /communes/x/index.html (+12ms)". */
export function parseRouteTimes(output: string): RouteTime[] {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const routes: RouteTime[] = [];
  for (const match of plain.matchAll(/[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/g)) {
    // Endpoints print with the trailing slash of trailingSlash: 'always' ("/plaquette/x.pdf/").
    const path = match[1]!.replace(/(\.[a-z0-9]+)\/$/i, '$1');
    routes.push({ path, ms: Number(match[2]) * (match[3] === 's' ? 1000 : 1) });
  }
  return routes;
}

function rssBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** Resident memory of a process and all its descendants; undefined where /proc is not there. */
function treeRssBytes(root: number): number | undefined {
  if (process.platform !== 'linux') return undefined;
  let total = 0;
  const queue = [root];
  const seen = new Set<number>();
  while (queue.length > 0) {
    const pid = queue.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    total += rssBytes(pid);
    queue.push(...childrenOf(pid));
  }
  return total;
}

export interface RunOptions {
  /** The project to build (this repository, or the baseline's folder). */
  cwd: string;
  env: Record<string, string>;
  /** File the build-timings integration writes (SAI_TIMINGS). */
  timingsFile: string;
  sampleEveryMs?: number;
}

/** Environment of a child build: no Vite/Vitest variables leaking in (they change the base). */
export function childEnv(extra: Record<string, string>): Record<string, string> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined && !/^(?:BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|VITEST.*|TEST)$/.test(entry[0]),
    ),
  );
  return { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

export async function runAstroBuild(options: RunOptions): Promise<BuildRun> {
  await rm(options.timingsFile, { force: true });
  const startedAt = Date.now();
  const child = spawn(process.execPath, [harness], {
    cwd: options.cwd,
    env: { ...options.env, SAI_TIMINGS: options.timingsFile },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));

  let peak: number | undefined;
  const sample = () => {
    if (child.pid === undefined) return;
    const rss = treeRssBytes(child.pid);
    if (rss !== undefined && rss > (peak ?? 0)) peak = rss;
  };
  const timer = setInterval(sample, options.sampleEveryMs ?? 100);

  const code = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve(exitCode ?? 1));
  }).finally(() => clearInterval(timer));
  const endedAt = Date.now();

  const timings = await readFile(options.timingsFile, 'utf8')
    .then((text) => JSON.parse(text) as BuildTimings)
    .catch(() => undefined);
  return {
    code,
    output,
    startedAt,
    endedAt,
    wallMs: endedAt - startedAt,
    peakTreeRssBytes: peak,
    timings,
    routes: parseRouteTimes(output),
  };
}
