import {
  appointmentLabels,
  audienceLabels,
  ceilingProductLabels,
  levelLabels,
  serviceLabels,
} from '../domain/labels.ts';
import { under, type Overlay } from './generate.ts';

/**
 * The French words of the forms: one label (and a hint where the field needs one) per field of
 * each schema. A field of a schema missing here makes the generator throw, and the unit tests fail.
 */

const directory: Overlay = {
  directory: { label: 'Provenance de l’annuaire (écrite par l’import)', hidden: true },
};

const source: Overlay = {
  title: {
    label: 'Titre de la source',
    hint: 'Le nom du texte : loi, article, convention, fiche de service-public.fr…',
  },
  url: { label: 'Adresse web de la source' },
  reference: { label: 'Référence juridique', hint: 'Par exemple « article L441-1 du CCH ».' },
  date: { label: 'Date du texte', hint: 'Date de publication ou de signature, au format AAAA-MM-JJ.' },
  consulted: {
    label: 'Date de lecture du texte',
    hint: 'Le jour où vous avez relu le texte en vigueur, au format AAAA-MM-JJ.',
  },
  ...directory,
};
const sources = (label = 'Sources'): Overlay => ({
  sources: {
    label,
    item: 'source',
    summary: '{{fields.title}}',
    hint: 'Au moins une source : d’où vient l’information.',
  },
  ...under('sources', source),
});

const address: Overlay = {
  street: { label: 'Rue et numéro' },
  complement: { label: 'Complément d’adresse', hint: 'Bâtiment, étage, boîte postale…' },
  postcode: { label: 'Code postal' },
  city: { label: 'Ville' },
  latitude: { label: 'Latitude', hint: 'En degrés décimaux (ex. 50.49) ; laissez vide si vous ne la connaissez pas.' },
  longitude: { label: 'Longitude', hint: 'En degrés décimaux (ex. 2.96) ; laissez vide si vous ne la connaissez pas.' },
};
const withAddress = (prefix = 'address'): Overlay => ({ [prefix]: { label: 'Adresse' }, ...under(prefix, address) });

const weekdayOptions = {
  lundi: 'lundi',
  mardi: 'mardi',
  mercredi: 'mercredi',
  jeudi: 'jeudi',
  vendredi: 'vendredi',
  samedi: 'samedi',
  dimanche: 'dimanche',
};

