/**
 * `npm run territoire -- --epci <SIREN>`: a starter content tree for any EPCI, from the official
 * geography and an existing tree (the CAHC's by default) for what is national. Pure: the command
 * line (scripts/territoire.ts) reads the source files and writes the result.
 *
 * What it writes, and why:
 * - site.yaml: the EPCI's official name, its SIREN (territory.epci, so the check compares the
 *   communes with the official geography), a suggested base path; the addresses it cannot know
 *   end in « .invalid » (reserved, RFC 2606) and the content report lists them.
 * - one commune file per member (official name, INSEE code, La Poste's postcodes);
 * - one level-1 place per mairie, without address, phone or hours (the report lists them;
 *   `npm run import:annuaire` fills them from the national directory);
 * - the partners every territory has (the EPCI, the mairies, the Département, the CAF, the State's
 *   services, Action Logement), with what the law says they do, nothing local;
 * - the national topics and data of the source tree (src/territory/adapt.ts): every line naming
 *   the source territory is left out, and every topic is marked to review (reviewBy: today).
 */
import { stringify } from 'yaml';
import {
  adaptBody,
  adaptSentences,
  adaptYamlStrings,
  joinMdx,
  markerPattern,
  mentionsSource,
  parseDocument,
  replaceAll,
  splitMdx,
  type Markers,
} from './adapt.ts';
import {
  epciNames,
  officialGeography,
  type EpciNames,
  type OfficialCommune,
  type OfficialData,
  type OfficialEpci,
} from './official.ts';
import { communeSlug } from '../domain/geography.ts';
import { requiredPages, requiredTopics } from '../domain/urls.ts';

export class TerritoryError extends Error {}

export interface GenerateOptions {
  /** SIREN of the EPCI. */
  epci: string;
  official: OfficialData;
  /** The source tree's files, by path relative to its folder (« topics/cotation.mdx »). */
  source: ReadonlyMap<string, string>;
  /** The day of the generation (YYYY-MM-DD): content date, and review date of the copied topics. */
  today: string;
  /** Ids already taken (the benchmark's département puts several EPCIs in one tree): a clash gets the INSEE code. */
  takenCommuneIds?: ReadonlySet<string>;
}

export interface GeneratedCommune {
  id: string;
  official: OfficialCommune;
}

export interface GeneratedTerritory {
  epci: OfficialEpci;
  names: EpciNames;
  communes: GeneratedCommune[];
  /** Path (relative to the new content folder) → text. */
  files: Map<string, string>;
  /** Source topics left out (they are about the source territory), with why. */
  droppedTopics: { id: string; why: string }[];
}

const geographySource = (year: number) => ({
  title: `Code officiel géographique ${year} (INSEE) et liste des EPCI à fiscalité propre ${year} (DGCL), via ${officialGeography.package} ${officialGeography.version} (Licence Ouverte)`,
  url: 'https://www.insee.fr/fr/information/2560452',
});
const postcodeSource = {
  title:
    'Base officielle des codes postaux (La Poste), via ' + `${officialGeography.package} ${officialGeography.version}`,
  url: 'https://www.data.gouv.fr/fr/datasets/base-officielle-des-codes-postaux/',
};

/** « de Carvin », « d’Arras », « du Portel », « des Attaques »: French elision and contraction. */
export function ofPlace(name: string): string {
  if (/^Le /.test(name)) return `du ${name.slice(3)}`;
  if (/^Les /.test(name)) return `des ${name.slice(4)}`;
  if (/^[AEIOUYÉÈÊÂÎÔH]/i.test(name)) return `d’${name}`;
  return `de ${name}`;
}

/** The département's name with its article (INSEE's « type de nom en clair »: 2 le, 3 la, 4 les, 5 l’). */
function departementWith(official: OfficialData, code: string): { name: string; of: string; in: string } {
  const d = official.departements.get(code);
  const name = d?.nom ?? code;
  switch (d?.typeLiaison) {
    case 2:
      return { name, of: `du ${name}`, in: `dans le ${name}` };
    case 3:
      return { name, of: `de la ${name}`, in: `dans la ${name}` };
    case 4:
      return { name, of: `des ${name}`, in: `dans les ${name}` };
    case 5:
      return { name, of: `de l’${name}`, in: `dans l’${name}` };
    default:
      return { name, of: ofPlace(name), in: `en ${name}` };
  }
}

