/**
 * The editing forms' page, /admin/ (Decap CMS): `node scripts/build-admin.ts [folder]` writes it
 * into dist/admin/ (npm run build does it after the site). Apart from Astro's build on purpose: the
 * page is no page of the site (not in the sitemap, the search index or the page checks) and has its
 * own security headers (public/_headers, /admin/*). Everything it loads is in that folder.
 */
import './require-node.mjs';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { parse, stringify } from 'yaml';
import { cmsConfig } from '../src/cms/config.ts';
import { siteSchema } from '../src/schemas/site.ts';

const root = resolve(import.meta.dirname, '..');

export interface AdminOptions {
  /** The folder to write (…/admin). */
  outDir: string;
  /** The content folder, for the settings of site.yaml. */
  contentDir?: string;
  /** decap-server's API for the local mode. */
  localBackend?: string;
}

const page = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>Modifier le contenu – administration</title>
<link rel="stylesheet" href="sai-cms.css">
<link href="config.yml" type="text/yaml" rel="cms-config-url">
<script src="sai-cms.js"></script>
<script src="decap-cms.js"></script>
</head>
<body>
<noscript>Les formulaires d’édition ont besoin de JavaScript. Sans lui, modifiez les fichiers du dossier content/ (voir le guide des éditeurs).</noscript>
</body>
</html>
`;

/**
 * The refusal panel of src/cms/browser.ts: on top of Decap's screens, until the editor closes it.
 * Then what axe found too pale in Decap (color-contrast): the site's address in the header, white
 * text on the notices' light colours, the red « unsaved changes » badge, the « Publier » menu button.
 */
const css = `#sai-refus{position:fixed;inset:auto 1rem 1rem 1rem;z-index:100000;max-height:60vh;overflow:auto;background:#fff;color:#1a1a1a;border:3px solid #a8001c;border-radius:6px;padding:1rem 1.25rem;font:1rem/1.5 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.3)}
#sai-refus h2{margin:0 0 .5rem;font-size:1.1rem;color:#a8001c}
#sai-refus ul{margin:0 0 1rem;padding-left:1.25rem}
#sai-refus button{font:inherit;padding:.4rem .9rem;border:2px solid #1a1a1a;border-radius:4px;background:#fff;color:#1a1a1a;cursor:pointer}
#sai-refus button:focus-visible{outline:3px solid #0b6e4f;outline-offset:2px}
[class*="AppHeaderSiteLink"]{color:#3a4550!important}
.Toastify__toast--success{background:#1b6e35!important;color:#fff!important}
.Toastify__toast--error{background:#a8001c!important;color:#fff!important}
.Toastify__toast--warning{background:#7a4b00!important;color:#fff!important}
.Toastify__toast--info{background:#1d4f91!important;color:#fff!important}
[class*="textBadgeDanger"]{color:#a8001c!important}
[class*="PublishButton"]{background-color:#1d4f91!important;color:#fff!important}
`;

/**
 * The /admin/* policy of the published _headers (it comes from public/_headers) names the servers
 * the page talks to: the forge of content/site.yaml, and decap-server's address in the local mode.
 */
async function adminHeaders(file: string, config: ReturnType<typeof cmsConfig>): Promise<void> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return;
  const backend = config.backend as { name: string; base_url?: string; api_root?: string };
  const local = new URL((config.local_backend as { url: string }).url).origin;
  const forge = [backend.base_url, backend.api_root, backend.name === 'github' ? 'https://api.github.com' : undefined]
    .filter((url): url is string => url !== undefined)
    .map((url) => new URL(url).origin);
  const sources = [...new Set([local, ...forge])].join(' ');
  const patched = text.replace(
    /(\/admin\/\*\n(?:[ \t]+.*\n)*?[ \t]+Content-Security-Policy:[^\n]*connect-src 'self') http:\/\/127\.0\.0\.1:8081/,
    `$1 ${sources}`,
  );
  await writeFile(file, patched);
}

export async function buildAdmin(options: AdminOptions): Promise<{ files: string[]; bytes: number }> {
  const { outDir, contentDir = resolve(process.env.SAI_CONTENT_DIR ?? join(root, 'content')) } = options;
  await mkdir(outDir, { recursive: true });
  // Settings only: a wrong site.yaml is the content check's to report, in its own words.
  const site = siteSchema.safeParse(parse(await readFile(join(contentDir, 'site.yaml'), 'utf8')));
  const settings = site.success ? site.data : undefined;
  const config = cmsConfig({
    settings: settings?.cms,
    siteUrl: settings ? new URL(settings.basePath, settings.url).href : undefined,
    localBackend: options.localBackend,
  });
  const header =
    '# Écrit par scripts/build-admin.ts à partir des schémas (src/schemas) et de src/cms/overlay.ts : ne pas modifier à la main.\n';
  await writeFile(join(outDir, 'config.yml'), header + stringify(config, { lineWidth: 0 }));
  await writeFile(join(outDir, 'index.html'), page);
  await writeFile(join(outDir, 'sai-cms.css'), css);
  await build({
    entryPoints: [join(root, 'src/cms/browser.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    outfile: join(outDir, 'sai-cms.js'),
    logLevel: 'warning',
  });
  // Decap's bundle, its chunks loaded on demand and its WebAssembly, from the pinned npm package.
  const decap = join(dirname(createRequire(import.meta.url).resolve('decap-cms/package.json')), 'dist');
  for (const file of await readdir(decap)) {
    if (/^(?:\d+\.)?decap-cms\.js$|^decap-cms\.js\.LICENSE\.txt$|\.wasm$/.test(file))
      await copyFile(join(decap, file), join(outDir, file));
  }
  await adminHeaders(join(dirname(outDir), '_headers'), config);
  const files = await readdir(outDir);
  let bytes = 0;
  for (const file of files) bytes += (await readFile(join(outDir, file))).length;
  return { files, bytes };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outDir = resolve(process.argv[2] ?? 'dist/admin');
  const { files, bytes } = await buildAdmin({ outDir });
  console.log(`Administration écrite dans ${outDir} : ${files.length} fichiers, ${(bytes / 1e6).toFixed(1)} Mo.`);
}
