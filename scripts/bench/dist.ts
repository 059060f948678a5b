import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

/** What a build wrote, measured from its output folder. */
export interface DistReport {
  files: number;
  totalBytes: number;
  htmlPages: number;
  htmlBytes: number;
  /** HTML pages by first path segment ("communes", "lieux", "infos", "(racine)"…). */
  pagesBySection: Record<string, number>;
  /** HTML bytes by section, to see which pages grow with the size of the territory. */
  bytesBySection: Record<string, number>;
  largestPage?: { path: string; bytes: number };
  pdf: { count: number; totalBytes: number; maxBytes: number; largest?: string };
  search?: SearchReport;
  /** A first visit of the home page: the HTML and everything it makes the browser fetch. */
  home: PageWeight;
  /** Same for the search page, when there is one. */
  searchPage?: PageWeight;
  js: {
    /** HTML pages that load or contain executable JavaScript (JSON-LD does not count). */
    pagesWithScript: number;
    /** Sections of those pages, with how many in each. */
    sections: Record<string, number>;
    /** Those pages (paths in dist/, the first 50). */
    pages: string[];
    /** Total size of the .js/.mjs files the site serves (pagefind's included). */
    jsFilesBytes: number;
  };
}

export interface Transfer {
  url: string;
  /** Bytes on the wire: gzip (level 6) for text, raw for already-compressed formats. */
  bytes: number;
}

export interface PageWeight {
  page: string;
  bytes: number;
  requests: Transfer[];
}

export interface SearchReport {
  files: number;
  bytes: number;
  firstSearch?: { query: string; results: number; bytes: number; requests: Transfer[]; error?: string };
}

const textTypes = /\.(?:html?|css|m?js|json|svg|xml|txt|csv|webmanifest)$/i;

async function* walk(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

/** Bytes a server would send: gzip for text (what any static host does), raw for the rest. */
export async function transferBytes(file: string): Promise<number> {
  const bytes = await readFile(file);
  return textTypes.test(file) ? gzipSync(bytes, { level: 6 }).length : bytes.length;
}

function sectionOf(relPath: string): string {
  const parts = relPath.split(sep);
  return parts.length > 2 ? parts[0]! : '(racine)';
}

/** Removes the site's base from a root-relative URL and gives the file it names in dist/. */
function fileFor(dist: string, base: string, url: string): string | undefined {
  const clean = url.replace(/[?#].*$/, '');
  if (/^[a-z]+:|^\/\//i.test(clean)) return undefined;
  if (!clean.startsWith(base)) return undefined;
  let path = clean.slice(base.length);
  if (path === '' || path.endsWith('/')) path += 'index.html';
  const file = join(dist, decodeURIComponent(path));
  return existsSync(file) ? file : undefined;
}

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of tag.matchAll(/([a-zA-Z-:]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    out[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return out;
}

/** Executable scripts of a page: <script> without a data type such as application/ld+json. */
function executableScripts(html: string): Record<string, string>[] {
  return [...html.matchAll(/<script\b([^>]*)>/gi)]
    .map((match) => attributes(match[1]!))
    .filter((attrs) => !attrs.type || /^(?:module|text\/javascript|application\/javascript)$/i.test(attrs.type));
}

/** Characters a page shows, to know which @font-face unicode ranges the browser will fetch. */
function visibleCodePoints(html: string): Set<number> {
  const body = html.replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '');
  const text = body
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, '\u00a0')
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)));
  return new Set([...text].map((c) => c.codePointAt(0)!));
}

function inUnicodeRange(range: string | undefined, points: Set<number>): boolean {
  if (!range) return true;
  const spans = range.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    if (from!.includes('?'))
      return [parseInt(from!.replace(/\?/g, '0'), 16), parseInt(from!.replace(/\?/g, 'F'), 16)] as const;
    return [parseInt(from!, 16), parseInt(to ?? from!, 16)] as const;
  });
  for (const point of points) if (spans.some(([a, b]) => point >= a && point <= b)) return true;
  return false;
}

/**
 * The bytes of a first visit: the page, its stylesheets (and their @import), scripts, icon and
 * images, and the web fonts it uses. A font face counts when its unicode-range covers a character of
 * the page; the first source of its src list is taken (woff2 comes first). Weights and styles are
 * not matched: every declared face whose range matches counts, which can only overstate.
 */
export async function pageWeight(dist: string, base: string, page: string): Promise<PageWeight | undefined> {
  const pageFile = fileFor(dist, base, page);
  if (!pageFile) return undefined;
  const html = await readFile(pageFile, 'utf8');
  const points = visibleCodePoints(html);
  const requests: Transfer[] = [{ url: page, bytes: await transferBytes(pageFile) }];
  const seen = new Set<string>([page]);
  const add = async (url: string) => {
    if (seen.has(url)) return undefined;
    seen.add(url);
    const file = fileFor(dist, base, url);
    if (!file) return undefined;
    requests.push({ url, bytes: await transferBytes(file) });
    return file;
  };

  const stylesheets: string[] = [];
  for (const match of html.matchAll(/<link\b([^>]*)>/gi)) {
    const attrs = attributes(match[1]!);
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    if (!attrs.href) continue;
    if (rel.includes('stylesheet')) stylesheets.push(attrs.href);
    else if (
      rel.includes('icon') ||
      rel.includes('preload') ||
      rel.includes('modulepreload') ||
      rel.includes('manifest')
    )
      await add(attrs.href);
  }
  for (const attrs of executableScripts(html)) if (attrs.src) await add(attrs.src);
  for (const match of html.matchAll(/<img\b([^>]*)>/gi)) {
    const src = attributes(match[1]!).src;
    if (src) await add(src);
  }

  while (stylesheets.length > 0) {
    const href = stylesheets.shift()!;
    const file = await add(href);
    if (!file) continue;
    const css = await readFile(file, 'utf8');
    for (const match of css.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/g))
      stylesheets.push(new URL(match[1]!, `http://x${href}`).pathname);
    for (const face of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
      const block = face[1]!;
      const range = /unicode-range:\s*([^;]+)/.exec(block)?.[1];
      const firstUrl = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(block)?.[1];
      if (firstUrl && inUnicodeRange(range, points)) await add(new URL(firstUrl, `http://x${href}`).pathname);
    }
  }
  return { page, bytes: requests.reduce((sum, r) => sum + r.bytes, 0), requests };
}

