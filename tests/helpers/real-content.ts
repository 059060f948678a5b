import { join, resolve } from 'node:path';
import { loadContent, type LoadResult } from '../../src/content-loader/load.ts';
import { formatIssues } from '../../src/domain/references.ts';
import type { Catalog } from '../../src/domain/types.ts';
import { projectRoot } from '../harness.ts';

/**
 * The content the tests on the real content read: content/, or the folder SAI_CONTENT_DIR names
 * (an editor's copy, to check that a correct change passes before it is proposed). Those tests
 * check what must always hold, never today's counts or names.
 */
export const realContentDir = process.env.SAI_CONTENT_DIR
  ? resolve(projectRoot, process.env.SAI_CONTENT_DIR)
  : join(projectRoot, 'content');

export function loadRealContent(): Promise<LoadResult> {
  return loadContent(realContentDir, projectRoot);
}

/** The real content, or a French error naming every file to fix. */
export async function realCatalog(): Promise<Catalog> {
  const { catalog, issues } = await loadRealContent();
  if (!catalog)
    throw new Error(
      `Le contenu (${realContentDir}) a des erreurs : corrigez ces fichiers (npm run check les liste aussi).\n${formatIssues(issues)}`,
    );
  return catalog;
}
