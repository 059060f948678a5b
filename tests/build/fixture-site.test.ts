import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, removeBuild } from '../harness.ts';
import { htmlFiles, readText } from '../helpers/dist.ts';
import { squash, tool } from '../leaflet/pdf-tools.ts';

/** A small, fictional territory: proves the generator owes nothing to the CAHC's content. */
let dist: string;
beforeAll(async () => {
  const result = await buildSite({ contentDir: join(projectRoot, 'tests/fixtures/site'), base: '/' });
  expect(result.code, result.output).toBe(0);
  dist = result.outDir;
});
afterAll(() => removeBuild(dist));

describe('le site d’un autre territoire', () => {
  it('ne contient rien de la CAHC', async () => {
    for (const file of await htmlFiles(dist)) {
      const html = await readText(dist, file);
      expect(html, file).not.toMatch(/CAHC|Hénin|Carvin|agglomération/);
    }
  });

  it('nomme le territoire sur ses plaquettes comme son site.yaml (une communauté de communes, pas « l’agglomération »)', async () => {
    const pdfs = (await readdir(join(dist, 'plaquette'))).filter((name) => name.endsWith('.pdf'));
    const texts = new Map(
      pdfs.map((name) => [
        name.replace(/\.pdf$/, ''),
        squash(tool('pdftotext', [join(dist, 'plaquette', name), '-']).stdout),
      ]),
    );
    expect(texts.size).toBeGreaterThan(1);
    for (const [name, text] of texts) {
      expect(text, name).not.toMatch(/CAHC|Hénin|Carvin|agglomération/);
      expect(text, name).toContain('réunit les 2 communes de la communauté de communes,');
      // No `the` in the fixture's site.yaml: the subject comes from `of`; one desk, in one commune.
      expect(text, name).toContain('La communauté de communes en compte 1, dans 1 commune :');
    }
    expect(texts.get('beta')).toContain(
      'Il n’y a pas de guichet enregistreur à Bêta-les-Tests : adressez-vous à l’un de ceux de la communauté de communes ci-dessous',
    );
    expect(texts.get('beta')).toContain('Les autres guichets enregistreurs (niveau 2) de la communauté de communes');
    expect(texts.get('alpha')).toContain('Guichets enregistreurs hors de la communauté de communes');
  });

  it('prend ses couleurs et son nom dans son contenu', async () => {
    expect(await readText(dist, 'theme.css')).toContain('--primary:#7a1f5c');
    const home = await readText(dist, 'index.html');
    expect(home).toContain('Demander un logement social dans le Val d’Essai');
    expect(home).toContain('Accessibilité : partiellement conforme');
  });

  it('affiche la grille de cotation publiée en tableau, et les plafonds vérifiés sans avertissement', async () => {
    const html = await readText(dist, 'infos/cotation/index.html');
    expect(html).toMatch(
      /<caption[^>]*>\s*Grille de cotation de la CCVE\s*\(adoptée le 30\u00a0juin\u00a02024\)\s*<span[^>]*>\s*Les critères sont regroupés par thème\./,
    );
    // A complex table (RGAA 5.1, 5.7): a group's heading covers its rows only, so cells name their headers.
    expect(html).toMatch(/<th id="cotation-groupe-1" colspan="3"[^>]*>Situation du logement<\/th>/);
    expect(html).toMatch(
      /<th id="cotation-groupe-1-critere-1" headers="cotation-critere cotation-groupe-1"[^>]*>Sans logement<\/th>\s*<td headers="cotation-condition cotation-groupe-1 cotation-groupe-1-critere-1"[^>]*>Attestation d’hébergement<\/td>\s*<td headers="cotation-points cotation-groupe-1 cotation-groupe-1-critere-1"[^>]*>\+40<\/td>/,
    );
    expect(html).toMatch(
      /<th id="cotation-groupe-2-critere-1" headers="cotation-critere cotation-groupe-2"[^>]*>Par année d’attente<\/th>/,
    );
    expect(html).toContain('12\u202f345\u00a0€');
    expect(html).not.toContain('Ces montants sont à vérifier');
  });

  it('montre l’avis de vérification quand les éditeurs le demandent et que la date est passée', async () => {
    expect(await readText(dist, 'infos/cotation/index.html')).toContain('Information en cours de vérification.');
  });

  it('affiche dans les mentions légales ce que site.yaml donne, et « à compléter » pour le reste', async () => {
    const html = await readText(dist, 'mentions-legales/index.html');
    expect(html).toContain('Directeur de la publication\u202f: Camille Essai');
    expect(html).toContain('<a href="tel:+33102030499">01\u00a002\u00a003\u00a004\u00a099</a>');
    expect(html).toContain('Hébergeur\u202f: Hébergeur d’Essai');
    expect(html).toContain(
      '<a href="mailto:accessibilite@val-essai.exemple.test">accessibilite@val-essai.exemple.test</a>',
    );
    expect(html).toMatch(/Téléphone de l’hébergeur\u202f: <em>à compléter par l’éditeur du site<\/em>/);
  });

  it('met en forme adresse, téléphone et horaires d’un lieu', async () => {
    const html = await readText(dist, 'lieux/mairie-alpha/index.html');
    expect(html).toContain('1 place de l’Essai<br>99100 Alpha-sur-Essai');
    expect(html).toContain('<a href="tel:+33102030405">01\u00a002\u00a003\u00a004\u00a005</a>');
    expect(html).toContain('<th scope="row">Lundi</th><td>de 8\u00a0h\u00a030 à 12\u00a0h</td>');
    expect(html).toContain(
      '<th scope="row">Jeudi</th><td>de 8\u00a0h\u00a030 à 12\u00a0h<br>et de 14\u00a0h à 17\u00a0h\u00a030 (sur rendez-vous)</td>',
    );
    expect(html).not.toContain('Nous n’avons pas encore');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(ld).toMatchObject({
      '@type': 'GovernmentOffice',
      telephone: '01 02 03 04 05',
      address: { postalCode: '99100' },
    });
  });

  it('oriente vers les guichets des communes proches et les lieux hors du territoire', async () => {
    const html = await readText(dist, 'orientation/beta/bailleur/index.html');
    expect(html).toContain('<h3>Près de Bêta-les-Tests</h3>');
    expect(html).toContain('<h3>Hors de la communauté de communes</h3>');
    expect(html).toMatch(
      /Office de test – agence de Ville-Voisine[\s\S]*Mairie de Bêta-les-Tests[\s\S]*Mairie d’Alpha-sur-Essai/,
    );
  });

  it('dit sur la page de Bêta qu’on n’y enregistre pas la demande', async () => {
    const html = await readText(dist, 'communes/beta/index.html');
    expect(html).toContain(
      'Pour déposer votre demande, allez dans un guichet enregistreur de la communauté de communes',
    );
  });
});
