/**
 * Renders the fifteen leaflets (general + one per commune) from content/ (or $SAI_CONTENT_DIR) without Astro.
 *
 *   npx node scripts/leaflet-preview.ts [out-dir] [--untagged] [--png]
 *
 * Prints the size and the time of each file, the total, and what tagging costs (tagged size
 * minus untagged size). --png also writes 60 dpi previews with pdftoppm (poppler) if installed.
 */
import './require-node.mjs';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/content-loader/load.ts';
import { formatIssues } from '../src/domain/references.ts';
import { paths } from '../src/domain/urls.ts';
import {
  leafletDetailLevel,
  leafletFill,
  renderLeaflet,
  leafletSlug,
  type LeafletVariant,
} from '../src/leaflet/index.ts';

const args = process.argv.slice(2);
const outDir = resolve(args.find((a) => !a.startsWith('--')) ?? 'dist/plaquette');
const png = args.includes('--png');

const root = process.cwd();
const { catalog, issues } = await loadContent(resolve(process.env.SAI_CONTENT_DIR ?? join(root, 'content')), root);
if (!catalog) {
  console.error(`Le contenu a des erreurs :\n${formatIssues(issues)}`);
  process.exit(1);
}
const base = process.env.SAI_BASE ?? catalog.site.basePath;

const variants: LeafletVariant[] = [
  { variant: 'general' },
  ...catalog.communes.map((c) => ({ variant: 'commune' as const, communeId: c.id })),
];
await mkdir(outDir, { recursive: true });

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} Ko`;
let totalTime = 0;
/** CPU time too: on a busy machine, wall-clock time says more about the neighbours than about us. */
let totalCpu = 0;
let totalTagged = 0;
let totalUntagged = 0;
let failures = 0;

for (const variant of variants) {
  const slug = leafletSlug(variant);
  const file = join(outDir, `${slug}.pdf`);
  try {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const bytes = await renderLeaflet(catalog, variant, { base, log: () => undefined });
    const elapsed = performance.now() - start;
    const cpuUsed = process.cpuUsage(cpu);
    totalCpu += (cpuUsed.user + cpuUsed.system) / 1000;
    totalTime += elapsed;
    const untagged = await renderLeaflet(catalog, variant, { base, tagged: false, log: () => undefined });
    const level = await leafletDetailLevel(catalog, variant, { base });
    totalTagged += bytes.length;
    totalUntagged += untagged.length;
    await writeFile(file, bytes);
    const fills = await leafletFill(catalog, variant, { base });
    const tightest = fills.filter((f) => f.room).reduce((a, b) => (b.height - b.used < a.height - a.used ? b : a));
    if (png) execFileSync('pdftoppm', ['-r', '60', '-png', file, join(outDir, slug)]);
    console.log(
      `${paths.leafletFile(slug).padEnd(40)} ${kb(bytes.length).padStart(9)}  ${elapsed.toFixed(0).padStart(5)} ms` +
        `   (sans balisage : ${kb(untagged.length)}, balisage : +${bytes.length - untagged.length} octets)` +
        `   détail : ${level}   place libre minimale : ${(tightest.height - tightest.used).toFixed(0)} pt, volet ${tightest.panel} « ${tightest.title} »`,
    );
  } catch (error) {
    failures++;
    console.error(`${paths.leafletFile(slug)} : ÉCHEC — ${(error as Error).message}`);
  }
}

const made = variants.length - failures;
console.log(
  `\n${made} plaquette(s) en ${totalTime.toFixed(0)} ms (balisées ; ${totalCpu.toFixed(0)} ms de processeur), ${kb(totalTagged)} au total` +
    (made > 0
      ? `, balisage : +${totalTagged - totalUntagged} octets (+${(((totalTagged - totalUntagged) / totalUntagged) * 100).toFixed(1)} %)`
      : ''),
);
if (failures > 0) process.exit(1);
