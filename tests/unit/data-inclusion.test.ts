import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load.ts';
import {
  dataInclusionRecords,
  dataInclusionSchemaVersion,
  dataInclusionSource,
  placeRecords,
} from '../../src/domain/data-inclusion.ts';
import {
  dataInclusionExport,
  placeRecordsProblems,
  serviceProblems,
  structureProblems,
} from '../../src/domain/data-inclusion-export.ts';
import { contentReport } from '../../src/domain/report.ts';
import type { Catalog, Place } from '../../src/domain/types.ts';
import { projectRoot } from '../harness.ts';
import { realCatalog } from '../helpers/real-content.ts';

const today = '2026-11-29';
/** The real content is checked on the day the tests run: an editor's newer contentDate is not « in the future ». */
const now = new Date().toISOString().slice(0, 10);

async function catalogOf(dir: string): Promise<Catalog> {
  const { catalog, issues } = await loadContent(join(projectRoot, dir), projectRoot);
  if (!catalog) throw new Error(`contenu invalide (${dir}) : ${issues.map((i) => i.message).join(' ; ')}`);
  return catalog;
}
const real = await realCatalog();
/** A fictional territory whose first place has an address, a phone, an e-mail, hours and an appointment. */
const fixture = await catalogOf('tests/fixtures/site');

const placeOf = (catalog: Catalog, id: string): Place => catalog.places.find((p) => p.id === id)!;
const withPlace = (catalog: Catalog, id: string, change: Partial<Place>): Place => ({
  ...placeOf(catalog, id),
  ...change,
});
const vendored = (file: string) =>
  JSON.parse(readFileSync(join(projectRoot, 'vendor/data-inclusion-schema/v1', file), 'utf8')) as unknown;

