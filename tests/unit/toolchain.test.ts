import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { supportLeft } from '../../scripts/outdated.ts';
import { nodeVersionProblem } from '../../scripts/require-node.mjs';
import { projectRoot } from '../harness.ts';

const engines = (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { engines: { node: string } })
  .engines.node;

describe('la version de Node.js', () => {
  it('refuse une version plus ancienne que engines, en français, et accepte égale ou plus récente', () => {
    expect(nodeVersionProblem('20.20.2', '>=24.11.0')).toMatch(
      /demande Node\.js 24\.11\.0 ou plus récent ; .* Node\.js 20\.20\.2/,
    );
    expect(nodeVersionProblem('v24.10.9', '>=24.11.0')).toMatch(/npm run build/);
    expect(nodeVersionProblem('24.11.0', '>=24.11.0')).toBeUndefined();
    expect(nodeVersionProblem('24.21.0', '>=24.11.0')).toBeUndefined();
    expect(nodeVersionProblem('26.0.0', '>=24.11.0')).toBeUndefined();
    expect(nodeVersionProblem('24.21.0', '^24')).toMatch(/engines\.node/);
  });

  it('les scripts npm tournent sur une version que engines accepte', () => {
    expect(nodeVersionProblem(process.versions.node, engines)).toBeUndefined();
  });

  // The machine's own Node.js (Debian 12's is 20): a script started without npm stops with the message.
  it.runIf(existsSync('/usr/bin/node'))('un script lancé sans npm, sur le Node.js du système', async () => {
    const result = await promisify(execFile)('/usr/bin/node', [join(projectRoot, 'scripts/require-node.mjs')], {
      env: { PATH: '/usr/bin:/bin' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    const { stdout: version } = await promisify(execFile)('/usr/bin/node', ['--version']);
    if (nodeVersionProblem(version.trim(), engines)) {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/Ce projet demande Node\.js [\s\S]*Lancez-la avec npm/);
    } else expect(result.code).toBe(0);
  });
});

describe('la fin de prise en charge de Node.js', () => {
  it('compte les jours jusqu’à la fin de vie de la version majeure', () => {
    expect(supportLeft('v24.21.0', new Date('2026-12-06T00:00:00Z'))).toEqual({ endOfLife: '2028-04-30', days: 511 });
    expect(supportLeft('20.20.2', new Date('2026-12-06T00:00:00Z'))?.days).toBeLessThan(0);
    expect(supportLeft('v25.1.0', new Date())).toBeUndefined();
  });
});

describe('astro.config.mjs', () => {
  // Astro imports the config with Node first and, if that fails for any reason, silently loads it
  // again through a Vite server (half a second per build). Node loads TypeScript itself, as long as
  // every relative import names its file with its extension: this keeps it so.
  it('se charge avec Node seul, sans Vite (chaque import nomme son fichier avec son extension)', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "const c = await import('./astro.config.mjs'); console.log(c.default.integrations.length)",
      ],
      { cwd: projectRoot },
    );
    expect(Number(stdout.trim())).toBeGreaterThan(0);
  });
});
