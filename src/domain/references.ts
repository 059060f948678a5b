import type { Catalog } from './types';
import { checkSearchSynonyms } from './search-index';
import { requiredPages, requiredTopics } from './urls';

/** One problem in the content, as an editor must read it. */
export interface ContentIssue {
  file: string;
  field: string;
  message: string;
  expected?: string;
  /** "Did you mean …?" when a near name exists. */
  hint?: string;
}

/** Levenshtein distance, to suggest the slug an editor probably meant. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

export function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(value, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(value.length / 3)) ? best : undefined;
}

function unknownReference(file: string, field: string, value: string, kind: string, ids: string[], folder: string): ContentIssue {
  const suggestion = closest(value, ids);
  return {
    file,
    field,
    message: `${kind} inconnue « ${value} »`,
    expected: `l’identifiant d’un fichier de ${folder} (${ids.slice(0, 6).join(', ')}${ids.length > 6 ? '…' : ''})`,
    ...(suggestion ? { hint: `vouliez-vous dire « ${suggestion} » ?` } : {}),
  };
}

/** Cross-file checks that a schema alone cannot make: references, duplicates, the site's own links. */
export function checkReferences(catalog: Catalog): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const communeIds = catalog.communes.map((c) => c.id);
  const organisationIds = catalog.organisations.map((o) => o.id);

  for (const place of catalog.places) {
    if (!organisationIds.includes(place.organisation)) {
      issues.push(unknownReference(place.file, 'organisation', place.organisation, 'organisation', organisationIds, 'content/organisations/'));
    }
    if (place.commune && !communeIds.includes(place.commune)) {
      issues.push(unknownReference(place.file, 'commune', place.commune, 'commune', communeIds, 'content/communes/'));
    }
  }
  if (!organisationIds.includes(catalog.site.territory.organisation)) {
    issues.push(
      unknownReference('content/site.yaml', 'territory.organisation', catalog.site.territory.organisation, 'organisation', organisationIds, 'content/organisations/'),
    );
  }

  issues.push(...checkOrientation(catalog));

  const seen = new Map<string, string>();
  for (const [kind, list] of [
    ['commune', catalog.communes],
    ['lieu', catalog.places],
    ['organisation', catalog.organisations],
    ['fiche', catalog.topics],
    ['situation', catalog.orientation ?? []],
  ] as const) {
    seen.clear();
    for (const item of list) {
      const previous = seen.get(item.id);
      if (previous) {
        issues.push({ file: item.file, field: 'identifiant', message: `identifiant de ${kind} « ${item.id} » déjà utilisé par ${previous}`, expected: 'un nom de fichier unique' });
      } else seen.set(item.id, item.file);
    }
  }

  for (const id of requiredTopics) {
    if (!catalog.topics.some((t) => t.id === id)) {
      issues.push({ file: `content/topics/${id}.mdx`, field: 'fichier', message: 'fiche manquante : le menu et la page d’accueil y renvoient', expected: `un fichier content/topics/${id}.mdx` });
    }
  }
  for (const id of requiredPages) {
    if (!catalog.pages.some((p) => p.id === id)) {
      issues.push({ file: `content/pages/${id}.mdx`, field: 'fichier', message: 'page manquante : le pied de page y renvoie', expected: `un fichier content/pages/${id}.mdx` });
    }
  }

  const inseeSeen = new Map<string, string>();
  for (const commune of catalog.communes) {
    const previous = inseeSeen.get(commune.insee);
    if (previous) issues.push({ file: commune.file, field: 'insee', message: `code INSEE « ${commune.insee} » déjà utilisé par ${previous}`, expected: 'un code INSEE propre à chaque commune' });
    else inseeSeen.set(commune.insee, commune.file);
  }
  issues.push(...checkSearchSynonyms(catalog));
  return issues;
}

/**
 * Orientation rules point to organisations, places and communes: each reference must exist, a
 * place must belong to the organisation it is listed under, and one rule (and one only) is general.
 */
function checkOrientation(catalog: Catalog): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const rules = catalog.orientation ?? [];
  if (rules.length === 0) return issues;
  const organisationIds = catalog.organisations.map((o) => o.id);
  const placeIds = catalog.places.map((p) => p.id);
  const communeIds = catalog.communes.map((c) => c.id);

  for (const rule of rules) {
    rule.partners.forEach((partner, index) => {
      const field = `partners[${index + 1}]`;
      if (partner.organisation && !organisationIds.includes(partner.organisation)) {
        issues.push(unknownReference(rule.file, `${field}.organisation`, partner.organisation, 'organisation', organisationIds, 'content/organisations/'));
        return;
      }
      for (const placeId of partner.places ?? []) {
        const place = catalog.places.find((p) => p.id === placeId);
        if (!place) {
          issues.push({ ...unknownReference(rule.file, `${field}.places`, placeId, 'lieu', placeIds, 'content/places/'), message: `lieu inconnu « ${placeId} »` });
        } else if (place.organisation !== partner.organisation) {
          issues.push({
            file: rule.file,
            field: `${field}.places`,
            message: `le lieu « ${placeId} » dépend de l’organisation « ${place.organisation} », pas de « ${partner.organisation} »`,
            expected: `un lieu de l’organisation « ${partner.organisation} », ou une ligne « organisation: ${place.organisation} » à part`,
          });
        }
      }
    });
    for (const [communeId, neighbours] of Object.entries(rule.nearby ?? {})) {
      for (const value of [communeId, ...neighbours]) {
        if (!communeIds.includes(value)) issues.push(unknownReference(rule.file, `nearby.${communeId}`, value, 'commune', communeIds, 'content/communes/'));
      }
    }
  }

  const general = rules.filter((rule) => rule.general);
  if (general.length !== 1) {
    issues.push({
      file: general[1]?.file ?? 'content/orientation/',
      field: 'general',
      message: general.length === 0 ? 'aucune règle générale' : `plusieurs règles générales (${general.map((r) => r.file).join(', ')})`,
      expected: 'une seule règle avec « general: true » : la réponse donnée à tout le monde',
    });
  }
  return issues;
}

/** `file — field — message — expected (hint)` one per line, as the check command and the build print it. */
export function formatIssues(issues: readonly ContentIssue[]): string {
  return issues
    .map((i) => [i.file, i.field, i.message, i.expected ? `attendu : ${i.expected}` : undefined, i.hint].filter(Boolean).join(' — '))
    .join('\n');
}
