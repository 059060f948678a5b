import type { Catalog } from './types.ts';
import { closest, type ContentIssue, type PartialCatalog } from './issues.ts';
import { checkSearchSynonyms, checkSearchVocabulary } from './search-index.ts';
import { requiredPages, requiredTopics } from './urls.ts';
import { checkAccessibilityAudit } from './accessibility-audit-check.ts';
import { checkPlaces } from './place-checks.ts';

/** "Mairie de Carvin" → "mairie-de-carvin": the slug an editor probably meant. */
export function toSlug(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** `where`: the field's path in the file (then the message gets its line), or just its name. */
function unknownReference(
  file: string,
  where: (string | number)[] | string,
  value: string,
  kind: string,
  ids: readonly string[],
  folder: string,
): ContentIssue {
  const suggestion = closest(value, ids);
  return {
    file,
    ...(typeof where === 'string'
      ? { field: where }
      : {
          path: where,
          field: where
            .map((p) => (typeof p === 'number' ? `[${p + 1}]` : p))
            .join('.')
            .replace(/\.\[/g, '['),
        }),
    message: `${kind} inconnue « ${value} »`,
    expected: `l’identifiant d’un fichier de ${folder} (${ids.slice(0, 6).join(', ')}${ids.length > 6 ? '…' : ''})`,
    ...(suggestion ? { hint: `vouliez-vous dire « ${suggestion} » ?` } : {}),
  };
}

/** Where the single-file parts of the content live, for messages. */
export interface ContentFiles {
  site: string;
  glossary: string;
  incomeCeilings: string;
  minimumInformation: string;
  topicsFolder: string;
  pagesFolder: string;
  communesFolder: string;
  organisationsFolder: string;
  /** content/data/search-synonyms.yaml, for messages about search words. */
  searchSynonyms?: string;
  /** content/data/search-vocabulary.yaml. */
  searchVocabulary?: string;
  /** Ids of every topic and page file, valid or not (the loader knows them; Astro's catalog does not need them). */
  topicIds?: readonly string[];
  pageIds?: readonly string[];
  /** content/accessibility-audit/audit.yaml */
  accessibilityAudit?: string;
}

const defaultFiles: ContentFiles = {
  site: 'content/site.yaml',
  topicsFolder: 'content/topics/',
  pagesFolder: 'content/pages/',
  communesFolder: 'content/communes/',
  organisationsFolder: 'content/organisations/',
  glossary: 'content/data/glossary.yaml',
  incomeCeilings: 'content/data/income-ceilings.yaml',
  minimumInformation: 'content/data/minimum-information.yaml',
};

/** Cross-file checks that a schema alone cannot make: references, duplicates, file names. */
export function checkReferences(catalog: PartialCatalog, files: ContentFiles = defaultFiles): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const communeIds = (catalog.communes ?? []).map((c) => c.id);
  const organisationIds = (catalog.organisations ?? []).map((o) => o.id);

  for (const place of catalog.places ?? []) {
    if (catalog.organisations && !organisationIds.includes(place.organisation)) {
      issues.push(
        unknownReference(
          place.file,
          ['organisation'],
          place.organisation,
          'organisation',
          organisationIds,
          files.organisationsFolder,
        ),
      );
    }
    if (catalog.communes && place.commune && !communeIds.includes(place.commune)) {
      issues.push(
        unknownReference(place.file, ['commune'], place.commune, 'commune', communeIds, files.communesFolder),
      );
    }
  }
  issues.push(...checkPlaces(catalog));
  if (catalog.site && catalog.organisations && !organisationIds.includes(catalog.site.territory.organisation)) {
    issues.push(
      unknownReference(
        files.site,
        ['territory', 'organisation'],
        catalog.site.territory.organisation,
        'organisation',
        organisationIds,
        files.organisationsFolder,
      ),
    );
  }

  if (catalog.orientation && catalog.organisations && catalog.places && catalog.communes)
    issues.push(...checkOrientation(catalog as Catalog));

  // Ids are file names: one folder cannot hold the same name twice, but a name with capitals or
  // accents makes a broken address, and two names that differ only by case clash on Windows and macOS.
  for (const [kind, list] of [
    ['commune', catalog.communes],
    ['lieu', catalog.places],
    ['organisation', catalog.organisations],
    ['fiche', catalog.topics],
    ['page', catalog.pages],
    ['situation', catalog.orientation],
  ] as const) {
    const seen = new Map<string, string>();
    for (const item of list ?? []) {
      if (!slugPattern.test(item.id)) {
        const extension = item.file.slice(item.file.lastIndexOf('.'));
        issues.push({
          file: item.file,
          line: 1,
          field: 'nom du fichier',
          message: `nom de fichier « ${item.id}${extension} » incorrect : il devient l’adresse de la page`,
          expected: 'un nom en minuscules, sans accent ni espace, mots séparés par des tirets',
          hint: `renommez le fichier « ${toSlug(item.id)}${extension} »`,
        });
      }
      const key = toSlug(item.id);
      const previous = seen.get(key);
      if (previous) {
        issues.push({
          file: item.file,
          line: 1,
          field: 'nom du fichier',
          message: `identifiant de ${kind} « ${item.id} » déjà utilisé par ${previous}`,
          expected: 'un nom de fichier unique',
        });
      } else seen.set(key, item.file);
    }
  }

  // Checked against the files present, so that a topic with a mistake is not also reported missing.
  const topicIds = files.topicIds ?? catalog.topics?.map((t) => t.id);
  const pageIds = files.pageIds ?? catalog.pages?.map((p) => p.id);
  for (const id of topicIds ? requiredTopics : []) {
    if (!topicIds!.includes(id)) {
      issues.push({
        file: `${files.topicsFolder}${id}.mdx`,
        field: 'fichier',
        message: 'fiche manquante : le menu et la page d’accueil y renvoient',
        expected: `un fichier ${files.topicsFolder}${id}.mdx`,
      });
    }
  }
  for (const id of pageIds ? requiredPages : []) {
    if (!pageIds!.includes(id)) {
      issues.push({
        file: `${files.pagesFolder}${id}.mdx`,
        field: 'fichier',
        message: 'page manquante : le pied de page y renvoie',
        expected: `un fichier ${files.pagesFolder}${id}.mdx`,
      });
    }
  }

  const inseeSeen = new Map<string, string>();
  for (const commune of catalog.communes ?? []) {
    const previous = inseeSeen.get(commune.insee);
    if (previous)
      issues.push({
        file: commune.file,
        path: ['insee'],
        field: 'insee',
        message: `code INSEE « ${commune.insee} » déjà utilisé par ${previous}`,
        expected: 'un code INSEE propre à chaque commune',
      });
    else inseeSeen.set(commune.insee, commune.file);
  }

  issues.push(
    ...checkAccessibilityAudit(catalog, files.accessibilityAudit ?? 'content/accessibility-audit/audit.yaml'),
  );
  issues.push(
    ...duplicatesIn(files.glossary, catalog.glossary?.terms ?? [], 'terms', (t) => t.id, 'id', 'terme du glossaire'),
  );
  issues.push(
    ...duplicatesIn(
      files.minimumInformation,
      catalog.minimumInformation?.items ?? [],
      'items',
      (i) => i.id,
      'id',
      'élément de la liste',
    ),
  );
  issues.push(
    ...duplicatesIn(
      files.incomeCeilings,
      catalog.incomeCeilings?.tables ?? [],
      'tables',
      (t) => `${t.product} ${t.year}`,
      'product',
      'tableau (produit et année)',
    ),
  );

  (catalog.incomeCeilings?.tables ?? []).forEach((table, index) => {
    if (table.incomeYear !== table.year - 2) {
      issues.push({
        file: files.incomeCeilings,
        path: ['tables', index, 'incomeYear'],
        field: `tables[${index + 1}].incomeYear`,
        severity: 'warning',
        message: `année des revenus ${table.incomeYear} pour des plafonds ${table.year}`,
        expected: `en général l’avant-dernière année : ${table.year - 2}`,
      });
    }
  });

  (catalog.localFigures?.byCommune ?? []).forEach((row, index) => {
    if (catalog.communes && !communeIds.includes(row.commune)) {
      issues.push(
        unknownReference(
          'content/data/local-figures.yaml',
          ['byCommune', index, 'commune'],
          row.commune,
          'commune',
          communeIds,
          files.communesFolder,
        ),
      );
    }
  });

  const itemIds = catalog.minimumInformation?.items.map((i) => i.id);
  for (const topic of catalog.topics ?? []) {
    if (topic.reviewBy < topic.lastChecked) {
      issues.push({
        file: topic.file,
        path: ['reviewBy'],
        field: 'reviewBy',
        severity: 'warning',
        message: `date de revue (${topic.reviewBy}) antérieure à la dernière vérification (${topic.lastChecked})`,
        expected: 'une date de revue après « lastChecked »',
      });
    }
    if (!itemIds) continue;
    topic.covers.forEach((id, index) => {
      if (itemIds.includes(id)) return;
      const suggestion = closest(id, itemIds);
      issues.push({
        file: topic.file,
        path: ['covers', index],
        field: `covers[${index + 1}]`,
        message: `élément « ${id} » absent de la liste des informations minimales`,
        expected: `l’identifiant d’un élément de ${files.minimumInformation}`,
        ...(suggestion ? { hint: `vouliez-vous dire « ${suggestion} » ?` } : {}),
      });
    });
  }

  if (catalog.searchSynonyms && catalog.topics && catalog.pages && catalog.communes && catalog.places) {
    issues.push(...checkSearchSynonyms(catalog as Catalog, files.searchSynonyms));
  }
  if (catalog.searchVocabulary) issues.push(...checkSearchVocabulary(catalog.searchVocabulary, files.searchVocabulary));
  return issues;
}

/**
 * Orientation rules point to organisations, places and communes: each reference must exist, a
 * place must belong to the organisation it is listed under, and one rule (and one only) is general.
 */
function checkOrientation(catalog: Catalog): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const rules = catalog.orientation ?? [];
  const organisationIds = catalog.organisations.map((o) => o.id);
  const placeIds = catalog.places.map((p) => p.id);
  const communeIds = catalog.communes.map((c) => c.id);

  for (const rule of rules) {
    rule.partners.forEach((partner, index) => {
      const at = (key: string) => ['partners', index, key];
      if (partner.organisation && !organisationIds.includes(partner.organisation)) {
        issues.push(
          unknownReference(
            rule.file,
            at('organisation'),
            partner.organisation,
            'organisation',
            organisationIds,
            'content/organisations/',
          ),
        );
        return;
      }
      for (const placeId of partner.places ?? []) {
        const place = catalog.places.find((p) => p.id === placeId);
        if (!place) {
          issues.push({
            ...unknownReference(rule.file, at('places'), placeId, 'lieu', placeIds, 'content/places/'),
            message: `lieu inconnu « ${placeId} »`,
          });
        } else if (place.organisation !== partner.organisation) {
          issues.push({
            file: rule.file,
            path: at('places'),
            field: `partners[${index + 1}].places`,
            message: `le lieu « ${placeId} » dépend de l’organisation « ${place.organisation} », pas de « ${partner.organisation} »`,
            expected: `un lieu de l’organisation « ${partner.organisation} », ou une ligne « organisation: ${place.organisation} » à part`,
          });
        }
      }
    });
    for (const [communeId, neighbours] of Object.entries(rule.nearby ?? {})) {
      for (const value of [communeId, ...neighbours]) {
        if (!communeIds.includes(value))
          issues.push(
            unknownReference(rule.file, ['nearby', communeId], value, 'commune', communeIds, 'content/communes/'),
          );
      }
    }
  }

  const general = rules.filter((rule) => rule.general);
  if (general.length !== 1) {
    issues.push({
      file: general[1]?.file ?? 'content/orientation/',
      field: 'general',
      message:
        general.length === 0
          ? 'aucune règle générale'
          : `plusieurs règles générales (${general.map((r) => r.file).join(', ')})`,
      expected: 'une seule règle avec « general: true » : la réponse donnée à tout le monde',
    });
  }
  return issues;
}

