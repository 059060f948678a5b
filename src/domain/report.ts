import { gridOf, missingResults } from './accessibility-audit.ts';
import { checklistCoverage } from './checklist.ts';
import { undatedArticles } from './citations.ts';
import { dataInclusionExport } from './data-inclusion-export.ts';
import { contentDateAdvice, type DatedChange } from './content-date.ts';
import { directorySource, missingContact, monthsBetween } from './directory.ts';
import { formatDate } from './format.ts';
import { legalPageTitles, missingLegalItems } from './legal-gate.ts';
import { localData } from './local-data.ts';
import { officialGeography } from './geography.ts';
import { frenchSpacing } from './references.ts';
import { isPastReview } from './topics.ts';
import type { Catalog } from './types.ts';

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

/**
 * `bodies` (MDX body by file, as the content loader returns them) lets the report see the articles a
 * topic names in its text, not only in its sources; without it only the sources are read.
 */
export function contentReport(
  catalog: Catalog,
  today: string,
  bodies?: ReadonlyMap<string, string>,
  changes: readonly DatedChange[] = [],
): ReportSection[] {
  const sections: ReportSection[] = [];

  sections.push({
    title: 'Date et version imprimées sur les plaquettes (contentDate, version)',
    todo: contentDateAdvice(catalog, changes, today),
    info: [
      `Les plaquettes disent « Vérifié le ${formatDate(catalog.site.contentDate)} · version ${catalog.site.version} ».`,
    ],
  });

  sections.push({
    title: 'Lieux sans adresse, téléphone ou horaires',
    todo: catalog.places
      .map((place) => ({ place, missing: missingContact(place) }))
      .filter(({ missing }) => missing.length > 0)
      .map(({ place, missing }) => `${place.name} ${where(place.file)} : ${missing.join(', ')}`),
  });

  // The same export as the build's (dist/donnees/data-inclusion/, bounded by the content's date): a
  // place left out is listed with why. Only the report reads the clock, for a date still to come.
  const { excluded } = dataInclusionExport(catalog, catalog.site.basePath, catalog.site.contentDate);
  sections.push({
    title: 'Lieux absents des données data·inclusion (schéma national des services d’insertion)',
    todo: [
      ...(catalog.site.contentDate > today
        ? [
            `contentDate (${formatDate(catalog.site.contentDate)}, content/site.yaml) est dans le futur : data·inclusion refusera les fichiers publiés (date_maj) jusqu’à ce jour`,
          ]
        : []),
      ...excluded.map(
        ({ place, problems }) => `${place.name} ${where(place.file)} : non publié, ${problems.join(' ; ')}`,
      ),
    ],
    info: excluded.length === 0 ? [`Les ${catalog.places.length} lieux sont publiés.`] : [],
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
    info:
      imported.length > 0
        ? [`${imported.length} lieu(x) rempli(s) par l’import de l’annuaire (npm run import:annuaire).`]
        : [],
  });

  // « À relire »: what a reviewer must read again on the texts, as of the given day.
  const pastReview = catalog.topics.filter((t) => isPastReview(t, today));
  const reviewed = catalog.topics.filter((t) => t.showReviewNotice && !isPastReview(t, today));
  const undated = catalog.topics
    .map((topic) => ({ topic, articles: undatedArticles(topic, bodies?.get(topic.file)) }))
    .filter(({ articles }) => articles.length > 0);
  sections.push({
    title: `À relire au ${formatDate(today)} : fiches dont la date de revue (reviewBy) est passée, articles cités sans date de consultation`,
    todo: [
      ...pastReview.map(
        (t) =>
          `${t.title} ${where(t.file)} : à revoir depuis le ${formatDate(t.reviewBy)}${t.showReviewNotice ? ' ; la page affiche « information en cours de vérification »' : ''}`,
      ),
      ...reviewed.map(
        (t) =>
          `${t.title} ${where(t.file)} : revue faite (reviewBy ${t.reviewBy}) mais « showReviewNotice: true » affiche encore l’avis : le remettre à false`,
      ),
      ...undated.map(
        ({ topic, articles }) =>
          `${topic.title} ${where(topic.file)} : ${articles.length === 1 ? 'article cité' : 'articles cités'} sans date de consultation : ${articles.join(', ')}. Relisez le texte en vigueur (Légifrance) et ajoutez « consulted: AAAA-MM-JJ » à la source qui le nomme`,
      ),
    ],
    info:
      catalog.topics.length > 0 && pastReview.length === 0 && undated.length === 0
        ? [`Les ${catalog.topics.length} fiches sont à jour.`]
        : [],
  });

  sections.push({
    title: 'Grille de cotation',
    todo:
      catalog.cotationGrid.status === 'pending'
        ? [
            `Grille non publiée (status: pending) : le site explique le principe de la cotation sans points. À compléter avec la grille de ${catalog.site.territory.shortName} (content/data/cotation-grid.yaml).`,
          ]
        : [],
    info:
      catalog.cotationGrid.status === 'published'
        ? [`Grille publiée : ${catalog.cotationGrid.criteria.length} critères.`]
        : [],
  });

  const currentYear = Number(today.slice(0, 4));
  // The content's own year (site.contentDate): a table of another year is out of step with the rest.
  const contentYear = Number(catalog.site.contentDate.slice(0, 4));
  const tables = catalog.incomeCeilings.tables;
  sections.push({
    title: 'Plafonds de ressources',
    todo: [
      ...tables
        .filter((t) => t.categories.length === 0)
        .map(
          (t) =>
            `${t.product}, ${t.year} : montants à reporter depuis le texte officiel (categories vide) ; le site dit qu’ils ne sont pas encore indiqués`,
        ),
      ...tables
        .filter((t) => !t.verified && t.categories.length > 0)
        .map(
          (t) =>
            `${t.product}, ${t.year} : chiffres non vérifiés sur le texte officiel (verified: false) ; le site affiche un avertissement`,
        ),
      ...tables
        .filter((t) => t.year !== contentYear)
        .map(
          (t) =>
            `${t.product}, ${t.year} : année différente de celle du contenu (${contentYear}, contentDate de content/site.yaml)`,
        ),
      ...(tables.length > 0 && Math.max(...tables.map((t) => t.year)) < currentYear
        ? [`Aucun tableau pour ${currentYear} : mettre à jour les plafonds (chaque mois de janvier)`]
        : []),
      ...(tables.length === 0 ? ['Aucun tableau de plafonds'] : []),
    ],
    info: tables.filter((t) => t.verified).map((t) => `${t.product}, ${t.year} : vérifié sur le texte officiel.`),
  });

  sections.push({
    title: 'Délai anormalement long (DALO)',
    todo:
      catalog.dalo.abnormallyLongDelayMonths === null
        ? [
            'Délai du département inconnu (content/data/dalo.yaml, abnormallyLongDelayMonths: null) : le site renvoie vers la préfecture',
          ]
        : [],
    info: catalog.dalo.abnormallyLongDelayMonths !== null ? [`${catalog.dalo.abnormallyLongDelayMonths} mois.`] : [],
  });

  // The leaflets and answers list the other desks nearest first only where the content says which
  // communes are near (orientation/pour-tous.yaml, nearby): no official geography ships with the site.
  const general = catalog.orientation.find((rule) => rule.general);
  if (general) {
    sections.push({
      title:
        'Communes sans liste des communes proches (nearby) : leurs plaquettes rangent les autres guichets par commune, pas par distance',
      todo: catalog.communes
        .filter((commune) => !general.nearby?.[commune.id]?.length)
        .map((commune) => `${commune.name} ${where(general.file)}`),
    });
  }
  if (catalog.emergencyNumbers) {
    sections.push({
      title: 'Numéros d’urgence dont la source n’a pas d’adresse web (content/data/emergency-numbers.yaml)',
      todo: catalog.emergencyNumbers.numbers
        .filter((entry) => !entry.sources.some((source) => source.url))
        .map((entry) => `${entry.number} (${entry.name})`),
    });
  }

  const site = catalog.site;
  // The same list a production build stops on (src/domain/legal-gate.ts): one field may answer two texts.
  const siteTodo = missingLegalItems(site)
    .filter((item, index, all) => all.findIndex((other) => other.field === item.field) === index)
    .map((item) => `${item.field} : ${item.label} (${legalPageTitles[item.page]})`);
  if (/\.invalid$/.test(new URL(site.url).hostname))
    siteTodo.push(`url : adresse provisoire (${site.url}) : l’adresse publique du site`);
  if (/\.invalid$/.test(new URL(site.territory.website).hostname))
    siteTodo.push(`territory.website : adresse provisoire (${site.territory.website}) : le site de l’intercommunalité`);
  if (!site.convention)
    siteTodo.push(
      'convention : titre, date de signature et période de la convention du service d’accueil et d’information, si elle est signée',
    );
  sections.push({ title: 'Réglages du site à compléter (content/site.yaml)', todo: siteTodo });

  const { package: geoPackage, version: geoVersion, year: geoYear } = officialGeography;
  sections.push({
    title: 'Géographie officielle (communes)',
    todo: site.territory.epci
      ? []
      : [
          'territory.epci : le SIREN de l’intercommunalité, pour comparer les communes avec la géographie officielle (content/site.yaml)',
        ],
    info: [
      site.territory.epci
        ? `Les ${catalog.communes.length} communes sont celles de l’EPCI ${site.territory.epci} dans la géographie officielle ${geoYear} (${geoPackage} ${geoVersion} : INSEE, DGCL, La Poste). À refaire chaque année après la mise à jour du 1er janvier.`
        : `Communes non comparées avec la géographie officielle ${geoYear} (${geoPackage} ${geoVersion}).`,
    ],
  });

  sections.push(accessibilityAuditSection(catalog));

  sections.push({
    title: 'Glossaire',
    todo: catalog.glossary.terms.length === 0 ? ['Glossaire vide (content/data/glossary.yaml)'] : [],
    info: catalog.glossary.terms.length > 0 ? [`${catalog.glossary.terms.length} termes.`] : [],
  });

  const coverage = checklistCoverage(catalog);
  const missingLocal = localData(catalog).filter((datum) => !datum.known);
  const missingFor = (id: string) => missingLocal.filter((datum) => datum.item === id);
  sections.push({
    title: 'Informations minimales exigées par la loi (articles L441-2-6, R441-2-16 et R441-2-17 du CCH)',
    todo: catalog.minimumInformation
      ? [
          ...coverage
            .filter((c) => c.topics.length === 0)
            .map(
              (c) =>
                `NON COUVERT — ${c.item.id} : ${c.item.label} (${c.item.reference})${c.item.note ? `. Note : ${c.item.note}` : ''}`,
            ),
          ...coverage
            .filter((c) => c.topics.length > 0 && missingFor(c.item.id).length > 0)
            .map(
              (c) =>
                `DONNÉE LOCALE À FOURNIR — ${c.item.id} : ${c.item.label} → ${c.topics.map((t) => t.id).join(', ')} dit comment l’obtenir ; manque : ${missingFor(
                  c.item.id,
                )
                  .map((d) => `${d.label} (${d.file}, ${d.field})`)
                  .join(' ; ')}`,
            ),
        ]
      : ['Liste absente (content/data/minimum-information.yaml)'],
    info: coverage
      .filter((c) => c.topics.length > 0 && missingFor(c.item.id).length === 0)
      .map(
        (c) =>
          `couvert — ${c.item.id} : ${c.item.label} → ${c.topics.map((t) => t.id).join(', ')}${c.item.verified ? '' : ' (article à vérifier sur Légifrance)'}`,
      ),
  });

  return sections;
}

