import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { collectionSpecs, type CollectionName, type CollectionSpec } from './collections.ts';
import { closest, type ContentIssue, type PartialCatalog } from '../domain/issues.ts';
import { checkReferences, type ContentFiles } from '../domain/references.ts';
import { checklistWarnings } from '../domain/checklist.ts';
import {
  anchorsIn,
  buildRouteTable,
  checkLink,
  componentsIn,
  linksIn,
  pageIdClashes,
  type ContentIds,
} from '../domain/links.ts';
import { paths } from '../domain/urls.ts';
import type { Catalog } from '../domain/types.ts';
import { describeZodIssue, referenceHint } from './messages.ts';
import { mdxSyntaxIssue } from './mdx-syntax.ts';
import { bodyIssues, textIssues } from './text-check.ts';
import { leafletIssues } from './leaflet-check.ts';
import { missingGlyphs } from '../leaflet/fonts.ts';
import { wideWords } from '../leaflet/words.ts';
import { checkGeography, officialGeography } from '../domain/geography.ts';
import { epciGeography, officialData } from '../territory/official.ts';

/** A YAML document (a data file or an MDX front matter) with what is needed to point at a line. */
interface ParsedFile {
  file: string;
  data: unknown;
  /** The YAML text, parsed again with positions only when a problem needs its line (see locate). */
  yamlText: string;
  located?: { doc: Document; lineCounter: LineCounter };
  /** Lines before the YAML in the file (1 for a front matter, after the opening « --- »). */
  lineOffset: number;
  body?: string;
  /** Line of the file where the MDX body starts. */
  bodyLine?: number;
}

export interface LoadResult {
  /** The whole content, when it has no error (warnings allowed). */
  catalog?: Catalog;
  /** Errors: the build stops on any. */
  issues: ContentIssue[];
  /** Warnings: printed, the build goes on. */
  warnings: ContentIssue[];
  /** Body of each MDX file, by file path. */
  bodies: Map<string, string>;
}

/**
 * The `yaml` package keeps where every value is in the file, which js-yaml does not; it is slower,
 * so a file is parsed with it only when it has a problem whose line is needed.
 */
async function located(yamlText: string): Promise<{ doc: Document; lineCounter: LineCounter }> {
  const lineCounter = new LineCounter();
  return { doc: parseDocument(yamlText, { lineCounter, prettyErrors: false }), lineCounter };
}

async function lineOf(parsed: ParsedFile, path: readonly (string | number)[]): Promise<number> {
  parsed.located ??= await located(parsed.yamlText);
  const { doc, lineCounter } = parsed.located;
  let node: unknown = doc.contents;
  let offset: number | undefined = (node as { range?: number[] })?.range?.[0];
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown })?.value) === String(key));
      if (!pair) break;
      offset = (pair.key as { range?: number[] }).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      offset = (node as { range?: number[] })?.range?.[0] ?? offset;
    } else break;
  }
  return (offset === undefined ? 1 : lineCounter.linePos(offset).line) + parsed.lineOffset;
}

/** The YAML parser's error codes, in words an editor can act on. */
const yamlErrors: Record<string, { message: string; expected: string; hint?: string }> = {
  BLOCK_AS_IMPLICIT_KEY: {
    message: 'un texte contient « : » suivi d’une espace, ou une ligne est mal décalée',
    expected:
      'le texte entre guillemets (ex. « notes: "Ouvert le lundi : 9 h" »), et les champs d’un même bloc alignés',
  },
  MULTILINE_IMPLICIT_KEY: {
    message: 'ligne sans « : » entre le champ et sa valeur, ou mal décalée',
    expected: 'une ligne « champ: valeur », alignée sur les champs voisins',
  },
  DUPLICATE_KEY: {
    message: 'champ écrit deux fois dans le même bloc',
    expected: 'chaque champ une seule fois',
    hint: 'supprimez l’une des deux lignes',
  },
  TAB_AS_INDENT: {
    message: 'tabulation en début de ligne',
    expected: 'des espaces (deux par niveau), jamais de tabulation',
  },
  MISSING_CHAR: {
    message: 'guillemet, crochet ou tiret manquant',
    expected: 'chaque « " » et chaque « [ » refermés sur la même ligne, un « - » devant chaque élément de liste',
  },
  BAD_INDENT: {
    message: 'décalage (espaces en début de ligne) incorrect, ou crochet « [ » non refermé',
    expected: 'les mêmes espaces que les lignes voisines du même bloc',
  },
  BAD_SCALAR_START: {
    message: 'une valeur commence par un caractère réservé (@, `, %, | ou >)',
    expected: 'la valeur entre guillemets (ex. « email: "…" »)',
  },
  UNEXPECTED_TOKEN: {
    message: 'caractère inattendu, souvent une apostrophe droite dans un texte entre apostrophes',
    expected: 'le texte entre guillemets doubles « "…" », ou l’apostrophe typographique « ’ »',
  },
};

