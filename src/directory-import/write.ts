/**
 * Writing an import's results: the only code of the import that touches the disk. Each target is
 * the place's own file, whose path comes from the content check's catalog (never from the
 * directory: a record's id is only ever a value inside a file), and it must stand directly in
 * `<content>/places/` with the .yaml extension, or nothing is written. Every new file is written
 * beside its target first; only when all are on disk are they renamed, so a run never leaves half a job.
 */
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Outcome } from './run.ts';

export class ImportWriteError extends Error {}

/** The absolute path a place file is written to, or an ImportWriteError when it is not a place file of this content. */
export function placeTarget(contentDir: string, projectRoot: string, file: string): string {
  const path = resolve(projectRoot, file);
  const places = resolve(contentDir, 'places');
  if (dirname(path) !== places || !/^[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$/.test(basename(path))) {
    throw new ImportWriteError(`« ${file} » n’est pas un fichier de lieu de ${places} : rien n’est écrit`);
  }
  return path;
}

/** The files an import changes, checked all before any is written. */
export function importWrites(
  contentDir: string,
  projectRoot: string,
  outcomes: readonly Outcome[],
): { path: string; text: string }[] {
  return outcomes.flatMap((o) =>
    'text' in o && o.text !== o.place.text
      ? [{ path: placeTarget(contentDir, projectRoot, o.place.file), text: o.text }]
      : [],
  );
}

/** Writes them (write beside, then rename); throws ImportWriteError with nothing changed when a write fails. */
export async function writeImport(
  writes: readonly { path: string; text: string }[],
  suffix = `import-${process.pid}`,
): Promise<void> {
  const temporary = writes.map((w) => ({ ...w, tmp: `${w.path}.${suffix}.tmp` }));
  try {
    for (const w of temporary) await writeFile(w.tmp, w.text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    await Promise.all(temporary.map((w) => unlink(w.tmp).catch(() => undefined)));
    throw new ImportWriteError(`écriture impossible (${(error as Error).message})`);
  }
  for (const w of temporary) await rename(w.tmp, w.path);
}
