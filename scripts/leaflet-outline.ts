/**
 * Prints the structure tree of a leaflet as a screen reader walks it (reading order, roles, text,
 * alternative texts, links).
 *
 *   npx node scripts/leaflet-outline.ts [file.pdf]
 *
 * Without a file, renders the general leaflet from content/ first.
 */
import './require-node.mjs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadContent } from '../src/content-loader/load.ts';
import { renderLeaflet } from '../src/leaflet/index.ts';
import { formatOutline, structureOutline } from '../tests/leaflet/pdf-tools.ts';

const file = process.argv[2];
let bytes: Uint8Array;
if (file) {
  bytes = new Uint8Array(await readFile(file));
} else {
  const root = process.cwd();
  const { catalog } = await loadContent(join(root, 'content'), root);
  if (!catalog) throw new Error('contenu invalide : lancez npm run check');
  bytes = await renderLeaflet(catalog, { variant: 'general' }, { base: catalog.site.basePath });
}
console.log(formatOutline(await structureOutline(bytes)));
