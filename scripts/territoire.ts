/**
 * npm run territoire -- --epci <SIREN> [--out dossier] [--source dossier]
 * npm run territoire -- --commune <code INSEE>
 *
 * Writes a starter content tree for any intercommunality (EPCI) from the official geography
 * (@etalab/decoupage-administratif) and the national parts of an existing tree (content/ by
 * default): see src/territory/generate.ts. The tree is written in a temporary folder, then renamed:
 * a run that fails leaves nothing half written, and an existing folder is never overwritten.
 * `--commune` prints the EPCI a commune belongs to (to find the SIREN of a merged EPCI).
 */
import './require-node.mjs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { frenchSpacing } from '../src/domain/references.ts';
import { localDay } from '../src/domain/report.ts';
import { officialData, officialGeography } from '../src/territory/official.ts';
import { generateTerritory, TerritoryError } from '../src/territory/generate.ts';
import { readSourceTree } from '../src/territory/source-tree.ts';

const usage =
  'Usage : npm run territoire -- --epci <SIREN> [--out dossier] [--source dossier]   ou   npm run territoire -- --commune <code INSEE>';
const fail = (message: string): never => {
  console.error(frenchSpacing(message));
  process.exit(1);
};
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const official = officialData();
const communeCode = option('--commune');
if (communeCode) {
  const commune = official.communes.get(communeCode) ?? official.formerCommunes.get(communeCode);
  if (!commune)
    fail(
      `Aucune commune n’a le code INSEE « ${communeCode} » dans la géographie officielle ${officialGeography.year}.`,
    );
  const current = commune!.type === 'commune-actuelle' ? commune! : official.communes.get(commune!.chefLieu ?? '');
  const epci = current && official.epciOfCommune.get(current.code);
  console.log(
    frenchSpacing(
      `${commune!.nom} (${commune!.code})${current && current !== commune ? ` fait partie de la commune de ${current.nom} (${current.code})` : ''} : ` +
        (epci
          ? `membre de ${epci.nom.replace(/'/g, '’')}, SIREN ${epci.code} (${epci.membres.length} communes).`
          : 'membre d’aucun EPCI.'),
    ),
  );
  process.exit(0);
}

const siren = option('--epci');
if (!siren) fail(usage);
const sourceDir = resolve(option('--source') ?? 'content');

const source = await readSourceTree(sourceDir).catch(() => fail(`Dossier source introuvable : ${sourceDir}`));

let generated;
try {
  generated = generateTerritory({ epci: siren!, official, source, today: localDay(new Date()) });
} catch (error) {
  if (error instanceof TerritoryError) fail(error.message);
  throw error;
}
const { names, communes, files, droppedTopics, epci } = generated!;
const outDir = resolve(option('--out') ?? `territoires/${epci.code}`);
if (
  await stat(outDir).then(
    () => true,
    () => false,
  )
)
  fail(
    `Le dossier ${relative(process.cwd(), outDir) || outDir} existe déjà : choisissez-en un autre avec --out, ou supprimez-le.`,
  );

const temporary = `${outDir}.en-cours-${process.pid}`;
try {
  for (const [path, text] of files) {
    await mkdir(dirname(join(temporary, path)), { recursive: true });
    await writeFile(join(temporary, path), text);
  }
  await mkdir(dirname(outDir), { recursive: true });
  await rename(temporary, outDir);
} catch (error) {
  await rm(temporary, { recursive: true, force: true });
  fail(`Écriture impossible (${(error as Error).message}) : aucun dossier n’a été créé.`);
}

const shown = relative(process.cwd(), outDir) || outDir;
console.log(
  frenchSpacing(
    [
      `${names.name} (SIREN ${epci.code}) : ${communes.length} communes, ${files.size} fichiers écrits dans ${shown}/ (géographie officielle ${officialGeography.year}, ${officialGeography.package} ${officialGeography.version}).`,
      droppedTopics.length
        ? `Fiches du contenu source laissées de côté (propres à son territoire) : ${droppedTopics.map((t) => `${t.id} (${t.why})`).join(' ; ')}.`
        : '',
      'Les fiches copiées sont à relire : elles ont perdu les phrases qui parlaient du territoire source.',
      `Ensuite : npm run check ${shown}   puis   npm run content:report ${shown}   (ce qu’il reste à compléter),`,
      `et pour construire : SAI_CONTENT_DIR=${shown} npm run build.`,
    ]
      .filter(Boolean)
      .join('\n'),
  ),
);
