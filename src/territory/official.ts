/**
 * The official division of France, from the package @etalab/decoupage-administratif (Etalab; data
 * under the Licence Ouverte, code MIT): the INSEE's Code officiel géographique, the DGCL's list of
 * EPCIs with their members, La Poste's postcodes. One version of the package is one year's
 * geography (its README's table): the version is pinned in package.json and checked by a test
 * against `officialGeography` below, so that the year the content report shows is the data's.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import {
  officialGeography,
  type OfficialCommune,
  type OfficialData,
  type OfficialDepartement,
  type OfficialEpci,
} from '../domain/geography.ts';

export type { OfficialCommune, OfficialData, OfficialDepartement, OfficialEpci };
export { officialGeography };

/** The data with the indexes every use needs: built once per process. */
export function indexOfficialData(
  communes: readonly OfficialCommune[],
  epcis: readonly OfficialEpci[],
  departements: readonly OfficialDepartement[],
  version: string,
): OfficialData {
  const current = new Map<string, OfficialCommune>();
  const former = new Map<string, OfficialCommune>();
  const bySiren = new Map<string, OfficialCommune>();
  for (const commune of communes) {
    if (commune.type === 'commune-actuelle') {
      current.set(commune.code, commune);
      if (commune.siren) bySiren.set(commune.siren, commune);
    } else if (commune.type === 'commune-deleguee' || commune.type === 'commune-associee') {
      // A code can be both a current commune and the délégué of its own merger: the current one wins.
      former.set(commune.code, commune);
    }
  }
  const epciOfCommune = new Map<string, OfficialEpci>();
  for (const epci of epcis) for (const member of epci.membres) epciOfCommune.set(member.code, epci);
  return {
    communes: current,
    formerCommunes: former,
    epcis: new Map(epcis.map((e) => [e.code, e])),
    epciOfCommune,
    communeBySiren: bySiren,
    departements: new Map(departements.map((d) => [d.code, d])),
    version,
  };
}

let cached: OfficialData | undefined;

/** The installed package's data (about 12 MB of JSON, read once per process). */
export function officialData(): OfficialData {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve(`${officialGeography.package}/package.json`));
  const read = <T>(name: string): T => JSON.parse(readFileSync(join(root, 'data', `${name}.json`), 'utf8')) as T;
  const { version } = read<{ version: string }>('../package');
  cached = indexOfficialData(read('communes'), read('epci'), read('departements'), version);
  return cached;
}

/**
 * One EPCI and its member communes, as small OfficialData: what the content check needs when the
 * content is right. The package's 12 MB of JSON take from half a second (idle machine) to several
 * (busy one) to read; the extract is kept in node_modules/.cache/ (one file per package version and
 * EPCI, a few kilobytes), so only the first check after an install or a change of EPCI pays. When
 * the extract finds a problem, the caller checks again with the whole data (officialData) for the
 * precise message (which EPCI a commune belongs to, the code of a merged commune…).
 */
export function epciGeography(siren: string): OfficialData {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve(`${officialGeography.package}/package.json`));
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const cacheDir = join(root, '..', '..', '.cache', 'sai-geography');
  const file = join(cacheDir, `${version}-${siren.replace(/\D/g, '')}.json`);
  type Extract = { communes: OfficialCommune[]; epcis: OfficialEpci[]; departements: OfficialDepartement[] };
  let extract: Extract | undefined;
  try {
    extract = JSON.parse(readFileSync(file, 'utf8')) as Extract;
  } catch {
    const all = officialData();
    const epci = all.epcis.get(siren);
    const communes = (epci?.membres ?? [])
      .map((m) => all.communes.get(m.code))
      .filter((c): c is OfficialCommune => c !== undefined);
    const departements = [...new Set(communes.map((c) => c.departement))]
      .map((code) => all.departements.get(code ?? ''))
      .filter((d): d is OfficialDepartement => d !== undefined);
    extract = { communes, epcis: epci ? [epci] : [], departements };
    try {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(`${file}.${process.pid}`, JSON.stringify(extract));
      renameSync(`${file}.${process.pid}`, file);
    } catch {
      // A read-only node_modules: the next check reads the whole data again, nothing worse.
    }
  }
  return indexOfficialData(extract.communes, extract.epcis, extract.departements, version);
}

/** « CA d'Hénin-Carvin » → « Communauté d’agglomération d’Hénin-Carvin »: the package abbreviates the kind. */
type Area = { inside: string; outside: string; of: string; the: string };

const metropole = {
  full: 'Métropole',
  area: { inside: 'dans la métropole', outside: 'hors de la métropole', of: 'de la métropole', the: 'la métropole' },
};

const kinds: Record<string, { full: string; area: Area }> = {
  CA: {
    full: 'Communauté d’agglomération',
    area: {
      inside: 'dans l’agglomération',
      outside: 'hors de l’agglomération',
      of: 'de l’agglomération',
      the: 'l’agglomération',
    },
  },
  CC: {
    full: 'Communauté de communes',
    area: {
      inside: 'dans la communauté de communes',
      outside: 'hors de la communauté de communes',
      of: 'de la communauté de communes',
      the: 'la communauté de communes',
    },
  },
  CU: {
    full: 'Communauté urbaine',
    area: {
      inside: 'dans la communauté urbaine',
      outside: 'hors de la communauté urbaine',
      of: 'de la communauté urbaine',
      the: 'la communauté urbaine',
    },
  },
  METRO: metropole,
  // The Métropole de Lyon has a status of its own, and the same words.
  MET69: metropole,
};

export interface EpciNames {
  /** « Communauté de communes du Ternois ». */
  name: string;
  /** « CC du Ternois », as the package writes it, with the typographic apostrophe. */
  shortName: string;
  area: Area;
}

export function epciNames(epci: OfficialEpci): EpciNames {
  const shortName = epci.nom.replace(/'/g, '’');
  const kind = kinds[epci.type];
  const prefix = new RegExp(`^${epci.type === 'MET69' ? 'Métropole' : epci.type}\\s+`);
  const name = kind && prefix.test(shortName) ? shortName.replace(prefix, `${kind.full} `) : shortName;
  return {
    name,
    shortName,
    area: kind?.area ?? {
      inside: 'dans l’intercommunalité',
      outside: 'hors de l’intercommunalité',
      of: 'de l’intercommunalité',
      the: 'l’intercommunalité',
    },
  };
}
