import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { readSourceTree } from '../../src/territory/source-tree.ts';

/**
 * Synthetic territories for the benchmark: the real content, with its communes, places and topics
 * multiplied. Copy k (1 … factor-1) of each file gets the id `<id>-synth-<k>`, a name that says it
 * is synthetic, and, for places, the copy k of its commune: the territory is replicated, so every
 * synthetic commune has the same mix of places as the real one it copies. Organisations, legal pages
 * and data files are not multiplied. Nothing here is real: the INSEE codes and postcodes of the
 * copies (9xxxx) are made up, and only serve to keep every file valid under the schemas (the copy's
 * site.yaml names no EPCI, so the check does not compare them with the official geography).
 */
export interface SyntheticCounts {
  communes: number;
  places: number;
  topics: number;
}

export interface SyntheticOptions {
  /**
   * `faithful` (default): copy k of a place is in copy k of its commune, at the same level.
   * `offsite`: copies of places become level-1 places (welcome and information) outside the
   * territory, in « Ville synthétique k »: they have pages and search entries but appear on no
   * leaflet, and synthetic communes have no place of their own. The leaflets list every
   * registering desk of the territory and of the commune: when a faithful copy does not fit on
   * them, this is what still builds.
   */
  mode?: 'faithful' | 'offsite';
}

const suffix = (k: number) => `-synth-${k}`;

async function listIds(dir: string, extension: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names
    .filter((n) => n.endsWith(extension))
    .map((n) => n.slice(0, -extension.length))
    .sort();
}

/**
 * Components that list the whole territory (every place, every commune, every town hall): their
 * page grows with the territory, once. A copy of a topic keeps its text but not them: a territory a
 * hundred times larger has more pages of information, not a hundred copies of its table of places
 * (with them, the ×100 site held 1,400 pages listing 3,400 places each, and measured that square).
 */
const territoryWide =
  /^<(?:Article4Table|TownHalls|CommuneChoice|LocalFigures|Landlords|ContactDetailsStatus)\b[^>]*\/>$/gm;

/** Splits an MDX file into its front matter (YAML text) and body. */
function splitFrontMatter(text: string): { yaml: string; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error('front matter absent');
  return { yaml: match[1]!, body: match[2]! };
}

export async function makeSyntheticContent(
  sourceDir: string,
  targetDir: string,
  factor: number,
  options: SyntheticOptions = {},
): Promise<SyntheticCounts> {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`facteur entier ≥ 1 attendu, reçu ${factor}`);
  await cp(sourceDir, targetDir, { recursive: true });

  const communeIds = await listIds(join(sourceDir, 'communes'), '.yaml');
  const placeIds = await listIds(join(sourceDir, 'places'), '.yaml');
  const topicIds = await listIds(join(sourceDir, 'topics'), '.mdx');
  let code = 0;
  if (factor > 1) {
    // Made-up communes are not an EPCI's members: the copy names no EPCI, so the check does not compare them with the official geography.
    const site = parseDocument(await readFile(join(sourceDir, 'site.yaml'), 'utf8'));
    site.deleteIn(['territory', 'epci']);
    await writeFile(join(targetDir, 'site.yaml'), site.toString({ lineWidth: 0 }));
  }

  for (let k = 1; k < factor; k++) {
    const copies = new Map<string, { name: string; postcode: string }>();
    for (const id of communeIds) {
      const doc = parseDocument(await readFile(join(sourceDir, 'communes', `${id}.yaml`), 'utf8'));
      const name = `${String(doc.get('name'))} (commune synthétique ${k})`;
      doc.set('name', name);
      // Made-up codes, unique across copies; the real ones start with 62.
      const made = String(90000 + code++);
      doc.set('insee', made);
      doc.set('postcode', made);
      doc.delete('otherPostcodes');
      doc.delete('localities');
      copies.set(`${id}${suffix(k)}`, { name, postcode: made });
      await writeFile(join(targetDir, 'communes', `${id}${suffix(k)}.yaml`), doc.toString({ lineWidth: 0 }));
    }
    for (const id of placeIds) {
      const doc = parseDocument(await readFile(join(sourceDir, 'places', `${id}.yaml`), 'utf8'));
      doc.set('name', `${String(doc.get('name'))} (lieu synthétique ${k})`);
      if (doc.has('conventionLabel'))
        doc.set('conventionLabel', `${String(doc.get('conventionLabel'))} (copie synthétique ${k})`);
      const commune = doc.get('commune');
      if (typeof commune === 'string') doc.set('commune', `${commune}${suffix(k)}`);
      // An address belongs to its commune: the copy's address is in the copied commune.
      const copy = typeof commune === 'string' ? copies.get(`${commune}${suffix(k)}`) : undefined;
      if (copy && doc.hasIn(['address', 'postcode'])) {
        doc.setIn(['address', 'postcode'], copy.postcode);
        doc.setIn(['address', 'city'], copy.name);
      }
      if (options.mode === 'offsite') {
        doc.set('level', 1);
        doc.set('onTerritory', false);
        doc.delete('commune');
        doc.set('town', `Ville synthétique ${k}`);
        const services = doc.get('services', true) as { items?: { value?: unknown }[] } | undefined;
        const kept = (services?.items ?? [])
          .map((item) => item.value)
          .filter((s) => s !== 'registration' && s !== 'status-follow-up');
        doc.set('services', kept.length ? kept : ['information']);
      }
      await writeFile(join(targetDir, 'places', `${id}${suffix(k)}.yaml`), doc.toString({ lineWidth: 0 }));
    }
    for (const id of topicIds) {
      const { yaml, body } = splitFrontMatter(await readFile(join(sourceDir, 'topics', `${id}.mdx`), 'utf8'));
      const doc = parseDocument(yaml);
      doc.set('title', `${String(doc.get('title'))} (fiche synthétique ${k})`);
      const order = doc.getIn(['nav', 'order']);
      doc.setIn(['nav', 'order'], (typeof order === 'number' ? order : 0) + 1000 * k);
      const label = doc.getIn(['nav', 'label']);
      if (typeof label === 'string') doc.setIn(['nav', 'label'], `${label} (${k})`);
      // A copy covers no item of the minimum-information checklist: the real topic already does.
      if (doc.has('covers')) doc.set('covers', []);
      await writeFile(
        join(targetDir, 'topics', `${id}${suffix(k)}.mdx`),
        `---\n${doc.toString({ lineWidth: 0 })}---\n${body.replace(territoryWide, '')}`,
      );
    }
  }
  return { communes: communeIds.length * factor, places: placeIds.length * factor, topics: topicIds.length * factor };
}

