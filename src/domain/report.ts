import { checklistCoverage } from './checklist';
import { directorySource, missingContact, monthsBetween } from './directory';
import { formatDate } from './format';
import { frenchSpacing } from './references';
import { isPastReview } from './topics';
import type { Catalog } from './types';

/**
 * The content report: what the editors still have to complete or check. It is printed (by
 * `npm run content:report` and at the end of a build), never written into the site, so that the
 * day it is run on changes nothing in dist/.
 */

export interface ReportSection {
  title: string;
  /** Lines to fix or complete: counted in the summary. */
  todo: string[];
  /** Lines for information only. */
  info?: string[];
}

function where(file: string): string {
  return `(${file})`;
}

export function contentReport(catalog: Catalog, today: string): ReportSection[] {
  const sections: ReportSection[] = [];

  sections.push({
    title: 'Lieux sans adresse, téléphone ou horaires',
    todo: catalog.places
      .map((place) => ({ place, missing: missingContact(place) }))
      .filter(({ missing }) => missing.length > 0)
      .map(({ place, missing }) => `${place.name} ${where(place.file)} : ${missing.join(', ')}`),
  });

  // The directory's own date of a record: a desk that has not updated it for a year may have moved.
  const imported = catalog.places.flatMap((place) => {
    const source = directorySource(place);
    return source ? [{ place, provenance: source.directory }] : [];
  });
  sections.push({
    title: 'Coordonnées venues de l’annuaire de l’administration, fiche mise à jour il y a plus de 12 mois',
    todo: imported
      .filter(({ provenance }) => monthsBetween(provenance.modified, today) >= 12)
      .map(
        ({ place, provenance }) =>
          `${place.name} ${where(place.file)} : fiche ${provenance.record} mise à jour le ${formatDate(provenance.modified)} (fichier ${provenance.file} du ${formatDate(provenance.fileDate)}) ; vérifier auprès du lieu, puis relancer l’import avec un fichier récent`,
      ),
    info: imported.length > 0 ? [`${imported.length} lieu(x) rempli(s) par l’import de l’annuaire (npm run import:annuaire).`] : [],
  });

  const pastReview = catalog.topics.filter((t) => isPastReview(t, today));
  const reviewed = catalog.topics.filter((t) => t.showReviewNotice && !isPastReview(t, today));
  sections.push({
    title: `Fiches à revoir (date de revue « reviewBy » dépassée au ${formatDate(today)})`,
    todo: [
      ...pastReview.map(
        (t) =>
          `${t.title} ${where(t.file)} : à revoir depuis le ${formatDate(t.reviewBy)}${t.showReviewNotice ? ' ; la page affiche « information en cours de vérification »' : ''}`,
      ),
      ...reviewed.map((t) => `${t.title} ${where(t.file)} : revue faite (reviewBy ${t.reviewBy}) mais « showReviewNotice: true » affiche encore l’avis : le remettre à false`),
    ],
    info: catalog.topics.length > 0 && pastReview.length === 0 ? [`Les ${catalog.topics.length} fiches sont à jour.`] : [],
  });

  sections.push({
    title: 'Grille de cotation',
    todo: catalog.cotationGrid.status === 'pending' ? ['Grille non publiée (status: pending) : le site explique le principe de la cotation sans points. À compléter avec la grille de la CAHC (content/data/cotation-grid.yaml).'] : [],
    info: catalog.cotationGrid.status === 'published' ? [`Grille publiée : ${catalog.cotationGrid.criteria.length} critères.`] : [],
  });

  const currentYear = Number(today.slice(0, 4));
  sections.push({
    title: 'Plafonds de ressources',
    todo: [
      ...catalog.incomeCeilings.tables.filter((t) => !t.verified).map((t) => `${t.product}, ${t.year} : chiffres non vérifiés sur le texte officiel (verified: false)`),
      ...(catalog.incomeCeilings.tables.length > 0 && Math.max(...catalog.incomeCeilings.tables.map((t) => t.year)) < currentYear
        ? [`Aucun tableau pour ${currentYear} : mettre à jour les plafonds (chaque mois de janvier)`]
        : []),
      ...(catalog.incomeCeilings.tables.length === 0 ? ['Aucun tableau de plafonds'] : []),
    ],
  });

  sections.push({
    title: 'Délai anormalement long (DALO)',
    todo:
      catalog.dalo.abnormallyLongDelayMonths === null
        ? ['Délai du Pas-de-Calais inconnu (content/data/dalo.yaml, abnormallyLongDelayMonths: null) : le site renvoie vers la préfecture']
        : [],
    info: catalog.dalo.abnormallyLongDelayMonths !== null ? [`${catalog.dalo.abnormallyLongDelayMonths} mois.`] : [],
  });

  const site = catalog.site;
  const siteTodo: string[] = [];
  if (!site.publisher.director) siteTodo.push('publisher.director : directeur ou directrice de la publication (mentions légales)');
  if (!site.publisher.address) siteTodo.push('publisher.address : adresse postale de l’éditeur (mentions légales)');
  if (!site.publisher.phone && !site.publisher.email) siteTodo.push('publisher.phone ou publisher.email : un moyen de contacter l’éditeur');
  if (!site.host.name) siteTodo.push('host.name : nom de l’hébergeur (mentions légales)');
  if (!site.host.address) siteTodo.push('host.address : adresse de l’hébergeur (mentions légales)');
  if (!site.accessibility.contactEmail && !site.accessibility.contactUrl) {
    siteTodo.push('accessibility.contactEmail ou accessibility.contactUrl : contact pour signaler un problème d’accessibilité');
  }
  sections.push({ title: 'Réglages du site à compléter (content/site.yaml)', todo: siteTodo });

  sections.push({
    title: 'Glossaire',
    todo: catalog.glossary.terms.length === 0 ? ['Glossaire vide (content/data/glossary.yaml)'] : [],
    info: catalog.glossary.terms.length > 0 ? [`${catalog.glossary.terms.length} termes.`] : [],
  });

  const coverage = checklistCoverage(catalog);
  sections.push({
    title: 'Informations minimales exigées par la loi (articles L441-2-6, R441-2-16 et R441-2-17 du CCH)',
    todo: catalog.minimumInformation
      ? coverage
          .filter((c) => c.topics.length === 0)
          .map((c) => `NON COUVERT — ${c.item.id} : ${c.item.label} (${c.item.reference})${c.item.note ? `. Note : ${c.item.note}` : ''}`)
      : ['Liste absente (content/data/minimum-information.yaml)'],
    info: coverage
      .filter((c) => c.topics.length > 0)
      .map((c) => `couvert — ${c.item.id} : ${c.item.label} → ${c.topics.map((t) => t.id).join(', ')}${c.item.verified ? '' : ' (article à vérifier sur Légifrance)'}`),
  });

  return sections;
}

export function countTodo(sections: readonly ReportSection[]): number {
  return sections.reduce((sum, s) => sum + s.todo.length, 0);
}

/** Plain text for a terminal, in French. */
export function formatReport(sections: readonly ReportSection[], today: string): string {
  const lines = [`Rapport du contenu au ${formatDate(today)} : ${countTodo(sections)} point(s) à compléter ou à vérifier.`];
  for (const section of sections) {
    lines.push('', `${section.title} — ${section.todo.length === 0 ? 'rien à faire' : `${section.todo.length} à faire`}`);
    for (const line of section.todo) lines.push(`  • ${line}`);
    for (const line of section.info ?? []) lines.push(`    ${line}`);
  }
  return frenchSpacing(lines.join('\n'));
}

/** The calendar day of a moment where the editor is (YYYY-MM-DD): the report's "today". */
export function localDay(moment: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
