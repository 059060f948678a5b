import type { PlaceAudience, PlaceService } from '../schemas/place.ts';

export const levelLabels = {
  1: {
    short: 'Niveau 1',
    title: 'Accueil et information',
    long: 'Lieu d’accueil et d’information : on vous informe et on vous oriente.',
  },
  2: {
    short: 'Niveau 2',
    title: 'Accueil, information et enregistrement',
    long: 'Guichet enregistreur : on vous informe et on enregistre votre demande.',
  },
} as const;

export const serviceLabels: Record<PlaceService, string> = {
  welcome: 'Accueil',
  information: 'Information sur la demande de logement social',
  registration: 'Enregistrement et mise à jour de la demande',
  'status-follow-up': 'Information sur l’état de votre demande, rendez-vous dans le mois qui suit l’enregistrement',
  support: 'Accompagnement (diagnostic, aide pour monter le dossier)',
  'legal-advice': 'Conseil juridique gratuit sur le logement',
  'emergency-housing': 'Orientation des personnes sans logement ou en urgence',
};

export const audienceLabels: Record<PlaceAudience, string> = {
  'young-people': 'Jeunes',
  'social-difficulty': 'Personnes en difficulté sociale',
  'employees-peec': 'Salariés des entreprises qui versent la participation des employeurs à l’effort de construction',
  'homeless-or-emergency': 'Personnes sans logement ou en situation d’urgence',
  'landlord-tenants': 'Locataires du bailleur',
};

/** The same audiences inside a sentence: "pour les jeunes". */
export const audienceInSentence: Record<PlaceAudience, string> = {
  'young-people': 'les jeunes',
  'social-difficulty': 'les personnes en difficulté sociale',
  'employees-peec':
    'les salariés des entreprises qui versent la participation des employeurs à l’effort de construction',
  'homeless-or-emergency': 'les personnes sans logement ou en situation d’urgence',
  'landlord-tenants': 'les locataires du bailleur',
};

export const appointmentLabels = {
  required: 'Sur rendez-vous uniquement',
  recommended: 'Rendez-vous conseillé',
  'not-needed': 'Sans rendez-vous',
} as const;

/** The three kinds of social home, by the loan that financed them (glossary: « PLUS, PLAI, PLS »). */
export const ceilingProductLabels: Record<'PLUS' | 'PLAI' | 'PLS', { name: string; short: string }> = {
  PLUS: { name: 'PLUS (prêt locatif à usage social)', short: 'le logement social le plus courant' },
  PLAI: {
    name: 'PLAI (prêt locatif aidé d’intégration)',
    short: 'des logements pour les foyers aux revenus les plus modestes',
  },
  PLS: {
    name: 'PLS (prêt locatif social)',
    short: 'des logements aux loyers un peu plus élevés, pour des revenus un peu au-dessus du PLUS',
  },
};
