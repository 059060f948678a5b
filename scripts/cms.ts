/**
 * npm run cms — the editing forms on this machine, without a forge: decap-server writes the files of
 * content/ in this folder (local mode), the forms are served at http://127.0.0.1:4322/admin/, and the
 * site itself runs in `astro dev` (http://127.0.0.1:4321/…) to see the result. Everything listens on
 * 127.0.0.1 only. Nothing is committed: review and commit the changes with git as usual.
 */
import './require-node.mjs';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveDist } from './static-server.mjs';
import { buildAdmin } from './build-admin.ts';
import { astroCli } from './astro-cli.ts';

const root = resolve(import.meta.dirname, '..');

/**
 * decap-server in its file-system mode (`MODE=fs`: it writes the files and runs no git command;
 * its `git` mode runs `git add .`), bound to 127.0.0.1. Resolves once it answers.
 */
export function startDecapServer(options: { repoDir: string; port: number }): Promise<ChildProcess> {
  const entry = createRequire(import.meta.url).resolve('decap-server/dist/index.js');
  const child = spawn(process.execPath, [entry], {
    cwd: options.repoDir,
    env: {
      ...process.env,
      MODE: 'fs',
      BIND_HOST: '127.0.0.1',
      PORT: String(options.port),
      GIT_REPO_DIRECTORY: options.repoDir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  return (async () => {
    for (const started = Date.now(); Date.now() - started < 30_000; await new Promise((r) => setTimeout(r, 200))) {
      if (exited !== undefined) throw new Error(`decap-server s’est arrêté (code ${exited}) :\n${output}`);
      const answered = await fetch(`http://127.0.0.1:${options.port}/api/v1`, {
        method: 'POST',
        body: '{}',
        headers: { 'Content-Type': 'application/json' },
      }).then(
        () => true,
        () => false,
      );
      if (answered) return child;
    }
    child.kill();
    throw new Error(`decap-server ne répond pas :\n${output}`);
  })();
}

async function main(): Promise<void> {
  const decapPort = Number(process.env.SAI_CMS_API_PORT ?? 8081);
  const adminPort = Number(process.env.SAI_CMS_PORT ?? 4322);
  const folder = join(root, '.tmp/cms');
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await copyFile(join(root, 'public/_headers'), join(folder, '_headers'));
  await buildAdmin({ outDir: join(folder, 'admin'), localBackend: `http://127.0.0.1:${decapPort}/api/v1` });
  const decap = await startDecapServer({ repoDir: root, port: decapPort });
  const admin = await serveDist({ root: folder, base: '/', port: adminPort });
  const astro = spawn(process.execPath, [astroCli, 'dev', '--host', '127.0.0.1'], {
    cwd: root,
    stdio: 'inherit',
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...process.env },
  });
  console.log(
    `\nFormulaires d’édition : ${admin.url('admin/')}  (bouton « Se connecter », sans mot de passe en mode local)`,
  );
  console.log(
    'Les fichiers de content/ sont modifiés directement dans ce dossier ; vérifiez-les avec « git diff » puis « npm run check ».',
  );
  console.log('Arrêt : Ctrl+C.\n');
  const stop = async () => {
    astro.kill('SIGTERM');
    decap.kill('SIGTERM');
    await admin.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  astro.on('exit', () => void stop());
  decap.on('exit', () => void stop());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
