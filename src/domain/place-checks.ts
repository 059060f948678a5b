import type { Catalog, Commune, Place } from './types.ts';
import type { ContentIssue, PartialCatalog } from './issues.ts';

/** Spelling differences La Poste and editors make (case, accents, hyphens or spaces) do not count. */
function townKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function communePostcodes(commune: Pick<Commune, 'postcode' | 'otherPostcodes'>): string[] {
  return [commune.postcode, ...(commune.otherPostcodes ?? [])];
}

/** The names a postal address in the commune may give: the commune's, or a declared locality. */
export function communeTownNames(commune: Pick<Commune, 'name' | 'localities'>): string[] {
  return [commune.name, ...(commune.localities ?? [])];
}

const quoted = (items: readonly string[]) => items.map((i) => `« ${i} »`).join(' ou ');
/** « de Carvin », « d’Oignies », « d’Hénin-Beaumont ». */
const of = (name: string) => (/^[aeiouyhàâéèêëîïôöûüAEIOUYHÀÂÉÈÊËÎÏÔÖÛÜ]/.test(name) ? `d’${name}` : `de ${name}`);

/**
 * An address on the territory belongs to the place's commune: one of its postcodes, its name or a
 * locality it declares. A postcode or a town of the next commune would send people to the wrong door.
 */
function addressIssues(place: Place, commune: Commune): ContentIssue[] {
  const address = place.address;
  if (!address) return [];
  const issues: ContentIssue[] = [];
  const postcodes = communePostcodes(commune);
  if (!postcodes.includes(address.postcode)) {
    issues.push({
      file: place.file,
      path: ['address', 'postcode'],
      field: 'address.postcode',
      message: `code postal « ${address.postcode} » : ce n’est pas celui ${of(commune.name)} (commune: ${commune.id})`,
      expected: `${postcodes.length > 1 ? 'l’un des codes postaux' : 'le code postal'} ${of(commune.name)} : ${quoted(postcodes)}`,
      hint: `si le lieu est dans une autre commune, corrigez « commune: » ; si la commune a un autre code postal, ajoutez-le à « otherPostcodes » dans ${commune.file}`,
    });
  }
  const names = communeTownNames(commune);
  if (!names.some((name) => townKey(name) === townKey(address.city))) {
    issues.push({
      file: place.file,
      path: ['address', 'city'],
      field: 'address.city',
      message: `ville « ${address.city} » : ce n’est pas ${commune.name} (commune: ${commune.id})`,
      expected: `le nom de la commune : ${quoted(names)}`,
      hint: `si l’adresse postale donne le nom d’un quartier ou d’une ancienne commune, ajoutez-le à « localities » dans ${commune.file}`,
    });
  }
  return issues;
}

/**
 * Checks across places, organisations and communes: an address in its commune, a town hall run by
 * a commune and only one per commune.
 */
export function checkPlaces(catalog: PartialCatalog): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const communes = new Map((catalog.communes ?? []).map((c) => [c.id, c]));
  const kinds = new Map((catalog.organisations ?? []).map((o) => [o.id, o.kind]));
  const hallOf = new Map<string, Place>();
  for (const place of (catalog.places ?? []) as Catalog['places']) {
    const commune = place.commune ? communes.get(place.commune) : undefined;
    if (commune && place.onTerritory) issues.push(...addressIssues(place, commune));
    if (!place.townHall) continue;
    const kind = kinds.get(place.organisation);
    if (kind !== undefined && kind !== 'commune') {
      issues.push({
        file: place.file,
        path: ['townHall'],
        field: 'townHall',
        message: `« townHall: true » pour un lieu de l’organisation « ${place.organisation} », qui n’est pas une commune`,
        expected:
          'une mairie dépend d’une organisation de type « commune » (ex. « organisation: communes »), sinon retirer « townHall: true »',
      });
      continue;
    }
    if (!place.commune) continue;
    const previous = hallOf.get(place.commune);
    if (previous) {
      issues.push({
        file: place.file,
        path: ['townHall'],
        field: 'townHall',
        message: `deux mairies pour la commune « ${place.commune} » : ce lieu et ${previous.file}`,
        expected:
          '« townHall: true » sur un seul lieu par commune : la mairie ; un autre lieu de la commune (maison de quartier, permanence…) n’a pas ce champ',
      });
    } else hallOf.set(place.commune, place);
  }
  return issues;
}
