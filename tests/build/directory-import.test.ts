/**
 * End to end: `npm run import:annuaire` on a COPY of content/ with a fictitious directory file that
 * covers the CAHC's communes (tests/fixtures/annuaire/), then a real build of that copy: the phone
 * shows on the place page, the commune page and the commune's leaflet. The real content/ is never
 * written (it has no contact details until an editor imports the real file).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, removeBuild } from '../harness.ts';
import { readText } from '../helpers/dist.ts';
import { realContentDir } from '../helpers/real-content.ts';

const fixture = join(projectRoot, 'tests/fixtures/annuaire/cahc-fictif-2026-10-01.json');

function importAnnuaire(contentDir: string, ...args: string[]): { code: number; out: string; seconds: number } {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['scripts/import-annuaire.ts', ...args, '--content', contentDir], {
    cwd: projectRoot,
    encoding: 'utf8',
  });
  // No-break spaces (French typography) read as plain spaces here.
  return {
    code: run.status ?? 1,
    out: `${run.stdout}${run.stderr}`.replace(/[\u00a0\u202f]/g, ' '),
    seconds: (performance.now() - started) / 1000,
  };
}

/** Every file of the content copy, with its text: what « nothing was written » is checked against. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files.set(join(entry.parentPath, entry.name), readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  }
  return files;
}

let content: string;
let pristine: Map<string, string>;

const placeFiles = () => readdirSync(join(content, 'places')).filter((f) => f.endsWith('.yaml'));
const read = (file: string) => readFileSync(join(content, 'places', file), 'utf8');
/** The town halls of the content copy: the places the import finds by their commune. */
const townHallFiles = () => placeFiles().filter((f) => /^townHall: true$/m.test(read(f)));
/** Organisations whose desks are in the directory (« directoryKind »). */
const inDirectory = () =>
  readdirSync(join(content, 'organisations'))
    .filter((f) => /^directoryKind: /m.test(readFileSync(join(content, 'organisations', f), 'utf8')))
    .map((f) => f.replace(/\.yaml$/, ''));
/** The other desks of those organisations: they must name their record. */
const namingFiles = () =>
  placeFiles().filter(
    (f) =>
      !/^townHall: true$/m.test(read(f)) &&
      !/^directoryRecord: /m.test(read(f)) &&
      inDirectory().includes(/^organisation: (\S+)/m.exec(read(f))?.[1] ?? ''),
  );

beforeAll(() => {
  content = join(mkdtempSync(join(tmpdir(), 'sai-annuaire-')), 'content');
  cpSync(realContentDir, content, { recursive: true });
  pristine = snapshot(content);
}, 60_000);

afterAll(() => rmSync(dirname(content), { recursive: true, force: true }));

