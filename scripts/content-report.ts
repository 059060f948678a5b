/**
 * npm run content:report [dossier] — what the editors still have to complete: places without
 * contact details, topics to read again (« à relire »: past their review date as of today, or
 * citing a code article without a consultation date), empty cotation grid, unverified
 * income ceilings, unknown DALO delay, site settings, and the law's minimum-information checklist.
 */
import './require-node.mjs';
import { spawnSync } from 'node:child_process';
import { relative, resolve } from 'node:path';
import { loadContent } from '../src/content-loader/load.ts';
import type { DatedChange } from '../src/domain/content-date.ts';
import { formatIssues } from '../src/domain/references.ts';
import { contentReport, formatReport, localDay } from '../src/domain/report.ts';

/**
 * What git knows of the content since a day: files committed after it (with the commit's day) and
 * files changed but not committed yet (today). Nothing when the folder is not in a git repository.
 */
function gitChanges(dir: string, since: string, today: string): DatedChange[] {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: process.cwd(), encoding: 'utf8' });
  const top = git('rev-parse', '--show-toplevel');
  if (top.status !== 0) return [];
  const fromTop = (file: string) => relative(process.cwd(), resolve(top.stdout.trim(), file)).split('\\').join('/');
  const changes: DatedChange[] = [];
  const log = git('log', `--since=${since}T23:59:59`, '--format=@%cs', '--name-only', '--', dir);
  let day = '';
  for (const line of log.status === 0 ? log.stdout.split('\n') : []) {
    if (line.startsWith('@')) day = line.slice(1);
    else if (line.trim() && day > since) changes.push({ file: fromTop(line.trim()), date: day, what: 'modifié (git)' });
  }
  const status = git('status', '--porcelain', '--', dir);
  for (const line of status.status === 0 ? status.stdout.split('\n') : []) {
    if (line.trim())
      changes.push({ file: fromTop(line.slice(3).trim()), date: today, what: 'modifié, pas encore enregistré (git)' });
  }
  return changes;
}

const contentDir = resolve(process.argv[2] ?? process.env.SAI_CONTENT_DIR ?? 'content');
const { catalog, issues, bodies } = await loadContent(contentDir, process.cwd());
if (!catalog) {
  console.error(`Le contenu a ${issues.length} erreur(s) : corrigez-les d’abord (npm run check).`);
  console.error(formatIssues(issues));
  process.exitCode = 1;
} else {
  const today = localDay(new Date());
  console.log(
    formatReport(contentReport(catalog, today, bodies, gitChanges(contentDir, catalog.site.contentDate, today)), today),
  );
}
