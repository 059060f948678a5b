import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load.ts';
import { checklistCoverage } from '../../src/domain/checklist.ts';
import { buildRouteTable, checkLink, linksIn } from '../../src/domain/links.ts';
import { frenchSpacing } from '../../src/domain/references.ts';
import { codeArticlesIn, undatedArticles } from '../../src/domain/citations.ts';
import { contentDateAdvice, datesInContent, nextVersion } from '../../src/domain/content-date.ts';
import { contentReport, countTodo, formatReport } from '../../src/domain/report.ts';
import type { Catalog } from '../../src/domain/types.ts';
import { projectRoot } from '../harness.ts';
import { realCatalog } from '../helpers/real-content.ts';
import { contentWithMistake } from '../helpers/fixtures.ts';

async function baseCatalog(): Promise<Catalog> {
  const { root, contentDir } = await contentWithMistake(undefined);
  const { catalog } = await loadContent(contentDir, root, { sourceRoot: projectRoot });
  if (!catalog) throw new Error('le contenu de base doit être valide');
  return catalog;
}

const section = (sections: ReturnType<typeof contentReport>, start: string) =>
  sections.find((s) => s.title.startsWith(start))!;

describe('le rapport du contenu', () => {
  it('liste les lieux sans adresse, téléphone ou horaires', async () => {
    const report = contentReport(await baseCatalog(), '2026-12-01');
    expect(section(report, 'Lieux sans').todo).toEqual([
      'CAF du Pas-de-Calais – antenne de Carvin (content/places/caf-carvin.yaml) : adresse, téléphone, horaires',
    ]);
  });

  it('liste les fiches de l’annuaire mises à jour il y a plus de 12 mois', async () => {
    const catalog = await baseCatalog();
    const place = catalog.places[0]!;
    place.sources = [
      ...place.sources,
      {
        title: 'Annuaire',
        directory: {
          record: 'abc',
          modified: '2025-11-30',
          file: 'annuaire-2026-10-01.json',
          fileDate: '2026-10-01',
          fields: {},
        },
      },
    ];
    const title = 'Coordonnées venues de l’annuaire';
    expect(section(contentReport(catalog, '2026-11-29'), title).todo).toEqual([]);
    expect(section(contentReport(catalog, '2026-11-30'), title).todo).toEqual([
      `${place.name} (${place.file}) : fiche abc mise à jour le 30\u00a0novembre\u00a02025 (fichier annuaire-2026-10-01.json du 1er\u00a0octobre\u00a02026) ; vérifier auprès du lieu, puis relancer l’import avec un fichier récent`,
    ]);
  });

  it('liste une fiche comme à revoir selon le jour donné, jamais selon l’horloge', async () => {
    const catalog = await baseCatalog();
    expect(section(contentReport(catalog, '2027-05-31'), 'À relire').todo).toEqual([]);
    const late = section(contentReport(catalog, '2027-06-01'), 'À relire').todo;
    expect(late).toHaveLength(catalog.topics.length);
    expect(late).toContain(
      'Déposer une demande (content/topics/faire-sa-demande.mdx) : à revoir depuis le 31\u00a0mai\u00a02027',
    );
  });

  it('rappelle de retirer l’avis « en cours de vérification » une fois la fiche revue', async () => {
    const catalog = await baseCatalog();
    catalog.topics[0]!.showReviewNotice = true;
    expect(section(contentReport(catalog, '2027-01-01'), 'À relire').todo[0]).toContain('le remettre à false');
  });

  it('liste à relire une fiche qui cite un article de code sans date de consultation', async () => {
    const catalog = await baseCatalog();
    const topic = catalog.topics.find((t) => t.id === 'faire-sa-demande')!;
    const relire = (bodies?: Map<string, string>) => section(contentReport(catalog, '2027-01-01', bodies), 'À relire');
    expect(relire().todo).toEqual([]);
    expect(relire().info).toEqual([`Les ${catalog.topics.length} fiches sont à jour.`]);

    topic.sources = [{ title: 'Code de la construction et de l’habitation', reference: 'article L441-1 du CCH' }];
    expect(relire().todo).toEqual([
      'Déposer une demande (content/topics/faire-sa-demande.mdx) : article cité sans date de consultation : L441-1. Relisez le texte en vigueur (Légifrance) et ajoutez « consulted: AAAA-MM-JJ » à la source qui le nomme',
    ]);
    expect(relire().info).toEqual([]);

    // Read and dated: no longer listed, until the text names another article that no dated source covers.
    topic.sources[0]!.consulted = '2026-11-29';
    expect(relire().todo).toEqual([]);
    const body = 'Le recours DALO (article L441-2-3 du CCH), puis le tribunal administratif (article L. 441-2-3-1).';
    expect(relire(new Map([[topic.file, body]])).todo[0]).toContain(
      'articles cités sans date de consultation : L441-2-3, L441-2-3-1.',
    );
    // A source dated but that names no code article does not cover one; a law's or the convention's article is not a code article.
    topic.sources.push(
      { title: 'Convention SAI CAHC 2022-2028, article 3', date: '2022-12-20' },
      { title: 'Loi ELAN, article 111', consulted: '2026-11-29' },
    );
    expect(relire(new Map([[topic.file, 'Voir la convention, article 3.']])).todo).toEqual([]);
  });

  it('signale la grille vide, les plafonds non vérifiés ou d’une autre année, le délai DALO et les réglages du site', async () => {
    const report = contentReport(await baseCatalog(), '2027-01-15');
    expect(section(report, 'Grille de cotation').todo).toHaveLength(1);
    expect(section(report, 'Plafonds').todo).toEqual([
      'PLUS, 2026 : chiffres non vérifiés sur le texte officiel (verified: false) ; le site affiche un avertissement',
      'Aucun tableau pour 2027 : mettre à jour les plafonds (chaque mois de janvier)',
    ]);
    expect(section(report, 'Délai anormalement long').todo).toHaveLength(1);
    expect(section(report, 'Réglages du site').todo.map((line) => line.split(' :')[0])).toEqual([
      'publisher.address',
      'publisher.phone',
      'publisher.director',
      'host.name',
      'host.address',
      'host.phone',
      'privacy.controllerContact',
      'privacy.dpoContact',
      'privacy.logsLegalBasis',
      'privacy.logsRetention',
      'accessibility.contactEmail ou accessibility.contactUrl',
      'accessibility.multiYearPlanUrl',
      'accessibility.actionPlanUrl',
    ]);
  });

  it('montre la liste des informations minimales et les fiches qui couvrent chaque élément', async () => {
    const catalog = await baseCatalog();
    expect(checklistCoverage(catalog).map((c) => [c.item.id, c.topics.map((t) => t.id)])).toEqual([
      ['depot-demande', ['faire-sa-demande']],
      ['guichets-enregistrement', ['faire-sa-demande']],
    ]);
    const text = formatReport(contentReport(catalog, '2026-12-01'), '2026-12-01');
    expect(text).toContain(
      frenchSpacing(
        'couvert — depot-demande : Comment et où déposer une demande → faire-sa-demande (article à vérifier sur Légifrance)',
      ),
    );
    expect(text).toMatch(/^Rapport du contenu au 1er\u00a0décembre\u00a02026\u00a0: \d+ point\(s\)/);
    expect(countTodo(contentReport(catalog, '2026-12-01'))).toBeGreaterThan(0);
  });
});

