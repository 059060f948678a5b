import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../harness.ts';

export const editorFixtures = join(projectRoot, 'tests/fixtures/editors');

/**
 * A content folder for one kind of mistake: the small valid content of tests/fixtures/editors/base/
 * with the fixture's files laid over it. Each fixture folder holds only the file(s) it breaks, so
 * the mistake is plain to see. Returns the folder standing for the project root (with `content/`
 * inside, so messages name `content/places/…` as an editor reads them).
 */
export async function contentWithMistake(mistake: string | undefined): Promise<{ root: string; contentDir: string }> {
  const root = await mkdtemp(join(tmpdir(), `sai-editeurs-${mistake ?? 'base'}-`));
  const contentDir = join(root, 'content');
  await cp(join(editorFixtures, 'base'), contentDir, { recursive: true });
  if (mistake) await cp(join(editorFixtures, mistake), contentDir, { recursive: true, force: true });
  return { root, contentDir };
}
