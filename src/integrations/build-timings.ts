import { readFileSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';

/**
 * Timestamps of one `astro build`, for the benchmark (scripts/bench.ts). Off unless SAI_TIMINGS
 * names a file: then the build writes there, at exit, a JSON record of
 *  - `marks`: wall-clock times (ms since the epoch) of Astro's hooks and of the end of each Vite
 *    bundle (a Vite plugin's closeBundle: the server build, then the client build);
 *  - `hooks`: for every integration and every hook, when it started and ended. Each integration's
 *    hooks are wrapped at astro:config:done, so the time of the search index (an integration's
 *    astro:build:done) is measured on its own, whatever the order of the integrations;
 *  - `resources`: peak resident memory and CPU time of the build's Node process.
 * Place it first in the integrations so that its astro:config:setup mark comes first.
 */
export interface BuildTimings {
  marks: Record<string, number[]>;
  hooks: { integration: string; hook: string; start: number; end: number }[];
  resources?: { maxRssBytes: number; userCpuMs: number; systemCpuMs: number; childrenCpuMs?: number };
}

const wrapped = Symbol.for('sai.build-timings.wrapped');

/** utime+stime of the process's waited-for children (esbuild, pagefind…), from /proc, when Linux has it. */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after "(comm)": state is index 0, so cutime and cstime (16th and 17th fields) are 13 and 14.
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? (ticks * 1000) / 100 : undefined; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

export default function buildTimings(file: string | undefined = process.env.SAI_TIMINGS): AstroIntegration {
  const record: BuildTimings = { marks: {}, hooks: [] };
  const mark = (name: string): void => {
    (record.marks[name] ??= []).push(Date.now());
  };

  if (file) {
    process.on('exit', () => {
      const usage = process.resourceUsage();
      record.resources = {
        maxRssBytes: usage.maxRSS * 1024,
        userCpuMs: usage.userCPUTime / 1000,
        systemCpuMs: usage.systemCPUTime / 1000,
        childrenCpuMs: childrenCpuMs(),
      };
      writeFileSync(file, JSON.stringify(record));
    });
  }

  const wrapHooks = (integrations: AstroIntegration[]) => {
    for (const integration of integrations) {
      const hooks = integration.hooks as Record<string, ((...args: unknown[]) => unknown) & { [wrapped]?: true }>;
      for (const [hook, fn] of Object.entries(hooks)) {
        if (typeof fn !== 'function' || fn[wrapped]) continue;
        const timed = Object.assign(
          async (...args: unknown[]) => {
            const start = Date.now();
            try {
              return await fn(...args);
            } finally {
              record.hooks.push({ integration: integration.name, hook, start, end: Date.now() });
            }
          },
          { [wrapped]: true as const },
        );
        hooks[hook] = timed;
      }
    }
  };

  if (!file) return { name: 'sai:build-timings', hooks: {} };
  return {
    name: 'sai:build-timings',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        mark('config:setup');
        updateConfig({ vite: { plugins: [{ name: 'sai:build-timings', closeBundle: () => mark('vite:closeBundle') }] } });
      },
      'astro:config:done': ({ config }) => {
        mark('config:done');
        wrapHooks(config.integrations);
      },
      'astro:build:start': () => mark('build:start'),
      'astro:build:setup': () => mark('build:setup'),
      'astro:build:generated': () => mark('build:generated'),
      'astro:build:done': () => mark('build:done'),
    },
  };
}
