import type { PlaceAudience, PlaceService } from '../schemas/place.ts';
import type { OrganisationData } from '../schemas/organisation.ts';
import type { Catalog, Place } from './types.ts';
import { communeOf, organisationOf } from './directory.ts';
import { appointmentLabels, audienceInSentence, levelLabels } from './labels.ts';
import { phoneE164 } from './format.ts';
import { frenchSpacing } from './references.ts';
import { toOpeningHours } from './opening-hours.ts';
import { absoluteUrl, paths } from './urls.ts';
import { exportSafeDeep } from './text-policy.ts';

/**
 * The places in the national schema of inclusion services, data·inclusion v1 (`structure` and
 * `service`, vendored in vendor/data-inclusion-schema/): one structure per place, one service per
 * thing the place does for an applicant. Only facts of the content: a field we do not know is left
 * out, never filled in. Validation against the official schema is in ./data-inclusion-export.ts.
 */

/** The version of the schema these records follow (vendor/data-inclusion-schema/README.md). */
export const dataInclusionSchemaVersion = '1.0.8';

type Thematique =
  | 'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement'
  | 'logement-hebergement--louer-un-logement'
  | 'logement-hebergement--rechercher-une-solution-dhebergement-temporaire'
  | 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'
  | 'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits';
type Public = 'tous-publics' | 'jeunes' | 'personnes-en-situation-durgence';

/** Where the place stands and how to reach it: the same fields on a structure and on its services. */
export interface DataInclusionLocation {
  commune?: string;
  code_postal?: string;
  code_insee?: string;
  adresse?: string;
  complement_adresse?: string;
  telephone?: string;
  courriel?: string;
  horaires_accueil?: string;
}

export interface DataInclusionStructure extends DataInclusionLocation {
  source: string;
  id: string;
  nom: string;
  date_maj: string;
  description?: string;
  lien_source?: string;
  site_web?: string;
  reseaux_porteurs?: string[];
}

export interface DataInclusionService extends DataInclusionLocation {
  source: string;
  structure_id: string;
  id: string;
  nom: string;
  description: string;
  date_maj: string;
  type?: 'information' | 'accompagnement';
  thematiques?: Thematique[];
  frais?: 'gratuit';
  frais_precisions?: string;
  publics?: Public[];
  publics_precisions?: string;
  conditions_acces?: string;
  modes_accueil?: 'en-presentiel'[];
  modes_mobilisation?: ('se-presenter' | 'telephoner' | 'envoyer-un-courriel')[];
  mobilisable_par?: 'usagers'[];
  mobilisation_precisions?: string;
  zone_eligibilite?: string[];
  lien_source?: string;
}

/** One place and the records that describe it: what is validated, published or reported together. */
export interface PlaceRecords {
  place: Place;
  structure: DataInclusionStructure;
  services: DataInclusionService[];
}

const sinformer = 'logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement';

interface ServiceSpec {
  /** Last part of the service's id, stable from one build to the next. */
  key: string;
  /** The place's services this data·inclusion service stands for. */
  from: PlaceService[];
  nom: string;
  type: 'information' | 'accompagnement';
  thematiques: Thematique[];
  description: (catalog: Catalog) => string;
  /**
   * Set only where the service is known to be free: the law's information of applicants (L441-2-6 CCH)
   * and the registration of the demand, and the advice our content calls free. `frais_precisions` when
   * there is something to add.
   */
  free?: { precisions?: string };
  conditions?: string;
  /** No residence condition: anyone may register a demand at any desk (article R441-2-3 CCH), so no `zone_eligibilite`. */
  openToAnyResidence?: true;
}

/**
 * What each service of a place becomes. Welcome and information make one service, as the convention's
 * level 1 describes them together (article 3); the texts follow the topics of content/topics/.
 */
