import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DirectoryFileError, normaliseTime, parseDirectory } from '../../src/directory-import/parse.ts';
import { matchPlace } from '../../src/directory-import/match.ts';
import { recordDetails } from '../../src/directory-import/convert.ts';
import { applyDetails, fingerprint } from '../../src/directory-import/apply.ts';
import { formatSummary, importDirectory, type PlaceFile } from '../../src/directory-import/run.ts';
import { placeSchema } from '../../src/schemas/place.ts';

const fixtures = join(import.meta.dirname, '../fixtures/annuaire');
const apiText = readFileSync(join(fixtures, 'export-api-pieges.json'), 'utf8');
const bulkText = readFileSync(join(fixtures, 'cahc-fictif-2026-10-01.json'), 'utf8');
const api = parseDirectory(apiText);
const bulk = parseDirectory(bulkText);
const byId = (records: typeof api, id: string) => records.find((r) => r.id === id || r.oldCode === id)!;

const placeText = `name: Mairie d’Alpha
organisation: communes
level: 2
onTerritory: true
commune: alpha
services: [welcome, information, registration]
conventionLabel: Niveau 2 – Alpha
# Coordonnées : à compléter.
sources:
  # La convention, article 4.
  - title: Convention
`;
const provenance = { record: 'r1', modified: '2025-03-08', file: 'annuaire.json', fileDate: '2026-10-01' };

describe('lecture du fichier de l’annuaire', () => {
  it('lit le fichier complet (listes JSON) et l’export de l’API (listes en texte, fiches dans « fields »)', () => {
    expect(bulk).toHaveLength(21);
    expect(api).toHaveLength(5);
    const alpha = byId(api, 'mairie-62001-01');
    expect(alpha.pivot).toEqual([{ kind: 'mairie', communes: ['62001'] }]);
    expect(alpha.phones).toEqual([
      { number: '01 99 00 01 00', label: 'Accueil' },
      { number: '0199000101', label: 'Service logement' },
    ]);
    expect(alpha.emails).toEqual(['accueil@alpha.exemple.invalid']);
    expect(alpha.modified).toBe('2025-03-08');
    expect(byId(bulk, 'mairie-62215-01').modified).toBe('2026-03-02');
    expect(byId(api, 'mairie-62002-03').diffusable).toBe(false);
  });

  it('accepte une liste simple de fiches', () => {
    const bare = JSON.stringify(JSON.parse(apiText).results);
    expect(parseDirectory(bare)).toEqual(api);
  });

  it('lit les heures « 09:00:00 » et « 09:00 », et refuse le reste', () => {
    expect(normaliseTime('09:00:00')).toBe('09:00');
    expect(normaliseTime('9:30')).toBe('09:30');
    expect(normaliseTime('25:00')).toBeUndefined();
    expect(normaliseTime('')).toBeUndefined();
  });

  it('arrête sur un fichier mal formé, avec un message en français', () => {
    expect(() => parseDirectory('{"service": [')).toThrow(DirectoryFileError);
    expect(() => parseDirectory('{"service": [')).toThrow(/pas du JSON valide/);
    expect(() => parseDirectory('{"autre": 1}')).toThrow(/liste « service »/);
    expect(() => parseDirectory('{"results": [{"fields": {"nom": "sans id"}}]}')).toThrow(/n’a pas d’identifiant/);
    expect(() => parseDirectory('{"results": [{"id": "x", "telephone": "[{oups"}]}')).toThrow(
      /« telephone » n’est pas une liste JSON lisible/,
    );
  });
});

