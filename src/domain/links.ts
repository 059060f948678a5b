import GithubSlugger from 'github-slugger';
import { closest, type ContentIssue } from './issues.ts';
import { toSlug } from './references.ts';
import { paths } from './urls.ts';

/**
 * Internal links written in MDX ("/infos/cotation/", `href="/lieux/caf-carvin/"`) checked against the
 * routes the build will produce. The routes are read from src/pages/ (so a page another branch adds
 * is known without touching this file) and from the content ids.
 */

export interface ContentIds {
  communes: readonly string[];
  places: readonly string[];
  topics: readonly string[];
  pages: readonly string[];
}

interface DynamicRoute {
  pattern: RegExp;
  /** Route prefix, e.g. "infos/", for suggestions. */
  prefix: string;
  /** Ids the route is built from, when the content decides them. */
  ids?: readonly string[];
  /** What the route shows, in French: "fiche", "lieu"… */
  kind?: string;
}

export interface RouteTable {
  /** Paths without the leading slash: "", "ou-s-adresser/", "donnees/lieux.json", "fonts/x.woff2". */
  known: Set<string>;
  dynamic: DynamicRoute[];
}

/** Which content list a dynamic route is built from, read from src/domain/urls.ts. */
function contentRoutes(ids: ContentIds): { prefix: string; ids: readonly string[]; kind: string }[] {
  const marker = '__id__';
  const prefixOf = (make: (id: string) => string) => make(marker).split(marker)[0]!;
  return [
    { prefix: prefixOf(paths.commune), ids: ids.communes, kind: 'commune' },
    { prefix: prefixOf(paths.place), ids: ids.places, kind: 'lieu' },
    { prefix: prefixOf(paths.topic), ids: ids.topics, kind: 'fiche' },
    { prefix: prefixOf(paths.page), ids: ids.pages, kind: 'page' },
  ];
}

const kindWords: Record<string, string> = {
  commune: 'une commune',
  lieu: 'un lieu',
  fiche: 'une fiche',
  page: 'une page',
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Routes from the files of src/pages/ (paths relative to it, "/" separators) and from public/.
 * `[slug]` segments take the content ids when the folder is one of urls.ts's, any slug otherwise.
 */
export function buildRouteTable(
  pageFiles: readonly string[],
  publicFiles: readonly string[],
  ids: ContentIds,
): RouteTable {
  const known = new Set<string>(publicFiles);
  const dynamic: DynamicRoute[] = [];
  const fromContent = contentRoutes(ids);
  // The paths the templates link to (urls.ts) count as routes too: the branch that adds a page
  // declares its path there, and the content may link to it before the page itself is merged.
  const contentMakers: unknown[] = [paths.commune, paths.place, paths.topic, paths.page];
  for (const value of Object.values(paths) as (string | ((...args: string[]) => string))[]) {
    if (typeof value === 'string') known.add(value);
    else if (!contentMakers.includes(value)) {
      const sample = value('__a__', '__b__', '__c__');
      dynamic.push({
        pattern: new RegExp(`^${escape(sample).replace(/__[abc]__/g, '[a-z0-9-]+')}$`),
        prefix: sample.split('__')[0]!,
      });
    }
  }
  for (const file of pageFiles) {
    const endpoint = /\.(?:ts|js)$/.test(file);
    let route = file.replace(/\.(?:astro|md|mdx|ts|js)$/, '');
    if (/(?:^|\/)_/.test(route) || route === '404' || route === '500') continue;
    if (!endpoint)
      route = route === 'index' ? '' : route.endsWith('/index') ? `${route.slice(0, -'index'.length)}` : `${route}/`;
    if (!route.includes('[')) {
      known.add(route);
      continue;
    }
    const prefix = route.slice(0, route.indexOf('['));
    const single = /^([^[]*)\[([a-z0-9_]+)\]\/$/i.exec(route);
    const content = single ? fromContent.find((c) => c.prefix === single[1]) : undefined;
    if (content) {
      for (const id of content.ids) known.add(`${content.prefix}${id}/`);
      dynamic.push({ pattern: new RegExp(`^${escape(prefix)}[^/]+/$`), prefix, ids: content.ids, kind: content.kind });
      continue;
    }
    const pattern = route
      .split(/(\[\.\.\.[^\]]+\]|\[[^\]]+\])/)
      .map((part) => (part.startsWith('[...') ? '.+' : part.startsWith('[') ? '[a-z0-9-]+' : escape(part)))
      .join('');
    dynamic.push({ pattern: new RegExp(`^${pattern}$`), prefix });
  }
  return { known, dynamic };
}

function routeExists(table: RouteTable, path: string): boolean {
  return table.known.has(path) || table.dynamic.some((d) => !d.ids && d.pattern.test(path));
}

export interface FoundLink {
  target: string;
  /** Offset of the target in the text. */
  offset: number;
}

/** Blanks code (fenced blocks, inline spans) so that examples of links are not taken as links. */
export function withoutCode(text: string): string {
  const blank = (match: string) => match.replace(/[^\n]/g, ' ');
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank).replace(/`[^`\n]+`/g, blank);
}

/** Every link target in an MDX body: Markdown links, reference definitions and `href` attributes. */
export function linksIn(body: string): FoundLink[] {
  const text = withoutCode(body);
  const found: FoundLink[] = [];
  const patterns = [
    /\]\(\s*<?([^)\s>]+)/g,
    /^ {0,3}\[[^\]\n]+\]:\s*<?([^\s>]+)/gm,
    /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})/g,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const target = match[1] ?? match[2] ?? match[3];
      if (target === undefined) continue;
      found.push({ target, offset: match.index! + match[0].lastIndexOf(target) });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Heading ids as Astro gives them (github-slugger over the heading's text), plus explicit ids. */
export function anchorsIn(body: string): Set<string> {
  const slugger = new GithubSlugger();
  const anchors = new Set<string>();
  const text = withoutCode(body);
  for (const match of text.matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const plain = match[1]!
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/[*_`]/g, '');
    anchors.add(slugger.slug(plain));
  }
  for (const match of text.matchAll(/\bid\s*=\s*["']([^"']+)["']/g)) anchors.add(match[1]!);
  return anchors;
}

