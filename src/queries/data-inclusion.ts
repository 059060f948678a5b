import { getCatalog } from './catalog.ts';
import type { Catalog } from '../domain/types.ts';
import { dataInclusionExport, type DataInclusionExport } from '../domain/data-inclusion-export.ts';

/**
 * The data·inclusion files are computed and validated once per catalog (once per build):
 * structures.json and services.json come from the same export, so a place left out of one is left
 * out of the other.
 * The day that bounds `date_maj` is the content's date, not the clock: two builds of the same
 * content give the same files. The content report, which reads the clock, says when that date is
 * in the future (data·inclusion would refuse the files), and lists the places left out.
 */
const exported = new WeakMap<Catalog, DataInclusionExport>();

export async function dataInclusionFiles(base: string): Promise<DataInclusionExport> {
  const catalog = await getCatalog();
  let files = exported.get(catalog);
  if (!files) {
    files = dataInclusionExport(catalog, base, catalog.site.contentDate);
    exported.set(catalog, files);
  }
  return files;
}
