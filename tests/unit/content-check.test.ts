import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load.ts';
import type { ContentIssue } from '../../src/domain/issues.ts';
import { formatIssue, frenchSpacing } from '../../src/domain/references.ts';
import { projectRoot } from '../harness.ts';
import { contentWithMistake, editorFixtures } from '../helpers/fixtures.ts';
import { loadRealContent } from '../helpers/real-content.ts';

/**
 * One fixture folder per kind of mistake an editor makes (tests/fixtures/editors/<mistake>/, laid
 * over the small valid content of base/). Each must give exactly the expected errors: the file,
 * the line and the field, and words that tell what is wrong, what is expected and, for the usual
 * slips, a hint.
 */

interface Expected {
  /** "content/places/x.yaml:13" */
  at: string;
  field: string;
  /** Words the message, the expectation or the hint must contain. */
  says: string[];
}

async function check(mistake?: string) {
  const { root, contentDir } = await contentWithMistake(mistake);
  return loadContent(contentDir, root, { sourceRoot: projectRoot });
}

const where = (issue: ContentIssue) => `${issue.file}:${issue.line}`;
const words = (issue: ContentIssue) => [issue.message, issue.expected, issue.hint].join(' | ');

const cases: Record<string, Expected[]> = {
  'yaml-syntax': [{ at: 'content/places/mairie-carvin.yaml:24', field: 'notes', says: ['« : »', 'entre guillemets'] }],
  // The `yaml` package reads it, js-yaml (Astro's reader) does not: the check follows Astro.
  'yaml-tag': [{ at: 'content/places/mairie-carvin.yaml:24', field: 'notes', says: ['« ! »', 'entre guillemets'] }],
  'front-matter-syntax': [
    { at: 'content/topics/faire-sa-demande.mdx:3', field: 'summary', says: ['« : »', 'entre guillemets'] },
  ],
  'front-matter-unclosed': [
    { at: 'content/topics/faire-sa-demande.mdx:1', field: 'en-tête', says: ['non fermé', '« --- »'] },
  ],
  'missing-field': [
    {
      at: 'content/places/caf-carvin.yaml:1',
      field: 'services',
      says: ['champ obligatoire manquant', 'services: [welcome, information]'],
    },
  ],
  'wrong-type': [
    {
      at: 'content/places/mairie-carvin.yaml:5',
      field: 'onTerritory',
      says: ['« oui » est un texte', 'true (oui) ou false (non)'],
    },
    {
      at: 'content/places/mairie-carvin.yaml:11',
      field: 'address.postcode',
      says: ['« 62220 » est un nombre', 'postcode: "62220"'],
    },
  ],
  'unknown-field': [
    {
      at: 'content/places/mairie-carvin.yaml:13',
      field: 'telephone',
      says: ['champ inconnu « telephone »', 'vouliez-vous dire « phone » ?'],
    },
  ],
  'unknown-commune': [
    {
      at: 'content/places/caf-carvin.yaml:5',
      field: 'commune',
      says: ['commune inconnue « carvn »', 'vouliez-vous dire « carvin » ?'],
    },
  ],
  'unknown-organisation': [
    {
      at: 'content/places/caf-carvin.yaml:2',
      field: 'organisation',
      says: ['organisation inconnue « caff »', 'vouliez-vous dire « caf » ?'],
    },
  ],
  'duplicate-slug': [
    { at: 'content/data/glossary.yaml:9', field: 'terms[3].id', says: ['« cotation » en double', 'n° 1'] },
  ],
  'bad-file-name': [
    {
      at: 'content/places/Caf Carvin 2.yaml:1',
      field: 'nom du fichier',
      says: ['« Caf Carvin 2.yaml » incorrect', '« caf-carvin-2.yaml »'],
    },
  ],
  'bad-phone': [
    {
      at: 'content/places/mairie-carvin.yaml:13',
      field: 'phone',
      says: ['« 03 00 00 00 » ne convient pas', 'téléphone français', 'il y en a 8'],
    },
  ],
  'bad-email': [
    {
      at: 'content/places/mairie-carvin.yaml:14',
      field: 'email',
      says: ['« accueil.exemple.invalid » ne convient pas', 'adresse e-mail', 'il manque « @ »'],
    },
  ],
  'bad-url': [
    {
      at: 'content/places/mairie-carvin.yaml:15',
      field: 'website',
      says: ['adresse web incomplète', 'https://', '« https://www.exemple.invalid/logement »'],
    },
  ],
  'bad-hours': [
    {
      at: 'content/places/mairie-carvin.yaml:18',
      field: 'hours[1].opens',
      says: ['« 8h30 » ne convient pas', 'HH:MM', 'écrivez « 08:30 »'],
    },
  ],
  'overlapping-hours': [
    {
      at: 'content/places/mairie-carvin.yaml:20',
      field: 'hours[2]',
      says: ['chevauche le créneau n° 1', 'ne se recouvrent pas'],
    },
  ],
  'bad-level': [
    {
      at: 'content/places/caf-carvin.yaml:3',
      field: 'level',
      says: ['« 3 » non autorisée', '1 (accueil et information) ou 2'],
    },
  ],
  'level2-without-registration': [
    { at: 'content/places/mairie-carvin.yaml:7', field: 'services', says: ['niveau 2', '« registration »'] },
  ],
  'topic-without-sources': [
    {
      at: 'content/topics/faire-sa-demande.mdx:2',
      field: 'sources',
      says: ['champ obligatoire manquant', 'liste de sources'],
    },
    {
      at: 'content/topics/faire-sa-demande.mdx:2',
      field: 'lastChecked',
      says: ['champ obligatoire manquant', 'AAAA-MM-JJ'],
    },
  ],
  'income-ceilings-without-year': [
    {
      at: 'content/data/income-ceilings.yaml:2',
      field: 'tables[1].year',
      says: ['champ obligatoire manquant', 'year: 2026'],
    },
    {
      at: 'content/data/income-ceilings.yaml:2',
      field: 'tables[1].sources',
      says: ['champ obligatoire manquant', 'sources'],
    },
  ],
  'income-ceilings-incomplete': [
    {
      at: 'content/data/income-ceilings.yaml:9',
      field: 'tables[1].categories',
      says: ['six catégories', '« - category: 1 » à « - category: 6 »'],
    },
  ],
  'local-figures-without-source': [
    {
      at: 'content/data/local-figures.yaml:5',
      field: 'sources',
      says: ['sans année ou sans source', 'au moins une source'],
    },
  ],
  'local-figures-unknown-commune': [
    {
      at: 'content/data/local-figures.yaml:3',
      field: 'byCommune[1].commune',
      says: ['commune inconnue « carvn »', 'vouliez-vous dire « carvin » ?'],
    },
  ],
  'broken-link': [
    {
      at: 'content/topics/faire-sa-demande.mdx:16',
      field: 'lien',
      says: ['un lieu qui n’existe pas « /lieux/mairie-carvn/ »', 'vouliez-vous dire « /lieux/mairie-carvin/ » ?'],
    },
    {
      at: 'content/topics/faire-sa-demande.mdx:18',
      field: 'lien',
      says: ['sans barre oblique finale', 'écrivez « /ou-s-adresser/ »'],
    },
    {
      at: 'content/topics/faire-sa-demande.mdx:22',
      field: 'lien',
      says: ['une fiche qui n’existe pas « /infos/cotaton/ »', 'vouliez-vous dire « /infos/cotation/ » ?'],
    },
    {
      at: 'content/topics/faire-sa-demande.mdx:22',
      field: 'lien',
      says: ['sous-dossier du site « /logement-social/ »', 'écrivez « /mentions-legales/ »'],
    },
  ],
  'mdx-syntax': [{ at: 'content/topics/faire-sa-demande.mdx:16', field: 'texte MDX', says: ['« < »', '« &lt; »'] }],
  'mdx-expression': [
    { at: 'content/topics/faire-sa-demande.mdx:16', field: 'texte MDX', says: ['« {numero} »', '« \\{ »'] },
  ],
  // The base content has no emergency-numbers file: a topic naming one of them would fail the build.
  'unknown-emergency-number': [
    { at: 'content/topics/cotation.mdx:15', field: 'composant', says: ['numéro d’urgence inconnu « samu-social »'] },
  ],
  'unknown-component': [
    {
      at: 'content/topics/faire-sa-demande.mdx:20',
      field: 'composant',
      says: ['« <PortailLink> »', 'vouliez-vous dire « <PortalLink /> » ?'],
    },
  ],
  'bad-search-vocabulary': [
    {
      at: 'content/data/search-vocabulary.yaml:3',
      field: 'expressions[1].means',
      says: ['champ obligatoire manquant', 'means: [cotation]'],
    },
    {
      at: 'content/data/search-vocabulary.yaml:4',
      field: 'expressions[2].says',
      says: ['champ obligatoire manquant', 'façons de le dire'],
    },
    {
      at: 'content/data/search-vocabulary.yaml:4',
      field: 'expressions[2].say',
      says: ['champ inconnu « say »', 'vouliez-vous dire « says » ?'],
    },
  ],
  'audit-unknown-page': [
    {
      at: 'content/accessibility-audit/manual/theme-01.yaml:6',
      field: 'criteria[1].results.acceuil',
      says: ['page inconnue « acceuil »', 'pas dans l’échantillon', 'vouliez-vous dire « accueil » ?'],
    },
  ],
  'audit-wrong-theme': [
    {
      at: 'content/accessibility-audit/manual/theme-01.yaml:2',
      field: 'criteria',
      says: ['critère manquant : 1.2', 'chaque critère du thème 1 (1.1 à 1.2)'],
    },
    {
      at: 'content/accessibility-audit/manual/theme-01.yaml:11',
      field: 'criteria[2].id',
      says: ['appartient au thème 2 (Cadres), pas au thème 1', 'theme-02.yaml'],
    },
  ],
  'audit-screen-reader-unknown-page': [
    {
      at: 'content/accessibility-audit/screen-reader/parcours.json:9',
      field: 'pages[2]',
      says: ['page inconnue « acceuil »', 'vouliez-vous dire « accueil » ?'],
    },
    {
      at: 'content/accessibility-audit/screen-reader/parcours.json:10',
      field: 'criteria[2]',
      says: ['critère inconnu « 9.9 »', 'un critère du référentiel rgaa-test'],
    },
  ],
  'audit-bad-status': [
    {
      at: 'content/accessibility-audit/manual/theme-02.yaml:6',
      field: 'criteria[1].results.accueil',
      says: ['valeur « OK » non autorisée', 'C (conforme), NC (non conforme) ou NA (non applicable)'],
    },
  ],
  // A postcode and a town of another commune: both named, with the commune's own values.
  'address-other-commune': [
    {
      at: 'content/places/mairie-carvin.yaml:12',
      field: 'address.postcode',
      says: [
        '« 62110 »',
        'pas celui de Carvin',
        'le code postal de Carvin : « 62220 »',
        'otherPostcodes',
        'content/communes/carvin.yaml',
      ],
    },
    {
      at: 'content/places/mairie-carvin.yaml:13',
      field: 'address.city',
      says: ['« Hénin-Beaumont »', 'ce n’est pas Carvin', '« Carvin »', 'localities'],
    },
  ],
  // « commune: Carvn » is not an id: the suggestion is a commune that exists, not « carvn ».
  'reference-not-a-slug': [
    {
      at: 'content/places/caf-carvin.yaml:5',
      field: 'commune',
      says: ['« Carvn » ne convient pas', 'vouliez-vous dire « carvin » ?'],
    },
  ],
  // Unquoted, 10 digits: the fix is offered; 9 digits: no « fix » that would fail again.
  'phone-unquoted': [
    { at: 'content/places/caf-carvin.yaml:6', field: 'phone', says: ['« phone: "03 21 00 00 00" »'] },
    {
      at: 'content/places/mairie-carvin.yaml:14',
      field: 'phone',
      says: ['10 chiffres', 'ici 9 chiffres', 'vérifiez le numéro'],
    },
  ],
  // A key one space too far right (blamed before on the line above and its key), one too far left.
  'misplaced-key': [
    {
      at: 'content/places/caf-carvin.yaml:6',
      field: 'services',
      says: [
        'ligne décalée',
        '« services: » commence 1 espace plus à droite que « commune: »',
        'tout au début de la ligne',
      ],
    },
    {
      at: 'content/places/mairie-carvin.yaml:12',
      field: 'postcode',
      says: ['1 espace plus à gauche que « street: »', 'avec 2 espaces en début de ligne'],
    },
  ],
  'town-hall-not-commune': [
    {
      at: 'content/places/caf-carvin.yaml:6',
      field: 'townHall',
      says: ['« caf », qui n’est pas une commune', 'organisation: communes'],
    },
  ],
  'unknown-checklist-item': [
    {
      at: 'content/topics/faire-sa-demande.mdx:11',
      field: 'covers[2]',
      says: ['« guichet-enregistrement »', 'vouliez-vous dire « guichets-enregistrement » ?'],
    },
  ],
};

