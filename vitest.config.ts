import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import LongestFirst from './tests/helpers/sequencer';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // One test file per core at a time. Builds take turns through tests/helpers/build-lock.ts,
    // so a build runs beside the browser sweep or the unit tests, never beside another build.
    maxWorkers: availableParallelism(),
    sequence: { sequencer: LongestFirst },
    // A worker keeps the modules it imported (content loader, schemas, leaflet…) from one test file
    // to the next instead of importing them again for each: the import time halves. No test
    // mocks a module or a global, so nothing a file changes leaks into the next.
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
        test: { name: 'site', include: ['tests/**/*.test.ts'], exclude: ['tests/unit/**'], globalSetup: ['tests/preflight.ts', 'tests/global-setup.ts'] },
      },
    ],
  },
});
