import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { loadContent } from '../content-loader/load';
import { formatIssues, frenchSpacing, type ContentIssue } from '../domain/references';
import { contentReport, formatReport, localDay } from '../domain/report';

/** What the check says of the content: errors, warnings, and the content report when it loaded. */
export interface ContentVerdict {
  issues: ContentIssue[];
  warnings: ContentIssue[];
  report?: string;
}

/** Where Astro's content layer finds the verdict it waits for (src/content.config.ts). */
export const contentCheckKey = Symbol.for('sai.content-check');

/** `npm run check`'s checks, then the content report, in this thread. */
export async function checkContent(contentDir: string, root: string): Promise<ContentVerdict> {
  const result = await loadContent(contentDir, root);
  // The real date is used for printing only: nothing of the report is written to the site.
  const today = localDay(new Date());
  const report = result.catalog ? formatReport(contentReport(result.catalog, today, result.bodies), today) : undefined;
  return { issues: result.issues, warnings: result.warnings, report };
}

/**
 * The same in a worker thread, when this module is the bundle that astro.config.mjs imports: the
 * check reads and parses every content file again (Astro's content layer does too), and on a
 * second core it costs the build nothing while Astro sets Vite up. Loaded from TypeScript (tests),
 * it runs in this thread.
 */
function checkContentBeside(contentDir: string, root: string): Promise<ContentVerdict> {
  const bundle = import.meta.url;
  if (!bundle.endsWith('.mjs')) return checkContent(contentDir, root);
  return new Promise((done, fail) => {
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       import(workerData.bundle).then((m) => m.checkContent(workerData.contentDir, workerData.root)).then((verdict) => parentPort.postMessage(verdict));`,
      { eval: true, workerData: { bundle, contentDir, root } },
    );
    worker.once('message', done);
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`la vérification du contenu s’est arrêtée (code ${code})`)));
  });
}

function print(verdict: ContentVerdict, logger: AstroIntegrationLogger) {
  if (verdict.warnings.length > 0) {
    logger.warn(`${frenchSpacing(`${verdict.warnings.length} avertissement(s) dans le contenu (la construction continue) :`)}\n${formatIssues(verdict.warnings)}`);
  }
  if (verdict.issues.length > 0) {
    logger.error(`${frenchSpacing(`${verdict.issues.length} erreur(s) dans le contenu :`)}\n${formatIssues(verdict.issues)}`);
  }
}

/**
 * Runs `npm run check`'s checks at the start of every build, so that an editor reads the same
 * French messages (file, line, field) before Astro's own, less readable errors: Astro's content
 * layer waits for the verdict before it reads a file. A build with an error stops there; warnings
 * are printed and the build goes on. At the end of a build it prints the content report.
 */
export default function contentCheck(options: { contentDir: string }): AstroIntegration {
  let root = process.cwd();
  let verdict: Promise<ContentVerdict> | undefined;

  return {
    name: 'sai-content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        verdict = checkContentBeside(resolve(root, options.contentDir), root).then((found) => {
          print(found, logger);
          // `astro dev` keeps running so that the editor can fix and reload; a build must not publish.
          if (found.issues.length > 0 && command === 'build') {
            throw new AstroError(
              frenchSpacing(`Le contenu contient ${found.issues.length} erreur(s) : le site n’est pas construit (liste ci-dessus, avec le fichier et la ligne).`),
              'Corrigez chaque ligne indiquée puis relancez. « npm run check » refait la vérification en quelques secondes, sans construire le site.',
            );
          }
          return found;
        });
        // Whoever waits for it sees the failure; nobody waiting is no reason to crash.
        verdict.catch(() => undefined);
        (globalThis as Record<symbol, unknown>)[contentCheckKey] = verdict;
      },
      'astro:build:start': async () => {
        await verdict;
      },
      'astro:server:setup': ({ server, logger }) => {
        const folder = resolve(root, options.contentDir);
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.add(folder);
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(folder)) return;
          clearTimeout(timer);
          timer = setTimeout(async () => {
            const found = await checkContent(folder, root);
            print(found, logger);
            if (found.issues.length === 0) logger.info('Contenu vérifié : aucune erreur.');
          }, 300);
        });
      },
      'astro:build:done': async ({ logger }) => {
        const report = (await verdict)?.report;
        if (report) logger.info(`\n${report}\n`);
      },
    },
  };
}