describe('quelle fiche pour quel lieu', () => {
  it('laisse de côté la mairie déléguée et la fiche non diffusable', () => {
    const match = matchPlace({ id: 'mairie-beta', directoryKind: 'mairie', insee: '62002', townHall: true }, api);
    expect(match).toMatchObject({ status: 'matched', record: { oldCode: 'mairie-62002-01' } });
  });

  it('ne choisit pas entre une mairie et son annexe : les deux sont proposées à l’éditeur', () => {
    const match = matchPlace({ id: 'mairie-alpha', directoryKind: 'mairie', insee: '62001', townHall: true }, api);
    expect(match.status).toBe('ambiguous');
    if (match.status !== 'ambiguous') return;
    expect(match.candidates.map((c) => c.name)).toEqual(['Mairie - Alpha', 'Mairie annexe - Alpha Nord']);
    const summary = formatSummary(
      [
        {
          place: { id: 'mairie-alpha', file: 'content/places/mairie-alpha.yaml', name: 'Mairie d’Alpha', text: '' },
          ...match,
        },
      ],
      false,
    );
    expect(summary).toContain('directoryRecord: mairie-62001-02 (ou 00000000-0000-4000-8000-000000000002)');
    expect(summary).toContain('ambigus : 1');
  });

  it('prend la fiche nommée par l’éditeur, par son id ou son ancien code', () => {
    expect(
      matchPlace({ id: 'a', directoryRecord: 'mairie-62001-02', directoryKind: 'mairie', insee: '62001' }, api),
    ).toMatchObject({ status: 'matched', record: { name: 'Mairie annexe - Alpha Nord' } });
    expect(matchPlace({ id: 'a', directoryRecord: '00000000-0000-4000-8000-000000000001' }, api)).toMatchObject({
      status: 'matched',
      record: { name: 'Mairie - Alpha' },
    });
    expect(matchPlace({ id: 'a', directoryRecord: 'mairie-62002-03' }, api)).toMatchObject({
      status: 'not-found',
      reason: expect.stringContaining('pas diffusable'),
    });
    expect(matchPlace({ id: 'a', directoryRecord: 'inconnu' }, api).status).toBe('not-found');
  });

  it('ne prend pas la fiche de la mairie pour un autre lieu de la commune : il doit nommer sa fiche, les fiches de la commune sont proposées', () => {
    // A neighbourhood desk run by the commune (organisation « communes », no townHall) in Beta.
    const desk = matchPlace({ id: 'maison-de-quartier-beta', directoryKind: 'mairie', insee: '62002' }, api);
    expect(desk).toMatchObject({
      status: 'not-found',
      reason: expect.stringContaining('nommez sa fiche (directoryRecord)'),
    });
    if (desk.status !== 'not-found') return;
    expect(desk.candidates.map((c) => c.oldCode)).toEqual(['mairie-62002-01']);
    const summary = formatSummary(
      [{ place: { id: 'x', file: 'content/places/x.yaml', name: 'X', text: '' }, ...desk }],
      false,
    );
    expect(summary).toContain('copiez sa ligne « directoryRecord: … »');
    expect(summary).toContain('directoryRecord: mairie-62002-01');
    // Named, it is taken.
    expect(
      matchPlace(
        { id: 'maison-de-quartier-beta', directoryRecord: 'mairie-62002-01', directoryKind: 'mairie', insee: '62002' },
        api,
      ),
    ).toMatchObject({ status: 'matched' });
  });

  it('ne cherche pas les lieux dont l’organisme n’est pas dans l’annuaire, et signale ceux qu’il ne trouve pas', () => {
    expect(matchPlace({ id: 'bailleur', insee: '62001' }, api).status).toBe('not-in-directory');
    expect(matchPlace({ id: 'caf', directoryKind: 'caf', insee: '62001' }, api)).toMatchObject({
      status: 'not-found',
      candidates: [],
    });
    // The CAF of Carvin serves Courrières but does not stand there: named as a hint, not taken.
    const courrieres = matchPlace({ id: 'caf', directoryKind: 'caf', insee: '62250' }, bulk);
    expect(courrieres).toMatchObject({ status: 'not-found' });
    if (courrieres.status === 'not-found')
      expect(courrieres.candidates.map((c) => c.oldCode)).toEqual(['caf-62215-01']);
  });
});

