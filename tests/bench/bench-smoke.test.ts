import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, withBuildLock } from '../harness.ts';
import { childEnv } from '../../scripts/bench/run-build.ts';
import type { BenchResult } from '../../scripts/bench/report.ts';

/**
 * The benchmark is not a test (CI does not run it in full): this only runs it once at ×1, into a
 * temporary folder, to keep it working as the build grows. On the small fixture site (`--content`),
 * which has every kind of page, a leaflet and the search index: what is kept working is the bench,
 * not the measurement of the real content.
 */
const fixtureSite = 'tests/fixtures/site';
describe('npm run bench, smoke run at ×1', () => {
  let dir: string;
  let result: BenchResult;
  let markdown: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sai-bench-smoke-'));
    // The bench builds this working copy: it takes its turn with the other test builds.
    const { code, output } = await withBuildLock(() =>
      run(
        process.execPath,
        [
          'scripts/bench.ts',
          '--scales',
          '1',
          '--runs',
          '1',
          '--content',
          fixtureSite,
          '--out',
          join(dir, 'performance.md'),
          '--json',
          join(dir, 'performance.json'),
        ],
        childEnv({}),
      ),
    );
    expect(code, output).toBe(0);
    result = JSON.parse(await readFile(join(dir, 'performance.json'), 'utf8')) as BenchResult;
    markdown = await readFile(join(dir, 'performance.md'), 'utf8');
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('measures one size, once, with every stage of the build and of the baseline', () => {
    expect(result.scales).toHaveLength(1);
    const [scale] = result.scales;
    expect(scale!.scale).toBe(1);
    expect(scale!.runs).toHaveLength(1);
    // The domain work per page, timed outside Astro (scripts/bench/domain.ts).
    expect(scale!.domain!.msPer.orientationPage).toBeGreaterThan(0);
    expect(scale!.domain!.msPer.leaflet).toBeGreaterThan(0);
    for (const side of ['ours', 'baseline'] as const) {
      const stages = scale!.median[side].stages;
      for (const name of [
        'startup',
        'config',
        'content',
        'bundle',
        'render',
        'pages',
        'postBuild',
        'exit',
        'total',
      ] as const) {
        expect(stages[name], `${side}.${name}`).toBeGreaterThanOrEqual(0);
      }
      expect(stages.content).toBeGreaterThan(0);
      expect(stages.bundle).toBeGreaterThan(0);
      expect(stages.render).toBeGreaterThan(0);
      expect(scale!.median[side].wallMs).toBeGreaterThan(0);
      expect(scale!.median[side].peakTreeRssBytes).toBeGreaterThan(0);
    }
    // Search and PDF are measured when the build has them, and said absent otherwise.
    expect(result.features.search).toBe(scale!.dist.search !== undefined);
    if (result.features.search) {
      expect(scale!.median.ours.stages.search).toBeGreaterThan(0);
      expect(scale!.dist.search!.firstSearch!.bytes).toBeGreaterThan(0);
      expect(scale!.dist.search!.firstSearch!.error).toBeUndefined();
    } else expect(markdown).toMatch(/search index \*\*absent\*\*/);
    if (result.features.leaflet) {
      expect(scale!.median.ours.stages.pdf).toBeGreaterThan(0);
      // One time per leaflet route, the first apart (it parses the fonts once per build).
      const routes = scale!.leafletRoutes!;
      expect(routes.count).toBe(scale!.dist.pdf.count);
      expect(routes.firstMs).toBeGreaterThan(0);
      expect(routes.meanMs * routes.count).toBeGreaterThanOrEqual(routes.firstMs);
      expect(routes.maxAfterFirstMs).toBeLessThanOrEqual(routes.maxMs);
      expect(markdown).toMatch(
        /\| Each leaflet rendered in under 100 ms \| ×1 build \(\d+ leaflets\): median \d+ ms, mean \d+ ms/,
      );
    } else expect(markdown).toMatch(/PDF leaflets \*\*absent\*\*/);
  });

  it('counts pages and bytes, and gives the ratio to the bare Astro build', () => {
    const [scale] = result.scales;
    expect(scale!.dist.htmlPages).toBeGreaterThan(20);
    // The baseline writes as many HTML pages as the full build.
    expect(scale!.median.baseline.pages).toBe(scale!.dist.htmlPages);
    expect(scale!.dist.totalBytes).toBeGreaterThan(scale!.dist.htmlBytes);
    expect(scale!.dist.home.bytes).toBeGreaterThan(0);
    const ratio = scale!.median.ours.wallMs / scale!.median.baseline.wallMs;
    expect(Number.isFinite(ratio) && ratio > 0).toBe(true);
    expect(markdown).toMatch(/Ratio full \/ baseline \(wall\)\*\* \| \*\*\d+\.\d\d×\*\*/);
    expect(markdown).toContain('## Machine');
    expect(result.source).toBe(fixtureSite);
    expect(markdown).toContain(`×1 is the content of ${fixtureSite}/`);
    expect(result.durationMs).toBeGreaterThan(scale!.median.ours.wallMs);
    expect(markdown).toMatch(/To measure again: `npm run bench` \(this run took \d+\.\d min on the machine below\)/);
    expect(markdown).toContain(result.machine.node);
  });
});
