import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The longest files first: the screen-reader journeys (the longest chain of waits, one Orca step
 * after the other) and the page sweep (it needs only the first of the global builds), then the
 * printouts, a long file that needs no build, and the files that build (they take turns under the
 * lock). Vitest's own order (by duration of the previous run, or by file size on a fresh clone)
 * started the sweep after five minutes of shorter files.
 */
const first = [
  'tests/screen-reader/journeys.test.ts',
  'tests/browser/pages.test.ts',
  'tests/browser/printouts.test.ts',
  'tests/leaflet/full-details.test.ts',
  'tests/typecheck.test.ts',
  'tests/build/territory-site.test.ts',
  'tests/build/directory-import.test.ts',
  'tests/build/atomic-build.test.ts',
  'tests/bench/bench-smoke.test.ts',
  'tests/browser/admin.test.ts',
  'tests/browser/orientation.test.ts',
  'tests/build/html-validity.test.ts',
  'tests/browser/search.test.ts',
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const i = first.findIndex((path) => file.moduleId.endsWith(path));
      return i < 0 ? first.length : i;
    };
    return sorted
      .map((file, i) => ({ file, i }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // One test file per core at a time. Builds take turns (tests/harness.ts), so a build runs
    // beside the browser sweep or the unit tests, never beside another build. One worker more, for the
    // screen-reader journeys that mostly wait for Orca, made the run slower (docs/testing.md).
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongestFirst },
    // A worker keeps the modules it imported (content loader, schemas, leaflet…) from one test file
    // to the next instead of importing them again for each: the import time halves. No test
    // mocks a module or changes a global (the search tests fetch the index over HTTP rather than
    // replacing fetch), so nothing a file changes leaks into the next.
    isolate: false,
    projects: [
      {
        extends: true,
        // `npm run test:quick`: unit, domain, schema and content tests; no browser, no build.
        test: { name: 'quick', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        // Everything else: the site is built once (with and without a base) while these run.
        test: {
          name: 'site',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/unit/**'],
          globalSetup: ['tests/preflight.ts', 'tests/harness.ts'],
        },
      },
    ],
  },
});