/** Headings keep their accents in ids ("#où-déposer"): editors often type them without. */
function nearAnchor(hash: string, anchors: Set<string>): string | undefined {
  const list = [...anchors];
  return (
    list.find((a) => toSlug(a) === toSlug(hash)) ??
    closest(hash, list) ??
    list.find((a) => a.includes(hash) || hash.includes(a))
  );
}

export interface LinkContext {
  routes: RouteTable;
  /** The site's sub-path ("/logement-social/"): editors must not write it. */
  basePath: string;
  /** Anchors of each topic and page, by route ("infos/cotation/"). */
  anchors: Map<string, Set<string>>;
  /** Anchors of the file being checked. */
  ownAnchors: Set<string>;
}

/** Problems with one link, or nothing. `field` is filled by the caller. */
export function checkLink(target: string, context: LinkContext): Omit<ContentIssue, 'file' | 'field'> | undefined {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(target)) return undefined;
  const [beforeHash, hash] = target.split('#', 2) as [string, string | undefined];
  const pathPart = beforeHash.split('?')[0]!;
  if (pathPart === '') {
    if (hash && !context.ownAnchors.has(hash)) {
      const near = nearAnchor(hash, context.ownAnchors);
      return {
        severity: 'warning',
        message: `ancre « #${hash} » introuvable dans cette page`,
        expected: 'l’identifiant d’un titre de la page (titre en minuscules, mots séparés par des tirets)',
        ...(near ? { hint: `vouliez-vous dire « #${near} » ?` } : {}),
      };
    }
    return undefined;
  }
  if (!pathPart.startsWith('/')) {
    return {
      message: `lien relatif « ${target} »`,
      expected: 'un lien qui part de la racine du site, commençant par « / » (ex. « /infos/cotation/ »)',
      hint: `écrivez « /${pathPart.replace(/^(?:\.\.?\/)+/, '')}${hash ? `#${hash}` : ''} »`,
    };
  }
  const base = context.basePath.endsWith('/') ? context.basePath : `${context.basePath}/`;
  if (base !== '/' && (pathPart.startsWith(base) || `${pathPart}/` === base)) {
    const rest = pathPart.slice(base.length - 1) || '/';
    return {
      message: `le lien contient le sous-dossier du site « ${base} »`,
      expected: 'un lien sans le sous-dossier, que le site ajoute lui-même',
      hint: `écrivez « ${rest}${hash ? `#${hash}` : ''} »`,
    };
  }
  const path = decodeURI(pathPart.slice(1));
  if (!routeExists(context.routes, path)) {
    if (!path.endsWith('/') && routeExists(context.routes, `${path}/`)) {
      return {
        message: `lien sans barre oblique finale « ${target} »`,
        expected: 'un lien qui se termine par « / »',
        hint: `écrivez « /${path}/${hash ? `#${hash}` : ''} »`,
      };
    }
    const family = context.routes.dynamic.find((d) => d.ids && path.startsWith(d.prefix) && d.prefix !== '');
    const candidates = family
      ? family.ids!.map((id) => `${family.prefix}${id}/`)
      : [...context.routes.known].filter((r) => r === '' || r.endsWith('/'));
    const near = closest(path.endsWith('/') ? path : `${path}/`, candidates);
    return {
      message: `lien vers ${family ? kindWords[family.kind!] : 'une page'} qui n’existe pas « ${target} »`,
      expected: family
        ? `l’identifiant d’un fichier existant (« /${family.prefix}<nom du fichier sans .${family.kind === 'fiche' || family.kind === 'page' ? 'mdx' : 'yaml'}>/ »)`
        : 'le chemin d’une page du site (voir le plan du site)',
      ...(near ? { hint: `vouliez-vous dire « /${near} » ?` } : {}),
    };
  }
  if (hash) {
    const anchors = context.anchors.get(path);
    if (anchors && !anchors.has(hash)) {
      const near = nearAnchor(hash, anchors);
      return {
        severity: 'warning',
        message: `ancre « #${hash} » introuvable dans « /${path} »`,
        expected: 'l’identifiant d’un titre de la page visée (titre en minuscules, mots séparés par des tirets)',
        ...(near ? { hint: `vouliez-vous dire « #${near} » ?` } : {}),
      };
    }
  }
  return undefined;
}

/** Page ids that would take the place of another route ("recherche", "communes"…). */
export function pageIdClashes(pageIds: readonly string[], pageFiles: readonly string[]): string[] {
  const reserved = new Set(
    pageFiles
      .map((file) => file.split('/')[0]!.replace(/\.(?:astro|md|mdx|ts|js)$/, ''))
      .filter((name) => !name.startsWith('[') && name !== 'index'),
  );
  return pageIds.filter((id) => reserved.has(id));
}

/** Capitalised JSX tags an MDX body uses: they must be components the site provides. */
export function componentsIn(body: string): FoundLink[] {
  const text = withoutCode(body);
  return [...text.matchAll(/<([A-Z][A-Za-z0-9]*)/g)].map((m) => ({ target: m[1]!, offset: m.index! + 1 }));
}
