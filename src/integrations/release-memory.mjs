import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * V8 runs a full collection only when the heap grows further, so the build's garbage was still
 * held at the two moments its memory peaked:
 *  - when Rollup starts writing the server bundle, the transforms' leftovers (compiled .astro and
 *    MDX files, esbuild's output) are garbage: collecting them first lowered the peak by about 10 MB;
 *  - once the pages are bundled, Vite's modules and their syntax trees are garbage: page rendering
 *    peaked with them still held (about 415 MB for the CAHC, 360 MB with them released).
 * A full collection costs a few tens of milliseconds.
 * Plain JavaScript, like astro.config.mjs, so that Node loads it without a loader.
 *
 * @returns {import('astro').AstroIntegration}
 */
export default function releaseMemory() {
  // Node hands out V8's collector only with --expose-gc, and `astro build`'s command line is not
  // ours: the flag is set now, and a new context gets the `gc` function it enables.
  const collect = () => {
    setFlagsFromString('--expose-gc');
    runInNewContext('gc')();
  };
  return {
    name: 'sai-release-memory',
    hooks: {
      'astro:build:setup': ({ vite, target }) => {
        if (target !== 'server') return;
        vite.plugins = [...(vite.plugins ?? []), { name: 'sai-release-memory', buildEnd: collect }];
      },
      'astro:build:ssr': collect,
    },
  };
}
