/**
 * npm run content:report [dossier] — what the editors still have to complete: places without
 * contact details, topics to read again (« à relire »: past their review date as of today, or
 * citing a code article without a consultation date), empty cotation grid, unverified
 * income ceilings, unknown DALO delay, site settings, and the law's minimum-information checklist.
 */
import { resolve } from 'node:path';
import { loadContent } from '../src/content-loader/load';
import { formatIssues } from '../src/domain/references';
import { contentReport, formatReport, localDay } from '../src/domain/report';

const contentDir = resolve(process.argv[2] ?? process.env.SAI_CONTENT_DIR ?? 'content');
const { catalog, issues, bodies } = await loadContent(contentDir, process.cwd());
if (!catalog) {
  console.error(`Le contenu a ${issues.length} erreur(s) : corrigez-les d’abord (npm run check).`);
  console.error(formatIssues(issues));
  process.exitCode = 1;
} else {
  const today = localDay(new Date());
  console.log(formatReport(contentReport(catalog, today, bodies), today));
}
