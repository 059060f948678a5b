import type { ContentIssue } from './issues.ts';
import type { Catalog, MinimumInformation, TopicMeta } from './types.ts';

export type ChecklistItem = MinimumInformation['items'][number];

export interface ItemCoverage {
  item: ChecklistItem;
  /** Topics that declare `covers: [item.id]`, in the site's order. */
  topics: TopicMeta[];
}

/** Each item of the law's minimum information, with the topics that cover it. */
export function checklistCoverage(catalog: Pick<Catalog, 'topics' | 'minimumInformation'>): ItemCoverage[] {
  return (catalog.minimumInformation?.items ?? []).map((item) => ({
    item,
    topics: catalog.topics.filter((t) => t.covers.includes(item.id)).sort((a, b) => a.id.localeCompare(b.id)),
  }));
}

/** One warning per item no topic covers: the build prints them, it does not stop for them. */
export function checklistWarnings(
  catalog: Pick<Catalog, 'topics' | 'minimumInformation'>,
  file: string,
): ContentIssue[] {
  if (!catalog.minimumInformation) {
    return [
      {
        file,
        field: '(fichier entier)',
        severity: 'warning',
        message: 'liste des informations minimales absente : le site ne vérifie pas ce que la loi demande d’expliquer',
        expected: 'le fichier data/minimum-information.yaml du dossier de contenu',
      },
    ];
  }
  return checklistCoverage(catalog)
    .map((coverage, index) => ({ coverage, index }))
    .filter(({ coverage }) => coverage.topics.length === 0)
    .map(({ coverage, index }) => ({
      file,
      path: ['items', index, 'id'],
      field: `items[${index + 1}] ${coverage.item.id}`,
      severity: 'warning' as const,
      message: `aucune fiche ne couvre « ${coverage.item.label} »`,
      expected: `« ${coverage.item.id} » dans la liste « covers: » de la fiche qui l’explique`,
    }));
}
