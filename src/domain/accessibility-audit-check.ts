import { closest, type ContentIssue, type PartialCatalog } from './issues.ts';
import { readReferential, type Referential } from './referential.ts';

/**
 * Checks across the audit's files that a schema alone cannot make: the referential exists, page ids
 * are unique, every page a result names is in the sample, every criterion exists and sits in its
 * file's theme, and every criterion of a theme is there once.
 */
export function checkAccessibilityAudit(catalog: PartialCatalog, auditFile: string): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const audit = catalog.accessibilityAudit;
  const manual = catalog.accessibilityManual ?? [];
  const automated = catalog.accessibilityAutomated ?? [];
  const screenReader = catalog.accessibilityScreenReader ?? [];
  if (!audit) {
    for (const entry of [...manual, ...automated, ...screenReader]) {
      issues.push({
        file: entry.file,
        field: 'fichier',
        message: 'résultats d’audit sans fichier de l’audit',
        expected: `le fichier ${auditFile} (référentiel, date, échantillon de pages)`,
      });
    }
    return issues;
  }
  const referentials = catalog.referentials ?? [];
  const entry = referentials.find((r) => r.id === audit.referential);
  if (!entry) {
    const ids = referentials.map((r) => r.id);
    const near = closest(audit.referential, ids);
    issues.push({
      file: auditFile,
      path: ['referential'],
      field: 'referential',
      message: `référentiel inconnu « ${audit.referential} »`,
      expected: `le nom d’un fichier de content/data/referentials/ sans « .json »${ids.length ? ` (${ids.join(', ')})` : ''}`,
      ...(near ? { hint: `vouliez-vous dire « ${near} » ?` } : {}),
    });
    return issues;
  }
  const referential = readReferential(entry.id, entry);

  const pageIds = audit.pages.map((page) => page.id);
  audit.pages.forEach((page, index) => {
    const first = pageIds.indexOf(page.id);
    if (first !== index) {
      issues.push({
        file: auditFile,
        path: ['pages', index, 'id'],
        field: `pages[${index + 1}].id`,
        message: `page « ${page.id} » en double`,
        expected: `un identifiant différent de celui de la page n° ${first + 1}`,
      });
    }
  });

  for (const theme of manual) issues.push(...checkManualTheme(theme, referential, pageIds));
  for (const evidence of automated) {
    for (const [pageId, byCriterion] of Object.entries(evidence.pages)) {
      if (!pageIds.includes(pageId))
        issues.push(unknownPage(evidence.file, ['pages', pageId], pageId, pageIds, auditFile));
      for (const id of Object.keys(byCriterion)) {
        if (!referential.themes.some((t) => t.criteria.some((c) => c.id === id))) {
          issues.push({
            file: evidence.file,
            path: ['pages', pageId, id],
            field: `pages.${pageId}`,
            message: `critère inconnu « ${id} »`,
            expected: `un critère du référentiel ${referential.id}`,
          });
        }
      }
    }
  }
  // A screen-reader journey names sample pages and criteria of the audit's referential.
  for (const journey of screenReader) {
    if (journey.referential !== audit.referential) {
      issues.push({
        file: journey.file,
        path: ['referential'],
        field: 'referential',
        message: `parcours enregistré pour le référentiel « ${journey.referential} », l’audit suit « ${audit.referential} »`,
        expected: `« ${audit.referential} » : relancez « npm run audit:screen-reader »`,
      });
    }
    journey.pages.forEach((pageId, index) => {
      if (!pageIds.includes(pageId))
        issues.push(unknownPage(journey.file, ['pages', index], pageId, pageIds, auditFile));
    });
    journey.criteria.forEach((id, index) => {
      if (!referential.themes.some((t) => t.criteria.some((c) => c.id === id))) {
        issues.push({
          file: journey.file,
          path: ['criteria', index],
          field: `criteria[${index + 1}]`,
          message: `critère inconnu « ${id} »`,
          expected: `un critère du référentiel ${referential.id}`,
        });
      }
    });
  }
  return issues;
}

