import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { projectRoot } from '../helpers/build';
import { builtDist } from '../helpers/dist';

const distWithBase = await builtDist('distWithBase');

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

it('chaque fichier HTML passe le validateur Nu (vnu) sans erreur', () => {
  const dist = distWithBase;
  // --skip-non-html: without it vnu parses the scripts and the JSON files as HTML.
  const run = spawnSync('java', ['-jar', join(projectRoot, 'node_modules/vnu-jar/build/dist/vnu.jar'), '--skip-non-html', '--errors-only', '--format', 'json', dist], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw new Error(`vnu n’a pas pu être lancé (Java est-il installé ?) : ${run.error.message}`);
  // vnu writes its JSON report on stderr.
  const { messages } = JSON.parse(run.stderr || run.stdout) as { messages: VnuMessage[] };
  const errors = messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error')
    .map((m) => {
      const file = m.url?.startsWith('file:') ? relative(dist, fileURLToPath(m.url)) : (m.url ?? '?');
      return `${file}:${m.lastLine ?? '?'}:${m.lastColumn ?? '?'} ${m.message}${m.extract ? ` — « ${m.extract.trim().slice(0, 80)} »` : ''}`;
    });
  expect(errors).toEqual([]);
  expect(run.status, run.stderr.slice(0, 2000)).toBe(0);
});
