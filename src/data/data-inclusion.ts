import { getCatalog } from './catalog';
import { dataInclusionExport, type DataInclusionExport } from '../domain/data-inclusion-export';
import { localDay } from '../domain/report';

/**
 * The data·inclusion files are computed and validated once per build: structures.json and
 * services.json come from the same export, so a place left out of one is left out of the other.
 * "Today" bounds `date_maj` (data·inclusion refuses a date in the future); the places left out
 * are listed by the content report at the end of the build.
 */
let exported: Promise<DataInclusionExport> | undefined;

export function dataInclusionFiles(base: string): Promise<DataInclusionExport> {
  exported ??= getCatalog().then((catalog) => dataInclusionExport(catalog, base, localDay(new Date())));
  return exported;
}
