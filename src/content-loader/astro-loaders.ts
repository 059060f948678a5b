import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { loadContent, type LoadResult } from './load.ts';
import { formatIssues, frenchSpacing } from '../domain/references.ts';
import { contentReport, formatReport, localDay } from '../domain/report.ts';

/**
 * The one entry of the `catalog` collection: the whole content as JSON text, or why there is none.
 * Text, because Astro's getEntry() copies an entry's data deeply on every call, looking for image
 * references: a catalog of objects was copied for every page, a string costs nothing to copy.
 */
export type CatalogEntryData = { json: string } | { problems: string };

export const catalogEntryId = 'catalog';

/**
 * Astro's content collections, fed by the project's own content check (load.ts, the code behind
 * `npm run check`): every file is read, parsed and validated once per build, by loadContent(), and
 * the validated catalog is stored as the one entry of the `catalog` collection, which the pages
 * read (src/queries/catalog.ts). An editor's mistake stops the build with the check's French list
 * (file, line, field) before anything else runs.
 *
 * `topics` and `pages` are the MDX files again, through Astro's glob() loader, only so that Astro
 * renders their bodies; they wait for the check, so that a broken front matter is reported by the
 * check's messages rather than by glob()'s.
 *
 * Under `astro dev` (the loader then has a watcher) an edit of a content file or of a schema runs
 * the check again, and the new catalog (or the list of problems) is stored: the page shows it on
 * the next reload.
 */
export function contentLoaders(contentDir: string): { catalog: Loader; topics: Loader; pages: Loader } {
  const where = (context: LoaderContext) => {
    const root = fileURLToPath(context.config.root);
    // The leaflets are checked with the base the pages are built with (their QR codes' address).
    return { root, dir: resolve(root, contentDir), options: { base: context.config.base } };
  };
  const runCheck = (context: LoaderContext): Promise<LoadResult> => {
    const { root, dir, options } = where(context);
    return loadContent(dir, root, options);
  };
  // Under `astro dev`, Vite imports the module again after an edit of it or of a module it
  // imports (a schema), so that the check runs with the edited code. The build's content config
  // is loaded by a Vite server that is closed once the config is read: no import there.
  const runCheckAgain = async (context: LoaderContext): Promise<LoadResult> => {
    const { loadContent: edited } = await import('./load.ts');
    const { root, dir, options } = where(context);
    return edited(dir, root, options);
  };
  // One check per sync, shared by the three collections, which Astro loads side by side: the first
  // to start runs it, and the catalog's loader forgets it once stored, so that the next sync checks again.
  let pending: Promise<LoadResult> | undefined;
  const sharedCheck = (context: LoaderContext) => (pending ??= runCheck(context));

  async function storeCatalog(context: LoaderContext, result: LoadResult): Promise<void> {
    const { logger, store } = context;
    if (result.warnings.length > 0) {
      logger.warn(
        `${frenchSpacing(`${result.warnings.length} avertissement(s) dans le contenu (la construction continue) :`)}\n${formatIssues(result.warnings)}`,
      );
    }
    store.clear();
    if (!result.catalog) {
      const problems = frenchSpacing(
        `Le contenu a ${result.issues.length} erreur(s) :\n${formatIssues(result.issues)}`,
      );
      logger.error(problems);
      // `astro dev` keeps running, so that the editor can fix the file and reload: the pages show the list.
      if (context.watcher) {
        store.set({ id: catalogEntryId, data: { problems } satisfies CatalogEntryData });
        return;
      }
      throw new AstroError(
        frenchSpacing(
          `Le contenu contient ${result.issues.length} erreur(s) : le site n’est pas construit (liste ci-dessus, avec le fichier et la ligne).`,
        ),
        'Corrigez chaque ligne indiquée puis relancez. « npm run check » refait la vérification en quelques secondes, sans construire le site.',
      );
    }
    store.set({ id: catalogEntryId, data: { json: JSON.stringify(result.catalog) } satisfies CatalogEntryData });
    if (context.watcher) {
      logger.info('Contenu vérifié : aucune erreur.');
      return;
    }
    // What editors still have to fill in, printed with every build (nothing of it is published).
    const today = localDay(new Date());
    logger.info(`\n${formatReport(contentReport(result.catalog, today, result.bodies), today)}\n`);
  }

  // An edit saved while a check runs starts another: only the newest check's result is stored.
  let newest = 0;
  async function checkAndStore(context: LoaderContext, checking: Promise<LoadResult>): Promise<void> {
    const run = ++newest;
    const result = await checking;
    if (run === newest) await storeCatalog(context, result);
  }

  function watch(context: LoaderContext, root: string): void {
    const { watcher, logger } = context;
    if (!watcher) return;
    const folders = [
      resolve(root, contentDir),
      resolve(root, 'src/schemas'),
      resolve(root, 'src/content-loader'),
      resolve(root, 'src/domain'),
      resolve(root, 'src/leaflet'),
    ].map((folder) => folder + sep);
    watcher.add(resolve(root, contentDir));
    let timer: ReturnType<typeof setTimeout> | undefined;
    watcher.on('all', (_event, path) => {
      if (!folders.some((folder) => path.startsWith(folder))) return;
      clearTimeout(timer);
      // Saving a file often fires several events: one check for them all.
      timer = setTimeout(() => {
        logger.info(`Modifié : ${relative(root, path)}. Nouvelle vérification du contenu.`);
        checkAndStore(context, runCheckAgain(context)).catch((error: unknown) =>
          logger.error(
            `La vérification du contenu a échoué : ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
          ),
        );
      }, 50);
    });
  }

  const mdx = (folder: string): Loader => {
    const files = glob({ pattern: '*.mdx', base: `${contentDir}/${folder}` });
    return {
      name: `sai-${folder}`,
      load: async (context) => {
        const result = await sharedCheck(context);
        // The catalog's loader reports the problems and stops the build.
        if (!result?.catalog) return;
        return files.load(context);
      },
    };
  };

  return {
    catalog: {
      name: 'sai-catalog',
      load: async (context) => {
        // Watching first: an edit saved during the first check is not missed.
        watch(context, fileURLToPath(context.config.root));
        try {
          await checkAndStore(context, sharedCheck(context));
        } finally {
          pending = undefined;
        }
      },
    },
    topics: mdx('topics'),
    pages: mdx('pages'),
  };
}
