/**
 * npm run import:annuaire -- <fichier.json> [--dry-run] [--date AAAA-MM-JJ] [--content dossier]
 *
 * Fills the places' contact details (address, phones, e-mail, website, hours, accessibility) from
 * the national directory's file (« Annuaire de l'administration – Base de données locales », DILA),
 * downloaded by an editor. Nothing is written when the file is unreadable or has no record of the
 * territory, and every file is replaced whole (write then rename), so a run never leaves half a job.
 */
import './require-node.mjs';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { loadContent } from '../src/content-loader/load.ts';
import { formatIssues, frenchSpacing } from '../src/domain/references.ts';
import { localDay } from '../src/domain/report.ts';
import { DirectoryFileError, parseDirectory } from '../src/directory-import/parse.ts';
import { formatSummary, importDirectory, type PlaceFile } from '../src/directory-import/run.ts';
import { ImportWriteError, importWrites, writeImport } from '../src/directory-import/write.ts';
import { missingGlyphs } from '../src/leaflet/fonts.ts';
import { wideWords } from '../src/leaflet/words.ts';

const usage = 'Usage : npm run import:annuaire -- <fichier.json> [--dry-run] [--date AAAA-MM-JJ] [--content dossier]';

function fail(message: string): never {
  console.error(frenchSpacing(message));
  process.exit(1);
}

const args = process.argv.slice(2);
const dryRun = args.includes('--dry-run');
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const optionValues = new Set(['--date', '--content'].map(option));
const filePath = args.find((a) => !a.startsWith('--') && !optionValues.has(a));
if (!filePath) fail(usage);
const contentDir = resolve(option('--content') ?? process.env.SAI_CONTENT_DIR ?? 'content');

const started = performance.now();
const fileName = basename(filePath);
const stopped = (why: string) => fail(`Import arrêté : ${fileName} : ${why}.\nAucun fichier n’a été modifié.`);

/** The file's date: given, or written in its name (annuaire-2026-10-01.json), or its last change on disk. */
async function fileDate(): Promise<string> {
  const given = option('--date');
  if (given) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(given)) fail(`--date « ${given} » : une date au format AAAA-MM-JJ était attendue.`);
    return given;
  }
  const inName = /(\d{4})-?(\d{2})-?(\d{2})/.exec(fileName);
  if (inName) return `${inName[1]}-${inName[2]}-${inName[3]}`;
  return localDay((await stat(filePath!)).mtime);
}

let json: string;
try {
  json = await readFile(filePath, 'utf8');
} catch {
  stopped('fichier introuvable ou illisible');
}
let records;
try {
  records = parseDirectory(json!);
} catch (error) {
  if (error instanceof DirectoryFileError) stopped(error.message);
  throw error;
}

const { catalog, issues } = await loadContent(contentDir, process.cwd());
if (!catalog)
  fail(
    `Import arrêté : le contenu a ${issues.length} erreur(s), à corriger d’abord (npm run check).\n${formatIssues(issues)}\nAucun fichier n’a été modifié.`,
  );

const places: PlaceFile[] = await Promise.all(
  catalog.places.map(async (place) => {
    const organisation = catalog.organisations.find((o) => o.id === place.organisation);
    return {
      id: place.id,
      file: place.file,
      name: place.name,
      text: await readFile(resolve(process.cwd(), place.file), 'utf8'),
      directoryRecord: place.directoryRecord,
      directoryKind: organisation?.directoryKind,
      townHall: place.townHall,
      insee: catalog.communes.find((c) => c.id === place.commune)?.insee,
    };
  }),
);

let outcomes;
try {
  outcomes = importDirectory({
    records: records!,
    places,
    insees: catalog.communes.map((c) => c.insee),
    fileName,
    fileDate: await fileDate(),
    policy: { missingGlyphs: await missingGlyphs(), wideWords: await wideWords() },
  });
} catch (error) {
  if (error instanceof DirectoryFileError) stopped(error.message);
  throw error;
}

let writes: ReturnType<typeof importWrites>;
try {
  writes = importWrites(contentDir, process.cwd(), outcomes!);
  if (!dryRun && writes.length > 0) await writeImport(writes);
} catch (error) {
  if (error instanceof ImportWriteError) fail(`Import arrêté : ${error.message}. Aucun fichier n’a été modifié.`);
  throw error;
}

console.log(frenchSpacing(formatSummary(outcomes, dryRun)));
console.log(
  frenchSpacing(
    `${records!.length} fiches lues dans ${fileName}, ${writes.length} fichier(s) ${dryRun ? 'à modifier' : 'modifié(s)'}, en ${((performance.now() - started) / 1000).toFixed(1).replace('.', ',')} s.`,
  ),
);