const keyLine = /^( *(?:- +)?)([A-Za-z][\w-]*) *:(.*)$/;

/**
 * The parser reports a key indented one space too far or too few on a line near it, often the
 * line above (« commune: carvin » then « ␣services: … » reads as one text « carvin services »).
 * The first key of the file whose indentation matches no sibling in its block is the misplaced one.
 */
function misplacedKey(
  lines: readonly string[],
  yamlLine: number,
): { line: number; key: string; words: { message: string; expected: string } } | undefined {
  const keys = lines.map((text) => keyLine.exec(text));
  for (let i = 0; i < Math.min(lines.length, yamlLine + 1); i++) {
    const own = keys[i];
    if (!own || own[1]!.includes('-')) continue;
    const column = own[1]!.length;
    let deeper: number | undefined;
    let expected: number | undefined;
    let sideNeighbour = '';
    for (let j = i - 1; j >= 0; j--) {
      const other = keys[j];
      if (!other) continue;
      const at = other[1]!.length;
      if (at === column) break;
      if (at > column) {
        deeper = Math.min(deeper ?? at, at);
        sideNeighbour = other[2]!;
        continue;
      }
      // A block opened just above (« address: » then its first field) takes any deeper indentation.
      if (deeper === undefined && other[3]!.trim() === '' && j === i - 1) break;
      expected = deeper ?? at;
      sideNeighbour = deeper === undefined ? other[2]! : sideNeighbour;
      break;
    }
    if (expected === undefined) continue;
    if (i + 1 < yamlLine - 1) return undefined;
    const shift = column - expected;
    const spaces = (n: number) => `${n} espace${n > 1 ? 's' : ''}`;
    return {
      line: i + 1,
      key: own[2]!,
      words: {
        message: `ligne décalée : « ${own[2]}: » commence ${spaces(Math.abs(shift))} plus à ${shift > 0 ? 'droite' : 'gauche'} que « ${sideNeighbour}: »`,
        expected: `« ${own[2]}: » aligné sur « ${sideNeighbour}: »${expected === 0 ? ', tout au début de la ligne' : `, avec ${spaces(expected)} en début de ligne`}`,
      },
    };
  }
  return undefined;
}