export const placeOverlay: Overlay = {
  name: { label: 'Nom du lieu' },
  organisation: { label: 'Organisation', relation: { collection: 'organisations' } },
  level: {
    label: 'Niveau',
    hint: 'Niveau 2 : le lieu enregistre la demande (ajoutez alors « Enregistrement » aux services).',
    options: {
      1: `${levelLabels[1].short} – ${levelLabels[1].title}`,
      2: `${levelLabels[2].short} – ${levelLabels[2].title}`,
    },
  },
  onTerritory: {
    label: 'Sur le territoire de l’intercommunalité',
    hint: 'Coché : indiquez la commune. Décoché : indiquez la ville.',
  },
  commune: { label: 'Commune (sur le territoire)', relation: { collection: 'communes' } },
  town: { label: 'Ville (hors du territoire)', hint: 'Par exemple « Arras ».' },
  services: { label: 'Services rendus', options: serviceLabels },
  audiences: { label: 'Publics reçus', hint: 'Laissez vide si le lieu reçoit tout le monde.', options: audienceLabels },
  conventionLabel: {
    label: 'Nom du lieu dans la convention (article 4)',
    hint: 'Recopié mot pour mot ; laissez vide pour un lieu que la convention ne cite pas.',
  },
  townHall: {
    label: 'Mairie de la commune',
    hint: 'Cochez pour la mairie (ou son CCAS, son service logement) : une seule par commune.',
  },
  ...withAddress(),
  phone: { label: 'Téléphone', hint: 'Dix chiffres, par exemple 03 21 00 00 00.' },
  phones: {
    label: 'Plusieurs téléphones',
    item: 'numéro',
    summary: '{{fields.number}} {{fields.label}}',
    hint: 'Seulement si le lieu a plusieurs numéros (sinon, le champ « Téléphone »).',
  },
  'phones.number': { label: 'Numéro' },
  'phones.label': { label: 'À quoi sert ce numéro', hint: 'Par exemple « Accueil » ou « Service logement ».' },
  email: { label: 'Adresse e-mail' },
  website: { label: 'Site web' },
  hours: {
    label: 'Horaires d’ouverture',
    item: 'créneau',
    summary: '{{fields.days}} {{fields.opens}}–{{fields.closes}}',
    hint: 'Un créneau par demi-journée : par exemple lundi à vendredi, 08:30 à 12:00.',
  },
  'hours.days': { label: 'Jours', options: weekdayOptions },
  'hours.opens': { label: 'Ouverture', hint: 'Heure sur 24 heures, par exemple 08:30.' },
  'hours.closes': { label: 'Fermeture', hint: 'Heure sur 24 heures, par exemple 17:00.' },
  'hours.appointmentOnly': { label: 'Sur rendez-vous seulement' },
  hoursNotes: {
    label: 'Remarques sur les horaires',
    item: 'remarque',
    hint: 'Par exemple « Fermé le jeudi après-midi ».',
  },
  accessibility: {
    label: 'Accessibilité',
    widget: 'text',
    hint: 'Accès pour les personnes à mobilité réduite, en phrases simples.',
  },
  directoryRecord: {
    label: 'Fiche de l’annuaire service-public (identifiant)',
    hint: 'Seulement si l’import ne trouve pas seul la fiche.',
  },
  directoryUrl: { label: 'Page du lieu dans l’annuaire service-public' },
  appointment: { label: 'Rendez-vous', options: appointmentLabels },
  notes: { label: 'À savoir', widget: 'text', hint: 'Ce que la personne doit savoir d’autre, en phrases simples.' },
  ...sources(),
};

export const communeOverlay: Overlay = {
  name: { label: 'Nom de la commune' },
  insee: { label: 'Code INSEE', hint: 'Cinq caractères, par exemple 62427.' },
  postcode: { label: 'Code postal' },
  elision: {
    label: 'Élision devant le nom (« d’ »)',
    hint: 'À cocher pour un h muet (« d’Hénin-Beaumont ») ; une voyelle s’élide d’elle-même.',
  },
  otherPostcodes: { label: 'Autres codes postaux', hint: 'Quand la commune en a plusieurs (géographie officielle).' },
  localities: {
    label: 'Autres noms de lieu dans les adresses',
    hint: 'Hameau, ancienne commune : tels que La Poste les écrit.',
  },
  intro: { label: 'Présentation', widget: 'text', hint: 'Une ou deux phrases en tête de la page de la commune.' },
  ...sources(),
};

export const organisationOverlay: Overlay = {
  name: { label: 'Nom' },
  shortName: { label: 'Nom court ou sigle', hint: 'Par exemple « CAF ».' },
  kind: {
    label: 'Type d’organisation',
    options: {
      intercommunality: 'Intercommunalité',
      commune: 'Communes',
      state: 'Service de l’État',
      landlord: 'Bailleur social',
      'reservation-holder': 'Réservataire',
      association: 'Association',
      departement: 'Département',
      'family-allowance': 'Caisse d’allocations familiales',
    },
  },
  role: { label: 'Ce qu’elle fait pour le demandeur', widget: 'text' },
  website: { label: 'Site web' },
  phone: { label: 'Téléphone', hint: 'Dix chiffres, par exemple 03 21 00 00 00.' },
  email: { label: 'Adresse e-mail' },
  ...withAddress(),
  directoryKind: {
    label: 'Type de guichet dans l’annuaire service-public',
    hint: 'Par exemple « mairie », « caf » ; vide pour les bailleurs.',
  },
  ...sources(),
};

