/**
 * The territory's communes against the official geography (INSEE's Code officiel géographique, the
 * DGCL's EPCI members, La Poste's postcodes): every commune file names a current commune by its
 * INSEE code, with its official name and one of its postcodes, and the files are exactly the
 * members of the EPCI that site.yaml names (territory.epci). Pure: the data comes in as an argument
 * (src/territory/official.ts reads the package).
 */
import type { ContentIssue } from './issues.ts';
import type { Commune, Site } from './types.ts';

/**
 * The package the geography comes from, pinned in package.json: one version is one year's geography
 * (the package's README). tests/unit/geography.test.ts fails when the installed version differs.
 */
export const officialGeography = {
  package: '@etalab/decoupage-administratif',
  version: '6.0.0',
  /** The geography's year (communes and EPCIs as of 1 January of that year). */
  year: 2026,
  licence: 'Licence Ouverte (Etalab) pour les données',
} as const;

/** A commune as the package describes it (only the fields used here). */
export interface OfficialCommune {
  code: string;
  nom: string;
  type: 'commune-actuelle' | 'commune-deleguee' | 'commune-associee' | 'arrondissement-municipal';
  departement?: string;
  region?: string;
  zone?: string;
  siren?: string;
  codesPostaux?: string[];
  population?: number;
  /** For a commune déléguée or associée: the INSEE code of the commune it now belongs to. */
  chefLieu?: string;
}

export interface OfficialEpci {
  /** The EPCI's SIREN. */
  code: string;
  nom: string;
  /** CA, CC, CU, METRO, MET69. */
  type: string;
  membres: { code: string; siren: string; nom: string }[];
}

export interface OfficialDepartement {
  code: string;
  nom: string;
  typeLiaison: number;
  region: string;
}

export interface OfficialData {
  /** Current communes (commune-actuelle) by INSEE code. */
  communes: ReadonlyMap<string, OfficialCommune>;
  /** Communes déléguées and associées (merged into another) by INSEE code. */
  formerCommunes: ReadonlyMap<string, OfficialCommune>;
  epcis: ReadonlyMap<string, OfficialEpci>;
  /** The EPCI of each member commune, by the commune's INSEE code. */
  epciOfCommune: ReadonlyMap<string, OfficialEpci>;
  /** Communes by their SIREN, to tell an editor who typed a commune's SIREN instead of an EPCI's. */
  communeBySiren: ReadonlyMap<string, OfficialCommune>;
  departements: ReadonlyMap<string, OfficialDepartement>;
  version: string;
}

/** Builds the indexes from the package's arrays (also what tests give small fixtures to). */

export interface GeographyFiles {
  site: string;
  communesFolder: string;
}

/** The id (file name) an editor should give a commune: its official name, as a slug. */
export function communeSlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '-')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Letters only, without accents or case: « Courcelles-les-Lens » and « Courcelles-lès-Lens » are the same. */
const loose = (name: string) => communeSlug(name).replace(/-/g, '');

function nameProblem(written: string, official: string): string | undefined {
  if (written === official) return undefined;
  if (loose(written) !== loose(official)) return 'nom différent du nom officiel';
  const accents =
    written.normalize('NFD').replace(/[\u0300-\u036f]/g, '') ===
    official.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (accents) return 'accents différents de ceux du nom officiel';
  if (written.replace(/[-\s]/g, '') === official.replace(/[-\s]/g, ''))
    return 'traits d’union ou espaces différents de ceux du nom officiel';
  return 'majuscules, accents ou traits d’union différents de ceux du nom officiel';
}