async function parseFile(root: string, path: string): Promise<ParsedFile | ContentIssue[]> {
  const file = relative(root, path).split(sep).join('/');
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  let yamlText = text;
  let lineOffset = 0;
  let body: string | undefined;
  let bodyLine: number | undefined;
  if (path.endsWith('.mdx')) {
    const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/.exec(text);
    if (!match) {
      return [
        {
          file,
          line: 1,
          field: 'en-tête',
          message: text.startsWith('---') ? 'en-tête (front matter) non fermé' : 'en-tête (front matter) absent',
          expected: 'un bloc de champs entre deux lignes « --- », tout au début du fichier',
        },
      ];
    }
    yamlText = match[1]!;
    body = match[2]!;
    lineOffset = 1;
    bodyLine = text.slice(0, text.length - body.length).split('\n').length;
  }
  // js-yaml 5 with its default schema (YAML 1.2's core schema, as Astro 7 reads frontmatter with the
  // `yaml` package: a date stays text, which the schemas check): the check sees what the build reads.
  let jsYamlError: { reason?: string; mark?: { line?: number } } | undefined;
  try {
    return { file, data: parseYaml(yamlText, { filename: file }) ?? null, yamlText, lineOffset, body, bodyLine };
  } catch (error) {
    jsYamlError = error as typeof jsYamlError;
  }
  // Not valid YAML: the `yaml` package's error codes and positions make the messages.
  const { doc, lineCounter } = await located(yamlText);
  const lines = yamlText.split('\n');
  const keyAt = (yamlLine: number) => /^\s*(?:-\s+)?([A-Za-z][\w-]*)\s*:/.exec(lines[yamlLine - 1] ?? '')?.[1];
  const unreadable = {
    message: 'le fichier ne se lit pas à cet endroit',
    expected: 'une ligne « champ: valeur » par champ',
  };
  if (doc.errors.length > 0) {
    const seen = new Set<number>();
    const issues: ContentIssue[] = [];
    for (const error of doc.errors) {
      const yamlLine = lineCounter.linePos(error.pos[0]).line;
      if (seen.has(yamlLine)) continue;
      seen.add(yamlLine);
      const shifted = ['BLOCK_AS_IMPLICIT_KEY', 'BAD_INDENT', 'MULTILINE_IMPLICIT_KEY'].includes(error.code)
        ? misplacedKey(lines, yamlLine)
        : undefined;
      if (shifted) {
        if (issues.some((issue) => issue.line === shifted.line + lineOffset)) continue;
        issues.push({ file, line: shifted.line + lineOffset, field: shifted.key, ...shifted.words });
        continue;
      }
      const words = yamlErrors[error.code] ?? unreadable;
      issues.push({ file, line: yamlLine + lineOffset, field: keyAt(yamlLine) ?? 'syntaxe YAML', ...words });
    }
    return issues;
  }
  // Read by the `yaml` package but not by js-yaml, so not by Astro either: a value that starts
  // with « ! » (a tag) or « * » (an alias), which the `yaml` package lets through.
  const yamlLine = (jsYamlError?.mark?.line ?? 0) + 1;
  const reason = jsYamlError?.reason ?? '';
  const words = /unknown (?:scalar )?tag/.test(reason)
    ? {
        message: 'une valeur commence par « ! », que YAML lit comme une étiquette',
        expected: 'la valeur entre guillemets (ex. « notes: "!…" »)',
      }
    : /alias/.test(reason)
      ? {
          message: 'une valeur commence par « * », que YAML lit comme un renvoi',
          expected: 'la valeur entre guillemets (ex. « notes: "*…" »)',
        }
      : unreadable;
  return [{ file, line: yamlLine + lineOffset, field: keyAt(yamlLine) ?? 'syntaxe YAML', ...words }];
}

function validate(parsed: ParsedFile, name: CollectionName, issues: ContentIssue[]): unknown {
  const schema = collectionSpecs[name].schema;
  const result = schema.safeParse(parsed.data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    for (const described of describeZodIssue(issue, parsed.data, schema)) {
      issues.push({ file: parsed.file, ...described });
    }
  }
  return undefined;
}

async function filesUnder(folder: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) out.push(...(await filesUnder(join(folder, entry.name), `${prefix}${entry.name}/`)));
    else out.push(`${prefix}${entry.name}`);
  }
  return out.sort();
}

/** Names of the components MDX may use, read from src/components/mdx.ts (the list the pages pass to MDX). */
async function mdxComponentNames(projectRoot: string): Promise<string[] | undefined> {
  const source = await readFile(join(projectRoot, 'src/components/mdx.ts'), 'utf8').catch(() => undefined);
  const list = source && /mdxComponents\s*=\s*\{([^}]*)\}/.exec(source)?.[1];
  return list
    ? list
        .split(',')
        .map((name) => name.trim().split(/\s*:/)[0]!)
        .filter(Boolean)
    : undefined;
}

interface MdxFile {
  parsed: ParsedFile;
  route: string;
}

