// What each built page weighs on a first visit, compressed as a web server would (gzip), and the
// check of those figures against budgets.config.json. Used by tests/build/budgets.test.ts; run it
// directly for the table: node scripts/page-weight.mjs [dist] [base]
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

export const budgetsFile = new URL('../budgets.config.json', import.meta.url);

export async function readBudgets() {
  return JSON.parse(await readFile(budgetsFile, 'utf8'));
}

const gzipSizes = new Map();
async function gzipSize(file) {
  if (!gzipSizes.has(file)) gzipSizes.set(file, gzipSync(await readFile(file)).length);
  return gzipSizes.get(file);
}

async function listFiles(root) {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => relative(root, join(e.parentPath, e.name)).split('\\').join('/'));
}

/** "index.html" → "", "lieux/x/index.html" → "lieux/x/", "404.html" stays. */
export const pageName = (file) => file.replace(/(^|\/)index\.html$/, '$1');

/** A link of a file of dist/ (at `from`) → the file it names, relative to dist/, or undefined. */
function resolve(base, from, link) {
  if (/^(?:[a-z]+:|\/\/|#)/i.test(link)) return undefined;
  const url = new URL(link, `http://site.test${base}${from}`);
  if (!url.pathname.startsWith(base)) return undefined;
  const path = decodeURIComponent(url.pathname.slice(base.length));
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
}

/** A script and the modules it imports statically, each counted once. */
async function scriptFiles(dist, base, entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = await readFile(join(dist, entry), 'utf8').catch(() => '');
  for (const m of code.matchAll(/\bimport\s*(?:[^'"()]*?\bfrom\s*)?["']([^"']+)["']/g)) {
    const target = resolve(base, entry, m[1]);
    if (target) await scriptFiles(dist, base, target, seen);
  }
  return seen;
}

/**
 * Per page: its HTML, the stylesheets it links, the woff2 fonts those declare (what a current
 * browser downloads; the woff fallbacks are for old ones) and its scripts, all gzip-compressed.
 */
export async function measureSite(dist, base = '/') {
  const files = await listFiles(dist);
  const pages = [];
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const html = await readFile(join(dist, file), 'utf8');
    const css = new Set();
    const fonts = new Set();
    const scripts = new Set();
    let inlineScript = 0;
    for (const m of html.matchAll(/<link\b[^>]*>/g)) {
      if (!/\brel="?stylesheet\b/.test(m[0])) continue;
      const target = resolve(base, file, /\bhref="?([^"\s>]+)/.exec(m[0])?.[1] ?? '');
      if (target) css.add(target);
    }
    for (const sheet of css) {
      const text = await readFile(join(dist, sheet), 'utf8').catch(() => '');
      for (const m of text.matchAll(/url\(\s*["']?([^"')]+\.woff2)["']?\s*\)/g)) {
        const target = resolve(base, sheet, m[1]);
        if (target) fonts.add(target);
      }
    }
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (/type="?application\/(?:ld\+)?json/.test(m[1])) continue;
      const src = /\bsrc="?([^"\s>]+)/.exec(m[1])?.[1];
      const target = src && resolve(base, file, src);
      if (target) for (const f of await scriptFiles(dist, base, target)) scripts.add(f);
      else inlineScript += gzipSync(m[2]).length;
    }
    const sum = async (set) => {
      let total = 0;
      for (const f of set) total += await gzipSize(join(dist, f)).catch(() => 0);
      return total;
    };
    const page = {
      page: pageName(file),
      html: await gzipSize(join(dist, file)),
      css: await sum(css),
      fonts: await sum(fonts),
      js: (await sum(scripts)) + inlineScript,
      scripts: [...scripts],
    };
    page.firstVisit = page.html + page.css + page.fonts + page.js;
    pages.push(page);
  }
  pages.sort((a, b) => a.page.localeCompare(b.page));
  let cssTotal = 0;
  for (const f of files.filter((f) => f.endsWith('.css'))) cssTotal += await gzipSize(join(dist, f));
  const pdfs = [];
  for (const f of files.filter((f) => f.endsWith('.pdf')))
    pdfs.push({ file: f, bytes: (await readFile(join(dist, f))).length });
  return { pages, cssTotal, pdfs };
}

const kb = (bytes) => `${(bytes / 1000).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} ko`;
/** "" → "/" (the home page) in messages. */
const label = (page) => `/${page}`;

/**
 * Whether a page (its path under the base, as pageName gives it) is one that budgets.config.json's
 * javascript.allowedOn lets load a script.
 *
 * @param {string[]} patterns
 * @param {string} page
 */
export function allowsScripts(patterns, page) {
  return patterns.some((pattern) =>
    new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]+')}$`).test(page),
  );
}

/** Every budget exceeded, as a sentence that says by how much and where to look. */
export function overBudget(report, budgets) {
  const problems = [];
  for (const p of report.pages) {
    if (p.html > budgets.htmlPerPage)
      problems.push(`${label(p.page)} : HTML ${kb(p.html)} (gzip), budget ${kb(budgets.htmlPerPage)} par page`);
    if (p.fonts > budgets.fontsPerPage)
      problems.push(
        `${label(p.page)} : polices ${kb(p.fonts)}, budget ${kb(budgets.fontsPerPage)} par page (une graisse ou un jeu de caractères de trop ?)`,
      );
    if (!allowsScripts(budgets.javascript.allowedOn, p.page)) {
      if (p.js > 0)
        problems.push(
          `${label(p.page)} : charge ${kb(p.js)} de JavaScript (${p.scripts.join(', ') || 'script en ligne'}) alors que cette page n’en a pas besoin (budgets.config.json, javascript.allowedOn)`,
        );
    } else if (p.js > budgets.javascript.perPage) {
      problems.push(`${label(p.page)} : JavaScript ${kb(p.js)} (gzip), budget ${kb(budgets.javascript.perPage)}`);
    }
  }
  if (report.cssTotal > budgets.cssTotal)
    problems.push(`CSS de tout le site : ${kb(report.cssTotal)} (gzip), budget ${kb(budgets.cssTotal)}`);
  const home = report.pages.find((p) => p.page === '');
  if (!home) problems.push('page d’accueil absente de dist/');
  else if (home.firstVisit > budgets.homeFirstVisit) {
    problems.push(
      `/ : première visite ${kb(home.firstVisit)} (HTML ${kb(home.html)} + CSS ${kb(home.css)} + polices ${kb(home.fonts)} + JS ${kb(home.js)}), budget ${kb(budgets.homeFirstVisit)}`,
    );
  }
  for (const pdf of report.pdfs)
    if (pdf.bytes > budgets.pdfPerFile)
      problems.push(`${pdf.file} : ${kb(pdf.bytes)}, budget ${kb(budgets.pdfPerFile)} par PDF`);
  return problems;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dist = 'dist', base = '/logement-social/'] = process.argv.slice(2);
  const budgets = await readBudgets();
  const report = await measureSite(dist, base);
  const heaviest = [...report.pages].sort((a, b) => b.html - a.html);
  const max = (key) => Math.max(...report.pages.map((p) => p[key]));
  console.log(`${report.pages.length} pages ; tailles gzip (niveau 6).`);
  console.log(
    `Accueil, première visite : ${kb(report.pages.find((p) => p.page === '')?.firstVisit ?? 0)} (budget ${kb(budgets.homeFirstVisit)})`,
  );
  console.log(
    `HTML le plus lourd : ${kb(heaviest[0]?.html ?? 0)} (${label(heaviest[0]?.page ?? '')}) ; médiane ${kb(heaviest[Math.floor(heaviest.length / 2)]?.html ?? 0)} (budget ${kb(budgets.htmlPerPage)} par page)`,
  );
  console.log(
    `CSS de tout le site : ${kb(report.cssTotal)} (budget ${kb(budgets.cssTotal)}) ; CSS d’une page au plus : ${kb(max('css'))}`,
  );
  console.log(`Polices d’une page au plus : ${kb(max('fonts'))} (budget ${kb(budgets.fontsPerPage)})`);
  const withJs = [...report.pages].filter((p) => p.js > 0).sort((a, b) => b.js - a.js);
  console.log(
    `Pages avec JavaScript : ${withJs.length}${withJs.length ? `, au plus ${kb(withJs[0].js)} (${label(withJs[0].page)})` : ''} ; budget ${kb(budgets.javascript.perPage)} sur ${budgets.javascript.allowedOn.join(', ')}, 0 ailleurs`,
  );
  console.log(
    `PDF : ${report.pdfs.length}${report.pdfs.length ? `, le plus lourd ${kb(Math.max(...report.pdfs.map((p) => p.bytes)))}` : ''} (budget ${kb(budgets.pdfPerFile)} par fichier)`,
  );
  const problems = overBudget(report, budgets);
  for (const problem of problems) console.error(`Budget dépassé : ${problem}`);
  process.exitCode = problems.length ? 1 : 0;
}