const serviceSpecs: ServiceSpec[] = [
  {
    key: 'information',
    from: ['welcome', 'information'],
    nom: 'Accueil et information sur la demande de logement social',
    type: 'information',
    thematiques: [sinformer],
    description: (catalog) =>
      'On vous accueille et on vous informe sur la demande de logement social : qui peut demander, comment faire la demande, les pièces à fournir, ce qui se passe ensuite. ' +
      `On vous oriente vers le bon interlocuteur selon votre situation, ou vers le portail national de la demande de logement social (${catalog.site.portal.url}).`,
    free: {},
  },
  {
    key: 'enregistrement',
    from: ['registration'],
    nom: 'Enregistrement et mise à jour de la demande de logement social',
    type: 'accompagnement',
    thematiques: [sinformer, 'logement-hebergement--louer-un-logement'],
    description: () =>
      'Ce guichet enregistre votre demande de logement social et la met à jour. ' +
      'Apportez le formulaire Cerfa n° 14069 rempli et votre pièce d’identité. ' +
      'Vous recevez un numéro unique d’enregistrement et une attestation, dans un délai d’un mois au plus. ' +
      'Votre demande est valable un an : pensez à la renouveler.',
    free: {
      precisions:
        'Faire une demande de logement social est gratuit : personne ne peut vous faire payer des frais de dossier.',
    },
    conditions:
      'Pour enregistrer la demande : le formulaire rempli et une pièce d’identité, ou un titre de séjour si vous n’êtes pas citoyen de l’Union européenne, de l’Espace économique européen ou de la Suisse (article R441-2-3 du code de la construction et de l’habitation). ' +
      'Aucune condition de résidence : vous pouvez déposer votre demande dans ce guichet même si vous habitez ailleurs. ' +
      'Apportez aussi votre avis d’imposition : il servira à étudier votre dossier.',
    openToAnyResidence: true,
  },
  {
    key: 'suivi',
    from: ['status-follow-up'],
    nom: 'Information sur l’état de votre demande de logement social',
    type: 'information',
    thematiques: [sinformer],
    description: () =>
      'Le guichet vous informe sur l’état de votre demande de logement social : les informations de votre dossier et l’avancement de son étude. ' +
      'Si vous le souhaitez, il vous reçoit dans le mois qui suit l’enregistrement de votre demande.',
    free: {},
  },
  {
    key: 'accompagnement',
    from: ['support'],
    nom: 'Accompagnement pour la demande de logement social',
    type: 'accompagnement',
    thematiques: [sinformer, 'difficultes-administratives-ou-juridiques--accompagnement-aux-demarches-administratives'],
    description: () =>
      'Un accompagnement selon votre situation : un diagnostic de votre situation, et de l’aide pour monter votre dossier de demande de logement social.',
  },
  {
    key: 'conseil-juridique',
    from: ['legal-advice'],
    nom: 'Conseil juridique gratuit sur le logement',
    type: 'information',
    thematiques: [sinformer, 'difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits'],
    description: () =>
      'On vous conseille gratuitement sur vos droits et vos démarches liées au logement, par exemple pour un recours après un refus de logement social.',
    free: {},
  },
  {
    key: 'urgence',
    from: ['emergency-housing'],
    nom: 'Orientation des personnes sans logement ou en urgence',
    type: 'accompagnement',
    thematiques: ['logement-hebergement--rechercher-une-solution-dhebergement-temporaire'],
    description: () =>
      'Vous êtes sans logement ou en situation d’urgence : on étudie votre situation et on vous oriente vers un hébergement ou un logement adapté.',
  },
];

/**
 * The content's audiences in data·inclusion's `publics`. An audience without an exact match
 * (e.g. the tenants of one landlord) has none: the service then gives only `publics_precisions`,
 * since listing a wider public would tell people they are eligible when they are not.
 */
const publicOf: Record<PlaceAudience, Public | null> = {
  'young-people': 'jeunes',
  'homeless-or-emergency': 'personnes-en-situation-durgence',
  'social-difficulty': null,
  'employees-peec': null,
  'landlord-tenants': null,
};

/** data·inclusion's `reseaux_porteurs` that follow from the kind of organisation alone. */
const networksOf: Partial<Record<OrganisationData['kind'], string[]>> = {
  // The list's "communes" covers "communes, mairies, communautés de communes, etc.".
  commune: ['communes'],
  intercommunality: ['communes'],
  'family-allowance': ['caf'],
  departement: ['departements'],
};

/** The producer's name in ids and in `source`: "sai-" and the territory's short name, e.g. "sai-cahc". */
export function dataInclusionSource(catalog: Catalog): string {
  const slug = catalog.site.territory.shortName
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `sai-${slug}`;
}

/**
 * The date of the last change of the place: the content's date (content/site.yaml, contentDate),
 * since places do not carry their own yet. A place-level date, when the content gets one, goes here.
 */
function placeDate(catalog: Catalog, _place: Place): string {
  return catalog.site.contentDate;
}

/** Only what the content knows; data·inclusion takes one phone number, the first. */
function locationOf(catalog: Catalog, place: Place): DataInclusionLocation {
  const commune = communeOf(catalog, place);
  const hours = toOpeningHours(place.hours);
  const town = place.address?.city ?? commune?.name ?? place.town;
  return {
    ...(town ? { commune: town } : {}),
    ...(place.address ? { code_postal: place.address.postcode } : commune ? { code_postal: commune.postcode } : {}),
    ...(commune ? { code_insee: commune.insee } : {}),
    ...(place.address ? { adresse: place.address.street } : {}),
    ...(place.address?.complement ? { complement_adresse: place.address.complement } : {}),
    ...(place.phone ? { telephone: phoneE164(place.phone) } : {}),
    ...(place.email ? { courriel: place.email } : {}),
    ...(hours ? { horaires_accueil: hours } : {}),
  };
}

