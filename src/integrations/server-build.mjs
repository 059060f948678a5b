/**
 * Vite settings for a static site's two bundles, for speed; every file of dist/ is byte for byte
 * the same with or without them (checked on the CAHC site).
 *  - The server bundle is code that runs once, during the build, to render the pages, and is then
 *    deleted: nothing of it is published. Rollup's tree-shaking of it (one more pass over every
 *    module's syntax tree) took about 6 % of the bundling. And every module it bundles is an ES
 *    module (Astro's runtime, the project's TypeScript, the MDX; packages stay external): the
 *    CommonJS plugin, which scans each one for `require`, has nothing to convert.
 *  - The client bundle (the few scripts the site ships) keeps both; Vite need not gzip its files
 *    only to print their sizes (page-weight.mjs and the budgets test measure what is published).
 * Plain JavaScript, like astro.config.mjs, so that Node loads it without a loader.
 *
 * @returns {import('astro').AstroIntegration}
 */
export default function serverBuild() {
  return {
    name: 'sai-server-build',
    hooks: {
      'astro:build:setup': ({ vite, target }) => {
        vite.build =
          target === 'server'
            ? { ...vite.build, commonjsOptions: { include: [] }, rollupOptions: { ...vite.build?.rollupOptions, treeshake: false } }
            : { ...vite.build, reportCompressedSize: false };
      },
    },
  };
}
