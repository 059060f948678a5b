import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { projectRoot } from '../helpers/build';

/**
 * Astro imports astro.config.mjs with plain Node first and, when that fails, loads it again through
 * a Vite server, silently, for a second more of every build and every `astro dev`. An import that
 * Node cannot resolve (a TypeScript file, a package path without its extension…) would bring that
 * back: the config must load in a bare `node`.
 */
it('astro.config.mjs se charge dans Node sans Vite, avec les intégrations du projet', () => {
  const url = pathToFileURL(join(projectRoot, 'astro.config.mjs')).href;
  const names = execFileSync(process.execPath, ['--input-type=module', '-e', `const { default: c } = await import(${JSON.stringify(url)}); console.log(c.integrations.map((i) => i.name).join(','));`], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
  });
  expect(names.trim().split(',')).toEqual(expect.arrayContaining(['sai-content-check', 'sai-search-index', '@astrojs/mdx']));
});