function structureDescription(catalog: Catalog, place: Place): string {
  const { site } = catalog;
  const where = place.onTerritory ? '' : ` Ce lieu est situé ${site.territory.area.outside}, à ${place.town}.`;
  return frenchSpacing(
    `Lieu de niveau ${place.level} du service d’accueil et d’information des demandeurs de logement social ${site.territory.area.of} (${site.territory.name}). ` +
      `${levelLabels[place.level].long}${where}${place.notes ? ` ${place.notes.trim()}` : ''}`,
  );
}

function publicsOf(place: Place): Pick<DataInclusionService, 'publics' | 'publics_precisions'> {
  if (place.audiences.length === 0) return { publics: ['tous-publics'] };
  const mapped = place.audiences.map((audience) => publicOf[audience]);
  const sentence = place.audiences.map((audience) => audienceInSentence[audience]);
  const precisions = frenchSpacing(
    `Pour ${sentence.length > 1 ? `${sentence.slice(0, -1).join(', ')} et ${sentence[sentence.length - 1]}` : sentence[0]}.`,
  );
  return mapped.every((p): p is Public => p !== null)
    ? { publics: [...new Set(mapped)], publics_precisions: precisions }
    : { publics_precisions: precisions };
}

/** How a person reaches the service: go there, unless the place only sees people on appointment. */
function mobilisationOf(
  place: Place,
): Pick<DataInclusionService, 'modes_mobilisation' | 'mobilisable_par' | 'mobilisation_precisions'> {
  const modes: DataInclusionService['modes_mobilisation'] = [
    ...(place.appointment !== 'required' ? (['se-presenter'] as const) : []),
    ...(place.phone ? (['telephoner'] as const) : []),
    ...(place.email ? (['envoyer-un-courriel'] as const) : []),
  ];
  return {
    ...(modes.length > 0 ? { modes_mobilisation: modes } : {}),
    mobilisable_par: ['usagers'],
    ...(place.appointment ? { mobilisation_precisions: `${appointmentLabels[place.appointment]}.` } : {}),
  };
}

/** The structure and the services of one place. */
export function placeRecords(catalog: Catalog, base: string, place: Place): PlaceRecords {
  const source = dataInclusionSource(catalog);
  const id = `${source}--${place.id}`;
  const date = placeDate(catalog, place);
  const url = absoluteUrl(catalog.site.url, base, paths.place(place.id));
  const location = locationOf(catalog, place);
  const networks = networksOf[organisationOf(catalog, place).kind];
  // The service is for the people of the territory; a place outside it serves a wider area we do not know.
  const zone = place.onTerritory ? catalog.communes.map((c) => c.insee).sort() : undefined;

  const structure: DataInclusionStructure = {
    source,
    id,
    nom: place.name,
    date_maj: date,
    description: structureDescription(catalog, place),
    lien_source: url,
    ...location,
    ...(place.website ? { site_web: place.website } : {}),
    ...(networks ? { reseaux_porteurs: networks } : {}),
  };

  const services = serviceSpecs
    .filter((spec) => spec.from.some((service) => place.services.includes(service)))
    .map((spec): DataInclusionService => ({
      source,
      structure_id: id,
      id: `${id}--${spec.key}`,
      nom: spec.nom,
      description: frenchSpacing(spec.description(catalog)),
      date_maj: date,
      type: spec.type,
      thematiques: spec.thematiques,
      ...(spec.free
        ? {
            frais: 'gratuit' as const,
            ...(spec.free.precisions ? { frais_precisions: frenchSpacing(spec.free.precisions) } : {}),
          }
        : {}),
      ...publicsOf(place),
      ...(spec.conditions ? { conditions_acces: frenchSpacing(spec.conditions) } : {}),
      ...location,
      modes_accueil: ['en-presentiel'],
      ...mobilisationOf(place),
      ...(zone && !spec.openToAnyResidence ? { zone_eligibilite: zone } : {}),
      lien_source: url,
    }));

  // Read by other programs (data·inclusion): every string through the text policy's export filter.
  return { place, structure: exportSafeDeep(structure), services: exportSafeDeep(services) };
}

/** Every place, in the order of their ids, so that two builds of the same content give the same files. */
export function dataInclusionRecords(catalog: Catalog, base: string): PlaceRecords[] {
  return [...catalog.places]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((place) => placeRecords(catalog, base, place));
}
