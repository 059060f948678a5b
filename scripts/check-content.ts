/**
 * npm run check [dossier] — validates the content without building the site, and prints every
 * problem as `fichier:ligne — champ — ce qui ne va pas — attendu : … — conseil`. Exit code 1 on any
 * error (warnings alone do not fail).
 */
import './require-node.mjs';
import { resolve } from 'node:path';
import { loadContent } from '../src/content-loader/load.ts';
import { formatIssues, frenchSpacing } from '../src/domain/references.ts';

const started = performance.now();
const contentDir = resolve(process.argv[2] ?? process.env.SAI_CONTENT_DIR ?? 'content');
const { issues, warnings, catalog } = await loadContent(contentDir, process.cwd());
const seconds = ((performance.now() - started) / 1000).toFixed(1).replace('.', ',');

if (warnings.length > 0) {
  console.log(frenchSpacing(`Avertissements (${warnings.length}) — à regarder, ils n’empêchent pas la publication :`));
  console.log(formatIssues(warnings));
  console.log('');
}
if (issues.length > 0) {
  console.error(frenchSpacing(`Erreurs (${issues.length}) — à corriger avant de publier :`));
  console.error(formatIssues(issues));
  console.error('');
  console.error(
    `${issues.length} erreur(s) dans le contenu (vérifié en ${seconds} s). Le site ne sera pas construit tant qu’elles restent.`,
  );
  process.exitCode = 1;
} else {
  const counts = catalog
    ? `${catalog.communes.length} communes, ${catalog.organisations.length} organisations, ${catalog.places.length} lieux, ${catalog.topics.length} fiches, ${catalog.pages.length} pages`
    : '';
  console.log(`Contenu valide (${counts}), vérifié en ${seconds} s.`);
}