describe('le rapport et la date imprimée sur les plaquettes (contentDate, version)', () => {
  it('ne dit rien tant que rien n’est daté après contentDate', async () => {
    const catalog = await baseCatalog();
    const later = datesInContent(catalog).filter((d) => d.date > catalog.site.contentDate);
    expect(contentDateAdvice(catalog)).toEqual(later.length === 0 ? [] : [expect.any(String)]);
    expect(contentDateAdvice({ ...catalog, site: { ...catalog.site, contentDate: '2999-12-31' } })).toEqual([]);
  });

  it('demande d’avancer la date et la version quand une source est consultée après, ou qu’un fichier a changé', async () => {
    const catalog = await baseCatalog();
    const site = { ...catalog.site, contentDate: '2026-11-28', version: '1.3' };
    const place = {
      ...catalog.places[0]!,
      sources: [...catalog.places[0]!.sources, { title: 'Appel au service logement', consulted: '2026-12-01' }],
    };
    const [advice] = contentDateAdvice({ ...catalog, site, places: [place, ...catalog.places.slice(1)] });
    expect(advice).toContain(`${place.file} (consulted 1er\u00a0décembre\u00a02026)`);
    expect(advice).toContain('mettez « contentDate: 2026-12-01 » et « version: "1.4" »');
    const fromGit = contentDateAdvice({ ...catalog, site }, [
      { file: 'content/topics/cotation.mdx', date: '2026-12-03', what: 'modifié (git)' },
    ]);
    expect(fromGit[0]).toContain('« contentDate: 2026-12-03 »');
    const section = contentReport({ ...catalog, site }, '2026-12-05', undefined, [
      { file: 'content/topics/cotation.mdx', date: '2026-12-03', what: 'modifié (git)' },
    ]).find((s) => s.title.startsWith('Date et version'))!;
    expect(section.todo).toHaveLength(1);
    expect(section.info).toEqual(['Les plaquettes disent « Vérifié le 28\u00a0novembre\u00a02026 · version 1.3 ».']);
  });

  it('propose la version suivante quand elle finit par un nombre', () => {
    expect(nextVersion('1.3')).toBe('1.4');
    expect(nextVersion('2026.11-9')).toBe('2026.11-10');
    expect(nextVersion('2026.11-a')).toBeUndefined();
  });
});