function yamlFile(comment: string, data: unknown): string {
  const head = comment
    .split('\n')
    .map((line) => `# ${line}`.trimEnd())
    .join('\n');
  return `${head}\n${stringify(data, { lineWidth: 0 })}`;
}

export function findEpci(siren: string, official: OfficialData): OfficialEpci {
  const year = officialGeography.year;
  const trimmed = siren.replace(/\s/g, '');
  if (!/^\d{9}$/.test(trimmed))
    throw new TerritoryError(
      `« ${siren} » n’est pas un SIREN : 9 chiffres attendus (ex. 246200299 pour la CA d’Hénin-Carvin).`,
    );
  const epci = official.epcis.get(trimmed);
  if (epci) return epci;
  const commune = official.communeBySiren.get(trimmed);
  if (commune) {
    const its = official.epciOfCommune.get(commune.code);
    throw new TerritoryError(
      `Le SIREN ${trimmed} est celui de la commune de ${commune.nom} (code INSEE ${commune.code}), pas d’une intercommunalité.` +
        (its ? ` ${commune.nom} est membre de : ${its.nom.replace(/'/g, '’')}, SIREN ${its.code}.` : ''),
    );
  }
  throw new TerritoryError(
    `Aucune intercommunalité (EPCI à fiscalité propre) n’a le SIREN ${trimmed} dans la géographie officielle ${year} ` +
      `(${officialGeography.package} ${officialGeography.version}). Le SIREN est mal recopié, ou l’EPCI a été dissous ou a fusionné avec un autre ` +
      `avant le 1er janvier ${year}. Pour trouver l’EPCI actuel d’une de ses communes : npm run territoire -- --commune <code INSEE>.`,
  );
}

/** The members' ids: their official names as slugs, with the INSEE code when two would clash. */
function communeIds(members: readonly OfficialCommune[], taken: ReadonlySet<string> = new Set()): GeneratedCommune[] {
  const counts = new Map<string, number>();
  for (const c of members) counts.set(communeSlug(c.nom), (counts.get(communeSlug(c.nom)) ?? 0) + 1);
  return members.map((c) => {
    const slug = communeSlug(c.nom);
    return { id: counts.get(slug)! > 1 || taken.has(slug) ? `${slug}-${c.code}` : slug, official: c };
  });
}