const topicCommon: Overlay = {
  title: { label: 'Titre' },
  summary: {
    label: 'Résumé',
    widget: 'text',
    hint: 'Une ou deux phrases simples, affichées sous le titre et dans la recherche.',
  },
  lastChecked: { label: 'Dernière vérification', hint: 'Date au format AAAA-MM-JJ.' },
};

export const topicOverlay: Overlay = {
  ...topicCommon,
  nav: { label: 'Place dans le menu' },
  'nav.section': {
    label: 'Rubrique',
    options: { demarches: 'Démarches', comprendre: 'Comprendre', service: 'Le service' },
  },
  'nav.order': { label: 'Ordre dans la rubrique' },
  'nav.label': { label: 'Libellé court pour le menu' },
  situation: {
    label: 'Situation (bloc « Votre situation »)',
    hint: 'Ce que la personne vit, en quelques mots : la fiche est alors proposée sur l’accueil et les pages des communes.',
  },
  ...sources(),
  reviewBy: { label: 'À revoir avant le', hint: 'Date au format AAAA-MM-JJ.' },
  showReviewNotice: { label: 'Afficher « information en cours de vérification »' },
  covers: {
    label: 'Informations obligatoires traitées',
    relation: {
      collection: 'minimumInformation',
      file: 'minimumInformation',
      valueField: 'items.*.id',
      displayField: 'items.*.label',
    },
  },
};

export const pageOverlay: Overlay = {
  ...topicCommon,
  printOnePage: {
    label: 'S’imprime sur une seule page',
    hint: 'Styles d’impression serrés, pour une page que l’accueil imprime.',
  },
  ...sources(),
};

export const orientationOverlay: Overlay = {
  order: { label: 'Ordre de la question' },
  emergency: {
    label: 'Commencer par les numéros d’urgence',
    hint: 'Pour une situation où la personne peut être en danger ou à la rue.',
  },
  caution: {
    label: 'Mise en garde',
    widget: 'text',
    hint: 'Par exemple : une réponse imprimée peut être trouvée par la personne violente.',
  },
  general: { label: 'Réponse donnée à tout le monde (règle générale)' },
  question: {
    label: 'Question (la case que la personne coche)',
    hint: 'À la première personne : « J’ai moins de 30 ans ».',
  },
  title: { label: 'Titre de la réponse', hint: 'À la deuxième personne : « Vous avez moins de 30 ans ».' },
  summary: { label: 'Phrase sous le titre', widget: 'text' },
  urgent: { label: 'En cas d’urgence', widget: 'text', hint: 'Affiché en premier, dans un encadré.' },
  partners: { label: 'Interlocuteurs', item: 'interlocuteur', summary: '{{fields.organisation}} {{fields.forYou}}' },
  'partners.organisation': { label: 'Organisation', relation: { collection: 'organisations' } },
  'partners.places': {
    label: 'Seulement ces lieux',
    hint: 'Vide : tous les lieux de l’organisation.',
    relation: { collection: 'places' },
  },
  'partners.desks': {
    label: 'Guichets proches de la commune',
    options: { nearby: 'Les guichets proches de la commune' },
  },
  'partners.portal': { label: 'Le portail national de la demande en ligne' },
  'partners.forYou': { label: 'Ce qu’il fait pour vous', widget: 'text' },
  nearby: { label: 'Communes voisines (règle générale)', hidden: true },
  ...sources(),
};