function unknownPage(
  file: string,
  path: (string | number)[],
  value: string,
  pageIds: readonly string[],
  auditFile: string,
): ContentIssue {
  const near = closest(value, pageIds);
  return {
    file,
    path,
    field: path
      .map((p) => (typeof p === 'number' ? `[${p + 1}]` : p))
      .join('.')
      .replace(/\.\[/g, '['),
    message: `page inconnue « ${value} » : elle n’est pas dans l’échantillon`,
    expected: `l’identifiant d’une page de ${auditFile} (${pageIds.slice(0, 6).join(', ')}${pageIds.length > 6 ? '…' : ''}), ou « * » pour toutes les autres`,
    ...(near ? { hint: `vouliez-vous dire « ${near} » ?` } : {}),
  };
}

function checkManualTheme(
  entry: NonNullable<PartialCatalog['accessibilityManual']>[number],
  referential: Referential,
  pageIds: readonly string[],
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const file = entry.file;
  const expectedName = `theme-${String(entry.theme).padStart(2, '0')}`;
  if (entry.id !== expectedName) {
    issues.push({
      file,
      path: ['theme'],
      field: 'theme',
      message: `le fichier ${entry.id}.yaml porte le thème ${entry.theme}`,
      expected: `un fichier par thème, nommé d’après son numéro : ${expectedName}.yaml pour le thème ${entry.theme}`,
    });
  }
  const theme = referential.themes.find((t) => t.number === entry.theme);
  if (!theme) {
    issues.push({
      file,
      path: ['theme'],
      field: 'theme',
      message: `thème inconnu « ${entry.theme} »`,
      expected: `un numéro de thème du référentiel ${referential.id}, de 1 à ${referential.themes.length}`,
    });
    return issues;
  }
  const range = `${theme.criteria[0]!.id} à ${theme.criteria.at(-1)!.id}`;
  const seen = new Map<string, number>();
  entry.criteria.forEach((criterion, index) => {
    const where = `criteria[${index + 1}]`;
    const owner = referential.themes.find((t) => t.criteria.some((c) => c.id === criterion.id));
    if (!owner) {
      issues.push({
        file,
        path: ['criteria', index, 'id'],
        field: `${where}.id`,
        message: `critère inconnu « ${criterion.id} »`,
        expected: `un critère du thème ${theme.number} (${theme.title}) : ${range}`,
      });
    } else if (owner.number !== theme.number) {
      issues.push({
        file,
        path: ['criteria', index, 'id'],
        field: `${where}.id`,
        message: `le critère ${criterion.id} appartient au thème ${owner.number} (${owner.title}), pas au thème ${theme.number}`,
        expected: `un critère du thème ${theme.number} (${range}) ; le critère ${criterion.id} va dans theme-${String(owner.number).padStart(2, '0')}.yaml`,
      });
    }
    const first = seen.get(criterion.id);
    if (first !== undefined) {
      issues.push({
        file,
        path: ['criteria', index, 'id'],
        field: `${where}.id`,
        message: `critère « ${criterion.id} » en double`,
        expected: `chaque critère une seule fois (déjà au n° ${first + 1})`,
      });
    } else seen.set(criterion.id, index);
    for (const key of Object.keys(criterion.results)) {
      if (key !== '*' && !pageIds.includes(key))
        issues.push(unknownPage(file, ['criteria', index, 'results', key], key, pageIds, 'audit.yaml'));
    }
  });
  const absent = theme.criteria.map((c) => c.id).filter((id) => !seen.has(id));
  if (absent.length > 0) {
    issues.push({
      file,
      path: ['criteria'],
      field: 'criteria',
      message: `critère${absent.length > 1 ? 's' : ''} manquant${absent.length > 1 ? 's' : ''} : ${absent.join(', ')}`,
      expected: `chaque critère du thème ${theme.number} (${range}), une fois, dans l’ordre`,
    });
  }
  return issues;
}
