/**
 * Stops a command run on a Node.js older than package.json's `engines` with a message in French.
 * npm scripts run on the Node.js that `npm ci` installs in node_modules/.bin (the node-linux-*
 * packages, first on npm run's PATH); a script started by hand with `node …` runs on the machine's
 * own Node.js, which on Debian 12 is 20, out of support since April 2026 (`npx node …` runs the
 * project's). Plain JavaScript, so that it runs, and explains, on any Node.js. (A TypeScript script
 * stops earlier on Node 20, which cannot read .ts files: « Unknown file extension ".ts" ».)
 */
import { readFileSync } from 'node:fs';

/**
 * The message for `version` against a `>=x.y.z` range, or undefined when it is recent enough.
 * @param {string} version
 * @param {string} range
 * @returns {string | undefined}
 */
export function nodeVersionProblem(version, range) {
  const minimum = /^>=\s*(\d+)\.(\d+)\.(\d+)$/.exec(range.trim());
  if (!minimum) return `package.json : engines.node devrait être de la forme « >=24.11.0 » (lu : « ${range} »)`;
  const have = version.replace(/^v/, '').split('.').map(Number);
  const need = minimum.slice(1).map(Number);
  const older = need.findIndex((part, i) => (have[i] ?? 0) !== part);
  if (older === -1 || (have[older] ?? 0) > need[older]) return undefined;
  return [
    `Ce projet demande Node.js ${need.join('.')} ou plus récent ; cette commande tourne sur Node.js ${version.replace(/^v/, '')}.`,
    'Lancez-la avec npm (npm run build, npm run check, npm test…) : npm utilise le Node.js que « npm ci » installe',
    'dans node_modules/.bin. Sans npm : npx, ou ajoutez node_modules/.bin au début de votre PATH.',
  ].join('\n');
}

const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const problem = nodeVersionProblem(process.versions.node, manifest.engines.node);
if (problem) {
  console.error(problem);
  process.exit(1);
}
