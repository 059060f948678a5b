/**
 * npm run audit:screen-reader — a real screen reader (Orca, with Chromium, on a virtual display)
 * goes through the site's key journeys with the keyboard only, and what it said is recorded as
 * evidence of the RGAA audit: one file per journey in content/accessibility-audit/screen-reader/
 * (versions, pages, criteria, what a person must hear, the transcript). The declaration counts a
 * criterion that the RGAA checks with an assistive technology as met only with a passed journey.
 *
 * Reads the build in dist/ (npm run build), or the folder named by SAI_TEST_DIST. Needs Debian's
 * orca, xvfb, at-spi2-core, dbus-x11, xdotool and chromium (see .ci/run). Review the diff before
 * committing: a failed journey makes its criteria non-compliant.
 */
import './require-node.mjs';
import { mkdir, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { accessibilityAuditSchema } from '../src/schemas/accessibility-audit.ts';
import { journeys } from './screen-reader/journeys.ts';
import { evidenceOf, failureReport, passed, runJourneys } from './screen-reader/run.ts';

const folder = 'content/accessibility-audit/screen-reader';
const audit = accessibilityAuditSchema.parse(parse(readFileSync('content/accessibility-audit/audit.yaml', 'utf8')));
const dist = process.env.SAI_TEST_DIST ?? 'dist';
const only = process.argv.slice(2);
const chosen = only.length > 0 ? journeys.filter((j) => only.includes(j.id)) : journeys;
if (chosen.length === 0)
  throw new Error(`Parcours inconnu : ${only.join(', ')} (parcours : ${journeys.map((j) => j.id).join(', ')})`);

const run = await runJourneys(dist, chosen);
const date = new Date().toISOString().slice(0, 10);
await mkdir(folder, { recursive: true });
for (const result of run.results) {
  await writeFile(
    join(folder, `${result.id}.json`),
    `${JSON.stringify(evidenceOf(result, run, audit.referential, date), null, 2)}\n`,
  );
  console.log(
    `${passed(result) ? 'réussi' : 'ÉCHEC '}  ${result.id} (${result.seconds} s, ${result.transcript.length} énoncés)`,
  );
  if (!passed(result)) console.error(failureReport(result));
}
console.log(
  `${run.versions.orca}, ${run.versions.chromium} : ${run.results.length} parcours en ${run.seconds} s. Relisez « git diff ${folder} » avant de valider.`,
);
if (run.results.some((r) => !passed(r))) process.exitCode = 1;
