/**
 * npm run bench — measures the whole build (pages, search index, leaflets) on the real content and
 * on synthetic territories ×10 and ×100, against a bare Astro build of as many trivial pages, and
 * writes docs/performance.md. Not a test: CI does not run it (tests/bench/bench-smoke.test.ts runs
 * it once at ×1 to keep it working).
 *
 *   npm run bench                                   # ×1 ×10 ×100, 3/3/1 runs, writes docs/performance.md
 *   npm run bench -- --scales 1,10 --runs 5         # other sizes or repetitions
 *   npm run bench -- --runs 1:3,10:3,100:2          # repetitions per size
 *   npm run bench -- --out /tmp/perf.md --json /tmp/perf.json --keep
 *   npm run bench -- --render /tmp/a.json,/tmp/b.json   # rewrite the report from saved figures
 *   npm run bench -- --synthetic faithful           # copies of places stay in their commune's copy,
 *                                                   # even if the leaflets overflow (default: auto)
 *   npm run bench -- --scales 10 --departement 62    # also a whole département from the official
 *                                                   # geography (scripts/bench/synthetic.ts), 1 run
 *   npm run bench -- --content ../autre/content     # another territory's content instead of content/
 *                                                   # (the sizes copy it, the département starts from it)
 */
import './require-node.mjs';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import { loadContent } from '../src/content-loader/load.ts';
import { formatIssues } from '../src/domain/references.ts';
import { writeBaselineProject } from './bench/baseline.ts';
import { analyseDist } from './bench/dist.ts';
import { leafletProblem, timeLeaflets } from './bench/leaflets.ts';
import { renderReport, writeReport, type BenchResult, type RunSummary, type ScaleResult } from './bench/report.ts';
import { childEnv, runAstroBuild, type BuildRun } from './bench/run-build.ts';
import { median, slowHooks, stagesOf } from './bench/stages.ts';
import { domainTimings } from './bench/domain.ts';
import { officialData } from '../src/territory/official.ts';

/** The département's name and number of communes, from the official geography (read only when asked). */
const departementName = (code: string) => officialData().departements.get(code)?.nom ?? code;
const communesOf = (code: string) => [...officialData().communes.values()].filter((c) => c.departement === code).length;
import { makeDepartementContent, makeSyntheticContent, type SyntheticOptions } from './bench/synthetic.ts';

type SyntheticMode = NonNullable<SyntheticOptions['mode']>;

const projectRoot = resolve(import.meta.dirname, '..');

interface Options {
  scales: number[];
  runs: Map<number, number>;
  defaultRuns?: number;
  out: string;
  json?: string;
  /** Re-render the report from a JSON result (--json of an earlier run) without measuring. */
  render?: string;
  keep: boolean;
  query: string;
  /** How places are copied: faithful, offsite, or auto (faithful unless the leaflets overflow). */
  synthetic: 'auto' | SyntheticMode;
  /** A département code (« 62 »): adds a build of the whole département, after the sizes. */
  departement?: string;
  /** The content the sizes copy (`--content`; content/ by default). */
  source: string;
}

const defaultRuns = new Map([
  [1, 3],
  [10, 3],
  [100, 1],
]);