export const incomeCeilingsOverlay: Overlay = {
  ...sources('Sources des règles'),
  tables: { label: 'Tableaux de plafonds', item: 'tableau', summary: '{{fields.product}} {{fields.year}}' },
  'tables.product': {
    label: 'Type de logement',
    options: Object.fromEntries(Object.entries(ceilingProductLabels).map(([k, v]) => [k, v.name])),
  },
  'tables.year': { label: 'Année d’application' },
  'tables.incomeYear': { label: 'Année des revenus pris en compte', hint: 'Deux ans avant l’année d’application.' },
  'tables.zone': { label: 'Zone' },
  'tables.verified': { label: 'Montants vérifiés sur le texte officiel' },
  ...under('tables', sources()),
  'tables.categories': {
    label: 'Montants par catégorie de ménage',
    item: 'catégorie',
    summary: '{{fields.category}} : {{fields.amount}} €',
    hint: 'Les six catégories, de 1 à 6, dans l’ordre.',
  },
  'tables.categories.category': { label: 'Catégorie de ménage (1 à 6)' },
  'tables.categories.amount': { label: 'Revenu fiscal de référence à ne pas dépasser (euros par an)' },
  'tables.perExtraPerson': { label: 'Montant par personne au-delà de six (euros)' },
};

export const localFiguresOverlay: Overlay = {
  year: { label: 'Année des chiffres' },
  socialHomes: { label: 'Logements sociaux sur le territoire' },
  pendingDemands: { label: 'Demandes en attente en fin d’année' },
  allocations: { label: 'Logements attribués dans l’année' },
  byCommune: {
    label: 'Logements sociaux par commune',
    item: 'commune',
    summary: '{{fields.commune}} : {{fields.socialHomes}}',
  },
  'byCommune.commune': { label: 'Commune', relation: { collection: 'communes' } },
  'byCommune.socialHomes': { label: 'Logements sociaux' },
  ...sources(),
};

export const daloOverlay: Overlay = {
  abnormallyLongDelayMonths: {
    label: 'Délai anormalement long (en mois)',
    hint: 'Fixé par arrêté du préfet ; vide tant qu’il n’est pas connu.',
  },
  ...sources(),
};

export const cotationGridOverlay: Overlay = {
  status: { label: 'État de la grille', options: { pending: 'En attente (pas encore fournie)', published: 'Publiée' } },
  adopted: { label: 'Date d’adoption' },
  ...sources(),
  refusalEffect: { label: 'Effet d’un refus de logement sur les points', widget: 'text' },
  criteria: { label: 'Critères', item: 'critère', summary: '{{fields.label}} ({{fields.points}})' },
  'criteria.group': { label: 'Groupe de critères' },
  'criteria.label': { label: 'Critère' },
  'criteria.points': { label: 'Points' },
  'criteria.condition': { label: 'Condition' },
};

export const glossaryOverlay: Overlay = {
  terms: { label: 'Termes', item: 'terme', summary: '{{fields.term}}' },
  'terms.id': { label: 'Identifiant', hint: 'En minuscules, mots séparés par des tirets.' },
  'terms.term': { label: 'Terme' },
  'terms.expansion': { label: 'Forme longue du sigle' },
  'terms.definition': { label: 'Définition', widget: 'text' },
  'terms.synonyms': { label: 'Autres mots pour la même chose', item: 'mot' },
};

export const minimumInformationOverlay: Overlay = {
  items: { label: 'Informations à donner', item: 'information', summary: '{{fields.label}}' },
  'items.id': { label: 'Identifiant', hint: 'En minuscules, mots séparés par des tirets.' },
  'items.label': { label: 'Ce que le site doit dire', widget: 'text' },
  'items.reference': { label: 'Article et alinéa', hint: 'Par exemple « article R441-2-16 du CCH, 1er alinéa ».' },
  'items.verified': { label: 'Libellé relu sur le texte officiel' },
  'items.note': { label: 'Remarque', widget: 'text' },
  ...sources(),
};

const required = (label: string) => ({ label });

