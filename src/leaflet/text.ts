/**
 * The leaflet's own words, in plain French. They rest on the SAI convention 2022-2028 and on
 * /work/shared/research/facts.md only; place names, counts, addresses and dates come from the
 * content (content/). The leaflet does not read the topics' MDX bodies: a leaflet must stay short
 * and stable even while the web pages are rewritten.
 *
 * Typography: write ordinary spaces before « : ; ! ? » and inside « », and ’ for apostrophes;
 * `frenchSpacing` turns those spaces into no-break spaces, so that a colon never starts a line.
 */

import { capitalise } from '../domain/format.ts';

const NBSP = '\u00a0';

/**
 * French spacing: the space written before « : ; ! ? » and after « becomes a no-break space, and
 * so does the space that ties a word to its number (« niveau 2 », « article L441-1 »).
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ +([:;!?»])/g, `${NBSP}$1`)
    .replace(/« +/g, `«${NBSP}`)
    .replace(/\b(niveau|Niveau|article|Article) (?=[A-Z]?\d)/g, `$1${NBSP}`);
}

export const text = {
  producer: 'Générateur de plaquette SAI (pdf-lib)',
  creator: 'Site du Service d’accueil et d’information des demandeurs de logement social',
  keywords: ['logement social', 'demande de logement', 'SAI', 'cotation', 'guichet enregistreur'],

  title: 'Demander un logement social',
  documentTitle: (territory: string, commune?: string) =>
    commune ? `Demander un logement social à ${commune} – ${territory}` : `Demander un logement social – ${territory}`,
  subject:
    'Plaquette du Service d’accueil et d’information des demandeurs de logement social : où s’adresser, ce qu’il faut apporter, vos droits.',

  cover: {
    edition: (commune: string) => `Édition ${commune}`,
    contentsTitle: 'Dans ce dépliant',
    /** `of`: site.yaml's territory.area.of, « de l’agglomération ». */
    service: (communes: number, of: string) =>
      `Le Service d’accueil et d’information des demandeurs de logement social (SAI) réunit les ${communes} communes ${of}, les bailleurs sociaux, l’État, Action Logement, le Département, la CAF et des associations.`,
    mission:
      'Près de chez vous, on vous accueille, on vous informe et on vous oriente. Les guichets enregistreurs enregistrent aussi votre demande.',
    free: 'Faire une demande de logement social est gratuit.',
  },

  where: {
    title: 'Où faire votre demande ?',
    level1Title: 'Niveau 1 : accueil et information',
    level1:
      'Toutes les mairies (CCAS, service logement ou permanence des élus), des agences de bailleurs et des partenaires vous informent et vous orientent vers le bon interlocuteur.',
    level2Title: 'Niveau 2 : guichets enregistreurs',
    level2:
      'Ils font la même chose, et en plus ils enregistrent votre demande, la mettent à jour et vous disent où elle en est.',
    /** `territory`: the territory as a subject, « l’agglomération » (territoryItself). */
    level2Count: (desks: number, communes: number, territory: string) =>
      desks === 0
        ? // A starter site (npm run territoire) lists none yet: the leaflet must not say there are none.
          'Pour savoir où est le plus proche, demandez en mairie.'
        : `${capitalise(territory)} en compte ${desks}, dans ${communes} commune${communes > 1 ? 's' : ''} : voir « Où s’adresser ».`,
    onlineTitle: 'En ligne',
    online: 'Vous pouvez aussi faire votre demande vous-même sur le portail national :',
    onlineMore:
      'Vous pouvez y renouveler et mettre à jour votre demande, et y trouver tous les guichets enregistreurs.',
    help: 'Besoin d’aide pour monter votre dossier ? Un lieu d’accueil vous oriente vers un partenaire qui peut vous accompagner.',
  },

  register: {
    title: 'Faire enregistrer votre demande',
    bringTitle: 'Ce qu’il faut apporter',
    bringIntro: 'Pour enregistrer la demande, il faut le formulaire rempli et une seule pièce :',
    identity: 'une pièce d’identité (ou un titre de séjour).',
    noRefusal: 'Un guichet ne peut pas refuser d’enregistrer votre demande parce qu’il manque d’autres papiers.',
    taxNotice:
      'Apportez aussi votre avis d’impôt : il faudra le fournir pour l’étude de votre dossier (l’instruction). Les autres pièces vous seront demandées à ce moment-là.',
    afterTitle: 'Ensuite',
    after: [
      'Dans un délai d’un mois au plus, vous recevez une attestation avec votre numéro unique de demandeur.',
      'Votre demande est valable un an. Un rappel vous est envoyé au moins un mois avant la fin.',
      'Renouvelez-la à temps : sinon, elle est annulée et vous perdez votre ancienneté.',
      'Signalez tout changement (adresse, famille, ressources) en mettant votre demande à jour.',
    ],
    appointmentTitle: 'Votre droit à un rendez-vous',
    appointment:
      'Si vous le demandez, un guichet enregistreur (niveau 2) doit vous recevoir dans un délai d’un mois au plus après l’enregistrement de votre demande.',
  },

  allocation: {
    title: 'Comment les logements sont attribués',
    committee: 'Une commission d’attribution (la CALEOL) décide à qui chaque logement est attribué.',
    scoringTitle: 'La cotation',
    scoring:
      'Chaque demande reçoit des points selon des critères fixés à l’avance : c’est la cotation. Elle aide la commission à choisir, mais l’attribution n’est pas automatique : c’est la commission qui décide.',
    askScore:
      'Vous pouvez demander votre cotation, le délai d’attente moyen pour une demande comme la vôtre et votre rang.',
    priorityTitle: 'Les publics prioritaires',
    priorityIntro:
      'La loi (article L441-1 du code de la construction et de l’habitation) donne la priorité, entre autres, aux personnes :',
    priority: [
      'en situation de handicap, ou qui ont à charge une personne handicapée ;',
      'sans logement, hébergées ou logées temporairement ;',
      'mal logées ou défavorisées ;',
      'menacées d’expulsion sans relogement ;',
      'victimes de violences conjugales ;',
      'logées dans un logement indigne, ou suroccupé ou non décent avec un enfant mineur ;',
      'qui reprennent un emploi après un chômage de longue durée.',
    ],
    dalo: 'Les personnes reconnues prioritaires au titre du droit au logement opposable (DALO) passent en premier.',
  },

  desks: {
    title: 'Où s’adresser',
    continued: 'Où s’adresser (suite)',
    local: (commune: string) => `À ${commune}`,
    // `of` and `outside`: site.yaml's territory.area, « de l’agglomération », « hors de l’agglomération ».
    /** `listed`: whether the leaflet lists other desks (a starter site may list none yet). */
    noLocalDesk: (commune: string, of: string, listed: boolean) =>
      listed
        ? `Il n’y a pas de guichet enregistreur à ${commune} : adressez-vous à l’un de ceux ${of} ci-dessous, ou faites votre demande en ligne.`
        : `Il n’y a pas de guichet enregistreur à ${commune} : demandez en mairie où est le plus proche, ou faites votre demande en ligne.`,
    territoryIntro: (of: string) => `Les guichets enregistreurs (niveau 2) ${of} :`,
    elsewhereTitle: (of: string) => `Les autres guichets enregistreurs (niveau 2) ${of}`,
    outsideTitle: (outside: string) => `Guichets enregistreurs ${outside}`,
    inTown: (town: string) => `à ${town}`,
    levelLine: { 1: 'Niveau 1 : accueil et information', 2: 'Niveau 2 : enregistre votre demande' } as Record<
      1 | 2,
      string
    >,
    phone: (phone: string, label?: string) => `Tél. ${phone}${label ? ` (${label})` : ''}`,
    nearbyTitle: 'Les guichets enregistreurs (niveau 2) les plus proches',
    someTitle: (of: string) => `D’autres guichets enregistreurs (niveau 2) ${of}`,
    restOnSite: (count: number) =>
      count === 1
        ? 'Un autre guichet enregistreur : adresse et téléphone sur le site (code QR au dos).'
        : `Les ${count} autres guichets enregistreurs : adresses et téléphones sur le site (code QR au dos).`,
    othersOnSite: (count: number) =>
      count === 1
        ? 'L’autre guichet enregistreur : adresse, téléphone et horaires sur le site (code QR au dos).'
        : `Les ${count} autres guichets enregistreurs : adresses, téléphones et horaires sur le site (code QR au dos).`,
    allOnSite: (count: number) =>
      `Les ${count} guichets enregistreurs (niveau 2) : adresses, téléphones et horaires sur le site (code QR au dos).`,
    hoursOnSite: 'Horaires d’ouverture : sur le site (code QR au dos).',
    /**
     * Said when some of the desks listed lack an address, a phone or hours (counted at build time).
     * The site holds no more than the leaflet, so it sends people to the mairie and the portal; one
     * line, as the panels are full.
     */
    missingContact: (missing: number, listed: number) =>
      missing === listed
        ? 'Adresses et horaires : en mairie ou via le portail national.'
        : 'Autres adresses et horaires : en mairie ou via le portail national.',
    /** Short forms of who a desk is for: the site's labels are written for a page, not a column. */
    audience: {
      'young-people': 'Pour les jeunes',
      'social-difficulty': 'Pour les personnes en difficulté sociale',
      'employees-peec': 'Pour les salariés des entreprises qui cotisent à Action Logement',
      'homeless-or-emergency': 'Pour les personnes sans logement ou en urgence',
      'landlord-tenants': 'Pour les locataires du bailleur',
    } as const,
    /** The same, inside a one-line entry. */
    audienceInline: {
      'young-people': 'jeunes',
      'social-difficulty': 'personnes en difficulté sociale',
      'employees-peec': 'salariés',
      'homeless-or-emergency': 'sans logement, urgence',
      'landlord-tenants': 'locataires du bailleur',
    } as const,
  },

  emergency: {
    title: 'En cas d’urgence',
    /** After the number in bold: « 115 : hébergement d’urgence (Samu social). Gratuit, jour et nuit. » */
    line: (what: string) => ` : ${what}`,
  },

  back: {
    title: 'Pour en savoir plus',
    /** « Adresses, horaires » only once the content has them for every place. */
    general: (allContacts: boolean) =>
      allContacts ? 'Adresses, horaires et démarches, sur le site :' : 'Démarches et lieux d’accueil, sur le site :',
    /** `of`: « de Carvin », « d’Oignies » (ofPlace). */
    commune: (of: string) => `Sur le site, la page ${of} :`,
    qrAlt: (url: string, of?: string) => `Code QR menant ${of ? `à la page ${of}` : 'à l’accueil'} du site : ${url}`,
    /** `of`: « de Carvin » (the commune's page); `areaOf`: « de l’agglomération ». */
    linkDescription: (url: string, areaOf: string, of?: string) =>
      `${of ? `Page ${of} sur le site` : 'Site'} du logement social ${areaOf} : ${url}`,
    portalDescription: (url: string) => `Portail national de la demande de logement social : ${url}`,
    checked: (date: string, version: string) => `Vérifié le ${date}${NBSP}· version${NBSP}${version}`,
    publisher: (publisher: string, period?: string) =>
      period
        ? `Édité par la ${publisher}, d’après la convention du Service d’accueil et d’information ${period}.`
        : `Édité par la ${publisher}.`,
  },
};
