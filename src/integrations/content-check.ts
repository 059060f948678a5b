import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { AstroError } from 'astro/errors';
import { handOver, handover } from '../data/handover';
import { formatIssues, frenchSpacing } from '../domain/references';
import type { Catalog } from '../domain/types';
import type { ContentVerdict, Prebuilt, WorkerMessage } from './content-worker';

export type { ContentVerdict } from './content-worker';

/**
 * The pages read the content the check has just loaded and validated (src/data/catalog.ts): Astro's
 * content layer only has the MDX collections, whose bodies it renders, so that no data file is read,
 * parsed and validated twice. Content with an error has no catalog: a page then shows the list.
 */
function publishCatalog(verdict: Promise<ContentVerdict>): void {
  const catalog = verdict.then((found) => {
    if (found.catalog) return found.catalog;
    throw new Error(frenchSpacing(`Le contenu a ${found.issues.length} erreur(s) :\n${formatIssues(found.issues)}`));
  });
  // A page that awaits it sees the failure; nobody awaiting is no reason to crash.
  catalog.catch(() => undefined);
  handOver(handover.catalog, catalog);
}

/**
 * The check runs in a worker thread, from content-worker.ts bundled on its own (`workerBundle`, a
 * file URL): it reads and parses every content file again (Astro's content layer does too), and
 * on a second core it costs the build nothing while Astro sets Vite up. For a build it then
 * renders the leaflets there too, while Astro bundles the pages.
 */
function startWorker(workerBundle: string, contentDir: string, root: string, leafletBase: string | undefined) {
  let settleVerdict: { done: (verdict: ContentVerdict) => void; fail: (error: Error) => void } | undefined;
  let settlePrebuilt: ((prebuilt: Prebuilt | undefined) => void) | undefined;
  let settleReport: ((report: { text?: string; error?: string }) => void) | undefined;
  const verdict = new Promise<ContentVerdict>((done, fail) => (settleVerdict = { done, fail }));
  const prebuilt = new Promise<Prebuilt | undefined>((done) => (settlePrebuilt = done));
  const report = new Promise<{ text?: string; error?: string }>((done) => (settleReport = done));
  // A small young generation (V8's default is several times larger): the worker collects its
  // garbage more often, on the second core, and holds less memory while Astro bundles the pages,
  // when the build's memory peaks.
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import(workerData.bundle).then((m) => m.runContentWorker(workerData, (message) => parentPort.postMessage(message)));`,
    { eval: true, workerData: { bundle: workerBundle, contentDir, root, leafletBase }, resourceLimits: { maxYoungGenerationSizeMb: 8 } },
  );
  worker.on('message', (message: WorkerMessage) => {
    if (message.kind === 'verdict') settleVerdict?.done(message.verdict);
    else if (message.kind === 'prebuilt') settlePrebuilt?.(message.prebuilt);
    else settleReport?.({ text: message.report, error: message.error });
  });
  worker.once('error', (error) => {
    settleVerdict?.fail(error);
    settlePrebuilt?.(undefined);
    settleReport?.({ error: error.stack ?? error.message });
  });
  worker.once('exit', (code) => {
    // Settled already when it said its piece (a promise settles once).
    settleVerdict?.fail(new Error(`la vérification du contenu s’est arrêtée (code ${code})`));
    settlePrebuilt?.(undefined);
    settleReport?.({ error: `la vérification du contenu s’est arrêtée (code ${code})` });
  });
  return { verdict, prebuilt, report };
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
export default function contentCheck(options: { contentDir: string; workerBundle: string }): AstroIntegration {
  let root = process.cwd();
  let verdict: Promise<ContentVerdict> | undefined;
  let report: Promise<{ text?: string; error?: string }> | undefined;

  return {
    name: 'sai-content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        // config.base is what pages read as import.meta.env.BASE_URL; src/data/leaflets.ts checks that it is.
        const started = startWorker(options.workerBundle, resolve(root, options.contentDir), root, command === 'build' ? config.base : undefined);
        if (command === 'build') handOver(handover.prebuilt, started.prebuilt);
        handOver(handover.leafletRenderer, async (catalog: Catalog, slug: string, base: string) => {
          const { renderLeafletBytes } = (await import(/* @vite-ignore */ options.workerBundle)) as typeof import('./content-worker');
          return renderLeafletBytes(catalog, slug, base);
        });
        report = started.report;
        verdict = started.verdict.then((found) => {
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
        handOver(handover.verdict, verdict);
        publishCatalog(started.verdict);
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
            const { checkContent } = (await import(/* @vite-ignore */ options.workerBundle)) as typeof import('./content-worker');
            const found = checkContent(folder, root);
            publishCatalog(found);
            try {
              const verdict = await found;
              print(verdict, logger);
              if (verdict.issues.length === 0) logger.info('Contenu vérifié : aucune erreur.');
            } catch (error) {
              logger.error(`La vérification du contenu a échoué : ${error instanceof Error ? error.message : String(error)}`);
            }
            // The pages read the new catalog on their next request; an open browser tab reloads.
            server.ws.send({ type: 'full-reload' });
          }, 100);
        });
      },
      'astro:build:done': async ({ logger }) => {
        const { text, error } = (await report) ?? {};
        // The report is part of what a build gives editors: a build that could not write it fails.
        if (error) throw new Error(frenchSpacing(`Le rapport du contenu n’a pas pu être établi : ${error}`));
        if (text) logger.info(`\n${text}\n`);
      },
    },
  };
}