describe('le rapport et les plafonds de ressources', () => {
  it('signale un tableau sans montants, et un tableau d’une autre année que celle du contenu', async () => {
    const catalog = await baseCatalog();
    const plus = catalog.incomeCeilings.tables[0]!;
    catalog.incomeCeilings.tables.push(
      { ...plus, product: 'PLAI', categories: [], perExtraPerson: undefined },
      { ...plus, product: 'PLS', year: 2025, incomeYear: 2023, verified: true },
    );
    expect(section(contentReport(catalog, '2026-12-01'), 'Plafonds').todo).toEqual([
      'PLAI, 2026 : montants à reporter depuis le texte officiel (categories vide) ; le site dit qu’ils ne sont pas encore indiqués',
      'PLUS, 2026 : chiffres non vérifiés sur le texte officiel (verified: false) ; le site affiche un avertissement',
      'PLS, 2025 : année différente de celle du contenu (2026, contentDate de content/site.yaml)',
    ]);
  });
});

describe('les informations minimales du contenu réel', async () => {
  const catalog = await realCatalog();
  const report = contentReport(catalog, new Date().toISOString().slice(0, 10));
  const todo = section(report, 'Informations minimales').todo;

  it('ne laissent aucun élément non couvert, et chaque donnée locale à fournir nomme son fichier et son champ', () => {
    expect(
      todo.filter((line) => line.startsWith('NON COUVERT')),
      'élément de content/data/minimum-information.yaml qu’aucune fiche ne couvre : ajoutez son identifiant à « covers » d’une fiche',
    ).toEqual([]);
    for (const line of todo.filter((l) => l.startsWith('DONNÉE LOCALE')))
      expect(line, 'une donnée locale à fournir doit dire où la saisir').toMatch(/\(content\/[^,)]+, [A-Za-z.]+\)/);
  });

  it('une donnée locale fournie sort du rapport', () => {
    const filled = { ...catalog, dalo: { ...catalog.dalo, abnormallyLongDelayMonths: 24 } };
    const lines = section(contentReport(filled, '2026-12-01'), 'Informations minimales').todo;
    expect(lines.some((line) => line.includes('— delai-anormalement-long'))).toBe(false);
  });

  // The items whose answer is data of content/data/, shown by a component: the topic that covers the
  // item must show it (the wording around it is the editors’ to change).
  const answers: Record<string, string> = {
    'cotation-individuelle': '<CotationRefusal />',
    'delai-anormalement-long': '<DaloDelay />',
    'parc-social': '<LocalFigures />',
    'localisation-parc': '<Landlords />',
  };
  for (const [item, component] of Object.entries(answers)) {
    it(`« ${item} » mène à une fiche qui montre ${component}`, async () => {
      const coverage = checklistCoverage(catalog).find((c) => c.item.id === item);
      if (!coverage) return;
      const bodies = await Promise.all(coverage.topics.map((t) => readFile(join(projectRoot, t.file), 'utf8')));
      const files = coverage.topics.map((t) => t.file).join(', ') || '(aucune fiche)';
      expect(
        bodies.some((body) => body.includes(component)),
        `${files} : la fiche qui couvre « ${item} » doit contenir ${component}, qui affiche la donnée`,
      ).toBe(true);
    });
  }
});

