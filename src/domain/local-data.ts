import type { Catalog } from './types.ts';

/**
 * The answers the law requires (L441-2-6, R441-2-16, R441-2-17 CCH) that depend on the territory and
 * that only the intercommunality or the préfet can give: each one is a field of content/data/ that the editors
 * fill. The topics show what is known and how to obtain the rest; the content report lists what is
 * still empty, with the checklist item it belongs to.
 */
export interface LocalDatum {
  /** The minimum-information item (content/data/minimum-information.yaml) this figure completes. */
  item: string;
  file: string;
  field: string;
  /** What is missing, in French, for the report. */
  label: string;
  known: boolean;
}

export function localData(catalog: Pick<Catalog, 'localFigures' | 'dalo' | 'cotationGrid'>): LocalDatum[] {
  const figures = catalog.localFigures;
  const figuresFile = 'content/data/local-figures.yaml';
  return [
    {
      item: 'parc-social',
      file: figuresFile,
      field: 'socialHomes',
      label: 'nombre de logements sociaux du territoire',
      known: figures?.socialHomes != null,
    },
    {
      item: 'parc-social',
      file: figuresFile,
      field: 'pendingDemands',
      label: 'nombre de demandes en attente',
      known: figures?.pendingDemands != null,
    },
    {
      item: 'parc-social',
      file: figuresFile,
      field: 'allocations',
      label: 'nombre de logements attribués dans l’année (part des demandes satisfaites)',
      known: figures?.allocations != null,
    },
    {
      item: 'localisation-parc',
      file: figuresFile,
      field: 'byCommune',
      label: 'nombre de logements sociaux dans chaque commune',
      known: (figures?.byCommune.length ?? 0) > 0,
    },
    {
      item: 'delai-anormalement-long',
      file: 'content/data/dalo.yaml',
      field: 'abnormallyLongDelayMonths',
      label: 'délai anormalement long fixé par le préfet du département',
      known: catalog.dalo.abnormallyLongDelayMonths !== null,
    },
    {
      item: 'cotation-individuelle',
      file: 'content/data/cotation-grid.yaml',
      field: 'refusalEffect',
      label:
        'cas où le refus d’un logement adapté change la cotation, et l’effet de ce refus (grille de cotation de l’intercommunalité)',
      known: catalog.cotationGrid.refusalEffect !== undefined,
    },
  ];
}

/** The share of demands satisfied in the year: allocations over (allocations + demands still waiting). */
export function satisfiedShare(figures: Catalog['localFigures']): number | undefined {
  if (!figures || figures.allocations == null || figures.pendingDemands == null) return undefined;
  const total = figures.allocations + figures.pendingDemands;
  return total === 0 ? undefined : figures.allocations / total;
}
