/**
 * npm run build — builds the site into a temporary folder next to dist/ and puts it in place only
 * when the whole build succeeded (pages, search index, leaflets: everything `astro build` makes).
 * A failed build leaves the last good dist/ as it was, so a mistake in the content never takes
 * the published site down. Extra arguments go to `astro build`, except `--production`: that one (or
 * `production: true` in content/site.yaml) first checks that the legal pages lack nothing the law
 * requires, and stops with the list if they do (scripts/production-gate.ts).
 */
import './require-node.mjs';
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { buildAdmin } from './build-admin.ts';
import { productionGate } from './production-gate.ts';
import { astroCli } from './astro-cli.ts';

const root = process.cwd();
const outDir = resolve(root, process.env.SAI_OUT_DIR ?? 'dist');
const stamp = `${process.pid}-${Date.now()}`;
// Same parent folder as dist/: the final rename stays on one file system, so it is all but instant.
const tempDir = join(dirname(outDir), `.${basename(outDir)}.nouveau-${stamp}`);
const oldDir = join(dirname(outDir), `.${basename(outDir)}.ancien-${stamp}`);

function astroBuild(): Promise<number> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [astroCli, 'build', ...astroArgs], {
      cwd: root,
      stdio: 'inherit',
      env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env, SAI_OUT_DIR: tempDir },
    });
    child.on('error', () => done(1));
    child.on('close', (code, signal) => done(signal ? 1 : (code ?? 1)));
  });
}

// Interrupted (Ctrl+C): the half-built folder goes, dist/ stays.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    rmSync(tempDir, { recursive: true, force: true });
    process.exit(130);
  });
}

const args = process.argv.slice(2);
const astroArgs = args.filter((arg) => arg !== '--production');
const refusal = await productionGate(resolve(root, process.env.SAI_CONTENT_DIR ?? 'content'), args);
if (refusal) {
  console.error(`${refusal}\n\nLe site précédent (${basename(outDir)}/) n’a pas été modifié.`);
  process.exit(1);
}

const code = await astroBuild();
// The editing forms (/admin/): beside the site, never one of its pages (scripts/build-admin.ts).
const admin =
  code === 0
    ? await buildAdmin({ outDir: join(tempDir, 'admin') }).then(
        () => 0,
        (error: unknown) => (console.error(error), 1),
      )
    : code;
if (code !== 0 || admin !== 0) {
  await rm(tempDir, { recursive: true, force: true });
  console.error(`\nLa construction a échoué : le site précédent (${basename(outDir)}/) n’a pas été modifié.`);
  process.exit(code || admin);
}
if (existsSync(outDir)) await rename(outDir, oldDir);
await rename(tempDir, outDir);
await rm(oldDir, { recursive: true, force: true });
console.log(`\nSite construit et mis en place dans ${basename(outDir)}/.`);