export function checkGeography(
  site: Site,
  communes: readonly Commune[],
  official: OfficialData,
  year: number,
  files: GeographyFiles,
): ContentIssue[] {
  const siren = site.territory.epci;
  if (!siren) return [];
  const issues: ContentIssue[] = [];
  const source = `la géographie officielle ${year} (INSEE, DGCL)`;
  const epci = official.epcis.get(siren);
  if (!epci) {
    const commune = official.communeBySiren.get(siren);
    issues.push({
      file: files.site,
      path: ['territory', 'epci'],
      field: 'territory.epci',
      message: commune
        ? `le SIREN « ${siren} » est celui de la commune de ${commune.nom}, pas d’une intercommunalité`
        : `aucune intercommunalité (EPCI à fiscalité propre) n’a le SIREN « ${siren} » dans ${source} : SIREN mal recopié, ou EPCI dissous ou fusionné au 1er janvier`,
      expected:
        'le SIREN de l’EPCI, tel que l’écrit la liste de la DGCL (ex. « "246200299" » pour la CA d’Hénin-Carvin)',
      hint: 'si l’EPCI a fusionné, mettez le SIREN du nouvel EPCI, puis lancez « npm run territoire -- --epci <SIREN> » pour voir ses communes',
    });
  }

  const members = new Set(epci?.membres.map((m) => m.code) ?? []);
  const seen = new Set<string>();
  for (const commune of communes) {
    const at = (field: string): Pick<ContentIssue, 'file' | 'path' | 'field'> => ({
      file: commune.file,
      path: [field],
      field,
    });
    const current = official.communes.get(commune.insee);
    if (!current) {
      const former = official.formerCommunes.get(commune.insee);
      const merged = former?.chefLieu ? official.communes.get(former.chefLieu) : undefined;
      const sameName = [...official.communes.values()].find(
        (c) => loose(c.nom) === loose(commune.name) && (!epci || members.has(c.code)),
      );
      issues.push({
        ...at('insee'),
        message: merged
          ? `« ${commune.insee} » est le code de ${former!.nom}, ${former!.type === 'commune-associee' ? 'commune associée' : 'commune déléguée'} de ${merged.nom} (${merged.code}) depuis une fusion de communes`
          : `code INSEE « ${commune.insee} » inconnu dans ${source}`,
        expected: 'le code INSEE d’une commune actuelle, 5 caractères entre guillemets',
        hint: merged
          ? `remplacez ce fichier par celui de ${merged.nom} (insee: "${merged.code}", name: ${merged.nom}) et rattachez-y ses lieux`
          : sameName
            ? `le code de ${sameName.nom} est « ${sameName.code} »`
            : 'vérifiez le code sur le Code officiel géographique de l’INSEE',
      });
      continue;
    }
    seen.add(current.code);
    const problem = nameProblem(commune.name, current.nom);
    if (problem) {
      issues.push({
        ...at('name'),
        message: `« ${commune.name} » : ${problem} pour le code INSEE ${commune.insee}`,
        expected: `« ${current.nom} »`,
        hint: `écrivez « name: ${current.nom} »`,
      });
    }
    const postcodes = current.codesPostaux ?? [];
    for (const [field, code] of [
      ['postcode', commune.postcode] as const,
      ...(commune.otherPostcodes ?? []).map((c) => ['otherPostcodes', c] as const),
    ]) {
      if (postcodes.length > 0 && !postcodes.includes(code)) {
        issues.push({
          ...at(field),
          message: `le code postal « ${code} » n’est pas celui de ${current.nom} d’après la base officielle des codes postaux`,
          expected:
            postcodes.length === 1 ? `« ${postcodes[0]} »` : `l’un de ${postcodes.map((p) => `« ${p} »`).join(', ')}`,
        });
      }
    }
    if (epci && !members.has(current.code)) {
      const other = official.epciOfCommune.get(current.code);
      issues.push({
        ...at('insee'),
        message: `${current.nom} n’est pas membre de ${epci.nom.replace(/'/g, '’')} dans ${source}${other ? ` : elle est membre de ${other.nom.replace(/'/g, '’')} (${other.code})` : ''}`,
        expected: `uniquement les ${epci.membres.length} communes membres de l’EPCI`,
        hint: 'si la commune a quitté l’EPCI au 1er janvier, retirez ce fichier et rattachez ses lieux à une autre commune ou mettez-les hors du territoire (onTerritory: false)',
      });
    }
  }
  if (epci) {
    for (const member of epci.membres) {
      if (seen.has(member.code)) continue;
      const current = official.communes.get(member.code);
      const name = current?.nom ?? member.nom;
      issues.push({
        file: files.communesFolder,
        field: 'communes',
        message: `commune membre de ${epci.nom.replace(/'/g, '’')} absente : ${name} (code INSEE ${member.code})`,
        expected: `un fichier par commune membre, ici ${files.communesFolder}${communeSlug(name)}.yaml`,
        hint: `créez-le avec name: ${name}, insee: "${member.code}"${current?.codesPostaux?.[0] ? `, postcode: "${current.codesPostaux[0]}"` : ''} (une commune nouvelle au 1er janvier remplace souvent celles qu’elle réunit)`,
      });
    }
  }
  return issues;
}