export function generateTerritory({
  epci: siren,
  official,
  source,
  today,
  takenCommuneIds,
}: GenerateOptions): GeneratedTerritory {
  const epci = findEpci(siren, official);
  const year = officialGeography.year;
  const names = epciNames(epci);
  const members = epci.membres
    .map((m) => official.communes.get(m.code))
    .filter((c): c is OfficialCommune => c !== undefined);
  if (members.length === 0)
    throw new TerritoryError(
      `${names.shortName} (SIREN ${epci.code}) n’a aucune commune membre dans la géographie officielle ${year}.`,
    );
  const communes = communeIds(members, takenCommuneIds).sort((a, b) => a.id.localeCompare(b.id));

  // The département of most members (an EPCI may straddle two: the CC Flandre Lys).
  const byDepartement = new Map<string, number>();
  for (const c of members)
    if (c.departement) byDepartement.set(c.departement, (byDepartement.get(c.departement) ?? 0) + 1);
  const departementCode = [...byDepartement].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const departement = departementWith(official, departementCode);
  const region = official.departements.get(departementCode)?.region;

  const files = new Map<string, string>();
  const organisationId = 'intercommunalite';
  const sourceText = (path: string) => source.get(path);
  const sourceYaml = (path: string) => {
    const text = sourceText(path);
    return text === undefined ? undefined : (parseDocument(text).toJSON() as Record<string, unknown>);
  };
  const sourceSite = (sourceYaml('site.yaml') ?? {}) as {
    title?: string;
    shortTitle?: string;
    tagline?: string;
    territory?: { name?: string; shortName?: string; area?: Record<string, string> };
    publisher?: { name?: string };
    portal?: unknown;
    colors?: unknown;
    url?: string;
    convention?: { title?: string; period?: string };
  };
  const sourcePublisher = (sourceYaml('site.yaml')?.publisher ?? {}) as { siren?: string };
  const hosts = [
    sourceSite.url,
    sourceSite.territory && (sourceSite.territory as { website?: string }).website,
  ].flatMap((u) => {
    try {
      const host = new URL(String(u)).hostname;
      return [host, host.replace(/^www\./, '')];
    } catch {
      return [];
    }
  });
  const spaced = (siren: string) => siren.replace(/^(\d{3})(\d{3})(\d{3})$/, '$1 $2 $3');

  // site.yaml
  files.set(
    'site.yaml',
    yamlFile(
      [
        `Réglages du site : ${names.name} (SIREN ${epci.code}), écrits par npm run territoire le ${today}.`,
        `Les adresses en « .invalid » sont provisoires : remplacez-les (npm run content:report les liste).`,
      ].join('\n'),
      {
        url: 'https://adresse-du-site.a-completer.invalid',
        basePath: '/logement-social/',
        title: `Demander un logement social – ${names.name}`,
        shortTitle: `Logement social – ${names.shortName}`,
        tagline: sourceSite.tagline ?? 'Où s’adresser, comment faire sa demande, ce qui se passe ensuite.',
        territory: {
          name: names.name,
          shortName: names.shortName,
          organisation: organisationId,
          website: 'https://site-de-l-intercommunalite.a-completer.invalid',
          epci: epci.code,
          area: names.area,
        },
        portal: sourceSite.portal ?? {
          name: 'Portail grand public de la demande de logement social',
          shortName: 'demande-logement-social.gouv.fr',
          url: 'https://www.demande-logement-social.gouv.fr',
        },
        publisher: { name: names.name, siren: epci.code },
        colors: sourceSite.colors ?? {
          primary: '#0b6e4f',
          primaryDark: '#074632',
          accent: '#a8471a',
          level1: '#5b3f8c',
          level2: '#0b6e4f',
        },
        contentDate: today,
        version: `${today}-ébauche`,
      },
    ),
  );

  // Communes and their mairies.
  for (const { id, official: c } of communes) {
    const [postcode, ...others] = c.codesPostaux ?? [];
    if (!postcode)
      throw new TerritoryError(
        `${c.nom} (${c.code}) n’a pas de code postal dans ${officialGeography.package} ${officialGeography.version}.`,
      );
    files.set(
      `communes/${id}.yaml`,
      yamlFile(`Commune membre de ${names.shortName}, d’après la géographie officielle ${year}.`, {
        name: c.nom,
        insee: c.code,
        postcode,
        ...(others.length ? { otherPostcodes: others } : {}),
        sources: [geographySource(year), postcodeSource],
      }),
    );
    files.set(
      `places/mairie-${id}.yaml`,
      yamlFile(
        [
          'Lieu de niveau 1 (accueil et information) écrit par npm run territoire : à confirmer, et niveau 2 si la mairie enregistre la demande.',
          'Adresse, téléphone et horaires : à compléter, ou « npm run import:annuaire » (annuaire de l’administration).',
        ].join('\n'),
        {
          name: `Mairie ${ofPlace(c.nom)}`,
          organisation: 'communes',
          level: 1,
          onTerritory: true,
          commune: id,
          services: ['welcome', 'information'],
          sources: [
            {
              title: `Liste des communes membres de ${names.shortName} (DGCL ${year}) : une mairie par commune membre`,
            },
          ],
        },
      ),
    );
  }

  // The partners every territory has.
  const cch = (article: string, what: string) => ({
    title: `Code de la construction et de l’habitation, article ${article} (${what})`,
    reference: `article ${article} du CCH`,
  });
  const organisations: Record<string, Record<string, unknown>> = {
    [organisationId]: {
      name: names.name,
      shortName: names.shortName,
      kind: 'intercommunality',
      role: `Regroupe les ${members.length} communes du territoire et publie ce site.`,
      sources: [geographySource(year)],
    },
    communes: {
      name: `Mairies des communes de ${names.shortName}`,
      shortName: 'Mairie',
      kind: 'commune',
      role: 'Votre mairie vous accueille et vous informe près de chez vous.',
      directoryKind: 'mairie',
      sources: [geographySource(year)],
    },
    departement: {
      name: `Département ${departement.of}`,
      shortName: 'Département',
      kind: 'departement',
      role: 'Ses travailleurs sociaux peuvent vous accompagner si vous êtes en difficulté sociale.',
      directoryKind: 'cg',
      sources: [
        {
          title:
            'Code de l’action sociale et des familles, article L121-1 (le département définit et met en œuvre la politique d’action sociale)',
          reference: 'article L121-1 du CASF',
        },
      ],
    },
    caf: {
      name: `Caisse d’allocations familiales ${departement.of}`,
      shortName: 'CAF',
      kind: 'family-allowance',
      role: 'Verse les aides personnelles au logement (APL, ALF, ALS) et vous informe sur ces aides.',
      directoryKind: 'caf',
      sources: [
        {
          title: 'Code de la construction et de l’habitation, livre VIII (aides personnelles au logement)',
          reference: 'articles L811-1 et suivants du CCH',
        },
      ],
    },
    etat: {
      name: `Services de l’État ${departement.in} (préfecture)`,
      shortName: 'État',
      kind: 'state',
      role: 'Le préfet dispose de logements sociaux réservés aux personnes prioritaires. La commission de médiation examine les recours au titre du droit au logement opposable (DALO).',
      sources: [
        cch('L441-1', 'logements réservés par le préfet aux personnes prioritaires'),
        cch('L441-2-3', 'commission de médiation'),
      ],
    },
    'action-logement': {
      name: 'Action Logement',
      shortName: 'Action Logement',
      kind: 'reservation-holder',
      role: 'Propose des logements sociaux aux salariés des entreprises du secteur privé qui versent la participation des employeurs à l’effort de construction. Demandez à votre employeur si votre entreprise en fait partie.',
      sources: [cch('L313-1', 'participation des employeurs à l’effort de construction')],
    },
  };
  for (const [id, data] of Object.entries(organisations)) {
    files.set(
      `organisations/${id}.yaml`,
      yamlFile('Écrit par npm run territoire : adresse, téléphone et site à compléter.', data),
    );
  }

  // Orientation: the answer given to all (the commune's open desks, else the territory's) and the portal.
  const orientationSources = [
    cch('L441-2-1', 'enregistrement de la demande, en ligne ou à un guichet'),
    {
      title: 'Portail grand public de la demande de logement social',
      url: 'https://www.demande-logement-social.gouv.fr',
    },
  ];
  files.set(
    'orientation/pour-tous.yaml',
    yamlFile(
      'La réponse donnée à tout le monde ; « nearby » (communes proches dont les guichets sont proposés) : à compléter.',
      {
        order: 100,
        general: true,
        title: 'Pour toutes les situations',
        summary:
          'Vous pouvez déposer votre demande de logement social dans un guichet enregistreur, ou en ligne. C’est gratuit.',
        partners: [
          {
            desks: 'nearby',
            forYou:
              'Votre mairie vous accueille et vous informe. Les guichets enregistreurs enregistrent votre demande, puis vous disent où elle en est.',
          },
          {
            portal: true,
            forYou:
              'Vous pouvez aussi déposer, modifier ou renouveler votre demande vous-même, sur internet. Il vous faut une adresse e-mail.',
          },
        ],
        sources: orientationSources,
      },
    ),
  );
  files.set(
    'orientation/en-ligne.yaml',
    yamlFile('Écrit par npm run territoire.', {
      order: 7,
      question: 'Je suis à l’aise avec internet',
      title: 'Vous êtes à l’aise avec internet',
      summary: 'Vous pouvez faire votre demande vous-même, en ligne, sans vous déplacer.',
      partners: [
        {
          portal: true,
          forYou:
            'Sur le portail, vous déposez votre demande et vos pièces justificatives, vous la modifiez et vous la renouvelez chaque année.',
        },
      ],
      sources: orientationSources,
    }),
  );

  // What the new tree has, for the links of the copied text.
  const sourceIds = (folder: string, extension: string) =>
    [...source.keys()]
      .filter((p) => p.startsWith(`${folder}/`) && p.endsWith(extension) && !p.slice(folder.length + 1).includes('/'))
      .map((p) => p.slice(folder.length + 1, -extension.length));
  const newOrganisationNames = new Set(
    Object.values(organisations).flatMap((o) => [o.name, o.shortName].map((n) => String(n).toLowerCase())),
  );
  const sourceDepartements = new Set(
    sourceIds('communes', '.yaml')
      .map((id) => String(sourceYaml(`communes/${id}.yaml`)?.insee ?? ''))
      .map((code) => official.communes.get(code)?.departement)
      .filter((d): d is string => !!d && d !== departementCode),
  );
  const areaCore = (phrase: string | undefined, preposition: RegExp) => (phrase ? phrase.replace(preposition, '') : '');
  const sourceArea = sourceSite.territory?.area ?? {};
  const distinctive = (sourceSite.territory?.name ?? '').replace(
    /^(?:communauté d[’']agglomération|communauté de communes|communauté urbaine|métropole)\s+(?:de\s+|du\s+|d[’'])?/i,
    '',
  );
  const words = [
    sourceSite.title,
    sourceSite.shortTitle,
    sourceSite.territory?.name,
    sourceSite.territory?.shortName,
    sourceSite.publisher?.name,
    distinctive,
    areaCore(sourceArea.inside, /^dans\s+/),
    areaCore(sourceArea.of, /^de\s+/),
    ...sourceIds('communes', '.yaml').map((id) => String(sourceYaml(`communes/${id}.yaml`)?.name ?? '')),
    ...sourceIds('places', '.yaml').flatMap((id) => {
      const place = sourceYaml(`places/${id}.yaml`);
      return [String(place?.town ?? '')];
    }),
    ...sourceIds('organisations', '.yaml').flatMap((id) => {
      const org = sourceYaml(`organisations/${id}.yaml`);
      return [org?.name, org?.shortName].filter(
        (n): n is string => typeof n === 'string' && !newOrganisationNames.has(n.toLowerCase()),
      );
    }),
    ...[...sourceDepartements].map((code) => official.departements.get(code)?.nom ?? ''),
    'convention SAI',
    sourceSite.convention?.title,
    sourceSite.convention?.period,
    'convention du service d’accueil et d’information',
    ...hosts,
  ].filter((w): w is string => !!w && w.trim().length > 1);
  const pattern = markerPattern(words);

  const topicIds = sourceIds('topics', '.mdx');
  const pageIds = sourceIds('pages', '.mdx');
  const droppedTopics: { id: string; why: string }[] = [];
  const topics = new Map<string, ReturnType<typeof parseDocument>>();
  const bodies = new Map<string, string>();
  const noLinks: Markers = {
    words,
    topics: new Set(topicIds),
    places: new Set(),
    communes: new Set(),
    pages: new Set(pageIds),
  };
  for (const id of topicIds) {
    const { yaml, body } = splitMdx(sourceText(`topics/${id}.mdx`)!);
    const doc = parseDocument(yaml);
    const said = [doc.get('title'), doc.get('summary'), doc.getIn(['nav', 'label'])]
      .map((v) => String(v ?? ''))
      .join('\n');
    if (pattern.test(said)) {
      droppedTopics.push({ id, why: 'son titre ou son résumé parle du territoire source' });
      continue;
    }
    const sources = (doc.toJSON().sources ?? []) as { title?: string }[];
    const kept = sources.filter((s) => !mentionsSource(String(s.title ?? ''), pattern, noLinks));
    if (kept.length === 0) {
      droppedTopics.push({ id, why: 'toutes ses sources sont propres au territoire source' });
      continue;
    }
    doc.set('sources', kept);
    doc.set('reviewBy', today);
    topics.set(id, doc);
    bodies.set(id, body);
  }
  for (const id of requiredTopics) {
    if (!topics.has(id))
      throw new TerritoryError(
        `la fiche « ${id} », que le site exige, manque dans le contenu source ou parle du territoire source : copiez-la et adaptez-la à la main.`,
      );
  }
  const markers: Markers = {
    words,
    topics: new Set(topics.keys()),
    places: new Set(communes.map((c) => `mairie-${c.id}`)),
    communes: new Set(communes.map((c) => c.id)),
    pages: new Set(pageIds),
  };

  // Legal pages are the publisher's: the source publisher's names become the new ones.
  const publisherNames: [string, string][] = [
    [sourceSite.title ?? '', `Demander un logement social – ${names.name}`],
    [sourceSite.shortTitle ?? '', `Logement social – ${names.shortName}`],
    [sourceSite.territory?.name ?? '', names.name],
    [sourceSite.publisher?.name ?? '', names.name],
    [sourceSite.territory?.shortName ?? '', names.shortName],
    [sourceArea.outside ?? '', names.area.outside],
    [sourceArea.inside ?? '', names.area.inside],
    [sourceArea.of ?? '', names.area.of],
  ];
  // The source publisher's SIREN, however it is spaced (« 246 200 299 », with no-break spaces).
  const sirenPattern = sourcePublisher.siren
    ? new RegExp(sourcePublisher.siren.split('').join('[\\s\\u00a0\\u202f]?'), 'g')
    : undefined;
  const renamePublisher = (text: string) => {
    const renamed = replaceAll(text, publisherNames);
    return sirenPattern
      ? renamed.replace(sirenPattern, (found) => (/\s|\u00a0|\u202f/.test(found) ? spaced(epci.code) : epci.code))
      : renamed;
  };
  const areaOnly = publisherNames.slice(-3);
  const areaWords = new Set([areaCore(sourceArea.inside, /^dans\s+/), areaCore(sourceArea.of, /^de\s+/)]);
  const headings = {
    rename: (line: string) => replaceAll(line, areaOnly),
    pattern: markerPattern(words.filter((w) => !areaWords.has(w))),
  };
  for (const [id, doc] of topics)
    files.set(`topics/${id}.mdx`, joinMdx(doc, adaptBody(bodies.get(id)!, pattern, markers, headings)));
  for (const id of pageIds) {
    const { yaml, body } = splitMdx(renamePublisher(sourceText(`pages/${id}.mdx`)!));
    const doc = parseDocument(yaml);
    const sources = (doc.toJSON().sources ?? []) as { title?: string }[];
    doc.set(
      'sources',
      sources.filter((s) => !mentionsSource(String(s.title ?? ''), pattern, markers)),
    );
    doc.set('lastChecked', today);
    files.set(`pages/${id}.mdx`, joinMdx(doc, adaptBody(body, pattern, markers)));
  }
  for (const id of requiredPages)
    if (!files.has(`pages/${id}.mdx`))
      throw new TerritoryError(`la page « ${id} », que le site exige, manque dans le contenu source.`);

  // Data: national files copied, the territory's own left empty for the editors.
  const copy = (path: string, change?: (text: string) => string) => {
    const text = sourceText(path);
    if (text !== undefined) files.set(path, change ? change(text) : text);
  };
  for (const path of source.keys()) if (path.startsWith('data/referentials/')) copy(path);
  copy('data/search-vocabulary.yaml');
  // The national emergency numbers (115, 3919, 17, 112, 114) are the same everywhere.
  copy('data/emergency-numbers.yaml');
  copy('data/minimum-information.yaml', (text) => {
    const doc = parseDocument(text);
    const sources = (doc.toJSON().sources ?? []) as { title?: string }[];
    doc.set(
      'sources',
      sources.filter((s) => !mentionsSource(String(s.title ?? ''), pattern, markers)),
    );
    // Labels name what the law asks (« les procédures propres au territoire de l’agglomération »): renamed, not dropped.
    const renamed = parseDocument(replaceAll(doc.toString({ lineWidth: 0 }), publisherNames));
    adaptYamlStrings(renamed, pattern, markers, new Set(['id', 'reference', 'label']));
    return renamed.toString({ lineWidth: 0 });
  });
  copy('data/glossary.yaml', (text) => {
    const doc = parseDocument(text);
    const terms = (doc.toJSON().terms ?? []) as {
      term?: string;
      expansion?: string;
      definition?: string;
      synonyms?: string[];
    }[];
    const kept = terms.flatMap((t) => {
      if (pattern.test(`${t.term ?? ''}\n${t.expansion ?? ''}`)) return [];
      const definition = adaptSentences(String(t.definition ?? ''), pattern, markers);
      if (!definition) return [];
      return [{ ...t, definition, ...(t.synonyms ? { synonyms: t.synonyms.filter((s) => !pattern.test(s)) } : {}) }];
    });
    doc.set('terms', kept);
    return doc.toString({ lineWidth: 0 });
  });
  copy('data/search-synonyms.yaml', (text) => {
    const doc = parseDocument(text);
    const entries = (doc.toJSON().entries ?? []) as { words?: string[]; pages?: string[]; label?: string }[];
    // Site routes (/plafonds/, /ou-s-adresser/…) and pages stay; a topic, place or commune must be in the new tree.
    const exists = (path: string) => {
      const [first, id] = path.split('/').filter(Boolean);
      if (first === 'infos') return !!id && markers.topics.has(id);
      if (first === 'lieux') return !!id && markers.places.has(id);
      if (first === 'communes') return !!id && markers.communes.has(id);
      return true;
    };
    const kept = entries.flatMap((e) => {
      const pages = (e.pages ?? []).filter(exists);
      const wordsLeft = (e.words ?? []).filter((w) => !pattern.test(w));
      if (pages.length === 0 || wordsLeft.length === 0 || (e.label && pattern.test(e.label))) return [];
      return [{ ...e, words: wordsLeft, pages }];
    });
    doc.set('entries', kept);
    return doc.toString({ lineWidth: 0 });
  });
  // Income ceilings: the source's zone (« autres régions ») holds outside Île-de-France in mainland France.
  const sameZone = region !== '11' && !['971', '972', '973', '974', '976'].includes(departementCode);
  copy('data/income-ceilings.yaml', (text) => {
    let out = text;
    for (const code of sourceDepartements) {
      const from = departementWith(official, code);
      out = replaceAll(out, [
        [
          `dont ${from.name.startsWith('Pas') ? 'le ' : ''}${from.name}`,
          `dont ${departement.in.replace(/^(?:dans|en) /, '')}`,
        ],
        [from.name, departement.name],
      ]);
    }
    if (sameZone) return out;
    const doc = parseDocument(out);
    const tables = (doc.toJSON().tables ?? []) as Record<string, unknown>[];
    doc.set(
      'tables',
      tables.map(({ perExtraPerson: _unused, ...t }) => ({
        ...t,
        zone: 'À compléter : zone du territoire (Paris, Île-de-France ou outre-mer)',
        verified: false,
        categories: [],
      })),
    );
    return doc.toString({ lineWidth: 0 });
  });
  files.set(
    'data/cotation-grid.yaml',
    yamlFile(
      `Grille de cotation de ${names.shortName} : critères et points, à compléter.\nTant que « status » vaut « pending », le site explique le principe sans afficher de points.`,
      {
        status: 'pending',
        sources: [
          cch('L441-2-8', 'système de cotation de la demande'),
          {
            title: 'Décret n° 2019-1378 du 17 décembre 2019 relatif à la cotation de la demande de logement social',
            url: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000039629357',
          },
        ],
        criteria: [],
      },
    ),
  );
  files.set(
    'data/dalo.yaml',
    yamlFile(
      `Délai anormalement long fixé ${departement.in.replace(/^dans /, 'pour ').replace(/^en /, 'pour ')} (arrêté préfectoral) : à compléter.\nTant que la valeur est vide (null), le site renvoie vers la préfecture et le portail.`,
      {
        abnormallyLongDelayMonths: null,
        sources: [
          {
            title: 'Loi n° 2007-290 du 5 mars 2007 instituant le droit au logement opposable',
            url: 'https://www.legifrance.gouv.fr/loda/id/JORFTEXT000000271094',
          },
          cch('L441-1-4', 'délai anormalement long fixé par arrêté préfectoral'),
        ],
      },
    ),
  );
  files.set(
    'data/local-figures.yaml',
    yamlFile(
      `Le logement social de ${names.shortName} en chiffres : à compléter (article L441-2-6 du CCH).\nTant qu’une valeur est vide (null), le site dit comment obtenir le chiffre.`,
      {
        year: null,
        socialHomes: null,
        pendingDemands: null,
        allocations: null,
        byCommune: [],
        sources: [],
      },
    ),
  );

  return { epci, names, communes, files, droppedTopics };
}
