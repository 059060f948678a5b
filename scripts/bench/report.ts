import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { allowsScripts, budgetsFile, pageName } from '../page-weight.mjs';
import type { DistReport } from './dist.ts';
import type { LeafletTimings } from './leaflets.ts';
import type { Stages } from './stages.ts';
import type { SyntheticCounts } from './synthetic.ts';
import type { DomainTimings } from './domain.ts';

/** « ×10 », or the département's name. */
export const scaleName = (s: { scale: number; label?: string }): string => s.label ?? `×${s.scale}`;

export interface RunSummary {
  wallMs: number;
  stages: Stages;
  peakTreeRssBytes?: number;
  maxRssBytes?: number;
  /** CPU time (user + system) of the build's Node process and its waited-for children. */
  cpuMs?: number;
  msPerPage: number;
  pages?: number;
}

export interface ScaleResult {
  scale: number;
  counts: SyntheticCounts;
  base: string;
  /** Stand-alone loadContent (read + parse + validate + references) on this content, in the bench process. */
  loaderMs: number;
  dist: DistReport;
  /**
   * The leaflet routes of the build, in the order Astro rendered them. The first one also pays for
   * what each build does once (parsing the two fonts, warming up the code), hence apart.
   */
  leafletRoutes?: {
    count: number;
    medianMs: number;
    maxMs: number;
    firstMs: number;
    meanMs: number;
    maxAfterFirstMs: number;
  };
  leafletDirect?: LeafletTimings;
  hooks: { integration: string; hook: string; ms: number }[];
  /** Why the copies of places were made off-territory information points (the leaflets did not fit), if they were. */
  offsitePlaces?: string;
  /** A whole département (« Pas-de-Calais (62) »), not copies of the real content: its `scale` is its size in real territories. */
  label?: string;
  /** Domain work per page and per leaflet outside Astro (scripts/bench/domain.ts). */
  domain?: DomainTimings;
  runs: { ours: RunSummary; baseline: RunSummary }[];
  median: { ours: RunSummary; baseline: RunSummary };
  loadAverages: number[];
}

export interface BenchResult {
  date: string;
  /** Wall time of the whole bench run (every size, run and baseline, and the analyses). */
  durationMs?: number;
  commit?: string;
  dirty: boolean;
  /** The content the sizes start from, relative to the project (« content » unless `--content`). */
  source?: string;
  machine: {
    cpuModel: string;
    cores: number;
    memoryBytes: number;
    os: string;
    node: string;
    astro: string;
    loadBefore: number[];
    loadAfter?: number[];
  };
  features: { search: boolean; leaflet: boolean };
  scales: ScaleResult[];
  /** Sizes whose build failed, with the error. */
  failures: { scale: number; message: string }[];
}

export interface TargetCheck {
  target: string;
  measured: string;
  /** undefined: could not be measured in this build. */
  met?: boolean;
}

