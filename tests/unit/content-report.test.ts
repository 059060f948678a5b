import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load';
import { checklistCoverage } from '../../src/domain/checklist';
import { buildRouteTable, checkLink, linksIn } from '../../src/domain/links';
import { frenchSpacing } from '../../src/domain/references';
import { contentReport, countTodo, formatReport } from '../../src/domain/report';
import type { Catalog } from '../../src/domain/types';
import { projectRoot } from '../helpers/build';
import { contentWithMistake } from '../helpers/fixtures';

async function baseCatalog(): Promise<Catalog> {
  const { root, contentDir } = await contentWithMistake(undefined);
  const { catalog } = await loadContent(contentDir, root, { sourceRoot: projectRoot });
  if (!catalog) throw new Error('le contenu de base doit être valide');
  return catalog;
}

const section = (sections: ReturnType<typeof contentReport>, start: string) => sections.find((s) => s.title.startsWith(start))!;

describe('le rapport du contenu', () => {
  it('liste les lieux sans adresse, téléphone ou horaires', async () => {
    const report = contentReport(await baseCatalog(), '2026-12-01');
    expect(section(report, 'Lieux sans').todo).toEqual(['CAF du Pas-de-Calais – antenne de Carvin (content/places/caf-carvin.yaml) : adresse, téléphone, horaires']);
  });

  it('liste les fiches de l’annuaire mises à jour il y a plus de 12 mois', async () => {
    const catalog = await baseCatalog();
    const place = catalog.places[0]!;
    place.sources = [
      ...place.sources,
      { title: 'Annuaire', directory: { record: 'abc', modified: '2025-11-30', file: 'annuaire-2026-10-01.json', fileDate: '2026-10-01', fields: {} } },
    ];
    const title = 'Coordonnées venues de l’annuaire';
    expect(section(contentReport(catalog, '2026-11-29'), title).todo).toEqual([]);
    expect(section(contentReport(catalog, '2026-11-30'), title).todo).toEqual([
      `${place.name} (${place.file}) : fiche abc mise à jour le 30\u00a0novembre\u00a02025 (fichier annuaire-2026-10-01.json du 1er\u00a0octobre\u00a02026) ; vérifier auprès du lieu, puis relancer l’import avec un fichier récent`,
    ]);
  });

  it('liste une fiche comme à revoir selon le jour donné, jamais selon l’horloge', async () => {
    const catalog = await baseCatalog();
    expect(section(contentReport(catalog, '2027-05-31'), 'Fiches à revoir').todo).toEqual([]);
    const late = section(contentReport(catalog, '2027-06-01'), 'Fiches à revoir').todo;
    expect(late).toHaveLength(catalog.topics.length);
    expect(late).toContain('Déposer une demande (content/topics/faire-sa-demande.mdx) : à revoir depuis le 31\u00a0mai\u00a02027');
  });

  it('rappelle de retirer l’avis « en cours de vérification » une fois la fiche revue', async () => {
    const catalog = await baseCatalog();
    catalog.topics[0]!.showReviewNotice = true;
    expect(section(contentReport(catalog, '2027-01-01'), 'Fiches à revoir').todo[0]).toContain('le remettre à false');
  });

  it('signale la grille vide, les plafonds non vérifiés ou d’une autre année, le délai DALO et les réglages du site', async () => {
    const report = contentReport(await baseCatalog(), '2027-01-15');
    expect(section(report, 'Grille de cotation').todo).toHaveLength(1);
    expect(section(report, 'Plafonds').todo).toEqual([
      'PLUS, 2026 : chiffres non vérifiés sur le texte officiel (verified: false)',
      'Aucun tableau pour 2027 : mettre à jour les plafonds (chaque mois de janvier)',
    ]);
    expect(section(report, 'Délai anormalement long').todo).toHaveLength(1);
    expect(section(report, 'Réglages du site').todo.map((line) => line.split(' :')[0])).toEqual([
      'publisher.director',
      'publisher.address',
      'publisher.phone ou publisher.email',
      'host.name',
      'host.address',
      'accessibility.contactEmail ou accessibility.contactUrl',
    ]);
  });

  it('montre la liste des informations minimales et les fiches qui couvrent chaque élément', async () => {
    const catalog = await baseCatalog();
    expect(checklistCoverage(catalog).map((c) => [c.item.id, c.topics.map((t) => t.id)])).toEqual([
      ['depot-demande', ['faire-sa-demande']],
      ['guichets-enregistrement', ['faire-sa-demande']],
    ]);
    const text = formatReport(contentReport(catalog, '2026-12-01'), '2026-12-01');
    expect(text).toContain(frenchSpacing('couvert — depot-demande : Comment et où déposer une demande → faire-sa-demande (article à vérifier sur Légifrance)'));
    expect(text).toMatch(/^Rapport du contenu au 1er\u00a0décembre\u00a02026\u00a0: \d+ point\(s\)/);
    expect(countTodo(contentReport(catalog, '2026-12-01'))).toBeGreaterThan(0);
  });
});

describe('les liens internes des fiches', () => {
  const routes = buildRouteTable(
    ['index.astro', 'ou-s-adresser.astro', 'communes/[slug].astro', 'lieux/[slug].astro', 'infos/[slug].astro', '[page].astro', 'donnees/lieux.json.ts', 'plaquette/index.astro', 'plaquette/[variant].pdf.ts', '404.astro'],
    ['favicon.svg'],
    { communes: ['carvin'], places: ['caf-carvin'], topics: ['cotation'], pages: ['mentions-legales'] },
  );
  const context = { routes, basePath: '/logement-social/', anchors: new Map([['infos/cotation/', new Set(['les-criteres'])]]), ownAnchors: new Set<string>() };

  it('reconnaît les pages du site, les fichiers de public/ et les adresses externes', () => {
    for (const link of ['/', '/ou-s-adresser/', '/communes/carvin/', '/lieux/caf-carvin/', '/infos/cotation/', '/infos/cotation/#les-criteres', '/mentions-legales/', '/donnees/lieux.json', '/plaquette/', '/plaquette/carvin.pdf', '/favicon.svg', 'https://www.demande-logement-social.gouv.fr', 'mailto:a@b.fr', 'tel:+33300000000']) {
      expect(checkLink(link, context), link).toBeUndefined();
    }
  });

  it('refuse un lien vers une page absente, sans « / » final, relatif ou avec le sous-dossier', () => {
    expect(checkLink('/infos/cotaton/', context)?.hint).toBe('vouliez-vous dire « /infos/cotation/ » ?');
    expect(checkLink('/communes/carvin', context)?.hint).toBe('écrivez « /communes/carvin/ »');
    expect(checkLink('infos/cotation/', context)?.hint).toBe('écrivez « /infos/cotation/ »');
    expect(checkLink('/logement-social/infos/cotation/', context)?.hint).toBe('écrivez « /infos/cotation/ »');
    expect(checkLink('/infos/cotation/#criteres', context)).toMatchObject({ severity: 'warning', hint: 'vouliez-vous dire « #les-criteres » ?' });
  });

  it('trouve les liens Markdown et href, pas ceux des exemples de code', () => {
    const body = 'Voir [la cotation](/infos/cotation/) et <a href="/lieux/caf-carvin/">la CAF</a>.\n\n```\n[exemple](/pas-un-lien/)\n```\n\n[ref]: /communes/carvin/\n';
    expect(linksIn(body).map((l) => l.target)).toEqual(['/infos/cotation/', '/lieux/caf-carvin/', '/communes/carvin/']);
  });
});
