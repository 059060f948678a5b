/**
 * Site paths, relative to the site root and without the base: pages and the leaflet build links
 * from these, then prefix the base (web) or the site address (print, QR codes).
 */
export const paths = {
  home: '',
  directory: 'ou-s-adresser/',
  commune: (id: string) => `communes/${id}/`,
  place: (id: string) => `lieux/${id}/`,
  topic: (id: string) => `infos/${id}/`,
  page: (id: string) => `${id}/`,
  orientation: 'orientation/',
  orientationCommune: (commune: string) => `orientation/${commune}/`,
  orientationAnswer: (commune: string, situation: string) => `orientation/${commune}/${situation}/`,
  ceilings: 'plafonds/',
  ceilingsHousehold: (persons: number | string) => `plafonds/foyer-${persons}/`,
  ceilingsCategory: (category: number | string) => `plafonds/categorie-${category}/`,
  sitemap: 'plan-du-site/',
  search: 'recherche/',
  leaflets: 'plaquette/',
  leafletFile: (variant: string) => `plaquette/${variant}.pdf`,
  openDataJson: 'donnees/lieux.json',
  openDataCsv: 'donnees/lieux.csv',
  dataInclusionStructures: 'donnees/data-inclusion/structures.json',
  dataInclusionServices: 'donnees/data-inclusion/services.json',
  accessibilityAudit: 'donnees/audit-rgaa.json',
} as const;

/** "/logement-social/" + "lieux/x/" → "/logement-social/lieux/x/". */
export function withBase(base: string, path: string): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${path.replace(/^\//, '')}`;
}

/** Absolute address, for canonical links, JSON-LD, open data and QR codes. */
export function absoluteUrl(siteUrl: string, base: string, path: string): string {
  return new URL(withBase(base, path), siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

/** The staff's page (« À l’accueil »), linked from the footer and the leaflets' page when the content has it. */
export const staffPage = 'a-l-accueil';

/** Topics and pages the templates link to by id (menu, home page steps, footer): content must have them. */
export const requiredTopics = ['faire-sa-demande', 'pieces-a-fournir', 'apres-la-demande', 'cotation'] as const;
export const requiredPages = ['mentions-legales', 'donnees-personnelles', 'donnees-ouvertes', 'accessibilite'] as const;
