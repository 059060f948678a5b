import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { loadContent } from '../content-loader/load';
import { formatIssues, frenchSpacing } from '../domain/references';
import { contentReport, formatReport, localDay } from '../domain/report';
import type { Catalog } from '../domain/types';

/**
 * Runs `npm run check`'s checks at the start of every build, so that an editor reads the same
 * French messages (file, line, field) before Astro's own, less readable errors. A build with an
 * error stops here; warnings are printed and the build goes on. At the end of a build it prints the
 * content report: the real date is used for printing only, nothing is written to the site.
 */
export default function contentCheck(options: { contentDir: string }): AstroIntegration {
  let root = process.cwd();
  let catalog: Catalog | undefined;
  let bodies: ReadonlyMap<string, string> | undefined;

  async function check(logger: AstroIntegrationLogger) {
    const result = await loadContent(resolve(root, options.contentDir), root);
    if (result.warnings.length > 0) {
      logger.warn(`${frenchSpacing(`${result.warnings.length} avertissement(s) dans le contenu (la construction continue) :`)}\n${formatIssues(result.warnings)}`);
    }
    if (result.issues.length > 0) {
      logger.error(`${frenchSpacing(`${result.issues.length} erreur(s) dans le contenu :`)}\n${formatIssues(result.issues)}`);
    }
    return result;
  }

  return {
    name: 'sai-content-check',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        const result = await check(logger);
        catalog = result.catalog;
        bodies = result.bodies;
        // `astro dev` keeps running so that the editor can fix and reload; a build must not publish.
        if (result.issues.length > 0 && command === 'build') {
          throw new AstroError(
            frenchSpacing(`Le contenu contient ${result.issues.length} erreur(s) : le site n’est pas construit (liste ci-dessus, avec le fichier et la ligne).`),
            'Corrigez chaque ligne indiquée puis relancez. « npm run check » refait la vérification en quelques secondes, sans construire le site.',
          );
        }
      },
      'astro:server:setup': ({ server, logger }) => {
        const folder = resolve(root, options.contentDir);
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.add(folder);
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(folder)) return;
          clearTimeout(timer);
          timer = setTimeout(async () => {
            const result = await check(logger);
            if (result.issues.length === 0) logger.info('Contenu vérifié : aucune erreur.');
          }, 300);
        });
      },
      'astro:build:done': ({ logger }) => {
        if (!catalog) return;
        const today = localDay(new Date());
        logger.info(`\n${formatReport(contentReport(catalog, today, bodies), today)}\n`);
      },
    },
  };
}
