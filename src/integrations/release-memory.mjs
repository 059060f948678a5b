import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Once Vite has bundled the pages, its modules' syntax trees are garbage, but V8 runs a full
 * collection only when the heap grows further, so the build's peak memory came during page
 * rendering, with that garbage still held (about 415 MB for the CAHC, 360 MB with it released).
 * One full collection between bundling and rendering costs a few tens of milliseconds.
 * Plain JavaScript, like astro.config.mjs, so that Node loads it without a loader.
 *
 * @returns {import('astro').AstroIntegration}
 */
export default function releaseMemory() {
  return {
    name: 'sai-release-memory',
    hooks: {
      'astro:build:ssr': () => {
        // Node hands out V8's collector only with --expose-gc, and `astro build`'s command line is
        // not ours: the flag is set now, and a new context gets the `gc` function it enables.
        setFlagsFromString('--expose-gc');
        runInNewContext('gc')();
      },
    },
  };
}