async function checkMdx(
  mdxFiles: MdxFile[],
  ids: ContentIds,
  basePath: string,
  sourceRoot: string,
  emergencyIds: readonly string[],
): Promise<ContentIssue[]> {
  const issues: ContentIssue[] = [];
  const pageFiles = await filesUnder(join(sourceRoot, 'src/pages'));
  const publicFiles = await filesUnder(join(sourceRoot, 'public'));
  const routes = buildRouteTable(pageFiles, publicFiles, ids);
  const anchors = new Map(mdxFiles.map((m) => [m.route, anchorsIn(m.parsed.body!)]));
  const components = await mdxComponentNames(sourceRoot);

  for (const { parsed, route } of mdxFiles) {
    const body = parsed.body!;
    const lineAt = (offset: number) => parsed.bodyLine! + (body.slice(0, offset).match(/\n/g)?.length ?? 0);
    const syntax = await mdxSyntaxIssue(body);
    if (syntax) {
      issues.push({ file: parsed.file, ...syntax, line: parsed.bodyLine! + syntax.line - 1 });
      continue;
    }
    for (const link of linksIn(body)) {
      const problem = checkLink(link.target, {
        routes,
        basePath,
        anchors,
        ownAnchors: anchors.get(route) ?? new Set(),
      });
      if (problem) issues.push({ file: parsed.file, line: lineAt(link.offset), field: 'lien', ...problem });
    }
    // <EmergencyNumbers only={['samu-social']} />: the page would fail on a number the data file lacks.
    for (const match of body.matchAll(/<EmergencyNumbers\b[^>]*\bonly=\{\[([^\]]*)\]\}/g)) {
      for (const id of [...match[1]!.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]!)) {
        if (emergencyIds.includes(id)) continue;
        issues.push({
          file: parsed.file,
          line: lineAt(match.index),
          field: 'composant',
          message: `numéro d’urgence inconnu « ${id} » dans <EmergencyNumbers only={…}>`,
          expected: emergencyIds.length
            ? `l’un des numéros de content/data/emergency-numbers.yaml : ${emergencyIds.join(', ')}`
            : 'le fichier content/data/emergency-numbers.yaml, avec ce numéro',
        });
      }
    }
    if (!components) continue;
    const imported = [...body.matchAll(/^import\s+(\w+)/gm)].map((m) => m[1]!);
    for (const tag of componentsIn(body)) {
      if (components.includes(tag.target) || imported.includes(tag.target)) continue;
      const near = closest(tag.target, components);
      issues.push({
        file: parsed.file,
        line: lineAt(tag.offset),
        field: 'composant',
        message: `composant inconnu « <${tag.target}> »`,
        expected: `l’un des composants du site : ${components.map((c) => `<${c} />`).join(', ')}`,
        ...(near ? { hint: `vouliez-vous dire « <${near} /> » ?` } : {}),
      });
    }
  }
  return issues;
}

/**
 * Reads and validates every content file without Astro: the same schemas, plus the line of each
 * problem, plus the checks across files (references, links, the law's checklist). Used by
 * `npm run check`, the build (the `catalog` collection, src/content-loader/astro-loaders.ts), the content report and the tests.
 * Every problem is reported, not only the first.
 */
export interface LoadOptions {
  /** Where src/pages/, public/ and src/components/mdx.ts are read (the site's code); projectRoot by default. */
  sourceRoot?: string;
  /** The base the leaflets are checked with (their QR code's address): as astro.config.mjs reads it by default. */
  base?: string;
  /**
   * Lay every leaflet out to find what would stop it (leaflet-check.ts): on by default, for the build
   * and `npm run check`. Costs 10 to 20 ms a leaflet once warm; `astro dev` may leave it to the leaflet’s own page.
   */
  leaflets?: boolean;
}