describe('les liens internes des fiches', () => {
  const routes = buildRouteTable(
    [
      'index.astro',
      'ou-s-adresser.astro',
      'communes/[slug].astro',
      'lieux/[slug].astro',
      'infos/[slug].astro',
      '[page].astro',
      'donnees/lieux.json.ts',
      'plaquette/index.astro',
      'plaquette/[variant].pdf.ts',
      '404.astro',
    ],
    ['favicon.svg'],
    { communes: ['carvin'], places: ['caf-carvin'], topics: ['cotation'], pages: ['mentions-legales'] },
  );
  const context = {
    routes,
    basePath: '/logement-social/',
    anchors: new Map([['infos/cotation/', new Set(['les-criteres'])]]),
    ownAnchors: new Set<string>(),
  };

  it('reconnaît les pages du site, les fichiers de public/ et les adresses externes', () => {
    for (const link of [
      '/',
      '/ou-s-adresser/',
      '/communes/carvin/',
      '/lieux/caf-carvin/',
      '/infos/cotation/',
      '/infos/cotation/#les-criteres',
      '/mentions-legales/',
      '/donnees/lieux.json',
      '/plaquette/',
      '/plaquette/carvin.pdf',
      '/favicon.svg',
      'https://www.demande-logement-social.gouv.fr',
      'mailto:a@b.fr',
      'tel:+33300000000',
    ]) {
      expect(checkLink(link, context), link).toBeUndefined();
    }
  });

  it('refuse un lien vers une page absente, sans « / » final, relatif ou avec le sous-dossier', () => {
    expect(checkLink('/infos/cotaton/', context)?.hint).toBe('vouliez-vous dire « /infos/cotation/ » ?');
    expect(checkLink('/communes/carvin', context)?.hint).toBe('écrivez « /communes/carvin/ »');
    expect(checkLink('infos/cotation/', context)?.hint).toBe('écrivez « /infos/cotation/ »');
    expect(checkLink('/logement-social/infos/cotation/', context)?.hint).toBe('écrivez « /infos/cotation/ »');
    expect(checkLink('/infos/cotation/#criteres', context)).toMatchObject({
      severity: 'warning',
      hint: 'vouliez-vous dire « #les-criteres » ?',
    });
  });

  it('trouve les liens Markdown et href, pas ceux des exemples de code', () => {
    const body =
      'Voir [la cotation](/infos/cotation/) et <a href="/lieux/caf-carvin/">la CAF</a>.\n\n```\n[exemple](/pas-un-lien/)\n```\n\n[ref]: /communes/carvin/\n';
    expect(linksIn(body).map((l) => l.target)).toEqual(['/infos/cotation/', '/lieux/caf-carvin/', '/communes/carvin/']);
  });
});

describe('les articles de code cités', () => {
  it('reconnaît L, R et D, avec ou sans point ni astérisque, sans doublon et dans l’ordre', () => {
    expect(codeArticlesIn('articles L441-1 et L. 441-2-3-1, R*441-12, R441-2-3 et D542-14 ; encore L441-1')).toEqual([
      'L441-1',
      'L441-2-3-1',
      'R441-12',
      'R441-2-3',
      'D542-14',
    ]);
  });

  it('ignore les numéros qui ne sont pas des articles de code', () => {
    expect(
      codeArticlesIn('Cerfa n° 14069*05, fiche F18005, loi n° 2007-290, article 111, 2 000 €, 62220 Carvin, XL441-1'),
    ).toEqual([]);
  });

  it('ne compte comme lus que les articles donnés en « reference » par une source datée par « consulted »', () => {
    const topic = {
      sources: [
        {
          title: 'Code de la construction et de l’habitation : DALO',
          reference: 'articles L441-2-3 et L441-2-3-1 du CCH',
          consulted: '2026-11-29',
        },
        { title: 'Code de la construction et de l’habitation', reference: 'article L441-1 du CCH', date: '2018-11-23' },
        // Read, but it is the arrêté that was read, not the article its title names.
        {
          title: 'Arrêté du 20 avril 2022 fixant la liste des titres de séjour prévue au 1° de l’article R. 441-1',
          consulted: '2026-11-29',
        },
      ],
    };
    expect(undatedArticles(topic)).toEqual(['L441-1', 'R441-1']);
    expect(undatedArticles(topic, 'Voir l’article L441-2-3, l’article L441-2-3-1 et l’article R441-2-4.')).toEqual([
      'L441-1',
      'R441-1',
      'R441-2-4',
    ]);
  });
});
