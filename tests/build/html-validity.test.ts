import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { projectRoot } from '../harness.ts';
import { builtDist } from '../harness.ts';
import { distFileOf, nuEvidence } from '../../src/domain/audit-evidence.ts';
import { compareWithRecorded, readAudit, recording, writeRecorded } from '../audit/evidence-files.ts';

interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

it('chaque fichier HTML passe le validateur Nu (vnu) sans erreur', async () => {
  const dist = await builtDist('distWithBase');
  // --skip-non-html: without it vnu parses the scripts and the JSON files as HTML.
  const run = spawnSync(
    'java',
    [
      '-jar',
      join(projectRoot, 'node_modules/vnu-jar/build/dist/vnu.jar'),
      '--skip-non-html',
      '--errors-only',
      '--format',
      'json',
      dist,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (run.error) throw new Error(`vnu n’a pas pu être lancé (Java est-il installé ?) : ${run.error.message}`);
  // vnu writes its JSON report on stderr.
  const { messages } = JSON.parse(run.stderr || run.stdout) as { messages: VnuMessage[] };
  const errors = messages
    .filter((m) => m.type === 'error' || m.subType === 'fatal' || m.type === 'non-document-error')
    .map((m) => {
      const file = m.url?.startsWith('file:') ? relative(dist, fileURLToPath(m.url)) : (m.url ?? '?');
      return `${file}:${m.lastLine ?? '?'}:${m.lastColumn ?? '?'} ${m.message}${m.extract ? ` — « ${m.extract.trim().slice(0, 80)} »` : ''}`;
    });
  // The accessibility audit's evidence for 8.1 and 8.2: the checker's verdict on each sample page.
  const audit = await readAudit();
  const nuTool = `Nu Html Checker (vnu-jar ${(JSON.parse(readFileSync(join(projectRoot, 'node_modules/vnu-jar/package.json'), 'utf8')) as { version: string }).version})`;
  const sample = Object.fromEntries(
    audit.pages.flatMap((page) => {
      const file = distFileOf(page);
      return file ? [[page.id, nuEvidence(errors.filter((e) => e.startsWith(`${file}:`)))]] : [];
    }),
  );
  if (recording) await writeRecorded('nu', nuTool, audit, sample);
  else expect(await compareWithRecorded('nu', nuTool, audit, sample)).toBeUndefined();
  expect(errors).toEqual([]);
  expect(run.status, run.stderr.slice(0, 2000)).toBe(0);
});
