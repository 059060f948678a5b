/**
 * The project's own integrations, in one entry that astro.config.mjs bundles and imports natively
 * (see typescript-entry.mjs): Astro loads a config that imports TypeScript through a Vite server,
 * which costs more than a second of every build.
 */
export { default as contentCheck } from './content-check';
export { default as searchIndex } from './pagefind';
