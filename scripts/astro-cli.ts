import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Astro's command-line entry, read from its package.json `bin` so that a release that moves it
 * (Astro 7 moved `astro.js` to `bin/astro.mjs`) does not break the scripts and tests that spawn it
 * with the project's Node.
 */
const require = createRequire(import.meta.url);
const manifest = require('astro/package.json') as { bin: { astro: string } };
export const astroCli = join(dirname(require.resolve('astro/package.json')), manifest.bin.astro);
