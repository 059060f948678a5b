/**
 * @astrojs/sitemap, loaded in the background once a build has started, and not at all by `astro
 * dev`. Its module (with zod 4 and the sitemap package) took about 90 ms to load with the
 * configuration, on the path of every build and every `astro dev`, for two hooks that only keep the
 * routes and the configuration until the end of the build: they are kept here and handed over then.
 * Plain JavaScript, like astro.config.mjs, so that Node loads it without a loader.
 *
 * @param {import('@astrojs/sitemap').SitemapOptions} [options]
 * @returns {import('astro').AstroIntegration}
 */
export default function sitemap(options) {
  /** @type {Promise<typeof import('@astrojs/sitemap')> | undefined} */
  let loading;
  /** @type {Map<string, unknown>} */
  const kept = new Map();
  return {
    name: '@astrojs/sitemap',
    hooks: {
      'astro:config:setup': ({ command }) => {
        // Settles during the build's first idle moments; awaited at its end.
        if (command === 'build') loading = import('@astrojs/sitemap');
      },
      'astro:routes:resolved': (params) => void kept.set('astro:routes:resolved', params),
      'astro:config:done': (params) => void kept.set('astro:config:done', params),
      'astro:build:done': async (params) => {
        const integration = (await (loading ?? import('@astrojs/sitemap'))).default(options);
        /** @type {Record<string, ((params: any) => unknown) | undefined>} */
        const hooks = integration.hooks;
        for (const [hook, earlier] of kept) await hooks[hook]?.(earlier);
        await hooks['astro:build:done']?.(params);
      },
    },
  };
}