describe('un lieu dans le schéma data·inclusion', () => {
  it('décrit une mairie complète : adresse, téléphone en E.164, e-mail, horaires OSM, réseau « communes »', () => {
    const { structure } = placeRecords(fixture, '/', placeOf(fixture, 'mairie-alpha'));
    expect(structure).toEqual({
      source: 'sai-ccve',
      id: 'sai-ccve--mairie-alpha',
      nom: 'Mairie d’Alpha-sur-Essai',
      date_maj: '2025-03-01',
      description:
        'Lieu de niveau 2 du service d’accueil et d’information des demandeurs de logement social de la communauté de communes (Communauté de communes du Val d’Essai). Guichet enregistreur\u00a0: on vous informe et on enregistre votre demande.',
      lien_source: 'https://logement.exemple.test/lieux/mairie-alpha/',
      commune: 'Alpha-sur-Essai',
      code_postal: '99100',
      code_insee: '99001',
      adresse: '1 place de l’Essai',
      telephone: '+33102030405',
      courriel: 'logement@alpha.exemple.test',
      horaires_accueil: 'Mo-Fr 08:30-12:00, Th 14:00-17:30 open "sur rendez-vous"',
      reseaux_porteurs: ['communes'],
    });
  });

  it('donne à un guichet enregistreur ses services : information (sur les communes du territoire) et enregistrement (ouvert à tous, où qu’on habite), gratuits', () => {
    const { services } = placeRecords(fixture, '/logement/', placeOf(fixture, 'mairie-alpha'));
    expect(services.map((s) => s.id)).toEqual([
      'sai-ccve--mairie-alpha--information',
      'sai-ccve--mairie-alpha--enregistrement',
    ]);
    const [information, registration] = services;
    expect(information).toMatchObject({
      structure_id: 'sai-ccve--mairie-alpha',
      type: 'information',
      thematiques: ['logement-hebergement--sinformer-sur-les-demarches-liees-a-lacces-au-logement'],
      frais: 'gratuit',
      publics: ['tous-publics'],
      modes_accueil: ['en-presentiel'],
      modes_mobilisation: ['se-presenter', 'telephoner', 'envoyer-un-courriel'],
      mobilisable_par: ['usagers'],
      mobilisation_precisions: 'Rendez-vous conseillé.',
      zone_eligibilite: ['99001', '99002'],
      lien_source: 'https://logement.exemple.test/logement/lieux/mairie-alpha/',
      telephone: '+33102030405',
      horaires_accueil: 'Mo-Fr 08:30-12:00, Th 14:00-17:30 open "sur rendez-vous"',
    });
    expect(information!.description).toContain('https://www.demande-logement-social.gouv.fr');
    expect(registration).toMatchObject({ type: 'accompagnement', frais: 'gratuit' });
    // No residence condition to register a demand (article R441-2-3 CCH): no eligibility zone on that service.
    expect(registration).not.toHaveProperty('zone_eligibilite');
    expect(registration!.conditions_acces).toContain('Aucune condition de résidence');
    expect(registration!.thematiques).toContain('logement-hebergement--louer-un-logement');
    expect(registration!.conditions_acces).toContain('pièce d’identité');
  });

  it('ne remplit aucun champ inconnu : sans adresse ni téléphone, seulement la commune et ses codes', () => {
    const { structure, services } = placeRecords(fixture, '/', placeOf(fixture, 'mairie-beta'));
    expect(Object.keys(structure).sort()).toEqual([
      'code_insee',
      'code_postal',
      'commune',
      'date_maj',
      'description',
      'id',
      'lien_source',
      'nom',
      'reseaux_porteurs',
      'source',
    ]);
    expect(structure).toMatchObject({ commune: 'Bêta-les-Tests', code_insee: '99002', code_postal: '99200' });
    // Level 1: welcome and information only, no registration.
    expect(services.map((s) => s.id)).toEqual(['sai-ccve--mairie-beta--information']);
    for (const key of ['adresse', 'telephone', 'courriel', 'horaires_accueil', 'mobilisation_precisions'])
      expect(services[0]).not.toHaveProperty(key);
    for (const record of [structure, ...services])
      for (const value of Object.values(record)) expect(value).not.toBeUndefined();
  });

  it('ne donne pas de zone d’éligibilité ni de code INSEE à un lieu hors du territoire, qui sert une zone plus large', () => {
    const { structure, services } = placeRecords(fixture, '/', placeOf(fixture, 'office-ville-voisine'));
    expect(structure).not.toHaveProperty('code_insee');
    expect(structure).not.toHaveProperty('reseaux_porteurs');
    expect(structure.commune).toBe('Ville-Voisine');
    expect(structure.description).toContain('hors de la communauté de communes, à Ville-Voisine.');
    for (const service of services) expect(service).not.toHaveProperty('zone_eligibilite');
  });

  it('traduit les publics seulement quand chacun a son équivalent exact, et les précise toujours en clair', () => {
    const publics = (audiences: Place['audiences']) => {
      const [service] = placeRecords(fixture, '/', withPlace(fixture, 'mairie-beta', { audiences })).services;
      return { publics: service!.publics, publics_precisions: service!.publics_precisions };
    };
    expect(publics([])).toEqual({ publics: ['tous-publics'], publics_precisions: undefined });
    expect(publics(['young-people'])).toEqual({ publics: ['jeunes'], publics_precisions: 'Pour les jeunes.' });
    expect(publics(['young-people', 'homeless-or-emergency'])).toEqual({
      publics: ['jeunes', 'personnes-en-situation-durgence'],
      publics_precisions: 'Pour les jeunes et les personnes sans logement ou en situation d’urgence.',
    });
    // "Tenants of the landlord" has no equivalent: no `publics` rather than a wider, wrong one.
    expect(publics(['landlord-tenants'])).toEqual({
      publics: undefined,
      publics_precisions: 'Pour les locataires du bailleur.',
    });
  });

  it('ne propose pas de se présenter quand le lieu reçoit seulement sur rendez-vous', () => {
    const services = (change: Partial<Place>) =>
      placeRecords(fixture, '/', withPlace(fixture, 'mairie-beta', change)).services[0]!;
    expect(services({ appointment: 'required' })).not.toHaveProperty('modes_mobilisation');
    expect(services({ appointment: 'required', phone: '03 21 00 00 00' })).toMatchObject({
      modes_mobilisation: ['telephoner'],
      telephone: '+33321000000',
      mobilisation_precisions: 'Sur rendez-vous uniquement.',
    });
  });

  it('décrit les services particuliers : accompagnement, conseil juridique, orientation des personnes sans logement', () => {
    const ids = (service: Place['services'][number]) =>
      placeRecords(
        fixture,
        '/',
        withPlace(fixture, 'mairie-beta', { services: ['welcome', 'information', service] }),
      ).services.map((s) => s.id.split('--').pop());
    expect(ids('support')).toContain('accompagnement');
    expect(ids('legal-advice')).toContain('conseil-juridique');
    expect(ids('emergency-housing')).toContain('urgence');
    const withCaf: Catalog = {
      ...fixture,
      organisations: [...fixture.organisations, { ...fixture.organisations[0]!, id: 'caf', kind: 'family-allowance' }],
    };
    expect(
      placeRecords(withCaf, '/', withPlace(withCaf, 'mairie-beta', { organisation: 'caf' })).structure.reseaux_porteurs,
    ).toEqual(['caf']);
  });

  it('nomme le producteur d’après le nom court du territoire', () => {
    expect(dataInclusionSource(fixture)).toBe('sai-ccve');
    expect(
      dataInclusionSource({
        ...fixture,
        site: { ...fixture.site, territory: { ...fixture.site.territory, shortName: 'Val d’Éssai' } },
      }),
    ).toBe('sai-val-d-essai');
  });
});