describe('npm run import:annuaire', () => {
  it('stops on a malformed file, or one without a record of the territory, and writes nothing', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'sai-bad-')), 'annuaire.json');
    writeFileSync(bad, readFileSync(fixture, 'utf8').slice(0, 5000));
    const broken = importAnnuaire(content, bad);
    expect(broken.code).toBe(1);
    expect(broken.out).toContain('Import arrêté : annuaire.json : le fichier n’est pas du JSON valide');
    expect(broken.out).toContain('Aucun fichier n’a été modifié.');

    const elsewhere = importAnnuaire(content, join(projectRoot, 'tests/fixtures/annuaire/export-api-pieges.json'));
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.out).toContain('aucune fiche du fichier ne concerne les communes du territoire');
    expect(snapshot(content)).toEqual(pristine);
  }, 900_000);

  it('says what would change with --dry-run, and writes nothing', () => {
    const dry = importAnnuaire(content, fixture, '--dry-run');
    expect(dry.code, dry.out).toBe(0);
    expect(dry.out).toContain(
      `Simulation (--dry-run), aucun fichier écrit. Lieux à remplir ou mettre à jour : ${townHallFiles().length}`,
    );
    expect(snapshot(content)).toEqual(pristine);
  }, 900_000);

  it('fills every town hall by its commune, asks the other desks to name their record, then fills them once named', () => {
    const halls = townHallFiles();
    const named = namingFiles();
    expect(halls.length, 'content/places/ : aucune mairie (townHall: true)').toBeGreaterThan(0);
    const firstRun = importAnnuaire(content, fixture);
    expect(firstRun.code, firstRun.out).toBe(0);
    // A detail typed by hand stays (« conflit »): the conflicts are not counted here, an editor may have some.
    expect(firstRun.out).toContain(`Lieux remplis ou mis à jour : ${halls.length} ; inchangés : 0 ;`);
    expect(firstRun.out).toContain(`non trouvés : ${named.length} ; ambigus : 0`);
    // The e-mail found in the website field is reported, not published as a website.
    expect(firstRun.out).toContain(
      'site internet « contact@mairie-oignies.exemple.invalid » : c’est une adresse e-mail, non repris',
    );
    const withoutPhone = halls.filter((file) => !/^phones?:/m.test(pristine.get(join(content, 'places', file)) ?? ''));
    for (const file of withoutPhone) expect(read(file), file).toMatch(/\nphones:\n {2}- number: "01 99 00 \d\d 00"/);

    // Each desk that is not a town hall gets the line to copy: the editor's one step. The fictitious
    // file has a record for each of the partners' desks, none for a desk a commune runs beside its
    // town hall (that one stays « non trouvé », rather than taking the town hall's details).
    const communeDesks = named.filter((f) => /^organisation: communes$/m.test(read(f)));
    for (const file of named.filter((f) => !communeDesks.includes(f))) {
      const block = firstRun.out
        .split('\n')
        .findIndex((line) => line.includes(`(content/places/${file})`) || line.includes(`/places/${file})`));
      expect(block, `${file} : non signalé`).toBeGreaterThanOrEqual(0);
      const record = /^ +– .* : directoryRecord: (\S+)/m.exec(
        firstRun.out
          .split('\n')
          .slice(block + 1, block + 4)
          .join('\n'),
      )?.[1];
      expect(record, `${file} : aucune fiche proposée`).toBeDefined();
      const path = join(content, 'places', file);
      writeFileSync(path, readFileSync(path, 'utf8').replace(/\nsources:/, `\ndirectoryRecord: ${record}\nsources:`));
    }
    const secondRun = importAnnuaire(content, fixture);
    const filled = named.length - communeDesks.length;
    expect(secondRun.out).toContain(`Lieux remplis ou mis à jour : ${filled} ; inchangés : ${halls.length} ;`);
    expect(secondRun.out).toContain(`non trouvés : ${communeDesks.length} ; ambigus : 0`);
    // Only places changed, and the comments of the files are still there.
    const after = snapshot(content);
    const changed = [...after.keys()].filter((f) => after.get(f) !== pristine.get(f));
    expect(changed.every((f) => f.includes('/places/'))).toBe(true);
    expect(changed).toHaveLength(halls.length + filled);
    expect(after.get(join(content, 'places/mairie-carvin.yaml'))).toContain('# Adresse, téléphone et horaires');

    const third = importAnnuaire(content, fixture);
    expect(third.out).toContain(`inchangés : ${halls.length + filled}`);
    expect(snapshot(content)).toEqual(after);
  }, 900_000);
});

