/**
 * npm run dist:diff -- <before> <after> — what an upgrade changed in the built site, file by file.
 * The framework's own markup is normalised first: the scoping attributes (`data-astro-cid-…`, whose
 * hash changes with Astro's version) and the names of the hashed assets under `_astro/` (how Vite
 * groups the CSS into files), runs of white space (a run reads as one space) and the quoting of
 * attributes. A page's styles are compared as the rules it loads, in order, each side minified by
 * the same Lightning CSS (Vite's minifier changed with Vite 8), so a CSS change still shows. PDFs
 * are compared by their text (pdftotext) and page count. Differences that only move white space
 * next to a tag are counted apart: they rarely show, but a person should look at one of each.
 * Prints one line per difference; exit code 0 either way (a difference is for a person to explain).
 */
import './require-node.mjs';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { transform } from 'lightningcss';

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error('Usage : npm run dist:diff -- <dossier avant> <dossier après>');
  process.exit(2);
}

function files(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort();
}

const cid = /data-astro-cid-[a-z0-9]+/g;

/** The CSS a page loads, in order, with the scoping hashes normalised, one rule per line. */
function pageStyles(root: string, html: string): string[] {
  const rules: string[] = [];
  for (const [, href] of html.matchAll(/<link rel="?stylesheet"? href="?([^" >]+)"?/g)) {
    // The href carries the site's base (/logement-social/…): drop leading folders until a file matches.
    const parts = href!.split('/').filter(Boolean);
    const file = parts.map((_, i) => join(root, ...parts.slice(i))).find((path) => existsSync(path));
    if (!file) continue;
    const { code } = transform({ filename: file, code: readFileSync(file), minify: true });
    const css = code.toString().replace(cid, 'data-astro-cid').replace(/,\s+/g, ',');
    rules.push(
      ...css
        .split(/(?<=\})/)
        .map((rule) => rule.trim())
        .filter(Boolean),
    );
  }
  return rules;
}

function normaliseHtml(html: string): string {
  return html
    .replace(cid, 'data-astro-cid')
    .replace(/<link rel="?stylesheet"? href="?[^" >]+"?>/g, '')
    .replace(
      /\/_astro\/([\w-]+?)(?:\.astro_astro_type_script[\w-]*)?\.[\w-]{8}\.(js|css|woff2?|svg|png)/g,
      '/_astro/$1.$2',
    )
    .replaceAll('&#34;', '&quot;')
    .replaceAll('&#39;', '&#x27;')
    .replace(/\s+/g, ' ')
    .replace(/>( ?)</g, '>$1\n<');
}

/** The same, with white space next to a tag removed: what is left is a change of markup or words. */
const withoutEdgeSpaces = (lines: string[]) => lines.map((line) => line.replace(/ ?(<[^>]*>) ?/g, '$1').trim());

const blocks =
  'address|article|aside|blockquote|body|br|caption|dd|details|div|dl|dt|fieldset|figcaption|figure|footer|form|h[1-6]|head|header|hr|html|legend|li|main|nav|ol|option|p|section|select|summary|table|tbody|td|tfoot|th|thead|tr|ul';

/** The words a reader sees, one line per block: a space that moved next to an inline tag shows here. */
function visibleText(html: string): string[] {
  return html
    .replace(/<(head|script|style|template)\b[\s\S]*?<\/\1>/g, '\n')
    .replace(new RegExp(`</?(?:${blocks})\\b[^>]*>`, 'g'), '\n')
    .replace(/<[^>]*>/g, '')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function pdfText(path: string): string {
  const pages = /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1];
  return `${pages} pages\n${execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })}`;
}

function firstDifference(a: string[], b: string[]): string {
  const i = a.findIndex((line, index) => line !== b[index]);
  const at = i === -1 ? a.length : i;
  return `ligne ${at + 1} : « ${(a[at] ?? '(fin)').slice(0, 160)} » → « ${(b[at] ?? '(fin)').slice(0, 160)} »`;
}

const listBefore = files(before);
const listAfter = files(after);
// Hashed assets are compared through the pages that load them.
const compared = (file: string) => !file.startsWith('_astro/');
const setAfter = new Set(listAfter);
const setBefore = new Set(listBefore);
let differences = 0;
let spacesOnly = 0;
const report = (line: string) => {
  differences++;
  console.log(line);
};

for (const file of listBefore.filter(compared)) if (!setAfter.has(file)) report(`seulement avant : ${file}`);
for (const file of listAfter.filter(compared)) if (!setBefore.has(file)) report(`seulement après : ${file}`);

for (const file of listBefore.filter((f) => compared(f) && setAfter.has(f))) {
  const a = readFileSync(join(before, file));
  const b = readFileSync(join(after, file));
  if (a.equals(b)) continue;
  if (file.endsWith('.html')) {
    const [htmlA, htmlB] = [a.toString('utf8'), b.toString('utf8')];
    const linesA = normaliseHtml(htmlA).split('\n');
    const linesB = normaliseHtml(htmlB).split('\n');
    if (linesA.join('\n') !== linesB.join('\n')) {
      const edgesA = withoutEdgeSpaces(linesA);
      const edgesB = withoutEdgeSpaces(linesB);
      const textA = visibleText(htmlA);
      const textB = visibleText(htmlB);
      if (edgesA.join('\n') !== edgesB.join('\n')) report(`${file} : HTML, ${firstDifference(edgesA, edgesB)}`);
      else if (textA.join('\n') !== textB.join('\n')) report(`${file} : texte, ${firstDifference(textA, textB)}`);
      else spacesOnly++;
    }
    const stylesA = pageStyles(before, htmlA);
    const stylesB = pageStyles(after, htmlB);
    if (stylesA.join('\n') !== stylesB.join('\n')) {
      const same = [...stylesA].sort().join('\n') === [...stylesB].sort().join('\n');
      report(`${file} : CSS, ${same ? 'mêmes règles, autre ordre' : firstDifference(stylesA, stylesB)}`);
    }
  } else if (file.endsWith('.pdf')) {
    const textA = pdfText(join(before, file)).split('\n');
    const textB = pdfText(join(after, file)).split('\n');
    if (textA.join('\n') !== textB.join('\n')) report(`${file} : PDF, ${firstDifference(textA, textB)}`);
  } else {
    report(`${file} : octets différents (${a.length} → ${b.length})`);
  }
}

if (spacesOnly > 0) {
  console.log(
    `${spacesOnly} page(s) ne diffèrent que par des espaces qui ne se voient pas (entre deux blocs, en fin de ligne)`,
  );
}
const assets = (list: string[]) =>
  list.filter((f) => f.startsWith('_astro/')).map((f) => f.replace(/\.[\w-]{8}\.(\w+)$/, '.$1'));
console.log(
  `${differences} différence(s) ; ${listBefore.length} fichiers avant, ${listAfter.length} après ; ` +
    `fichiers hachés de _astro/ : ${assets(listBefore).length} avant, ${assets(listAfter).length} après`,
);