describe('la validation avec le schéma officiel (ajv, JSON Schema 2020-12)', () => {
  it('accepte chaque enregistrement du contenu réel et du territoire d’essai (le fichier du lieu est nommé en cas d’échec)', () => {
    for (const catalog of [real, fixture]) {
      for (const records of dataInclusionRecords(catalog, '/logement-social/')) {
        expect(placeRecordsProblems(records, catalog === real ? now : today), records.place.file).toEqual([]);
      }
    }
  });

  it('rejette un enregistrement faux, champ par champ, en français', () => {
    const { structure, services } = placeRecords(fixture, '/', placeOf(fixture, 'mairie-alpha'));
    const badStructure = {
      ...structure,
      nom: 'AB',
      code_postal: '6211',
      code_insee: '62-15',
      courriel: 'pas-une-adresse',
      reseaux_porteurs: ['epci'],
      lien_source: 'ftp://exemple.test/lieu',
    };
    expect(structureProblems(badStructure, today)).toEqual([
      // One message per field: the first the schema gives.
      '« code_insee » n’a pas la forme attendue (^\\w{5}$)',
      '« code_postal » trop court : 5 caractères au moins',
      '« courriel » n’est pas une adresse e-mail',
      '« nom » trop court : 3 caractères au moins',
      '« reseaux_porteurs[0] » : valeur absente de la liste du schéma',
      '« lien_source » n’est pas une adresse web en http ou https',
    ]);
    const { description: _description, ...withoutDescription } = services[0]!;
    expect(serviceProblems(withoutDescription, today)).toEqual(['champ « description » obligatoire absent']);
    expect(serviceProblems({ ...services[0]!, thematiques: ['logement'], zone_eligibilite: ['6221'] }, today)).toEqual([
      '« thematiques[0] » : valeur absente de la liste du schéma',
      '« zone_eligibilite[0] » trop court : 5 caractères au moins',
    ]);
  });

  it('applique les règles que le schéma laisse à ses modèles Python : « tous-publics » seul, date passée, nom sans point final', () => {
    const { structure, services } = placeRecords(fixture, '/', placeOf(fixture, 'mairie-alpha'));
    expect(serviceProblems({ ...services[0]!, publics: ['tous-publics', 'jeunes'] }, today)).toEqual([
      '« publics » : « tous-publics » ne peut pas être utilisé avec d’autres valeurs',
    ]);
    expect(structureProblems({ ...structure, date_maj: '2026-11-30' }, today)).toEqual([
      '« date_maj » (2026-11-30) dans le futur',
    ]);
    expect(structureProblems({ ...structure, date_maj: '1999-12-31' }, today)).toEqual([
      '« date_maj » (1999-12-31) avant le 1er janvier 2000',
    ]);
    expect(structureProblems({ ...structure, date_maj: '2026-02-30' }, today)).toEqual([
      '« date_maj » n’est pas une date AAAA-MM-JJ',
    ]);
    expect(structureProblems({ ...structure, nom: 'Mairie.' }, today)).toEqual(['« nom » se termine par un point']);
    expect(structureProblems({ ...structure, nom: 'Accueil, orientation, etc.' }, today)).toEqual([]);
  });

  it('ne publie pas un lieu qui ne peut pas être décrit, et le rapport du contenu le signale avec son fichier', () => {
    const long = 'Mairie '.repeat(25).trim();
    const catalog: Catalog = {
      ...fixture,
      places: fixture.places.map((p) => (p.id === 'mairie-beta' ? { ...p, name: long } : p)),
    };
    const exported = dataInclusionExport(catalog, '/', today);
    expect(exported.excluded.map(({ place, problems }) => [place.file, problems])).toEqual([
      ['tests/fixtures/site/places/mairie-beta.yaml', ['structure : « nom » trop long : 150 caractères au plus']],
    ]);
    expect(exported.structures.map((s) => s.id)).toEqual(['sai-ccve--mairie-alpha', 'sai-ccve--office-ville-voisine']);
    expect(exported.services.some((s) => s.structure_id === 'sai-ccve--mairie-beta')).toBe(false);
    const section = contentReport(catalog, today).find((s) =>
      s.title.startsWith('Lieux absents des données data·inclusion'),
    )!;
    expect(section.todo).toEqual([
      `${long} (tests/fixtures/site/places/mairie-beta.yaml) : non publié, structure : « nom » trop long : 150 caractères au plus`,
    ]);
  });

  it('ne publie rien d’une date après le jour de référence, plutôt qu’une date fausse', () => {
    const exported = dataInclusionExport(fixture, '/', '2025-02-28');
    expect(exported.structures).toEqual([]);
    expect(exported.excluded).toHaveLength(fixture.places.length);
  });

  it('prend la date du contenu comme jour de référence, et le rapport prévient quand elle est encore à venir', () => {
    // The build does not read the clock: the files are the same whatever the day.
    expect(section(contentReport(fixture, '2025-03-01'))).toEqual({ todo: [], info: ['Les 3 lieux sont publiés.'] });
    expect(section(contentReport(fixture, '2025-02-28')).todo).toEqual([
      'contentDate (1er\u00a0mars\u00a02025, content/site.yaml) est dans le futur : data·inclusion refusera les fichiers publiés (date_maj) jusqu’à ce jour',
    ]);
  });

  it('publie chaque lieu du contenu réel, avec des identifiants uniques et des services rattachés', () => {
    const exported = dataInclusionExport(real, '/logement-social/', now);
    expect(
      exported.excluded.map(({ place, problems }) => `${place.file} : ${problems.join(' ; ')}`),
      'lieux refusés par le schéma data·inclusion : corrigez ces fichiers',
    ).toEqual([]);
    expect(exported.structures).toHaveLength(real.places.length);
    const ids = [...exported.structures, ...exported.services].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const structureIds = new Set(exported.structures.map((s) => s.id));
    for (const service of exported.services) expect(structureIds.has(service.structure_id), service.id).toBe(true);
    for (const structure of exported.structures)
      expect(
        exported.services.some((s) => s.structure_id === structure.id),
        structure.id,
      ).toBe(true);
    expect(section(contentReport(real, now))).toEqual({
      todo: [],
      info: [`Les ${real.places.length} lieux sont publiés.`],
    });
  });
});

