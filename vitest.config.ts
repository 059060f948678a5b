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
    projects: [
      {
        extends: true,
        // `npm run test:quick`: unit, domain, schema and content tests; no browser, no build.
        test: { name: 'quick', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        // Everything else: the site is built once (with and without a base) before these run.
        test: { name: 'site', include: ['tests/**/*.test.ts'], exclude: ['tests/unit/**'], globalSetup: ['tests/global-setup.ts'] },
      },
    ],
  },
});
