/**
 * Property tests, the fast part (the quick loop): random and adversarial directory files through
 * the import's parse → match → convert → apply, and random place files through the content loader
 * and on to the pages' data and the leaflets. tests/properties/ runs many more cases in `npm test`.
 * A failing case prints its seed: `fc.assert(…, { seed, path })` replays it.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { contentWithMistake } from '../helpers/fixtures.ts';
import {
  basePlaces,
  carvinText,
  directoryFile,
  importChecked,
  loadChecked,
  placeYaml,
} from '../properties/arbitraries.ts';

describe('propriétés (boucle rapide)', () => {
  it('import de l’annuaire : aucun fichier, même hostile, ne fait lever autre chose qu’une erreur en français, ni écrire un lieu invalide', async () => {
    await fc.assert(
      fc.asyncProperty(directoryFile('62215'), async (json) => {
        await importChecked(json, basePlaces, '62215');
      }),
      { numRuns: 40 },
    );
  });

  it('chargeur de contenu : un fichier de lieu quelconque donne des erreurs nommées, ou un contenu qui s’affiche et s’imprime', async () => {
    const { root, contentDir } = await contentWithMistake(undefined);
    await fc.assert(
      fc.asyncProperty(placeYaml(carvinText), async (text) => {
        await loadChecked(root, contentDir, 'places/mairie-carvin.yaml', text);
      }),
      { numRuns: 3 },
    );
  });
});