function section(report: ReturnType<typeof contentReport>) {
  const found = report.find((s) => s.title.startsWith('Lieux absents des données data·inclusion'))!;
  return { todo: found.todo, info: found.info };
}

describe('les fichiers du schéma copiés dans le dépôt', () => {
  it('ont chacune des valeurs que nous publions dans leurs listes, avec un libellé', () => {
    const labels = (file: string) =>
      new Map((vendored(`extra/${file}`) as { value: string; label: string }[]).map((v) => [v.value, v.label]));
    const lists = {
      type: labels('types-de-services.json'),
      thematiques: labels('thematiques.json'),
      frais: labels('frais.json'),
      publics: labels('publics.json'),
      modes_accueil: labels('modes-accueil.json'),
      modes_mobilisation: labels('modes-mobilisation.json'),
      mobilisable_par: labels('personnes-mobilisatrices.json'),
      reseaux_porteurs: labels('reseaux-porteurs.json'),
    };
    const records = dataInclusionRecords(real, '/').flatMap((r) => [r.structure, ...r.services]) as unknown as Record<
      string,
      unknown
    >[];
    for (const [field, list] of Object.entries(lists)) {
      const used = new Set(records.flatMap((r) => (r[field] === undefined ? [] : [r[field]].flat())) as string[]);
      expect(used.size, field).toBeGreaterThan(0);
      for (const value of used) expect(list.get(value), `${field} : ${value}`).toBeTruthy();
    }
  });

  it('sont ceux de la version annoncée, dans le README du dossier et sur la page des données ouvertes', () => {
    expect(dataInclusionSchemaVersion).toBe('1.0.8');
    expect(readFileSync(join(projectRoot, 'vendor/data-inclusion-schema/README.md'), 'utf8')).toContain(
      `version: **${dataInclusionSchemaVersion}** (tag \`v${dataInclusionSchemaVersion}\``,
    );
    expect(readFileSync(join(projectRoot, 'content/pages/donnees-ouvertes.mdx'), 'utf8')).toContain(
      `**version ${dataInclusionSchemaVersion}**`,
    );
    const schema = vendored('service.json') as { title: string; required: string[] };
    expect(schema.title).toBe('Service');
    expect(schema.required).toEqual(['source', 'structure_id', 'id', 'nom', 'description', 'date_maj']);
  });
});
