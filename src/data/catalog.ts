import { getCollection, type CollectionKey } from 'astro:content';
import type { Catalog } from '../domain/types';
import { checkReferences, formatIssues } from '../domain/references';

/**
 * The only bridge between Astro's content layer and the domain layer: turns collections into plain
 * objects, checks the references between them once, and caches the result for every page.
 */
let cached: Promise<Catalog> | undefined;

async function entries<K extends CollectionKey>(name: K) {
  const list = await getCollection(name);
  return list
    .map((entry) => ({ ...(entry.data as object), id: entry.id, file: (entry as { filePath?: string }).filePath ?? entry.id }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

async function single<K extends CollectionKey>(name: K) {
  const [entry] = await getCollection(name);
  if (!entry) throw new Error(`contenu manquant : le fichier de la collection « ${name} » est introuvable`);
  return entry.data;
}

/** A single-file collection whose file may be absent (see `optional` in collections.ts). */
async function optional<K extends CollectionKey>(name: K, fallback: unknown) {
  const [entry] = await getCollection(name);
  return entry ? entry.data : fallback;
}

/** "content/data/referentials/rgaa-4.1.2.json" → "rgaa-4.1.2". */
function fileId(file: string): string {
  return file.split(/[\\/]/).pop()!.replace(/\.[a-z]+$/, '');
}

async function load(): Promise<Catalog> {
  const catalog = {
    site: await single('site'),
    communes: await entries('communes'),
    organisations: await entries('organisations'),
    places: await entries('places'),
    topics: await entries('topics'),
    pages: await entries('pages'),
    incomeCeilings: await single('incomeCeilings'),
    cotationGrid: await single('cotationGrid'),
    glossary: await single('glossary'),
    dalo: await single('dalo'),
    localFigures: await optional('localFigures', undefined),
    searchSynonyms: await optional('searchSynonyms', { entries: [] }),
    searchVocabulary: await optional('searchVocabulary', { fillers: [], expressions: [] }),
    orientation: await entries('orientation'),
    // Astro slugs ids (« rgaa-412 »); the audit names a referential by its file name (« rgaa-4.1.2 »).
    referentials: (await entries('referentials')).map((entry) => ({ ...entry, id: fileId(entry.file) })),
    accessibilityAudit: await optional('accessibilityAudit', undefined),
    accessibilityManual: await entries('accessibilityManual'),
    accessibilityAutomated: await entries('accessibilityAutomated'),
  } as Catalog;
  // Warnings (and file:line) come from the content check that runs before the build (src/integrations/content-check.ts).
  const issues = checkReferences(catalog).filter((issue) => issue.severity !== 'warning');
  if (issues.length > 0) throw new Error(`Le contenu a ${issues.length} erreur(s) :\n${formatIssues(issues)}`);
  return catalog;
}

export function getCatalog(): Promise<Catalog> {
  cached ??= load();
  return cached;
}