function duplicatesIn<T>(
  file: string,
  list: readonly T[],
  listKey: string,
  keyOf: (item: T) => string,
  field: string,
  what: string,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const seen = new Map<string, number>();
  list.forEach((item, index) => {
    const key = keyOf(item);
    const previous = seen.get(key);
    if (previous !== undefined) {
      issues.push({
        file,
        path: [listKey, index, field],
        field: `${listKey}[${index + 1}].${field}`,
        message: `${what} « ${key} » en double (déjà au n° ${previous + 1})`,
        expected: 'une valeur unique dans la liste',
      });
    } else seen.set(key, index);
  });
  return issues;
}

/** French spacing for printed text: no-break space inside « » and before : ; ? ! */
export function frenchSpacing(text: string): string {
  return text
    .replace(/« /g, '«\u00a0')
    .replace(/ »/g, '\u00a0»')
    .replace(/ ([:;?!])(?=\s|$)/gm, '\u00a0$1');
}

/** `file:line — field — what is wrong — attendu : … — hint`, one per line: the check command, the build and the tests print this. */
export function formatIssue(issue: ContentIssue): string {
  const where = issue.line ? `${issue.file}:${issue.line}` : issue.file;
  return frenchSpacing(
    [where, issue.field, issue.message, issue.expected ? `attendu : ${issue.expected}` : undefined, issue.hint]
      .filter(Boolean)
      .join(' — '),
  );
}

export function formatIssues(issues: readonly ContentIssue[]): string {
  return issues.map(formatIssue).join('\n');
}
