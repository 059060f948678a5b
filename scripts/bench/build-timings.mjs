import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Timestamps of one `astro build`, for the benchmark (scripts/bench.ts). The bench adds it to the
 * build through Astro's inline config (scripts/bench/astro-build.mjs), so astro.config.mjs does not
 * list it; it can also be added there by hand. Off unless SAI_TIMINGS names a file: then the build
 * writes there, at exit, a JSON record of
 *  - `marks`: wall-clock times (ms since the epoch) of Astro's hooks, and of the end of each Vite
 *    bundle (a Vite plugin's closeBundle);
 *  - `hooks`: for every integration and hook, when it started and ended. Every integration's hooks
 *    are wrapped as soon as this one is set up, so the time of the search index (an integration's
 *    astro:build:done) is measured on its own, whatever the order of the integrations;
 *  - `resources`: peak resident memory and CPU time of the build's Node process.
 * Plain JavaScript, so that a bare `node` process can import it.
 *
 * @param {string | undefined} file
 * @returns {import('astro').AstroIntegration}
 */
export default function buildTimings(file = process.env.SAI_TIMINGS) {
  if (!file) return { name: 'sai:build-timings', hooks: {} };

  /** @type {{ marks: Record<string, number[]>, hooks: { integration: string, hook: string, start: number, end: number }[], resources?: object }} */
  const record = { marks: {}, hooks: [] };
  /** @param {string} name */
  const mark = (name) => {
    (record.marks[name] ??= []).push(Date.now());
  };
  const wrapped = Symbol.for('sai.build-timings.wrapped');
  // Made just before astro's build() is called (scripts/bench/astro-build.mjs): the end of start-up.
  mark('created');

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

  /** @param {import('astro').AstroIntegration[]} integrations */
  const wrapHooks = (integrations) => {
    for (const integration of integrations) {
      /** @type {Record<string, any>} */
      const hooks = integration.hooks;
      for (const [hook, fn] of Object.entries(hooks)) {
        if (typeof fn !== 'function' || fn[wrapped]) continue;
        /** @param {unknown[]} args */
        const timed = async (...args) => {
          const start = Date.now();
          try {
            return await fn(...args);
          } finally {
            record.hooks.push({ integration: integration.name, hook, start, end: Date.now() });
          }
        };
        hooks[hook] = Object.assign(timed, { [wrapped]: true });
      }
    }
  };

  return {
    name: 'sai:build-timings',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        mark('config:setup');
        // Astro reads each hook when it calls it: wrapping now times every later hook of every integration.
        wrapHooks(config.integrations);
        updateConfig({
          vite: { plugins: [{ name: 'sai:build-timings', closeBundle: () => mark('vite:closeBundle') }] },
        });
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

/** utime+stime of the process's waited-for children, from /proc where Linux has it. */
function childrenCpuMs() {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After "(comm)" the state is field 0: cutime and cstime (stat fields 16 and 17) are 13 and 14.
    const ticks = Number(fields[13]) + Number(fields[14]);
    return Number.isFinite(ticks) ? (ticks * 1000) / 100 : undefined; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}