describe('ce que la fiche donne au lieu', () => {
  it('prend l’adresse où aller (pas l’adresse postale), les deux créneaux d’une journée, les commentaires en notes', () => {
    const { details, remarks } = recordDetails(byId(api, 'mairie-62001-01'));
    expect(details.address).toEqual({
      street: '1 rue Fictive',
      complement: 'Hôtel de ville',
      postcode: '62001',
      city: 'Alpha',
      latitude: 50.42,
      longitude: 2.95,
    });
    expect(details.accessibility).toBe('Entrée de plain-pied');
    expect(details.hours).toEqual([
      { days: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'], opens: '09:00', closes: '12:00' },
      { days: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi'], opens: '14:00', closes: '17:00' },
    ]);
    expect(details.hoursNotes).toEqual(['Le samedi\u00a0: 2e et 4e samedis du mois'.replace('\u00a0', ' ')]);
    expect(details.phones).toHaveLength(2);
    expect(details.directoryUrl).toBe('https://lannuaire.service-public.gouv.fr/exemple-fictif/mairie-62001-01');
    // A site without its scheme is reported, not repaired.
    expect(details.website).toBeUndefined();
    expect(remarks).toEqual([
      'site internet « www.alpha.exemple.invalid » : adresse incomplète (sans https://), non reprise',
    ]);
  });

  it('ne prend pas une adresse e-mail écrite dans le champ du site', () => {
    const { details, remarks } = recordDetails(byId(api, 'mairie-62001-02'));
    expect(details.website).toBeUndefined();
    expect(remarks[0]).toMatch(/c’est une adresse e-mail, non repris/);
  });
});

describe('écriture dans le fichier du lieu', () => {
  const { details } = recordDetails(byId(api, 'mairie-62001-01'));

  it('garde les commentaires et l’ordre des champs, et donne un lieu valide', () => {
    const { text, changed } = applyDetails(placeText, details, provenance);
    expect(changed).toEqual(['address', 'phones', 'email', 'hours', 'hoursNotes', 'accessibility', 'directoryUrl']);
    expect(text.startsWith(placeText.split('# Coordonnées')[0]!)).toBe(true);
    expect(text).toContain(
      '# Coordonnées : à compléter.\nsources:\n  # La convention, article 4.\n  - title: Convention\n',
    );
    expect(text).toContain('days: [lundi, mardi, mercredi, jeudi, vendredi, samedi]\n    opens: "09:00"');
    expect(text).toContain('number: "01 99 00 01 00"');
    const data = parseDocument(text).toJS();
    expect(placeSchema.safeParse(data).success).toBe(true);
    expect(data.sources[1]).toMatchObject({
      date: '2026-10-01',
      directory: { record: 'r1', modified: '2025-03-08', file: 'annuaire.json' },
    });
    expect(data.sources[1].directory.fields.phones).toBe(fingerprint(details.phones));
  });

  it('ne change rien au second passage', () => {
    const once = applyDetails(placeText, details, provenance).text;
    const twice = applyDetails(once, details, provenance);
    expect(twice.text).toBe(once);
    expect(twice.changed).toEqual([]);
    expect(twice.provenanceChanged).toBe(false);
  });

  it('met à jour ce qu’il a écrit quand l’annuaire change, et note le nouveau fichier', () => {
    const once = applyDetails(placeText, details, provenance).text;
    const moved = { ...details, phones: [{ number: '01 99 00 09 09' }] };
    const next = applyDetails(once, moved, { ...provenance, fileDate: '2027-01-01', file: 'annuaire-2027.json' });
    expect(next.changed).toEqual(['phones']);
    expect(parseDocument(next.text).toJS().phones).toEqual([{ number: '01 99 00 09 09' }]);
    expect(next.text).toContain('file: annuaire-2027.json');
  });

  it('laisse gagner ce que l’éditeur a saisi ou corrigé à la main, et signale le désaccord', () => {
    const typed = placeText.replace('# Coordonnées', 'phone: "01 99 00 77 77"\n# Coordonnées');
    const result = applyDetails(typed, details, provenance);
    expect(result.conflicts).toEqual([
      { field: 'phones', current: '01 99 00 77 77', directory: '01 99 00 01 00 ; 0199000101' },
    ]);
    expect(parseDocument(result.text).toJS().phone).toBe('01 99 00 77 77');
    expect(parseDocument(result.text).toJS().phones).toBeUndefined();

    // An imported value the editor corrected afterwards is theirs from then on.
    const imported = applyDetails(placeText, details, provenance).text;
    const corrected = imported.replace('accessibility: Entrée de plain-pied', 'accessibility: Rampe côté parking');
    const again = applyDetails(corrected, details, provenance);
    expect(again.changed).toEqual([]);
    expect(again.conflicts).toEqual([
      { field: 'accessibility', current: 'Rampe côté parking', directory: 'Entrée de plain-pied' },
    ]);
    expect(again.text).toContain('accessibility: Rampe côté parking');
  });

  it('ne signale pas un désaccord de simple écriture (espaces, majuscules)', () => {
    const typed = placeText.replace(
      '# Coordonnées',
      'phone: "0199000100"\naddress:\n  street: 1 Rue fictive\n  postcode: "62001"\n  city: ALPHA\n# Coordonnées',
    );
    expect(applyDetails(typed, details, provenance).conflicts).toEqual([]);
  });
});

describe('un import complet', () => {
  const place = (id: string, insee: string | undefined, kind?: string, extra = ''): PlaceFile => ({
    id,
    file: `content/places/${id}.yaml`,
    name: id,
    text: placeText + extra,
    insee,
    directoryKind: kind,
    townHall: kind === 'mairie',
  });

  it('arrête sur un fichier sans fiche du territoire', () => {
    expect(() =>
      importDirectory({ records: api, places: [], insees: ['62215'], fileName: 'f.json', fileDate: '2026-10-01' }),
    ).toThrow(/aucune fiche du fichier ne concerne les communes du territoire/);
    expect(() =>
      importDirectory({ records: [], places: [], insees: ['62215'], fileName: 'f.json', fileDate: '2026-10-01' }),
    ).toThrow(/aucune fiche/);
  });

  it('résume en français : remplis, inchangés, en conflit, non trouvés, ambigus', () => {
    const outcomes = importDirectory({
      records: api,
      places: [
        place('mairie-alpha', '62001', 'mairie'),
        place('mairie-beta', '62002', 'mairie'),
        place('caf', '62002', 'caf'),
        place('bailleur', '62002'),
      ],
      insees: ['62001', '62002'],
      fileName: 'export.json',
      fileDate: '2026-10-01',
    });
    expect(outcomes.map((o) => o.status)).toEqual(['ambiguous', 'filled', 'not-found', 'not-in-directory']);
    const summary = formatSummary(outcomes, true);
    expect(summary).toContain(
      'Simulation (--dry-run), aucun fichier écrit. Lieux à remplir ou mettre à jour : 1 ; inchangés : 0 ; en conflit : 0 ; non trouvés : 1 ; ambigus : 1',
    );
  });
});

describe('les nouveaux champs d’un lieu', () => {
  it('refusent « phone » et « phones » ensemble, avec un message en français', () => {
    const data = parseDocument(
      placeText.replace(
        '# Coordonnées',
        'phone: "01 99 00 00 01"\nphones:\n  - number: "01 99 00 00 02"\n# Coordonnées',
      ),
    ).toJS();
    const result = placeSchema.safeParse(data);
    expect(result.success).toBe(false);
    if (!result.success)
      expect(result.error.issues[0]).toMatchObject({
        path: ['phones'],
        message: 'le lieu a à la fois « phone » et « phones »',
      });
  });
});