export async function loadContent(
  contentDir: string,
  projectRoot = process.cwd(),
  options: LoadOptions = {},
): Promise<LoadResult> {
  const sourceRoot = options.sourceRoot ?? projectRoot;
  const all: ContentIssue[] = [];
  const bodies = new Map<string, string>();
  const out: PartialCatalog & Record<string, unknown> = {};
  const parsedFiles = new Map<string, ParsedFile>();
  const fileIds: Record<string, string[]> = {};
  const mdxFiles: MdxFile[] = [];
  const display = (path: string) => relative(projectRoot, path).split(sep).join('/');
  // The text policy (src/domain/text-policy.ts) on every value of every file, as it is parsed.
  const print = { missingGlyphs: await missingGlyphs(), wideWords: await wideWords() };
  const policy = (parsed: ParsedFile, name: CollectionName) => {
    all.push(...textIssues(parsed.file, name, parsed.data, print));
    if (parsed.body !== undefined) all.push(...bodyIssues(parsed.file, parsed.body, parsed.bodyLine!));
  };

  for (const [name, spec] of Object.entries(collectionSpecs) as [CollectionName, CollectionSpec][]) {
    if (spec.file) {
      const path = join(contentDir, spec.file);
      const parsed = await parseFile(projectRoot, path).catch((): ContentIssue[] | undefined =>
        spec.optional
          ? undefined
          : [
              {
                file: display(path),
                field: 'fichier',
                message: 'fichier introuvable',
                expected: `le fichier ${spec.file} dans le dossier de contenu`,
              },
            ],
      );
      if (parsed === undefined) {
        // An absent optional file takes the schema's defaults, when the schema has them for everything.
        const defaults = spec.schema.safeParse({});
        if (defaults.success) out[name] = defaults.data as never;
        continue;
      }
      if (Array.isArray(parsed)) all.push(...parsed);
      else {
        parsedFiles.set(parsed.file, parsed);
        policy(parsed, name);
        const data = validate(parsed, name, all);
        if (data !== undefined) out[name] = data as never;
      }
      continue;
    }
    const folder = join(contentDir, spec.folder!);
    const extension = spec.extension!;
    const names = (await readdir(folder).catch(() => [] as string[])).filter((n) => !n.startsWith('.')).sort();
    const entries: unknown[] = [];
    fileIds[name] = [];
    for (const fileName of names) {
      if (!fileName.endsWith(extension)) {
        const near = fileName.replace(/\.(?:yml|md|markdown|txt)$/, extension);
        const wrongExtension = near !== fileName;
        all.push({
          file: display(join(folder, fileName)),
          field: 'nom du fichier',
          severity: wrongExtension ? 'error' : 'warning',
          message: `fichier ignoré : seuls les fichiers ${extension} sont lus dans ce dossier`,
          expected: `un nom de fichier qui finit par ${extension}`,
          ...(wrongExtension ? { hint: `renommez-le « ${near} »` } : {}),
        });
        continue;
      }
      const id = fileName.slice(0, -extension.length);
      fileIds[name].push(id);
      const parsed = await parseFile(projectRoot, join(folder, fileName));
      if (Array.isArray(parsed)) {
        all.push(...parsed);
        continue;
      }
      parsedFiles.set(parsed.file, parsed);
      policy(parsed, name);
      if (parsed.body !== undefined) {
        bodies.set(parsed.file, parsed.body);
        mdxFiles.push({ parsed, route: name === 'topics' ? paths.topic(id) : paths.page(id) });
      }
      const data = validate(parsed, name, all);
      if (data) entries.push({ ...(data as object), id, file: parsed.file });
    }
    out[name] = entries as never;
  }

  const files: ContentFiles = {
    site: display(join(contentDir, collectionSpecs.site.file)),
    glossary: display(join(contentDir, collectionSpecs.glossary.file)),
    incomeCeilings: display(join(contentDir, collectionSpecs.incomeCeilings.file)),
    minimumInformation: display(join(contentDir, collectionSpecs.minimumInformation.file)),
    searchSynonyms: display(join(contentDir, collectionSpecs.searchSynonyms.file)),
    searchVocabulary: display(join(contentDir, collectionSpecs.searchVocabulary.file)),
    topicsFolder: `${display(join(contentDir, collectionSpecs.topics.folder))}/`,
    pagesFolder: `${display(join(contentDir, collectionSpecs.pages.folder))}/`,
    communesFolder: `${display(join(contentDir, collectionSpecs.communes.folder))}/`,
    organisationsFolder: `${display(join(contentDir, collectionSpecs.organisations.folder))}/`,
    accessibilityAudit: display(join(contentDir, collectionSpecs.accessibilityAudit.file)),
    topicIds: fileIds.topics ?? [],
    pageIds: fileIds.pages ?? [],
  };
  all.push(...checkReferences(out, files));
  // Only a territory that names its EPCI is compared with the official geography (test and synthetic trees have made-up communes).
  if (out.site?.territory.epci && out.communes) {
    const where = { site: files.site, communesFolder: files.communesFolder };
    // The EPCI's own extract first (kilobytes); the whole geography only to explain a problem.
    const quick = checkGeography(
      out.site,
      out.communes,
      epciGeography(out.site.territory.epci),
      officialGeography.year,
      where,
    );
    all.push(
      ...(quick.length === 0
        ? quick
        : checkGeography(out.site, out.communes, officialData(), officialGeography.year, where)),
    );
  }

  const ids: ContentIds = {
    communes: fileIds.communes ?? [],
    places: fileIds.places ?? [],
    topics: fileIds.topics ?? [],
    pages: fileIds.pages ?? [],
  };
  const emergencyIds = ((out.emergencyNumbers as { numbers?: { id: string }[] } | undefined)?.numbers ?? []).map(
    (n) => n.id,
  );
  all.push(...(await checkMdx(mdxFiles, ids, out.site?.basePath ?? '/', sourceRoot, emergencyIds)));
  const pageFiles = await filesUnder(join(sourceRoot, 'src/pages'));
  for (const clash of pageIdClashes(ids.pages, pageFiles)) {
    all.push({
      file: display(join(contentDir, collectionSpecs.pages.folder, `${clash}.mdx`)),
      line: 1,
      field: 'nom du fichier',
      message: `l’adresse « /${clash}/ » est déjà celle d’une page du site`,
      expected: 'un autre nom de fichier',
    });
  }
  if (out.topics && (out.topics as unknown[]).length === ids.topics.length) {
    all.push(
      ...checklistWarnings(
        { topics: out.topics, minimumInformation: out.minimumInformation },
        files.minimumInformation,
      ),
    );
  }

  // A badly written reference (« commune: Oignie ») fails the schema before the communes are known:
  // its suggestion is taken here, among the files that exist.
  const referenceIds: Record<string, string[] | undefined> = {
    commune: fileIds.communes,
    organisation: fileIds.organisations,
  };
  for (const issue of all) {
    const key = issue.path?.length === 1 ? String(issue.path[0]) : undefined;
    const ids = key ? referenceIds[key] : undefined;
    if (!ids || issue.hint) continue;
    const hint = referenceHint((parsedFiles.get(issue.file)?.data as Record<string, unknown> | undefined)?.[key!], ids);
    if (hint) issue.hint = hint;
  }
  // Only a catalog without errors can be laid out; what would stop a leaflet then stops the check too.
  if (options.leaflets !== false && all.every((issue) => issue.severity === 'warning')) {
    const base =
      options.base ?? process.env.SAI_BASE ?? (out.site as { basePath?: string } | undefined)?.basePath ?? '/';
    all.push(...(await leafletIssues(out as unknown as Catalog, [...parsedFiles.values()], files.site, base)));
  }

  for (const issue of all) {
    if (issue.line === undefined && issue.path) {
      const parsed = parsedFiles.get(issue.file);
      if (parsed) issue.line = await lineOf(parsed, issue.path);
    }
    delete issue.path;
  }
  all.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  const issues = all.filter((i) => i.severity !== 'warning');
  const warnings = all.filter((i) => i.severity === 'warning');
  for (const issue of issues) delete issue.severity;

  return issues.length > 0
    ? { issues, warnings, bodies }
    : { catalog: out as unknown as Catalog, issues, warnings, bodies };
}