describe('the site built from the imported copy', () => {
  let dist: string;
  beforeAll(async () => {
    const result = await buildSite({ contentDir: content, base: '/' });
    expect(result.code, result.output).toBe(0);
    dist = result.outDir;
  }, 900_000);
  afterAll(() => removeBuild(dist));

  it('shows address, phones, hours, accessibility and the source on the place page', async () => {
    const html = await readText(dist, 'lieux/mairie-carvin/index.html');
    expect(html).toContain('<a href="tel:+33199001100">01\u00a099\u00a000\u00a011\u00a000</a>');
    expect(html).toMatch(/Service logement(?:\u202f|&#8239;): <a href="tel:\+33199001101"/);
    expect(html).toContain('11 rue Fictive<br>Hôtel de ville (adresse fictive, jeu d’essai)<br>62220 Carvin');
    expect(html).toMatch(/<a href="geo:50\.4,2\.9\?q=[^"]+">Ouvrir l’adresse dans une application de cartes<\/a>/);
    expect(html).toMatch(
      /<th scope="row">Lundi<\/th><td>de 8\u00a0h\u00a030 à 12\u00a0h<br>et de 13\u00a0h\u00a030 à 17\u00a0h\u00a030<\/td>/,
    );
    expect(html).toContain('Le samedi : 2e et 4e samedis du mois');
    expect(html).toContain('Accès de plain-pied par l’entrée latérale (fictif)');
    expect(html).toMatch(
      /Source(?:\u202f|&#8239;): annuaire de l’administration \(Service-Public\.gouv\.fr \/ DILA\), mis à jour le 2\u00a0mars\u00a02026/,
    );
    expect(html).not.toContain('Nous n’avons pas encore');
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)![1]!);
    expect(ld).toMatchObject({
      telephone: '01 99 00 11 00',
      address: {
        streetAddress: '11 rue Fictive, Hôtel de ville (adresse fictive, jeu d’essai)',
        postalCode: '62220',
        addressLocality: 'Carvin',
      },
    });
    expect(ld.openingHoursSpecification[0]).toEqual({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: [
        'https://schema.org/Monday',
        'https://schema.org/Tuesday',
        'https://schema.org/Wednesday',
        'https://schema.org/Thursday',
        'https://schema.org/Friday',
      ],
      opens: '08:30',
      closes: '12:00',
    });
  });

  it('shows address and phone on the commune page, hours one click away', async () => {
    const html = await readText(dist, 'communes/carvin/index.html');
    expect(html).toContain('11 rue Fictive, 62220\u00a0Carvin');
    expect(html).toMatch(/Tél\.(?:\u00a0|&#160;)<a href="tel:\+33199001100"/);
    expect(html).toContain('href="/lieux/mairie-carvin/#horaires"');
    // Other communes' desks too, in the list of registering desks.
    expect(html).toContain('<a href="tel:+33199001700"');
  });

  it('prints the phone on the commune’s leaflet', () => {
    const text = spawnSync('pdftotext', ['-layout', join(dist, 'plaquette/carvin.pdf'), '-'], {
      encoding: 'utf8',
    }).stdout;
    expect(text).toContain('Tél. 01 99 00 11 00 (Accueil)');
    expect(text).toContain('11 rue Fictive, 62220 Carvin');
  });

  it('puts the details and the DILA credit in the open data', async () => {
    const rows = JSON.parse(await readText(dist, 'donnees/lieux.json')) as Record<string, unknown>[];
    const carvin = rows.find((r) => r.id === 'mairie-carvin')!;
    expect(carvin).toMatchObject({
      phone: '01 99 00 11 00',
      phones: ['01 99 00 11 00 (Accueil)', '01 99 00 11 01 (Service logement)'],
      latitude: 50.4,
      longitude: 2.9,
    });
    expect(carvin.detailsSource).toMatch(
      /^Service-Public\.gouv\.fr \/ DILA, Annuaire de l’administration – Base de données locales \(Licence Ouverte 2\.0\), fichier cahc-fictif-2026-10-01\.json du 1er\u00a0octobre\u00a02026/,
    );
    const csv = await readText(dist, 'donnees/lieux.csv');
    expect(csv.split('\r\n')[0]).toMatch(
      /;phones;hours;hoursNotes;accessibility;latitude;longitude;directoryUrl;detailsSource$/,
    );
  });

  it('gives pages the Nu HTML checker accepts (place, commune, orientation answer)', () => {
    const files = ['lieux/mairie-carvin/index.html', 'communes/carvin/index.html', 'orientation/carvin/index.html'].map(
      (f) => join(dist, f),
    );
    const run = spawnSync(
      'java',
      [
        '-jar',
        join(projectRoot, 'node_modules/vnu-jar/build/dist/vnu.jar'),
        '--errors-only',
        '--format',
        'json',
        ...files,
      ],
      { encoding: 'utf8' },
    );
    const { messages } = JSON.parse(run.stderr || run.stdout) as {
      messages: { type: string; message: string; url?: string }[];
    };
    expect(messages.map((m) => `${m.url}: ${m.message}`)).toEqual([]);
  }, 120_000);
});