export interface DepartementCounts extends SyntheticCounts {
  epcis: number;
  /** Communes outside the real content's EPCI, written by the territory generator. */
  generatedCommunes: number;
}

/**
 * A whole département in one site, from the official geography: the real content (its EPCI, its
 * places, topics and data) plus, for every other EPCI with communes in the département, what
 * `npm run territoire` writes for it (a file per commune, a level-1 mairie per commune, the EPCI as
 * an organisation). Topics, data and orientation rules are the real content's, shared. Only the
 * département's communes are kept (an EPCI may straddle two). The site names no EPCI
 * (territory.epci), since it is many: the check does not compare it with one EPCI's members.
 */
export async function makeDepartementContent(
  sourceDir: string,
  targetDir: string,
  departement: string,
): Promise<DepartementCounts> {
  const { officialData } = await import('../../src/territory/official.ts');
  const { generateTerritory } = await import('../../src/territory/generate.ts');
  const official = officialData();
  await cp(sourceDir, targetDir, { recursive: true });
  const source = await readSourceTree(sourceDir);
  const siteDoc = parseDocument(source.get('site.yaml')!);
  const ownEpci = String(siteDoc.getIn(['territory', 'epci']) ?? siteDoc.getIn(['publisher', 'siren']) ?? '');
  const departementName = official.departements.get(departement)?.nom ?? departement;
  siteDoc.deleteIn(['territory', 'epci']);
  siteDoc.set('title', `${String(siteDoc.get('title'))} (banc d’essai : ${departementName})`);
  await writeFile(join(targetDir, 'site.yaml'), siteDoc.toString({ lineWidth: 0 }));

  const taken = new Set((await listIds(join(sourceDir, 'communes'), '.yaml')).concat());
  const epcis = [...official.epcis.values()]
    .filter((e) => e.membres.some((m) => official.communes.get(m.code)?.departement === departement))
    .sort((a, b) => a.code.localeCompare(b.code));
  let generatedCommunes = 0;
  for (const epci of epcis) {
    if (epci.code === ownEpci) continue;
    const { files, communes } = generateTerritory({
      epci: epci.code,
      official,
      source,
      today: String(siteDoc.get('contentDate')),
      takenCommuneIds: taken,
    });
    for (const { id, official: commune } of communes) {
      if (commune.departement !== departement) continue;
      taken.add(id);
      generatedCommunes++;
      await writeFile(join(targetDir, 'communes', `${id}.yaml`), files.get(`communes/${id}.yaml`)!);
      await writeFile(join(targetDir, 'places', `mairie-${id}.yaml`), files.get(`places/mairie-${id}.yaml`)!);
    }
    await writeFile(
      join(targetDir, 'organisations', `intercommunalite-${epci.code}.yaml`),
      files.get('organisations/intercommunalite.yaml')!,
    );
  }
  const count = async (folder: string, extension: string) => (await listIds(join(targetDir, folder), extension)).length;
  return {
    communes: await count('communes', '.yaml'),
    places: await count('places', '.yaml'),
    topics: await count('topics', '.mdx'),
    epcis: epcis.length,
    generatedCommunes,
  };
}
