import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtDist } from '../harness.ts';
import { loadRealContent } from '../helpers/real-content.ts';

/**
 * The printable leaflets, as the build publishes them (dist/plaquette/*.pdf): a sound file
 * (qpdf), every font embedded (pdffonts) and text that a screen reader or a search can extract
 * (pdftotext). One general leaflet and one per commune; none at all is a failure, not a skip.
 */

const { catalog } = await loadRealContent();
if (!catalog) throw new Error('le contenu réel doit être valide');

const folder = join(await builtDist('distWithBase'), 'plaquette');
const pdfs = existsSync(folder)
  ? readdirSync(folder)
      .filter((f) => f.endsWith('.pdf'))
      .sort()
  : [];
const expected = 1 + catalog.communes.length;

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.error)
    throw new Error(
      `${command} n’a pas pu être lancé (paquet poppler-utils ou qpdf installé ?) : ${result.error.message}`,
    );
  return result;
}

/**
 * Rows of pdffonts. Long font names push the columns to the right, so a row is read from its end:
 * … emb sub uni object-number generation.
 */
function fontRows(output: string) {
  const lines = output.split('\n');
  const dashes = lines.findIndex((l) => l.startsWith('---'));
  return lines
    .slice(dashes + 1)
    .filter((l) => dashes >= 0 && l.trim())
    .map((line) => {
      const tokens = line.trim().split(/\s+/);
      const [emb, sub, uni] = tokens.slice(-5, -2);
      return { name: tokens[0]!, emb, sub, uni };
    });
}

/** Whitespace and hyphens vary with line breaks in extracted text: compare without them. */
const squeeze = (text: string) => text.toLowerCase().replace(/[\s\-\u00ad\u2010\u2011]+/g, '');

describe('les plaquettes PDF (dist/plaquette/)', () => {
  it(`sont ${expected} : une générale et une par commune`, () => {
    expect(
      pdfs.length,
      `dist/plaquette/ contient ${pdfs.length} PDF (${pdfs.join(', ') || 'aucun'}), il en faut ${expected} : la construction ne produit plus les plaquettes ?`,
    ).toBe(expected);
    const missing = catalog.communes.filter((c) => !pdfs.includes(`${c.id}.pdf`)).map((c) => `${c.id}.pdf`);
    expect(missing, 'plaquettes de commune absentes').toEqual([]);
  });

  for (const file of pdfs) {
    describe(file, () => {
      const path = join(folder, file);

      it('a une structure saine (qpdf --check)', () => {
        const result = run('qpdf', ['--check', path]);
        // qpdf: 0 = sound, 2 = errors, 3 = warnings; a warning is a defect to fix too.
        expect(result.status, `qpdf --check ${file} :\n${result.stdout}${result.stderr}`).toBe(0);
      });

      it('embarque toutes ses polices, avec leur table Unicode (pdffonts)', () => {
        const result = run('pdffonts', [path]);
        expect(result.status, result.stderr).toBe(0);
        const rows = fontRows(result.stdout);
        expect(rows.length, `${file} : aucune police trouvée`).toBeGreaterThan(0);
        const problems = rows.flatMap((row) => [
          ...(row.emb === 'yes' ? [] : [`${row.name} n’est pas embarquée`]),
          ...(row.uni === 'yes' ? [] : [`${row.name} n’a pas de table ToUnicode (texte non extractible)`]),
        ]);
        expect(problems, file).toEqual([]);
      });

      it('a un texte extractible, accents compris (pdftotext)', () => {
        const result = run('pdftotext', ['-enc', 'UTF-8', path, '-']);
        expect(result.status, result.stderr).toBe(0);
        const text = result.stdout;
        expect(text.replace(/\s+/g, ' ').trim().length, `${file} : presque pas de texte extrait`).toBeGreaterThan(300);
        expect(text, `${file} : caractères illisibles dans le texte extrait`).not.toMatch(/\uFFFD/);
        expect(squeeze(text), `${file} : « logement » introuvable dans le texte`).toContain('logement');
        expect(text, `${file} : aucun caractère accentué extrait`).toMatch(/[éèàçê]/);
        const commune = catalog.communes.find((c) => `${c.id}.pdf` === file);
        if (commune)
          expect(squeeze(text), `${file} : le nom de la commune n’apparaît pas`).toContain(squeeze(commune.name));
      });
    });
  }
});
