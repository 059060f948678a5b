import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  accessibilityAuditSchema,
  automatedEvidenceSchema,
  type AccessibilityAuditData,
  type AutomatedEvidenceData,
} from '../../src/schemas/accessibility-audit.ts';
import {
  evidenceDifferences,
  evidenceFile,
  evidenceMismatchMessage,
  serializeEvidence,
  type PageEvidence,
} from '../../src/domain/audit-evidence.ts';
import { projectRoot } from '../harness.ts';

/**
 * The recorded automated evidence of the RGAA audit (content/accessibility-audit/automated/), as
 * the tests that produce it read and write it. `npm run audit:record` runs those tests with
 * SAI_AUDIT_RECORD=1: they then write what they found instead of comparing.
 */
export const recording = process.env.SAI_AUDIT_RECORD === '1';
const auditDir = join(projectRoot, 'content/accessibility-audit');

export async function readAudit(): Promise<AccessibilityAuditData> {
  return accessibilityAuditSchema.parse(parse(await readFile(join(auditDir, 'audit.yaml'), 'utf8')));
}

export function evidencePath(name: string): string {
  return `content/accessibility-audit/automated/${name}.json`;
}

export async function readRecorded(name: string): Promise<AutomatedEvidenceData | undefined> {
  const text = await readFile(join(projectRoot, evidencePath(name)), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : automatedEvidenceSchema.parse(JSON.parse(text));
}

/**
 * Compares what this run found on some sample pages with the recorded file: undefined when they
 * agree, else the message for the developer. When recording, nothing is compared.
 */
export async function compareWithRecorded(
  name: string,
  tool: string,
  audit: AccessibilityAuditData,
  pages: Record<string, PageEvidence>,
): Promise<string | undefined> {
  const fresh = evidenceFile(audit.referential, tool, pages);
  const differences = evidenceDifferences(await readRecorded(name), fresh, Object.keys(pages));
  return differences.length > 0 ? evidenceMismatchMessage(evidencePath(name), differences) : undefined;
}

/**
 * Writes the evidence of the pages this run saw; the recorded pages it did not see (a run limited
 * with -t) are kept, those no longer in the sample are dropped.
 */
export async function writeRecorded(
  name: string,
  tool: string,
  audit: AccessibilityAuditData,
  pages: Record<string, PageEvidence>,
): Promise<void> {
  const sample = new Set(audit.pages.map((p) => p.id));
  const kept = Object.fromEntries(
    Object.entries((await readRecorded(name))?.pages ?? {}).filter(([id]) => sample.has(id) && !(id in pages)),
  );
  await writeFile(
    join(projectRoot, evidencePath(name)),
    serializeEvidence(evidenceFile(audit.referential, tool, { ...kept, ...pages })),
  );
}
