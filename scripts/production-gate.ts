/**
 * The production gate, run by scripts/build.ts before `astro build`: in a production build
 * (`--production`, or `production: true` in content/site.yaml) it returns the French list of what the
 * legal notice, the personal-data page and the accessibility declaration still lack; otherwise null.
 * A site.yaml that does not parse or validate is left to the content check, which names the error.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { siteSchema } from '../src/schemas/site.ts';
import { formatLegalGate, isProductionBuild, missingLegalItems } from '../src/domain/legal-gate.ts';
import { frenchSpacing } from '../src/domain/references.ts';

export async function productionGate(contentDir: string, args: readonly string[]): Promise<string | null> {
  const file = join(contentDir, 'site.yaml');
  let raw: unknown;
  try {
    raw = parse(await readFile(file, 'utf8'));
  } catch {
    return null;
  }
  const site = siteSchema.safeParse(raw);
  if (!site.success || !isProductionBuild(site.data, args)) return null;
  const missing = missingLegalItems(site.data);
  return missing.length === 0 ? null : frenchSpacing(formatLegalGate(missing, relative(process.cwd(), file) || file));
}
