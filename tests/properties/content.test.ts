/**
 * Property tests, the long runs (`npm test`, project `site`; the quick loop runs a few cases of the
 * same properties in tests/unit/properties.test.ts). On a temporary copy of the small valid content
 * of tests/fixtures/editors/base/:
 * - a random or hostile directory file goes through the whole import (parse → match → convert →
 *   apply → write): only files of content/places/ change, the content still passes the check, and
 *   its pages' data, open data and leaflets are made without error;
 * - a random place file goes through the content loader: named errors, or content that renders.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content-loader/load.ts';
import { formatIssue } from '../../src/domain/references.ts';
import { importWrites, writeImport } from '../../src/directory-import/write.ts';
import { projectRoot } from '../harness.ts';
import { contentWithMistake } from '../helpers/fixtures.ts';
import {
  basePlaces,
  carvinText,
  directoryFile,
  importChecked,
  loadChecked,
  placeYaml,
  renderEverything,
  snapshot,
} from './arbitraries.ts';

describe('propriétés (séries longues)', () => {
  it('import de bout en bout : seuls des lieux changent, le contenu reste valide et s’imprime', async () => {
    const { root, contentDir } = await contentWithMistake(undefined);
    const pristine = await snapshot(root);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(directoryFile('62215'), async (json) => {
        // Each case starts from the pristine copy.
        for (const place of basePlaces) await writeFile(join(root, place.file), place.text);
        const places = await Promise.all(
          basePlaces.map(async (p) => ({ ...p, text: await readFile(join(root, p.file), 'utf8') })),
        );
        const outcomes = await importChecked(json, places, '62215');
        await writeImport(importWrites(contentDir, root, outcomes), `propriete-${run++}`);
        const after = await snapshot(root);
        for (const [file, text] of after) {
          if (text !== pristine.get(file)) expect(file).toMatch(/^content\/places\/[a-z0-9-]+\.yaml$/);
        }
        expect([...after.keys()].sort()).toEqual([...pristine.keys()].sort());
        // Only texts the check accepts are written: the content stays valid, and renders.
        if (outcomes.some((o) => 'text' in o && o.text !== o.place.text)) {
          const { catalog, issues } = await loadContent(contentDir, root, { sourceRoot: projectRoot, base: '/' });
          expect(issues.map(formatIssue)).toEqual([]);
          await renderEverything(catalog!);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('chargeur de contenu : un fichier de lieu quelconque donne des erreurs nommées, ou un contenu qui s’affiche et s’imprime', async () => {
    const { root, contentDir } = await contentWithMistake(undefined);
    await fc.assert(
      fc.asyncProperty(placeYaml(carvinText), async (text) => {
        await loadChecked(root, contentDir, 'places/mairie-carvin.yaml', text);
      }),
      { numRuns: 30 },
    );
  });
});
