import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEnv } from '../../scripts/bench/run-build.ts';
import { projectRoot } from '../harness.ts';
import { editorFixtures } from '../helpers/fixtures.ts';
import { astroCli } from '../../scripts/astro-cli.ts';

/**
 * `astro dev` follows an editor: an edit of a content file, and an edit of a schema, show on the
 * next reload, without a restart. Run on a copy of the project (its code and the small content of
 * the editors' fixtures), since the test edits a schema.
 */

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

let copy: string;
let dev: ChildProcess | undefined;
let output = '';
let origin = '';

async function page(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${origin}${path}`);
  return { status: response.status, text: await response.text() };
}

/** Polls the page until `seen` holds for its text (the dev server re-checks the content in the background). */
async function until(path: string, seen: (text: string, status: number) => boolean, seconds = 60): Promise<string> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    const { text, status } = await page(path).catch(() => ({ text: '', status: 0 }));
    if (seen(text, status)) return text;
    await sleep(200);
  }
  throw new Error(`la page ${path} n’a pas changé en ${seconds} s.\nSortie de astro dev :\n${output}`);
}

beforeAll(async () => {
  // Outside the project: its .tmp/ is not watched by `astro dev` (astro.config.mjs).
  copy = await mkdtemp(join(tmpdir(), 'sai-dev-'));
  for (const entry of ['src', 'public', 'vendor', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(join(projectRoot, entry), join(copy, entry), { recursive: true });
  }
  await cp(join(editorFixtures, 'base'), join(copy, 'content'), { recursive: true });
  await symlink(join(projectRoot, 'node_modules'), join(copy, 'node_modules'));
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = spawn(process.execPath, [astroCli, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: copy,
    env: childEnv({ SAI_BASE: '/', SAI_CACHE_DIR: join(copy, '.cache') }),
  });
  dev.stdout?.on('data', (chunk) => (output += chunk));
  dev.stderr?.on('data', (chunk) => (output += chunk));
  // Starting takes a few seconds on a quiet machine, much longer on a busy one.
  await until('/communes/carvin/', (text) => text.includes('<h1'), 280);
});

afterAll(async () => {
  if (dev && dev.exitCode === null) {
    const exited = new Promise((done) => dev!.once('exit', done));
    dev.kill();
    await exited;
  }
  if (copy) await rm(copy, { recursive: true, force: true });
});

describe('astro dev suit les modifications sans redémarrer', () => {
  it('un lieu renommé dans son fichier', async () => {
    const file = join(copy, 'content/places/caf-carvin.yaml');
    const text = await readFile(file, 'utf8');
    expect(text).toMatch(/^name: CAF du Pas-de-Calais – antenne de Carvin$/m);
    await writeFile(file, text.replace(/^name: .*$/m, 'name: CAF du Pas-de-Calais – antenne modifiée'));
    await until('/communes/carvin/', (html) => html.includes('antenne modifiée'));
  });

  it('un schéma modifié (le nom des lieux en capitales)', async () => {
    const file = join(copy, 'src/schemas/place.ts');
    const text = await readFile(file, 'utf8');
    const edited = text.replace(
      '    name: z.string().min(1),',
      '    name: z.string().min(1).transform((name) => name.toUpperCase()),',
    );
    expect(edited).not.toBe(text);
    await writeFile(file, edited);
    await until('/communes/carvin/', (html) => html.includes('ANTENNE MODIFIÉE'));
  });

  it('une erreur dans le contenu est signalée en français, puis disparaît une fois corrigée', async () => {
    const file = join(copy, 'content/places/caf-carvin.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace(/^commune: carvin$/m, 'commune: carvn'));
    // The page fails with the check's list (Astro's error overlay shows it), and the terminal prints it.
    await until('/communes/carvin/', (_html, status) => status === 500);
    expect(output).toContain('content/places/caf-carvin.yaml:5 — commune — commune inconnue');
    await writeFile(file, text);
    await until('/communes/carvin/', (html, status) => status === 200 && html.includes('ANTENNE MODIFIÉE'));
  });
});
