/**
 * npm run audit:record — records the automated evidence of the RGAA audit for the sample pages
 * (content/accessibility-audit/audit.yaml) into content/accessibility-audit/automated/:
 *   axe.json  axe-core's RGAA rules, from the browser sweep (tests/browser/pages.test.ts);
 *   nu.json   the Nu HTML checker's verdict (tests/build/html-validity.test.ts);
 *   html.json what the built HTML decides by itself (tests/build/accessibility-audit.test.ts).
 * It runs those tests, limited to the sample pages, with SAI_AUDIT_RECORD=1: they write what they
 * find instead of comparing. Review the diff before committing it: a « fail » makes the criterion
 * non-compliant on that page. Reuses a build when SAI_TEST_DIST / SAI_TEST_DIST_ROOT are set.
 */
import './require-node.mjs';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { accessibilityAuditSchema } from '../src/schemas/accessibility-audit.ts';
import { sweepPathOf } from '../src/domain/audit-evidence.ts';

const audit = accessibilityAuditSchema.parse(parse(readFileSync('content/accessibility-audit/audit.yaml', 'utf8')));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const sweepNames = audit.pages
  .map(sweepPathOf)
  .filter((path): path is string => path !== undefined)
  .map((path) => ` /${escape(path)}$`);
// vitest matches -t against « describe name + test name »; the other tests are matched whole.
const pattern = `(${sweepNames.join('|')}|validateur Nu|audit d’accessibilité dans le site construit)`;

const run = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--project',
    'site',
    'tests/browser/pages.test.ts',
    'tests/build/html-validity.test.ts',
    'tests/build/accessibility-audit.test.ts',
    '--testTimeout',
    '1200000',
    '-t',
    pattern,
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, SAI_AUDIT_RECORD: '1' },
  },
);
if (run.status !== 0) {
  console.error(
    'Des tests ont échoué pendant le relevé : les fichiers écrits reflètent quand même ce qui a été trouvé. Corrigez, puis relancez.',
  );
  process.exitCode = run.status ?? 1;
} else {
  console.log(
    'Preuves enregistrées dans content/accessibility-audit/automated/ : relisez « git diff content/accessibility-audit/automated/ » avant de valider.',
  );
}
