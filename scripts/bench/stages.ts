import type { BuildRun } from './run-build.ts';

/**
 * The stages of one build, in milliseconds, from the timing integration's marks, the per-path
 * times Astro logs, and the spawn/exit times seen by the bench. A stage is undefined when its
 * marks are missing; `search` and `pdf` are undefined when the build has no search index or no PDF.
 */
export interface Stages {
  /** spawn → Astro's build() called: Node start, Astro import. */
  startup?: number;
  /** build() called → astro:config:done: config file, integrations' set-up, routes list. */
  config?: number;
  /** astro:config:done → astro:build:start: Vite setup and the content layer sync (read, parse, validate every content file), types. */
  content?: number;
  /** astro:build:start → end of the last Vite bundle: compiling pages, components and MDX. */
  bundle?: number;
  /** End of the bundle → astro:build:generated: every route rendered and written (pages, endpoints, PDFs). */
  render?: number;
  /** Part of `render` spent in the HTML pages and non-PDF endpoints (render − pdf). */
  pages?: number;
  /**
   * Part of `render` spent in .pdf routes: `render` shared in proportion of Astro's per-path times.
   * Paths render several at a time (build.concurrency), so their times overlap and their sum can
   * exceed the stage's wall time.
   */
  pdf?: number;
  /** astro:build:done hooks of integrations named like search/pagefind. */
  search?: number;
  /** astro:build:generated → astro:build:done (Astro's clean-up) plus the other astro:build:done hooks (sitemap, checks…). */
  postBuild?: number;
  /** Last hook → process exit (stats, teardown). */
  exit?: number;
  total: number;
}

const isSearch = (name: string) => /pagefind|search|recherche/i.test(name);

export function stagesOf(run: BuildRun): Stages {
  const stages: Stages = { total: run.wallMs };
  const t = run.timings;
  if (!t) return stages;
  // Where a phase of Astro begins: the first integration hook of that name to start.
  const phase = (hook: string) => {
    const starts = t.hooks.filter((h) => h.hook === `astro:${hook}`).map((h) => h.start);
    return starts.length ? Math.min(...starts) : t.marks[hook]?.[0];
  };
  const created = t.marks['created']?.[0];
  const configDone = phase('config:done');
  const buildStart = phase('build:start');
  const generated = phase('build:generated');
  const buildDone = phase('build:done');
  const bundleEnds = (t.marks['vite:closeBundle'] ?? []).filter(
    (time) => buildStart !== undefined && time >= buildStart && (generated === undefined || time <= generated),
  );
  const bundleEnd = bundleEnds.length ? Math.max(...bundleEnds) : undefined;
  const diff = (a?: number, b?: number) => (a !== undefined && b !== undefined ? b - a : undefined);

  stages.startup = diff(run.startedAt, created);
  stages.config = diff(created, configDone);
  stages.content = diff(configDone, buildStart);
  stages.bundle = diff(buildStart, bundleEnd);
  stages.render = diff(bundleEnd, generated);

  const routeTime = (routes: typeof run.routes) => routes.reduce((sum, r) => sum + r.ms, 0);
  const pdfTime = routeTime(run.routes.filter((r) => r.path.endsWith('.pdf')));
  const allTime = routeTime(run.routes);
  if (stages.render !== undefined) {
    if (pdfTime > 0) stages.pdf = (stages.render * pdfTime) / allTime;
    stages.pages = stages.render - (stages.pdf ?? 0);
  }

  const doneHooks = t.hooks.filter((h) => h.hook === 'astro:build:done' && h.integration !== 'sai:build-timings');
  const searchHooks = doneHooks.filter((h) => isSearch(h.integration));
  if (searchHooks.length > 0) stages.search = searchHooks.reduce((sum, h) => sum + (h.end - h.start), 0);
  const cleanup = diff(generated, buildDone) ?? 0;
  stages.postBuild =
    cleanup + doneHooks.filter((h) => !isSearch(h.integration)).reduce((sum, h) => sum + (h.end - h.start), 0);
  const lastHookEnd = Math.max(...t.hooks.map((h) => h.end), ...Object.values(t.marks).flat());
  stages.exit = run.endedAt - lastHookEnd;
  return stages;
}

/** Integration hooks that took at least `minMs`, summed by integration and hook. */
export function slowHooks(run: BuildRun, minMs = 10): { integration: string; hook: string; ms: number }[] {
  const sums = new Map<string, number>();
  for (const h of run.timings?.hooks ?? []) {
    const key = `${h.integration}\u0000${h.hook}`;
    sums.set(key, (sums.get(key) ?? 0) + (h.end - h.start));
  }
  return [...sums]
    .filter(([, ms]) => ms >= minMs)
    .map(([key, ms]) => {
      const [integration, hook] = key.split('\u0000') as [string, string];
      return { integration, hook, ms };
    });
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
