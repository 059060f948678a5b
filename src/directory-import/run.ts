/**
 * One import, from the records and the places' texts to the new texts and the summary. Pure: the
 * command line (scripts/import-annuaire.ts) reads and writes the files.
 */
import { parseDocument } from 'yaml';
import { placeSchema } from '../schemas/place.ts';
import { describeZodIssue } from '../content-loader/messages.ts';
import { textIssues } from '../content-loader/text-check.ts';
import { exportSafe } from '../domain/text-policy.ts';
import { applyDetails, type Conflict } from './apply.ts';
import { recordDetails, type ImportedField, type ImportPolicy } from './convert.ts';
import { coversTerritory, matchPlace, type PlaceToMatch } from './match.ts';
import { DirectoryFileError, type DirectoryRecord } from './parse.ts';

export interface PlaceFile extends PlaceToMatch {
  /** Path of the place's file, as messages show it. */
  file: string;
  name: string;
  text: string;
}

export type Outcome =
  | {
      place: PlaceFile;
      status: 'filled' | 'updated' | 'unchanged';
      record: DirectoryRecord;
      changed: ImportedField[];
      conflicts: Conflict[];
      remarks: string[];
      text: string;
    }
  | { place: PlaceFile; status: 'not-in-directory' }
  | { place: PlaceFile; status: 'not-found'; reason: string; candidates: DirectoryRecord[] }
  | { place: PlaceFile; status: 'ambiguous'; candidates: DirectoryRecord[] }
  | { place: PlaceFile; status: 'invalid'; record: DirectoryRecord; errors: string[] };

export interface ImportOptions {
  records: readonly DirectoryRecord[];
  places: readonly PlaceFile[];
  /** INSEE codes of the territory's communes. */
  insees: readonly string[];
  fileName: string;
  fileDate: string;
  /** The print font's coverage, for the fields the leaflet prints (src/leaflet/fonts.ts, missingGlyphs). */
  policy?: ImportPolicy;
}

export function importDirectory({
  records,
  places,
  insees,
  fileName,
  fileDate,
  policy = {},
}: ImportOptions): Outcome[] {
  if (records.length === 0) throw new DirectoryFileError('le fichier ne contient aucune fiche');
  if (!coversTerritory(records, insees)) {
    throw new DirectoryFileError(
      `aucune fiche du fichier ne concerne les communes du territoire (codes INSEE ${insees.join(', ')}) : est-ce le bon fichier ?`,
    );
  }
  return places.map((place): Outcome => {
    const match = matchPlace(place, records);
    if (match.status !== 'matched') return { place, ...match };
    const { record } = match;
    const { details, remarks } = recordDetails(record, policy);
    if (!record.modified) remarks.push('date de mise à jour absente de la fiche : la date du fichier est retenue');
    const result = applyDetails(place.text, details, {
      record: record.id,
      modified: record.modified ?? fileDate,
      file: fileName,
      fileDate,
      url: details.directoryUrl,
    });
    // The new text must still be a valid place: an import never leaves the content broken.
    // The same text policy as `npm run check`, over the whole new file: the provenance carries the
    // record's id and the file's name, which come from outside too.
    const data: unknown = parseDocument(result.text).toJS();
    const check = placeSchema.safeParse(data);
    const refused = textIssues(place.file, 'places', data, {
      missingGlyphs: policy.missingGlyphs ?? (() => []),
      wideWords: policy.wideWords,
    }).filter((issue) => issue.severity !== 'warning');
    if (!check.success || refused.length > 0) {
      const errors = [
        ...(check.success ? [] : check.error.issues.flatMap((issue) => describeZodIssue(issue, data, placeSchema))),
        ...refused,
      ].map((d) => `${d.field} : ${d.message}${d.expected ? ` (attendu : ${d.expected})` : ''}`);
      return { place, status: 'invalid', record, errors };
    }
    const hadProvenance = /\n\s+directory:\n/.test(place.text);
    const status = result.text === place.text ? 'unchanged' : hadProvenance ? 'updated' : 'filled';
    return { place, status, record, changed: result.changed, conflicts: result.conflicts, remarks, text: result.text };
  });
}

const fieldLabels: Record<ImportedField, string> = {
  address: 'adresse',
  phones: 'téléphone',
  email: 'e-mail',
  website: 'site internet',
  hours: 'horaires',
  hoursNotes: 'précisions sur les horaires',
  accessibility: 'accessibilité',
  directoryUrl: 'page de l’annuaire',
};

const candidateList = (candidates: readonly DirectoryRecord[]) =>
  candidates.map((c) => `      – ${c.name} : directoryRecord: ${c.oldCode ?? c.id}${c.oldCode ? ` (ou ${c.id})` : ''}`);

/** The French summary printed at the end of a run. */
export function formatSummary(outcomes: readonly Outcome[], dryRun: boolean): string {
  const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
  const conflicting = outcomes.filter((o) => 'conflicts' in o && o.conflicts.length > 0);
  const lines: string[] = [];
  for (const o of outcomes) {
    const head = `${o.place.name} (${o.place.file})`;
    if (o.status === 'filled' || o.status === 'updated') {
      lines.push(
        `${dryRun ? 'serait ' : ''}${o.status === 'filled' ? 'rempli' : 'mis à jour'} — ${head} : ${o.changed.map((f) => fieldLabels[f]).join(', ') || 'source'} (fiche ${o.record.id})`,
      );
    } else if (o.status === 'not-found') {
      lines.push(`non trouvé — ${head} : ${o.reason}`);
      if (o.candidates.length > 0)
        lines.push(
          '    fiches de la commune ou qui la desservent ; si l’une est la bonne, copiez sa ligne « directoryRecord: … » dans le fichier du lieu :',
          ...candidateList(o.candidates),
        );
    } else if (o.status === 'ambiguous') {
      lines.push(
        `ambigu — ${head} : ${o.candidates.length} fiches possibles ; nommez la bonne dans le fichier du lieu :`,
        ...candidateList(o.candidates),
      );
    } else if (o.status === 'invalid') {
      lines.push(
        `non écrit — ${head} : le résultat ne serait pas un lieu valide :`,
        ...o.errors.map((e) => `    ${e}`),
      );
    }
    if ('conflicts' in o) {
      for (const c of o.conflicts)
        lines.push(
          `conflit — ${head} : ${fieldLabels[c.field]} saisi à la main « ${c.current} », l’annuaire dit « ${c.directory} » ; rien n’est changé`,
        );
    }
    if ('remarks' in o) for (const r of o.remarks) lines.push(`remarque — ${head} : ${r}`);
  }
  const filled = count('filled') + count('updated');
  lines.push(
    '',
    `${dryRun ? 'Simulation (--dry-run), aucun fichier écrit. ' : ''}Lieux ${dryRun ? 'à remplir ou mettre à jour' : 'remplis ou mis à jour'} : ${filled} ; inchangés : ${count('unchanged')} ; en conflit : ${conflicting.length} ; non trouvés : ${count('not-found')} ; ambigus : ${count('ambiguous')} ; invalides : ${count('invalid')} ; hors annuaire (saisis à la main) : ${count('not-in-directory')}.`,
  );
  // Names and values come from the directory: nothing in them may drive the terminal (escape
  // sequences) or reverse what the editor reads.
  return exportSafe(lines.join('\n'));
}