/**
 * Loads the built pagefind.js in Node, with a fetch that reads dist/ and counts bytes, runs one
 * query and opens the first five results (what a result page shows). In a browser Pagefind also
 * fetches pagefind-worker.js (it searches in a Web Worker); Node has no Worker, so that file is
 * added to the count by hand. Pagefind's own files (.pf_*, wasm) are already gzip-compressed.
 */
export async function firstSearch(pagefindDir: string, query: string): Promise<SearchReport['firstSearch']> {
  const requests: Transfer[] = [];
  const realFetch = globalThis.fetch;
  const toPath = (input: unknown) => {
    const url = input instanceof Request ? input.url : String(input);
    return url.replace(/^file:\/\//, '').replace(/[?#].*$/, '');
  };
  globalThis.fetch = (async (input: unknown) => {
    const path = toPath(input);
    const bytes = await readFile(path);
    requests.push({ url: relative(pagefindDir, path), bytes: await transferBytes(path) });
    return new Response(bytes, { status: 200 });
  }) as typeof fetch;
  try {
    const script = join(pagefindDir, 'pagefind.js');
    requests.push({ url: 'pagefind.js', bytes: await transferBytes(script) });
    const worker = join(pagefindDir, 'pagefind-worker.js');
    if (existsSync(worker)) requests.push({ url: 'pagefind-worker.js', bytes: await transferBytes(worker) });
    // A fresh module instance each time: Pagefind keeps its state in the module.
    const pagefind = await import(`${pathToFileURL(script).href}?bench=${Date.now()}-${Math.random()}`);
    await pagefind.options({ basePath: `${pagefindDir}/` });
    const search = await pagefind.search(query);
    const results = (search?.results ?? []) as { data: () => Promise<unknown> }[];
    await Promise.all(results.slice(0, 5).map((r) => r.data()));
    await pagefind.destroy?.();
    return { query, results: results.length, bytes: requests.reduce((sum, r) => sum + r.bytes, 0), requests };
  } catch (error) {
    return { query, results: 0, bytes: requests.reduce((sum, r) => sum + r.bytes, 0), requests, error: String(error) };
  } finally {
    globalThis.fetch = realFetch;
  }
}

export async function analyseDist(dist: string, base: string, query = 'logement'): Promise<DistReport> {
  const report: DistReport = {
    files: 0,
    totalBytes: 0,
    htmlPages: 0,
    htmlBytes: 0,
    pagesBySection: {},
    bytesBySection: {},
    pdf: { count: 0, totalBytes: 0, maxBytes: 0 },
    home: { page: base, bytes: 0, requests: [] },
    js: { pagesWithScript: 0, sections: {}, pages: [], jsFilesBytes: 0 },
  };
  let searchFiles = 0;
  let searchBytes = 0;
  for await (const file of walk(dist)) {
    const rel = relative(dist, file);
    const { size } = await stat(file);
    report.files++;
    report.totalBytes += size;
    if (rel.startsWith(`pagefind${sep}`)) {
      searchFiles++;
      searchBytes += size;
    }
    if (/\.m?js$/.test(rel)) report.js.jsFilesBytes += size;
    if (rel.endsWith('.pdf')) {
      report.pdf.count++;
      report.pdf.totalBytes += size;
      if (size > report.pdf.maxBytes) [report.pdf.maxBytes, report.pdf.largest] = [size, rel];
    }
    if (rel.endsWith('.html')) {
      report.htmlPages++;
      report.htmlBytes += size;
      const section = sectionOf(rel);
      report.pagesBySection[section] = (report.pagesBySection[section] ?? 0) + 1;
      report.bytesBySection[section] = (report.bytesBySection[section] ?? 0) + size;
      if (size > (report.largestPage?.bytes ?? 0)) report.largestPage = { path: rel, bytes: size };
      if (executableScripts(await readFile(file, 'utf8')).length > 0) {
        report.js.pagesWithScript++;
        report.js.sections[section] = (report.js.sections[section] ?? 0) + 1;
        if (report.js.pages.length < 50) report.js.pages.push(rel.split(sep).join('/'));
      }
    }
  }
  report.home = (await pageWeight(dist, base, base)) ?? report.home;
  report.searchPage = await pageWeight(dist, base, `${base}recherche/`);
  const pagefindDir = join(dist, 'pagefind');
  if (existsSync(join(pagefindDir, 'pagefind.js'))) {
    report.search = { files: searchFiles, bytes: searchBytes, firstSearch: await firstSearch(pagefindDir, query) };
  }
  return report;
}
