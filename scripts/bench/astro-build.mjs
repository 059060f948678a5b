/**
 * `astro build` for the benchmark: the very function the CLI calls (same config file, same logger,
 * same output), with the timing integration added through Astro's inline config, so that
 * astro.config.mjs stays as it is. Run with plain `node` in the project to build (ours or the
 * baseline's); `astro` resolves to this repository's node_modules in both cases.
 */
import buildTimings from './build-timings.mjs';

const { build } = await import('astro');
const timings = buildTimings();
try {
  await build({ integrations: [timings] });
} catch (error) {
  console.error(error);
  process.exit(1);
}
