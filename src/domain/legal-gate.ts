/**
 * What the law requires the legal notice, the personal-data page and the accessibility declaration
 * to say, and which of it content/site.yaml does not give yet. Ordinary builds show the gaps
 * (« à compléter ») on the pages; a production build stops on them (scripts/build.ts), so a site
 * never goes live without its publication director, host, controller contact or accessibility contact.
 */
import type { SiteData } from '../schemas/site.ts';

export type LegalText = 'LCEN' | 'RGPD' | 'RGAA';

export interface LegalRequirement {
  /** The field(s) of content/site.yaml that answer it, as an editor writes them. */
  field: string;
  /** What is required, in French. */
  label: string;
  law: LegalText;
  /** The page that shows it. */
  page: 'mentions-legales' | 'donnees-personnelles' | 'accessibilite';
  filled: (site: SiteData) => boolean;
}

const given = (value: unknown) =>
  typeof value === 'string' ? value.trim().length > 0 : value !== undefined && value !== null;

/** The texts, named once for the messages. */
export const legalTexts: Record<LegalText, string> = {
  LCEN: 'loi n° 2004-575 du 21 juin 2004 pour la confiance dans l’économie numérique (LCEN), identification de l’éditeur et de l’hébergeur (article 6, III, devenu article 1-1 par la loi n° 2024-449 du 21 mai 2024)',
  RGPD: 'règlement (UE) 2016/679 (RGPD), article 13 : informations à fournir sur les journaux du serveur',
  RGAA: 'article 47 de la loi n° 2005-102 du 11 février 2005 et décret n° 2019-768 du 24 juillet 2019 : déclaration d’accessibilité',
};

export const legalPageTitles: Record<LegalRequirement['page'], string> = {
  'mentions-legales': 'mentions légales',
  'donnees-personnelles': 'données personnelles',
  accessibilite: 'déclaration d’accessibilité',
};

export const legalRequirements: readonly LegalRequirement[] = [
  {
    field: 'publisher.address',
    label: 'adresse du siège de l’éditeur',
    law: 'LCEN',
    page: 'mentions-legales',
    filled: (s) => given(s.publisher.address),
  },
  {
    field: 'publisher.phone',
    label: 'numéro de téléphone de l’éditeur',
    law: 'LCEN',
    page: 'mentions-legales',
    filled: (s) => given(s.publisher.phone),
  },
  {
    field: 'publisher.director',
    label: 'nom du directeur ou de la directrice de la publication',
    law: 'LCEN',
    page: 'mentions-legales',
    filled: (s) => given(s.publisher.director),
  },
  {
    field: 'host.name',
    label: 'nom ou dénomination de l’hébergeur',
    law: 'LCEN',
    page: 'mentions-legales',
    filled: (s) => given(s.host.name),
  },
  {
    field: 'host.address',
    label: 'adresse de l’hébergeur',
    law: 'LCEN',
    page: 'mentions-legales',
    filled: (s) => given(s.host.address),
  },
  {
    field: 'host.phone',
    label: 'numéro de téléphone de l’hébergeur',
    law: 'LCEN',
    page: 'mentions-legales',
    filled: (s) => given(s.host.phone),
  },
  {
    field: 'privacy.controllerContact',
    label:
      'coordonnées du responsable du traitement (l’éditeur du site) pour les données personnelles (article 13.1.a)',
    law: 'RGPD',
    page: 'donnees-personnelles',
    filled: (s) => given(s.privacy.controllerContact),
  },
  {
    field: 'privacy.dpoContact',
    label: 'coordonnées du délégué à la protection des données (article 13.1.b)',
    law: 'RGPD',
    page: 'donnees-personnelles',
    filled: (s) => given(s.privacy.dpoContact),
  },
  {
    field: 'privacy.logsLegalBasis',
    label: 'base juridique des journaux du serveur (article 13.1.c)',
    law: 'RGPD',
    page: 'donnees-personnelles',
    filled: (s) => given(s.privacy.logsLegalBasis),
  },
  {
    field: 'host.name',
    label: 'destinataire des journaux du serveur : l’hébergeur (article 13.1.e)',
    law: 'RGPD',
    page: 'donnees-personnelles',
    filled: (s) => given(s.host.name),
  },
  {
    field: 'privacy.logsRetention',
    label: 'durée de conservation des journaux du serveur (article 13.2.a)',
    law: 'RGPD',
    page: 'donnees-personnelles',
    filled: (s) => given(s.privacy.logsRetention),
  },
  {
    field: 'accessibility.contactEmail ou accessibility.contactUrl',
    label: 'moyen de signaler un défaut d’accessibilité (adresse e-mail ou formulaire)',
    law: 'RGAA',
    page: 'accessibilite',
    filled: (s) => given(s.accessibility.contactEmail) || given(s.accessibility.contactUrl),
  },
  {
    field: 'accessibility.multiYearPlanUrl',
    label: 'adresse du schéma pluriannuel de mise en accessibilité',
    law: 'RGAA',
    page: 'accessibilite',
    filled: (s) => given(s.accessibility.multiYearPlanUrl),
  },
  {
    field: 'accessibility.actionPlanUrl',
    label: 'adresse du plan d’action de l’année',
    law: 'RGAA',
    page: 'accessibilite',
    filled: (s) => given(s.accessibility.actionPlanUrl),
  },
];

export function missingLegalItems(site: SiteData): LegalRequirement[] {
  return legalRequirements.filter((requirement) => !requirement.filled(site));
}

/** Whether this build must refuse to publish an unfinished legal notice. */
export function isProductionBuild(site: Pick<SiteData, 'production'>, args: readonly string[]): boolean {
  return site.production || args.includes('--production');
}

/** The French message of a production build that stops: what is missing, grouped by text, and where to write it. */
export function formatLegalGate(missing: readonly LegalRequirement[], siteFile: string): string {
  const lines = [
    `Construction pour la mise en ligne refusée : ${missing.length} information(s) exigée(s) par la loi manque(nt) dans ${siteFile}.`,
    'Ces informations sont à fournir par l’éditeur du site. Les pages les affichent « à compléter » tant qu’elles manquent.',
  ];
  for (const law of Object.keys(legalTexts) as LegalText[]) {
    const items = missing.filter((item) => item.law === law);
    if (items.length === 0) continue;
    lines.push('', `${legalTexts[law]} (page /${items[0]!.page}/) :`);
    for (const item of items) lines.push(`  - ${item.field} : ${item.label}`);
  }
  lines.push(
    '',
    `Ajoutez ces champs dans ${siteFile}, puis relancez. Une construction ordinaire (npm run build, sans --production, et production: false) reste possible en attendant.`,
  );
  return lines.join('\n');
}