const kB = (bytes: number | undefined) =>
  bytes === undefined ? '–' : bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${(bytes / 1e3).toFixed(1)} kB`;
const ms = (value: number | undefined) =>
  value === undefined
    ? '–'
    : value >= 10_000
      ? `${(value / 1000).toFixed(1)} s`
      : value >= 1000
        ? `${(value / 1000).toFixed(2)} s`
        : `${Math.round(value)} ms`;
const ratio = (value: number | undefined) =>
  value === undefined || !Number.isFinite(value) ? '–' : `${value.toFixed(2)}×`;
const verdict = (met: boolean | undefined) => (met === undefined ? 'not measured' : met ? 'met' : '**missed**');

/**
 * Pages that need JavaScript: the search page (Pagefind runs in the browser) and the orientation
 * tool's question pages (/orientation/ and /orientation/<commune>/: the questions exist only with
 * the script; without it, each answer is a page of its own, without script).
 */
/** The pages that may load a script, as the budgets test knows them (budgets.config.json). */
const scriptPages: string[] = JSON.parse(readFileSync(budgetsFile, 'utf8')).javascript.allowedOn;
const needsScript = (page: string) => allowsScripts(scriptPages, pageName(page));

export function checkTargets(result: BenchResult): TargetCheck[] {
  const one = result.scales.find((s) => s.scale === 1);
  const largest = [...result.scales].sort((a, b) => b.scale - a.scale)[0];
  const checks: TargetCheck[] = [];

  if (one) {
    const wall = pairedRatio(one, (r) => r.wallMs)!;
    const cpu = pairedRatio(one, (r) => r.cpuMs);
    checks.push({
      target: 'Real content (×1): full build within 2× of the bare Astro build',
      measured: `${ratio(wall)} wall (medians ${ms(one.median.ours.wallMs)} vs ${ms(one.median.baseline.wallMs)}); ${ratio(cpu)} CPU time`,
      met: wall <= 2,
    });
  }
  if (one && largest && largest.scale > 1) {
    const perPage = largest.median.ours.msPerPage / one.median.ours.msPerPage;
    // Fixed costs make the plain ratio easy to meet: the marginal cost of a page (between the two
    // largest synthetic sizes vs between the two smallest) says whether the per-page work itself grows.
    const sorted = synthetic(result.scales);
    const first = sorted.length > 2 ? marginal(sorted, sorted[1]!) : undefined;
    const last = sorted.length > 1 ? marginal(sorted, sorted[sorted.length - 1]!) : undefined;
    const growth = first?.cpu && last?.cpu ? last.cpu / first.cpu : undefined;
    checks.push({
      target: `Linear scaling: build time per page at ${scaleName(largest)} ≤ 1.5× that at ×1`,
      measured:
        `${ratio(perPage)} (${ms(largest.median.ours.msPerPage)}/page vs ${ms(one.median.ours.msPerPage)}/page)` +
        (growth !== undefined
          ? `; marginal CPU time per added page ${scaleName(sorted[1]!)}→${scaleName(sorted.at(-1)!)} vs ×1→${scaleName(sorted[1]!)}: ${ratio(growth)} (${ms(last!.cpu)} vs ${ms(first!.cpu)})`
          : ''),
      met: perPage <= 1.5,
    });
  }
  // The issue's target for the synthetic sizes: the largest builds, and costs per page what the one before does.
  const sizes = synthetic(result.scales);
  if (sizes.length >= 2 && sizes.at(-1)!.scale >= 100) {
    const [before, big] = [sizes.at(-2)!, sizes.at(-1)!];
    const cpu = (s: ScaleResult) => (s.median.ours.cpuMs ?? NaN) / s.dist.htmlPages;
    checks.push({
      target: `${scaleName(big)}: time per page within 1.3× of ${scaleName(before)}’s`,
      measured: `${ratio(big.median.ours.msPerPage / before.median.ours.msPerPage)} wall (${ms(big.median.ours.msPerPage)} vs ${ms(before.median.ours.msPerPage)} per page, ${big.dist.htmlPages} vs ${before.dist.htmlPages} pages); ${ratio(cpu(big) / cpu(before))} CPU (${ms(cpu(big))} vs ${ms(cpu(before))})`,
      met: big.median.ours.msPerPage / before.median.ours.msPerPage <= 1.3,
    });
  }
  for (const dep of result.scales.filter((s) => s.label)) {
    // ×1's marginal cost per page: what each page added beyond the real content costs (×1 → ×10).
    const small = synthetic(result.scales).filter((s) => s.scale <= 10);
    const before = small.length >= 2 ? marginal(small, small.at(-1)!) : undefined;
    const wall = pairedRatio(dep, (r) => r.wallMs);
    const depCpu = dep.median.ours.cpuMs !== undefined ? dep.median.ours.cpuMs / dep.dist.htmlPages : undefined;
    checks.push({
      target: `${dep.label}: full build within 2× of the bare Astro build of as many pages`,
      measured: `${ratio(wall)} wall (${ms(dep.median.ours.wallMs)} vs ${ms(dep.median.baseline.wallMs)}, ${dep.dist.htmlPages} pages, ${dep.dist.pdf.count} leaflets); ${ratio(pairedRatio(dep, (r) => r.cpuMs))} CPU time`,
      met: wall === undefined ? undefined : wall <= 2,
    });
    checks.push({
      target: `${dep.label}: time per page within 1.3× of ×1’s marginal cost per page (×1 → ×10)`,
      measured: before
        ? `${ratio(dep.median.ours.msPerPage / before.wall)} wall (${ms(dep.median.ours.msPerPage)} vs ${ms(before.wall)} per page)` +
          (depCpu !== undefined && before.cpu
            ? `; ${ratio(depCpu / before.cpu)} CPU (${ms(depCpu)} vs ${ms(before.cpu)})`
            : '')
        : 'needs ×1 and ×10 (e.g. --scales 1,10)',
      met: before ? dep.median.ours.msPerPage / before.wall <= 1.3 : undefined,
    });
    const peak = dep.median.ours.peakTreeRssBytes ?? dep.median.ours.maxRssBytes;
    checks.push({
      target: `${dep.label}: peak memory ≤ 2 GB`,
      measured: kB(peak),
      met: peak === undefined ? undefined : peak <= 2e9,
    });
  }
  const all = result.scales;
  const leafletTimes = all
    .flatMap((s) => [
      s.leafletRoutes?.maxMs,
      s.leafletDirect && !s.leafletDirect.error ? s.leafletDirect.maxMs : undefined,
    ])
    .filter((v): v is number => v !== undefined);
  const realLeaflets = one?.leafletRoutes;
  checks.push({
    target: 'Each leaflet rendered in under 100 ms',
    measured: realLeaflets
      ? `×1 build (${realLeaflets.count} leaflets): median ${ms(realLeaflets.medianMs)}, mean ${ms(realLeaflets.meanMs)}, slowest after the first ${ms(realLeaflets.maxAfterFirstMs)}; the first ${ms(realLeaflets.firstMs)} (it also parses the fonts and warms the code up, once per build); slowest at any size ${ms(Math.max(...leafletTimes))}`
      : 'no PDF in this build',
    // Read as: every leaflet after the first under 100 ms, and the average, first included, too. The
    // first one's extra time is spent once per build, whatever the number of leaflets.
    met: realLeaflets ? realLeaflets.maxAfterFirstMs < 100 && realLeaflets.meanMs < 100 : undefined,
  });
  checks.push({
    target: 'Each leaflet under 60 kB',
    measured:
      one && one.dist.pdf.count > 0
        ? `largest ${kB(one.dist.pdf.maxBytes)} (${one.dist.pdf.largest})`
        : 'no PDF in this build',
    met: one && one.dist.pdf.count > 0 ? one.dist.pdf.maxBytes < 60_000 : undefined,
  });
  if (one) {
    checks.push({
      target: 'Home page under 50 kB transferred on a first visit, fonts included',
      measured: `${kB(one.dist.home.bytes)} in ${one.dist.home.requests.length} requests`,
      met: one.dist.home.bytes < 50_000,
    });
    const extra = one.dist.js.pages.filter((page) => !needsScript(page));
    checks.push({
      target: `Zero JavaScript on pages that need none (all but ${scriptPages.map((p) => `\`${p}\``).join(', ')}, from budgets.config.json)`,
      measured: extra.length
        ? `${one.dist.js.pagesWithScript - (one.dist.js.pages.length - extra.length)} other page(s) with a script: ${extra
            .slice(0, 5)
            .map((p) => `\`${p}\``)
            .join(', ')}${extra.length > 5 ? '…' : ''}`
        : `${one.dist.js.pagesWithScript} page(s) with a script: ${one.dist.js.pages.map((p) => `\`${p}\``).join(', ') || 'none'}`,
      met: extra.length === 0,
    });
  }
  return checks;
}

/**
 * Full / baseline, as the median of the ratios of each run: the two builds of a run follow each
 * other, so they see about the same machine load, which the ratio cancels.
 */
export function pairedRatio(s: ScaleResult, get: (r: RunSummary) => number | undefined): number | undefined {
  const ratios = s.runs.map((r) => {
    const [a, b] = [get(r.ours), get(r.baseline)];
    return a !== undefined && b ? a / b : undefined;
  });
  const known = ratios.filter((v): v is number => v !== undefined).sort((x, y) => x - y);
  if (known.length === 0) return undefined;
  const middle = Math.floor(known.length / 2);
  return known.length % 2 ? known[middle] : (known[middle - 1]! + known[middle]!) / 2;
}

/** The synthetic sizes (×1, ×10, ×100…), smallest first: a département is another kind of territory. */
const synthetic = (scales: ScaleResult[]) => scales.filter((s) => !s.label).sort((a, b) => a.scale - b.scale);

/**
 * Cost of each page added between the previous size and this one: fixed costs cancel out. A
 * synthetic size is compared with the synthetic size before it, a département with ×1 (the real
 * content it contains).
 */
export function marginal(scales: ScaleResult[], s: ScaleResult): { wall: number; cpu?: number } | undefined {
  const previous = s.label
    ? scales.find((p) => p.scale === 1 && !p.label)
    : synthetic(scales)
        .filter((p) => p.scale < s.scale)
        .at(-1);
  if (!previous) return undefined;
  const pages = s.dist.htmlPages - previous.dist.htmlPages;
  if (pages <= 0) return undefined;
  const cpu =
    s.median.ours.cpuMs !== undefined && previous.median.ours.cpuMs !== undefined
      ? (s.median.ours.cpuMs - previous.median.ours.cpuMs) / pages
      : undefined;
  return { wall: (s.median.ours.wallMs - previous.median.ours.wallMs) / pages, cpu };
}

function table(header: string[], rows: (string | number)[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

const stageRows: [keyof Stages, string][] = [
  ['startup', 'Start-up (Node, Astro import)'],
  ['config', 'Config file, integrations set-up, routes'],
  [
    'content',
    'Content loading and validation (Vite set-up, content layer sync, types; the project’s content check, whose catalog the pages read, runs beside it)',
  ],
  ['bundle', 'Bundling (Vite: pages, components, MDX)'],
  ['pages', 'Page rendering (HTML and non-PDF endpoints)'],
  ['pdf', 'PDF generation (leaflet routes)'],
  ['search', 'Search indexing (Pagefind, astro:build:done)'],
  ['postBuild', 'Clean-up and other build:done hooks (sitemap…)'],
  ['exit', 'Exit (stats, teardown)'],
  ['total', '**Total wall time**'],
];

function range(values: number[]): string {
  if (values.length < 2) return '';
  return ` (${ms(Math.min(...values))}–${ms(Math.max(...values))})`;
}

/** What ×1 is: the real content, or what `--content` named. */
const sizesSource = (source: string | undefined) =>
  !source || source === 'content' ? 'the real content/' : `the content of ${source}/ (\`--content\`), not content/`;

export function renderReport(result: BenchResult): string {
  const scales = result.scales;
  const head = ['', ...scales.map((s) => `${scaleName(s)}`)];
  const row = (label: string, get: (s: ScaleResult) => string | number) => [label, ...scales.map(get)];
  const m = result.machine;
  const loads = scales.flatMap((s) => s.loadAverages);
  const one = scales.find((s) => s.scale === 1);

  const out: string[] = [];
  out.push('# Build performance');
  out.push('');
  out.push('<!-- Written by `npm run bench` (scripts/bench.ts): do not edit by hand, run it again. -->');
  out.push('');
  out.push(
    `Measured on ${result.date.slice(0, 16).replace('T', ' ')} UTC at commit \`${result.commit ?? '?'}\`${result.dirty ? ' (with uncommitted changes)' : ''}, ` +
      `by \`npm run bench\` (scripts/bench.ts). To measure again: \`npm run bench\`${result.durationMs ? ` (this run took ${(result.durationMs / 60_000).toFixed(1)} min on the machine below)` : ''}; ` +
      '`npm run bench -- --scales 1,10 --runs 5` for other sizes or repetitions, `--out`/`--json` to write elsewhere.',
  );
  out.push('');
  out.push(
    'The benchmark is not a test: CI does not run it. `tests/bench/bench-smoke.test.ts` runs it once at ×1 to keep it working.',
  );
  out.push('');
  out.push('## Machine');
  out.push('');
  out.push(
    table(
      ['', ''],
      [
        ['CPU', `${m.cpuModel}, ${m.cores} cores`],
        ['Memory', `${(m.memoryBytes / 2 ** 30).toFixed(1)} GiB`],
        ['System', m.os],
        ['Node', m.node],
        ['Astro', m.astro],
        [
          'Load average (1 min)',
          `${m.loadBefore[0]!.toFixed(2)} before, ${m.loadAfter?.[0]?.toFixed(2) ?? '?'} after` +
            (loads.length
              ? `, ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)} between runs (the bench’s own builds included)`
              : '') +
            // Between runs, the load is mostly the bench's own builds: only the load before says whether something else ran.
            (m.loadBefore[0]! > m.cores * 0.75
              ? ' — the machine was busy before the bench: wall times are noisy, ratios to the baseline (run alongside) less so'
              : ''),
        ],
      ],
    ),
  );
  out.push('');
  out.push(
    `Build contents: search index ${result.features.search ? 'present' : '**absent** (no Pagefind index in dist/: the search stage is not measured)'}; ` +
      `PDF leaflets ${result.features.leaflet ? 'present' : '**absent** (no .pdf route: the PDF stage is not measured)'}.`,
  );
  out.push('');

  if (result.failures.length > 0) {
    out.push('## Sizes that did not build');
    out.push('');
    for (const f of result.failures) out.push(`- ×${f.scale}: ${f.message}`);
    out.push('');
  }
  const offsite = scales.filter((s) => s.offsitePlaces);
  if (offsite.length > 0) {
    out.push('## Synthetic places outside the territory');
    out.push('');
    out.push(
      `At ${offsite.map((s) => `${scaleName(s)}`).join(' and ')}, the copies of places are level-1 information points outside the territory (« Ville synthétique k »), not places of the synthetic communes: ` +
        `${offsite[0]!.offsitePlaces?.startsWith('asked') ? 'as asked on the command line.' : `a faithful copy does not build, because the leaflets list every registering desk of the territory and do not fit (\`${offsite[0]!.offsitePlaces}\`).`} ` +
        'They still have their pages, search entries and directory lines, but synthetic communes have no place of their own, and the commune pages and leaflets list only the real desks: ' +
        'the growth of the commune pages (each lists every other registering desk) is understated. A département-sized network needs leaflets that list the desks near the reader, not all of them.',
    );
    out.push('');
  }
  out.push('## Targets');
  out.push('');
  out.push(
    table(
      ['Target', 'Measured', ''],
      checkTargets(result).map((c) => [c.target, c.measured, verdict(c.met)]),
    ),
  );
  out.push('');

  out.push('## Results by size');
  out.push('');
  out.push(
    'Medians over the runs; for wall times, the spread (min–max) in brackets. Ratios are the median of the ratios of each run (its two builds follow each other, so they see about the same load).',
  );
  out.push('');
  out.push(
    table(head, [
      row('Communes / places / topics', (s) => `${s.counts.communes} / ${s.counts.places} / ${s.counts.topics}`),
      row('Copies of places', (s) =>
        s.scale === 1 ? '–' : s.offsitePlaces ? 'outside the territory (see above)' : 'in the copies of their communes',
      ),
      row('Runs', (s) => s.runs.length),
      row('HTML pages', (s) => s.dist.htmlPages),
      row('… by section', (s) =>
        Object.entries(s.dist.pagesBySection)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
      ),
      row('PDF leaflets', (s) => s.dist.pdf.count),
      row(
        '**Full build, wall time**',
        (s) => `**${ms(s.median.ours.wallMs)}**${range(s.runs.map((r) => r.ours.wallMs))}`,
      ),
      row(
        'Bare Astro baseline, wall time',
        (s) => `${ms(s.median.baseline.wallMs)}${range(s.runs.map((r) => r.baseline.wallMs))}`,
      ),
      row('**Ratio full / baseline (wall)**', (s) => `**${ratio(pairedRatio(s, (r) => r.wallMs))}**`),
      row('Ratio full / baseline (CPU time)', (s) => ratio(pairedRatio(s, (r) => r.cpuMs))),
      row('Full build, time per HTML page', (s) => ms(s.median.ours.msPerPage)),
      row('Baseline, time per page', (s) => ms(s.median.baseline.msPerPage)),
      row(
        'Full build, marginal time per added page (wall; CPU), from the previous size (a département: from ×1)',
        (s) => {
          const m = marginal(scales, s);
          return m ? `${ms(m.wall)}; ${ms(m.cpu)}` : '–';
        },
      ),
      row('Full build, CPU time', (s) => ms(s.median.ours.cpuMs)),
      row('Peak memory, build process tree (sampled)', (s) => kB(s.median.ours.peakTreeRssBytes)),
      row('Peak memory, Node build process (maxRSS)', (s) => kB(s.median.ours.maxRssBytes)),
      row('Baseline peak memory (process tree)', (s) => kB(s.median.baseline.peakTreeRssBytes)),
      row('Output: total bytes (files)', (s) => `${kB(s.dist.totalBytes)} (${s.dist.files})`),
      row('Output: HTML bytes', (s) => kB(s.dist.htmlBytes)),
      row('HTML page, average size by section', (s) =>
        Object.entries(s.dist.bytesBySection ?? {})
          .map(([k, v]) => `${k} ${kB(v / (s.dist.pagesBySection[k] ?? 1))}`)
          .join(', '),
      ),
      row('Largest HTML page', (s) =>
        s.dist.largestPage ? `${kB(s.dist.largestPage.bytes)} (${s.dist.largestPage.path})` : '–',
      ),
      row('Output: PDF bytes', (s) => kB(s.dist.pdf.totalBytes)),
      row('Search index: bytes (files)', (s) =>
        s.dist.search ? `${kB(s.dist.search.bytes)} (${s.dist.search.files})` : 'absent',
      ),
      row('First search « logement »: bytes transferred', (s) =>
        s.dist.search?.firstSearch
          ? `${kB(s.dist.search.firstSearch.bytes)}${s.dist.search.firstSearch.error ? ` (error: ${s.dist.search.firstSearch.error})` : ''}`
          : 'absent',
      ),
      row('Home page first visit', (s) => kB(s.dist.home.bytes)),
      row('Search page first visit (before searching)', (s) => kB(s.dist.searchPage?.bytes)),
      row(
        'Pages with JavaScript',
        (s) =>
          `${s.dist.js.pagesWithScript}${
            Object.keys(s.dist.js.sections).length
              ? ` (${Object.entries(s.dist.js.sections)
                  .map(([k, v]) => `${k} ${v}`)
                  .join(', ')})`
              : ''
          }`,
      ),
      row('Stand-alone content check (loadContent)', (s) => ms(s.loaderMs)),
      row('Domain work outside Astro, per page: commune; orientation answer; place (scripts/bench/domain.ts)', (s) =>
        s.domain
          ? `${s.domain.msPer.communePage.toFixed(2)}; ${s.domain.msPer.orientationPage.toFixed(2)}; ${s.domain.msPer.placePage.toFixed(3)} ms`
          : '–',
      ),
      row('Domain: one commune leaflet, rendered outside Astro', (s) => (s.domain ? ms(s.domain.msPer.leaflet) : '–')),
    ]),
  );
  out.push('');

  out.push('## Stages');
  out.push('');
  out.push(
    'Median milliseconds of each stage of `astro build`; the stages add up to the total, give or take a few milliseconds between hooks.',
  );
  out.push('');
  out.push(
    table(
      ['Stage', ...scales.flatMap((s) => [`${scaleName(s)} full`, `${scaleName(s)} baseline`])],
      stageRows.map(([key, label]) => [
        label,
        ...scales.flatMap((s) => [ms(s.median.ours.stages[key]), ms(s.median.baseline.stages[key])]),
      ]),
    ),
  );
  out.push('');

  out.push('## Leaflets');
  out.push('');
  out.push(
    table(head, [
      row('Leaflets (PDF routes)', (s) => s.leafletRoutes?.count ?? 0),
      row('Time per leaflet in the build, median', (s) => ms(s.leafletRoutes?.medianMs)),
      row('Time per leaflet in the build, mean (first included)', (s) => ms(s.leafletRoutes?.meanMs)),
      row('Time per leaflet in the build, first (fonts parsed, code warmed up)', (s) => ms(s.leafletRoutes?.firstMs)),
      row('Time per leaflet in the build, slowest after the first', (s) => ms(s.leafletRoutes?.maxAfterFirstMs)),
      row('renderLeaflet called directly: first call', (s) =>
        s.leafletDirect?.error ? `error: ${s.leafletDirect.error}` : ms(s.leafletDirect?.firstMs),
      ),
      row('renderLeaflet called directly: median, slowest of the next', (s) =>
        s.leafletDirect && !s.leafletDirect.error
          ? `${ms(s.leafletDirect.medianMs)}, ${ms(s.leafletDirect.maxMs)} (${s.leafletDirect.variants} leaflets)`
          : '–',
      ),
      row('Largest leaflet', (s) => (s.dist.pdf.count ? `${kB(s.dist.pdf.maxBytes)}` : '–')),
      row('All leaflets, bytes', (s) => kB(s.dist.pdf.totalBytes)),
    ]),
  );
  out.push('');

  if (one) {
    out.push('## First visit of the home page (×1)');
    out.push('');
    out.push(
      table(
        ['Request', 'Bytes'],
        one.dist.home.requests.map((r) => [`\`${r.url}\``, r.bytes]),
      ),
    );
    out.push('');
    if (one.dist.search?.firstSearch) {
      out.push(
        `## First search « ${one.dist.search.firstSearch.query} » (×1, ${one.dist.search.firstSearch.results} results, 5 opened)`,
      );
      out.push('');
      out.push(
        table(
          ['Request (under pagefind/)', 'Bytes'],
          one.dist.search.firstSearch.requests.map((r) => [`\`${r.url}\``, r.bytes]),
        ),
      );
      out.push('');
    }
  }

  out.push('## Integration hooks of 10 ms or more (first run)');
  out.push('');
  const hookKeys = [...new Set(scales.flatMap((s) => s.hooks.map((h) => `${h.integration} — ${h.hook}`)))];
  out.push(
    hookKeys.length
      ? table(
          ['Integration — hook', ...scales.map((s) => `${scaleName(s)}`)],
          hookKeys.map((key) => [
            key,
            ...scales.map((s) => ms(s.hooks.find((h) => `${h.integration} — ${h.hook}` === key)?.ms)),
          ]),
        )
      : 'None.',
  );
  out.push('');

  out.push('## What the numbers include');
  out.push('');
  out.push(
    [
      `- **Sizes.** ×1 is ${sizesSource(result.source)}.` +
        ' ×10 and ×100 copy it into a temporary folder and add 9 or 99 synthetic copies of every commune, place and topic (ids `<id>-synth-<k>`, names marked « synthétique », made-up 9xxxx INSEE codes and postcodes; each copied place points at the copy of its commune). Organisations, legal pages and data files are not multiplied. Every synthetic tree is checked with the stand-alone loader before it is built.',
      '- **Full build.** `astro build` of this repository in a child process, with a fresh output folder and a fresh Vite/Astro cache (a cold build, as in CI), so it contains whatever the build contains today: pages, endpoints, PDF routes, the search index integration. `scripts/build.ts` (build into a temporary folder, then swap dist/), when present, adds a folder rename on top; it is not measured.',
      '- **Baseline.** A bare Astro project generated in a temporary folder: Astro’s `glob` content loaders over every content folder (without schemas), as a bare Astro site of this content would read it (the full build hands Astro only the MDX collections, whose bodies it renders, and reads the data files once, in its content check’s worker), the same MDX integration, one trivial HTML page per entry (padded with numbered pages) so that it writes as many HTML pages as the full build; built with the same `node_modules/astro/astro.js`, right after the full build of each run, so both see the same machine load. The ratio full / baseline is our overhead; CPU-time ratios are less sensitive to other processes than wall times.',
      '- **Stages** come from `src/integrations/build-timings.mjs` (enabled by `SAI_TIMINGS=<file>`), which the bench adds to both builds through Astro’s inline config (`scripts/bench/astro-build.mjs` calls the same `build()` as `astro build`): it wraps every integration’s hooks to time them one by one, and notes when each Vite bundle closes. A stage begins when the first hook of its phase starts. *Content loading and validation* is astro:config:done → astro:build:start (Vite set-up, then the content layer: reading, parsing, validating every file against the schemas, and type generation). *Page rendering* is the end of the last Vite bundle → astro:build:generated, minus the PDF routes. *PDF generation* is the rendering stage’s share of the per-path times Astro prints that belong to .pdf routes (paths render three at a time, so their times overlap; it includes Astro’s endpoint call; `renderLeaflet` called directly, in the Leaflets table, shows the cost without Astro). *Search indexing* is the astro:build:done hook of the integration whose name contains “search” or “pagefind”.',
      '- **Isolation.** Everything is built under `.tmp/bench-*/` in the project: when the output folder is outside the working directory, Astro puts its server chunks in the project’s `.astro/`, where a build that was interrupted, or runs at the same time, leaves or mixes its own. Astro also writes `.astro/content-modules.mjs` (the list of MDX files of the content being built) there for every build: do not run the bench while another build of the same working copy runs (tests, another bench).',
      '- **Memory.** The process tree (Node, esbuild, Pagefind’s binary) is sampled every 100 ms from /proc (VmRSS of each process, summed); the Node build process also reports its own peak (maxRSS) at exit.',
      '- **Time per page** divides the full wall time by the number of HTML pages: fixed costs (start-up, bundling) weigh most at ×1.',
      '- **Bytes on the wire.** Text files (HTML, CSS, JS, JSON, SVG) count gzip-compressed (level 6, what static hosts serve); fonts, PDFs and Pagefind’s own files (already compressed) count as they are. kB = 1000 bytes.',
      '- **Home page first visit.** The HTML, its stylesheets, scripts, icon and images, and the web fonts whose unicode-range covers a character of the page (the first source, woff2). Every declared weight counts, which can only overstate.',
      '- **First search.** The built `pagefind.js` is loaded in Node with a `fetch` that reads dist/ and counts bytes; it searches « logement » and opens the first five results (one page of results). When the site publishes `pagefind-worker.js` (Pagefind’s default, searching in a Web Worker), a browser loads it too and it is added by hand; this site searches on the main thread and removes it. The search page’s own HTML, CSS and scripts are in *Search page first visit*.',
      '- **JavaScript.** A page counts when it has a `<script>` that a browser runs (JSON-LD data blocks do not count). Only the pages that budgets.config.json lets load a script (`javascript.allowedOn`: the search page, the orientation questions, which exist only with the script, and the income-ceilings form, which replaces links that work without it) are expected to have one; every answer page works without.',
    ].join('\n'),
  );
  out.push('');
  return out.join('\n');
}

/** The line after which docs/performance.md is written by hand (the test suite's figures); the bench keeps it and what follows. */
export const handWrittenMarker = '<!-- Written by hand below this line: `npm run bench` keeps it. -->';

/** Writes the generated report, keeping the hand-written part of the file it replaces. */
export async function writeReport(file: string, generated: string): Promise<void> {
  const previous = await readFile(file, 'utf8').catch(() => '');
  const at = previous.indexOf(handWrittenMarker);
  await writeFile(file, at >= 0 ? `${generated.trimEnd()}\n\n${previous.slice(at)}` : generated);
}