/** The audit grid's missing results: a criterion × page without a manual result keeps the site « non conforme ». */
function accessibilityAuditSection(catalog: Catalog): ReportSection {
  const title = 'Audit d’accessibilité (RGAA) : résultats manquants (content/accessibility-audit/)';
  const grid = gridOf(catalog);
  if (!grid)
    return {
      title,
      todo: ['Aucun audit (content/accessibility-audit/audit.yaml) : le site est déclaré « non conforme »'],
    };
  const pageCount = grid.pages.length;
  const files = new Set((catalog.accessibilityManual ?? []).map((entry) => entry.theme));
  const todo = missingResults(grid).flatMap((theme) => {
    const file = `manual/theme-${String(theme.theme).padStart(2, '0')}.yaml`;
    if (!files.has(theme.theme))
      return [
        `Thème ${theme.theme} (${theme.title}) : fichier ${file} absent, ${theme.criteria.length} critère(s) × ${pageCount} pages sans résultat`,
      ];
    return theme.criteria.map(
      (c) =>
        `Critère ${c.id} (${file}) : pas de résultat pour ${c.pages.length === pageCount ? `les ${pageCount} pages` : c.pages.join(', ')}`,
    );
  });
  const nonCompliant = grid.criteria.filter((c) => c.status === 'NC').map((c) => c.criterion.id);
  return {
    title,
    todo,
    info: [
      `État : ${grid.status} ; ${grid.rate.met} critère(s) respecté(s) sur ${grid.rate.applicable} applicable(s)${grid.complete ? '' : ' (grille incomplète)'}.`,
      ...(nonCompliant.length > 0 ? [`Critères non conformes : ${nonCompliant.join(', ')}.`] : []),
    ],
  };
}

export function countTodo(sections: readonly ReportSection[]): number {
  return sections.reduce((sum, s) => sum + s.todo.length, 0);
}

/** Plain text for a terminal, in French. */
export function formatReport(sections: readonly ReportSection[], today: string): string {
  const lines = [
    `Rapport du contenu au ${formatDate(today)} : ${countTodo(sections)} point(s) à compléter ou à vérifier.`,
  ];
  for (const section of sections) {
    lines.push(
      '',
      `${section.title} — ${section.todo.length === 0 ? 'rien à faire' : `${section.todo.length} à faire`}`,
    );
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