export const siteOverlay: Overlay = {
  url: { label: 'Adresse publique du site', hint: 'Sans le sous-dossier.' },
  basePath: { label: 'Sous-dossier du site', hint: 'Par exemple « /logement-social/ ».' },
  title: required('Titre du site'),
  shortTitle: required('Titre court'),
  tagline: required('Phrase d’accroche'),
  territory: required('Territoire'),
  'territory.name': required('Nom de l’intercommunalité'),
  'territory.shortName': required('Sigle'),
  'territory.organisation': required('Identifiant de son organisation'),
  'territory.website': required('Site web de l’intercommunalité'),
  'territory.epci': {
    label: 'SIREN de l’intercommunalité',
    hint: 'Neuf chiffres : les communes sont alors comparées avec la géographie officielle.',
  },
  'territory.area': { label: 'Comment le texte nomme le territoire' },
  'territory.area.inside': { label: 'Dedans', hint: 'Par exemple « dans l’agglomération ».' },
  'territory.area.outside': { label: 'Dehors', hint: 'Par exemple « hors de l’agglomération ».' },
  'territory.area.of': { label: 'Complément', hint: 'Par exemple « de l’agglomération ».' },
  'territory.area.the': {
    label: 'Sujet',
    hint: 'Par exemple « l’agglomération » (« L’agglomération en compte 9 »). Vide : le complément sans « de ».',
  },
  portal: required('Portail national de la demande'),
  'portal.name': required('Nom'),
  'portal.shortName': required('Nom court'),
  'portal.url': required('Adresse web'),
  convention: required('Convention'),
  'convention.title': required('Titre'),
  'convention.signed': { label: 'Date de signature' },
  'convention.period': required('Période'),
  publisher: required('Éditeur du site'),
  'publisher.name': required('Nom'),
  'publisher.director': required('Directeur de la publication'),
  ...withAddress('publisher.address'),
  'publisher.phone': required('Téléphone'),
  'publisher.email': required('Adresse e-mail'),
  'publisher.siren': { label: 'Numéro SIREN', hint: 'Neuf chiffres.' },
  host: required('Hébergeur'),
  'host.name': required('Nom'),
  'host.address': required('Adresse'),
  'host.phone': { label: 'Téléphone' },
  privacy: {
    label: 'Données personnelles (journaux du serveur)',
    hint: 'Ce que la page « Données personnelles » doit dire (RGPD, article 13).',
  },
  'privacy.controllerContact': { label: 'Contact du responsable de traitement' },
  'privacy.dpoContact': { label: 'Contact du délégué à la protection des données' },
  'privacy.logsLegalBasis': { label: 'Base légale des journaux' },
  'privacy.logsRetention': { label: 'Durée de conservation des journaux' },
  accessibility: required('Signaler un problème d’accessibilité'),
  'accessibility.contactEmail': required('Adresse e-mail de contact'),
  'accessibility.contactUrl': required('Page de contact'),
  'accessibility.multiYearPlanUrl': { label: 'Schéma pluriannuel (adresse web)' },
  'accessibility.actionPlanUrl': { label: 'Plan d’action de l’année (adresse web)' },
  colors: required('Couleurs'),
  'colors.primary': required('Couleur principale'),
  'colors.primaryDark': required('Couleur principale foncée'),
  'colors.accent': required('Couleur d’accent'),
  'colors.level1': required('Couleur du niveau 1'),
  'colors.level2': required('Couleur du niveau 2'),
  production: {
    label: 'Site en production',
    hint: 'Cochée, la construction refuse de publier tant que les mentions obligatoires manquent.',
  },
  contentDate: { label: 'Date du contenu', hint: 'Imprimée sur les plaquettes (« Vérifié le … »).' },
  version: { label: 'Version', hint: 'Repère imprimé sur la plaquette.' },
  cms: { label: 'Formulaires d’édition (administration)', hint: 'Réglages de la page /admin/ : voir docs/hosting.md.' },
  'cms.backend': { label: 'Forge', options: { gitlab: 'GitLab', github: 'GitHub' } },
  'cms.repo': { label: 'Dépôt', hint: 'Groupe et projet, par exemple « cahc/logement-social ».' },
  'cms.branch': { label: 'Branche publiée' },
  'cms.baseUrl': {
    label: 'Adresse de la forge',
    hint: 'GitLab de la CAHC, par exemple « https://gitlab.exemple.fr ».',
  },
  'cms.appId': { label: 'Identifiant de l’application OAuth (GitLab)' },
};