describe('npm run check : une erreur par faute, avec le fichier, la ligne et le champ', () => {
  it('le contenu de base des fixtures est valide, sans avertissement', async () => {
    const result = await check();
    expect(result.issues.map(formatIssue)).toEqual([]);
    expect(result.warnings.map(formatIssue)).toEqual([]);
    expect(result.catalog?.places).toHaveLength(2);
  });

  it('chaque dossier de fixtures a son cas de test', () => {
    const folders = readdirSync(editorFixtures).filter((name) => name !== 'base' && name !== 'several-mistakes');
    expect(folders.sort()).toEqual(Object.keys(cases).sort());
  });

  for (const [mistake, expected] of Object.entries(cases)) {
    it(mistake, async () => {
      const { issues, catalog } = await check(mistake);
      expect(catalog).toBeUndefined();
      expect(issues.map((i) => `${where(i)} ${i.field}`)).toEqual(expected.map((e) => `${e.at} ${e.field}`));
      expected.forEach((e, index) => {
        for (const phrase of e.says) expect(words(issues[index]!), formatIssue(issues[index]!)).toContain(phrase);
      });
    });
  }

  it('donne toutes les erreurs de tous les fichiers, pas seulement la première', async () => {
    const { issues } = await check('several-mistakes');
    expect(issues.map((i) => `${where(i)} ${i.field}`)).toEqual([
      'content/places/caf-carvin.yaml:5 commune',
      'content/places/mairie-carvin.yaml:13 phone',
      'content/topics/faire-sa-demande.mdx:16 lien',
      'content/topics/faire-sa-demande.mdx:18 lien',
      'content/topics/faire-sa-demande.mdx:22 lien',
      'content/topics/faire-sa-demande.mdx:22 lien',
    ]);
  });

  it('écrit chaque erreur sur une ligne : fichier:ligne — champ — ce qui ne va pas — attendu — conseil', async () => {
    const { issues } = await check('unknown-commune');
    expect(formatIssue(issues[0]!)).toBe(
      frenchSpacing(
        'content/places/caf-carvin.yaml:5 — commune — commune inconnue « carvn » — attendu : l’identifiant d’un fichier de content/communes/ (carvin, henin-beaumont) — vouliez-vous dire « carvin » ?',
      ),
    );
    // French spacing: no-break spaces inside « » and before « : » and « ? ».
    expect(formatIssue(issues[0]!)).toContain('«\u00a0carvin\u00a0»\u00a0?');
  });

  it('signale en avertissement un élément de la liste légale qu’aucune fiche ne couvre', async () => {
    const { warnings, catalog } = await check('unknown-checklist-item');
    expect(catalog).toBeUndefined();
    expect(warnings.map((w) => `${where(w)} ${w.field}`)).toEqual([
      'content/data/minimum-information.yaml:6 items[2] guichets-enregistrement',
    ]);
  });
});

describe('le contenu réel', () => {
  it('passe la vérification sans erreur', async () => {
    const { issues } = await loadRealContent();
    expect(issues.map(formatIssue)).toEqual([]);
  });
});