function parseArgs(argv: string[]): Options {
  const options: Options = {
    scales: [1, 10, 100],
    runs: new Map(defaultRuns),
    out: join(projectRoot, 'docs/performance.md'),
    keep: false,
    query: 'logement',
    synthetic: 'auto',
    source: join(projectRoot, 'content'),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split('=', 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--scales') options.scales = value().split(',').map(Number);
    else if (flag === '--runs') {
      const spec = value();
      if (/^\d+$/.test(spec)) options.defaultRuns = Number(spec);
      else
        for (const pair of spec.split(',')) {
          const [scale, runs] = pair.split(':').map(Number);
          options.runs.set(scale!, runs!);
        }
    } else if (flag === '--out') options.out = resolve(value());
    else if (flag === '--json') options.json = resolve(value());
    else if (flag === '--render') options.render = value();
    else if (flag === '--query') options.query = value();
    else if (flag === '--departement') options.departement = value();
    else if (flag === '--content') options.source = resolve(value());
    else if (flag === '--keep') options.keep = true;
    else if (flag === '--synthetic') {
      const mode = value();
      if (mode !== 'auto' && mode !== 'faithful' && mode !== 'offsite')
        throw new Error('--synthetic: auto, faithful or offsite');
      options.synthetic = mode;
    } else if (flag === '--help' || flag === '-h') {
      console.log(readFileSync(import.meta.filename, 'utf8').split('*/')[0]);
      process.exit(0);
    } else throw new Error(`unknown option ${flag} (see --help)`);
  }
  if (options.scales.some((s) => !Number.isInteger(s) || s < 1))
    throw new Error('--scales: whole numbers ≥ 1, e.g. 1,10,100');
  return options;
}

const runsFor = (options: Options, scale: number) => options.defaultRuns ?? options.runs.get(scale) ?? 1;

function git(...args: string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd: projectRoot,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

function summarise(run: BuildRun, htmlPages: number): RunSummary {
  const resources = run.timings?.resources;
  return {
    wallMs: run.wallMs,
    stages: stagesOf(run),
    peakTreeRssBytes: run.peakTreeRssBytes,
    maxRssBytes: resources?.maxRssBytes,
    cpuMs: resources ? resources.userCpuMs + resources.systemCpuMs + (resources.childrenCpuMs ?? 0) : undefined,
    msPerPage: run.wallMs / Math.max(1, htmlPages),
  };
}

/** A size whose build failed: the bench goes on with the other sizes and the report says why. */
class BuildFailure extends Error {}

function failure(label: string, run: BuildRun): BuildFailure {
  // eslint-disable-next-line no-control-regex
  const lines = run.output.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const errors = lines.filter((line) => /error|erreur|dépasse/i.test(line) && !/^\s+at /.test(line)).slice(0, 3);
  return new BuildFailure(
    `${label}: astro build exited with code ${run.code}: ${(errors.length ? errors : lines.slice(-5)).join(' / ').trim()}`,
  );
}

const log = (message: string) => console.log(`[bench] ${message}`);

async function prepareContent(work: string, source: string, scale: number, mode: SyntheticMode, departement?: string) {
  const contentDir = join(work, departement ? `content-dep${departement}` : `content-x${scale}`);
  await rm(contentDir, { recursive: true, force: true });
  const counts = departement
    ? await makeDepartementContent(source, contentDir, departement)
    : await makeSyntheticContent(source, contentDir, scale, { mode });
  // The same checks the build makes, without Astro: the synthetic content must be valid.
  const loadStart = performance.now();
  // Paths in messages relative to the work folder; pages and components read from this project.
  const loaded = await loadContent(contentDir, work, { sourceRoot: projectRoot });
  const loaderMs = performance.now() - loadStart;
  if (!loaded.catalog) throw new Error(`synthetic content ×${scale} is invalid:\n${formatIssues(loaded.issues)}`);
  const site = parse(await readFile(join(contentDir, 'site.yaml'), 'utf8')) as { basePath?: string };
  const base = process.env.SAI_BASE ?? site.basePath ?? '/';
  return { contentDir, counts, loaderMs, catalog: loaded.catalog, base };
}

async function benchScale(options: Options, work: string, scale: number, departement?: string): Promise<ScaleResult> {
  let content = await prepareContent(
    work,
    options.source,
    scale,
    options.synthetic === 'offsite' ? 'offsite' : 'faithful',
    departement,
  );
  // The leaflets list every registering desk: if a copied territory does not fit on them, the
  // build would fail at its last stage. Known in seconds by rendering them here; then the copies
  // of the places are made off-territory information points, and the report says so.
  let offsite: string | undefined = options.synthetic === 'offsite' ? 'asked for (--synthetic offsite)' : undefined;
  if (scale > 1 && options.synthetic === 'auto' && !departement) {
    const problem = await leafletProblem(projectRoot, content.catalog, content.base);
    if (problem) {
      offsite = problem;
      log(`×${scale}: a faithful copy does not fit on the leaflets (${problem}); copies of places made off-territory`);
      content = await prepareContent(work, options.source, scale, 'offsite');
    }
  }
  const { contentDir, counts, loaderMs, base } = content;
  const loaded = { catalog: content.catalog };
  // The domain work per page, outside Astro (scripts/bench/domain.ts): what grows with the territory shows here first.
  const domain = await domainTimings(loaded.catalog);
  const label = departement ? `dép. ${departement}` : `×${scale}`;

  const runs = departement ? 1 : runsFor(options, scale);
  const summaries: ScaleResult['runs'] = [];
  let result: Omit<ScaleResult, 'runs' | 'median' | 'loadAverages'> | undefined;
  let baselineDir: string | undefined;
  const loads: number[] = [loadavg()[0]!];

  for (let r = 1; r <= runs; r++) {
    const runDir = join(work, `x${scale}-run${r}`);
    log(`${label} run ${r}/${runs}: full build…`);
    const ours = await runAstroBuild({
      cwd: projectRoot,
      env: childEnv({
        SAI_CONTENT_DIR: contentDir,
        SAI_OUT_DIR: join(runDir, 'dist'),
        SAI_CACHE_DIR: join(runDir, 'cache'),
      }),
      timingsFile: join(runDir, 'timings.json'),
    });
    if (ours.code !== 0) throw failure(`full build ${label}`, ours);

    if (!result) {
      // The output is the same on every run: measure it once.
      const dist = await analyseDist(join(runDir, 'dist'), base, options.query);
      const pdfRoutes = ours.routes.filter((route) => route.path.endsWith('.pdf')).map((route) => route.ms);
      result = {
        scale,
        counts,
        base,
        loaderMs,
        dist,
        leafletRoutes: pdfRoutes.length
          ? {
              count: pdfRoutes.length,
              medianMs: median(pdfRoutes)!,
              maxMs: Math.max(...pdfRoutes),
              firstMs: pdfRoutes[0]!,
              meanMs: pdfRoutes.reduce((sum, t) => sum + t, 0) / pdfRoutes.length,
              maxAfterFirstMs: pdfRoutes.length > 1 ? Math.max(...pdfRoutes.slice(1)) : pdfRoutes[0]!,
            }
          : undefined,
        leafletDirect: await timeLeaflets(projectRoot, loaded.catalog, base),
        hooks: slowHooks(ours),
        offsitePlaces: offsite,
        domain,
        ...(departement ? { label: `${departementName(departement)} (${departement})` } : {}),
      };
      baselineDir = await writeBaselineProject({
        projectRoot,
        dir: join(work, `baseline-x${scale}`),
        contentDir,
        pages: dist.htmlPages,
      });
    }

    const htmlPages = result.dist.htmlPages;
    log(`${label} run ${r}/${runs}: bare Astro baseline (${htmlPages} pages)…`);
    const baseline = await runAstroBuild({
      cwd: baselineDir!,
      // Its output inside its own folder, for the same reason as ours.
      env: childEnv({
        SAI_BASE: base,
        SAI_OUT_DIR: join(baselineDir!, `dist-run${r}`),
        SAI_CACHE_DIR: join(runDir, 'baseline-cache'),
      }),
      timingsFile: join(runDir, 'baseline-timings.json'),
    });
    if (baseline.code !== 0) throw failure(`baseline ${label}`, baseline);
    const baselinePages = (await analyseDist(join(baselineDir!, `dist-run${r}`), base, options.query)).htmlPages;
    if (!options.keep) await rm(join(baselineDir!, `dist-run${r}`), { recursive: true, force: true });

    summaries.push({
      ours: summarise(ours, htmlPages),
      baseline: { ...summarise(baseline, baselinePages), pages: baselinePages },
    });
    loads.push(loadavg()[0]!);
    log(
      `${label} run ${r}/${runs}: ${(ours.wallMs / 1000).toFixed(1)} s vs baseline ${(baseline.wallMs / 1000).toFixed(1)} s`,
    );
    if (!options.keep) await rm(runDir, { recursive: true, force: true });
  }

  const pick = (get: (s: RunSummary) => number | undefined, side: 'ours' | 'baseline') =>
    median(summaries.map((s) => get(s[side])).filter((v): v is number => v !== undefined));
  const medianStages = (side: 'ours' | 'baseline') =>
    Object.fromEntries(
      (Object.keys(summaries[0]![side].stages) as (keyof RunSummary['stages'])[]).map((name) => [
        name,
        pick((s) => s.stages[name], side),
      ]),
    ) as unknown as RunSummary['stages'];
  const medianOf = (side: 'ours' | 'baseline'): RunSummary => ({
    wallMs: pick((s) => s.wallMs, side)!,
    stages: medianStages(side),
    peakTreeRssBytes: pick((s) => s.peakTreeRssBytes, side),
    maxRssBytes: pick((s) => s.maxRssBytes, side),
    cpuMs: pick((s) => s.cpuMs, side),
    msPerPage: pick((s) => s.msPerPage, side)!,
    pages: pick((s) => s.pages, side),
  });
  return {
    ...result!,
    runs: summaries,
    median: { ours: medianOf('ours'), baseline: medianOf('baseline') },
    loadAverages: loads,
  };
}

export async function runBench(options: Options): Promise<BenchResult> {
  // Inside the project (.tmp/ is ignored by git): when outDir is outside the working directory,
  // Astro writes its server chunks to <root>/.astro/, shared by every build of the project, and a
  // build running at the same time (tests, another bench) mixes its chunks into ours.
  await mkdir(join(projectRoot, '.tmp'), { recursive: true });
  const work = await mkdtemp(join(projectRoot, '.tmp', 'bench-'));
  const cpu = cpus();
  const astroVersion = (
    JSON.parse(await readFile(join(projectRoot, 'node_modules/astro/package.json'), 'utf8')) as { version: string }
  ).version;
  const bench: BenchResult = {
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD'),
    dirty: Boolean(git('status', '--porcelain')),
    source: relative(projectRoot, options.source),
    machine: {
      cpuModel: cpu[0]?.model ?? 'unknown',
      cores: cpu.length,
      memoryBytes: totalmem(),
      os: `${platform()} ${release()}`,
      node: process.version,
      astro: astroVersion,
      loadBefore: loadavg(),
    },
    scales: [],
    failures: [],
    features: { search: false, leaflet: false },
  };
  try {
    for (const scale of options.scales) {
      try {
        bench.scales.push(await benchScale(options, work, scale));
      } catch (error) {
        if (!(error instanceof BuildFailure)) throw error;
        log(error.message);
        bench.failures.push({ scale, message: error.message });
      }
    }
    if (options.departement) {
      // Its place among the sizes: how many times the real content's communes it has.
      const scale = Math.round(
        communesOf(options.departement) / Math.max(1, (await readdir(join(options.source, 'communes'))).length),
      );
      try {
        bench.scales.push(await benchScale(options, work, scale, options.departement));
      } catch (error) {
        if (!(error instanceof BuildFailure)) throw error;
        log(error.message);
        bench.failures.push({ scale, message: error.message });
      }
    }
  } finally {
    if (!options.keep) await rm(work, { recursive: true, force: true });
    else log(`kept ${work}`);
  }
  bench.machine.loadAfter = loadavg();
  bench.features.search = bench.scales.some((s) => s.dist.search !== undefined);
  bench.features.leaflet = bench.scales.some((s) => s.dist.pdf.count > 0);
  return bench;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.render) {
    // Several files (comma-separated) make one report: e.g. ×1 and ×10 measured apart from ×100.
    const saved = await Promise.all(
      options.render.split(',').map(async (file) => JSON.parse(await readFile(resolve(file), 'utf8')) as BenchResult),
    );
    const merged: BenchResult = {
      ...saved[0]!,
      scales: saved.flatMap((r) => r.scales).sort((a, b) => a.scale - b.scale),
      failures: saved.flatMap((r) => r.failures ?? []),
      features: { search: saved.some((r) => r.features.search), leaflet: saved.some((r) => r.features.leaflet) },
      machine: { ...saved[0]!.machine, loadAfter: saved[saved.length - 1]!.machine.loadAfter },
    };
    await mkdir(dirname(options.out), { recursive: true });
    await writeReport(options.out, renderReport(merged));
    log(`wrote ${options.out} from ${options.render}`);
    return;
  }
  log(
    `scales ${options.scales.map((s) => `×${s} (${runsFor(options, s)} run${runsFor(options, s) > 1 ? 's' : ''})`).join(', ')}; load ${loadavg()[0]!.toFixed(2)} on ${cpus().length} cores`,
  );
  const started = performance.now();
  const result = await runBench(options);
  result.durationMs = performance.now() - started;
  await mkdir(dirname(options.out), { recursive: true });
  await writeReport(options.out, renderReport(result));
  log(`wrote ${options.out}`);
  if (options.json) {
    await mkdir(dirname(options.json), { recursive: true });
    await writeFile(options.json, JSON.stringify(result, null, 2));
    log(`wrote ${options.json}`);
  }
  if (result.failures.length > 0) process.exit(1);
}

if (import.meta.filename === process.argv[1] || process.argv[1]?.endsWith('scripts/bench.ts')) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
