import type {
  AuditPage,
  AutomatedEvidenceData,
  AutomatedFinding,
  AutomatedOutcome,
} from '../schemas/accessibility-audit.ts';

/**
 * Automated evidence for the RGAA audit: what axe-core (through its `RGAA-x.y.z` tags), the Nu HTML
 * checker and our own reading of the built HTML find on each sample page, per criterion. The tests
 * produce it on every run and compare it with the recorded files (content/accessibility-audit/
 * automated/*.json, written by `npm run audit:record`): a difference fails, so the declaration never
 * rests on evidence that no longer holds.
 *
 * A failure makes the criterion non-compliant on that page; a pass is only a clue (a check rarely
 * covers a whole test), never a verdict: the manual audit decides C.
 */

/** criterion id (« 8.3 ») → findings. */
export type PageEvidence = Record<string, AutomatedFinding[]>;

/** The built file of a sample page, or undefined for a document that is not HTML (the PDF). */
export function distFileOf(page: AuditPage): string | undefined {
  if (page.errorPage) return '404.html';
  if (!page.url.endsWith('/')) return undefined;
  return `${page.url.slice(1)}index.html`;
}

/** The sweep's test name for a sample page (tests/browser/pages.test.ts): its path below the base. */
export function sweepPathOf(page: AuditPage): string | undefined {
  const file = distFileOf(page);
  return file && file.replace(/(^|\/)index\.html$/, '$1');
}

function add(evidence: PageEvidence, finding: AutomatedFinding | undefined): void {
  if (!finding) return;
  const byCriterion = new Map<string, string[]>();
  for (const test of finding.tests) {
    const criterion = test.split('.').slice(0, 2).join('.');
    byCriterion.set(criterion, [...(byCriterion.get(criterion) ?? []), test]);
  }
  for (const [criterion, tests] of byCriterion) (evidence[criterion] ??= []).push({ ...finding, tests });
}

// ---------------------------------------------------------------------------------------------
// axe-core

export interface AxeRuleResult {
  rule: string;
  tags: string[];
  outcome: 'violations' | 'passes' | 'incomplete' | 'inapplicable';
  help: string;
  nodes: number;
}

const axeOutcomes: Record<AxeRuleResult['outcome'], AutomatedOutcome> = {
  violations: 'fail',
  passes: 'pass',
  incomplete: 'review',
  inapplicable: 'inapplicable',
};

/** axe's results of the `RGAAv4` rules on one page, per RGAA criterion. */
export function axeEvidence(results: readonly AxeRuleResult[]): PageEvidence {
  const evidence: PageEvidence = {};
  for (const result of results) {
    const tests = result.tags.filter((tag) => /^RGAA-\d+\.\d+\.\d+$/.test(tag)).map((tag) => tag.slice(5));
    // A rule with nothing to check on the page says nothing about it: not recorded.
    if (tests.length === 0 || result.outcome === 'inapplicable') continue;
    const outcome = axeOutcomes[result.outcome];
    add(evidence, {
      check: `axe:${result.rule}`,
      tests,
      outcome,
      ...(outcome === 'fail'
        ? { detail: `${result.help} (${result.nodes} élément${result.nodes > 1 ? 's' : ''})` }
        : {}),
    });
  }
  return sortEvidence(evidence);
}

// ---------------------------------------------------------------------------------------------
// Nu HTML checker

/** The Nu checker's verdict on one page: valid code for its doctype (8.1.2, 8.2.1). */
export function nuEvidence(errors: readonly string[]): PageEvidence {
  const evidence: PageEvidence = {};
  add(evidence, {
    check: 'nu:valid',
    tests: ['8.1.2', '8.2.1'],
    outcome: errors.length > 0 ? 'fail' : 'pass',
    ...(errors.length > 0
      ? { detail: `${errors.length} erreur${errors.length > 1 ? 's' : ''} du validateur, dont : ${errors[0]}` }
      : {}),
  });
  return evidence;
}

// ---------------------------------------------------------------------------------------------
// The built HTML, read without a browser

interface Tag {
  name: string;
  attributes: Map<string, string>;
  closing: boolean;
  /** Inside <svg> or <math>, where width, height and the like are not HTML's presentational attributes. */
  foreign: boolean;
  /** Inside a <label>. */
  inLabel: boolean;
}

/** The tags of an HTML document in order, without comments, scripts, styles and templates. */
export function tagsOf(html: string): Tag[] {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '<$1></$1>');
  const tags: Tag[] = [];
  let foreignDepth = 0;
  let labelDepth = 0;
  const tagPattern =
    /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*(\/?)>/g;
  for (const match of text.matchAll(tagPattern)) {
    const closing = match[1] === '/';
    const name = match[2]!.toLowerCase();
    const attributes = new Map<string, string>();
    for (const a of match[3]!.matchAll(/([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attributes.set(a[1]!.toLowerCase(), a[2] ?? a[3] ?? a[4] ?? '');
    }
    if (closing) {
      if ((name === 'svg' || name === 'math') && foreignDepth > 0) foreignDepth--;
      if (name === 'label' && labelDepth > 0) labelDepth--;
    }
    tags.push({
      name,
      attributes,
      closing,
      foreign: foreignDepth > 0 || name === 'svg' || name === 'math',
      inLabel: labelDepth > 0,
    });
    if (!closing && match[4] !== '/') {
      if (name === 'svg' || name === 'math') foreignDepth++;
      if (name === 'label') labelDepth++;
    }
  }
  return tags;
}

const presentationalElements = ['basefont', 'big', 'blink', 'center', 'font', 'marquee', 's', 'strike', 'tt'];
const presentationalAttributes = [
  'align',
  'alink',
  'background',
  'bgcolor',
  'border',
  'cellpadding',
  'cellspacing',
  'char',
  'charoff',
  'clear',
  'color',
  'compact',
  'frameborder',
  'hspace',
  'link',
  'marginheight',
  'marginwidth',
  'text',
  'valign',
  'vlink',
  'vspace',
  'size',
  'width',
  'height',
];
/** Where RGAA test 10.1.2 allows size, width and height. */
const presentationalExceptions: Record<string, string[]> = {
  size: ['select'],
  width: ['img', 'object', 'embed', 'canvas', 'svg'],
  height: ['img', 'object', 'embed', 'canvas', 'svg'],
};
const fieldElements = ['input', 'select', 'textarea'];
const notFields = ['hidden', 'submit', 'reset', 'button', 'image'];

function isField(tag: Tag): boolean {
  if (tag.closing || !fieldElements.includes(tag.name)) return false;
  return tag.name !== 'input' || !notFields.includes((tag.attributes.get('type') ?? 'text').toLowerCase());
}

function describeTag(tag: Tag): string {
  const id = tag.attributes.get('id');
  const name = tag.attributes.get('name');
  return `<${tag.name}${id ? ` id="${id}"` : name ? ` name="${name}"` : ''}>`;
}

function finding(check: string, tests: string[], problems: string[], applicable = true): AutomatedFinding | undefined {
  // Nothing to check on the page (no frame, no field): nothing recorded.
  if (!applicable) return undefined;
  if (problems.length === 0) return { check, tests, outcome: 'pass' };
  const shown = [...new Set(problems)];
  return {
    check,
    tests,
    outcome: 'fail',
    detail: `${shown.slice(0, 3).join(' ; ')}${shown.length > 3 ? ` ; et ${shown.length - 3} autre(s)` : ''}`,
  };
}

/**
 * What the built HTML of one page decides by itself: doctype (8.1.1, 8.1.3), default language
 * present and well formed (8.3.1, 8.4.1: the code's relevance is checked by hand), title present
 * (8.5.1), no presentational element or attribute (10.1.1, 10.1.2), frame titles (2.1.1), and form
 * fields with a label (11.1.1, 11.1.2).
 */
export function htmlEvidence(html: string): PageEvidence {
  const evidence: PageEvidence = {};
  const tags = tagsOf(html);
  const open = tags.filter((t) => !t.closing);

  const doctype =
    /^\s*<!doctype html>/i.test(html.replace(/^\uFEFF/, '')) && html.search(/<!doctype/i) < html.search(/<html[\s>]/i);
  add(
    evidence,
    finding('html:doctype', ['8.1.1', '8.1.3'], doctype ? [] : ['pas de « <!DOCTYPE html> » avant la balise <html>']),
  );

  const root = open.find((t) => t.name === 'html');
  const lang = root?.attributes.get('lang')?.trim() ?? root?.attributes.get('xml:lang')?.trim() ?? '';
  add(evidence, finding('html:lang', ['8.3.1'], lang ? [] : ['pas d’attribut lang sur la balise <html>']));
  if (lang)
    add(
      evidence,
      finding(
        'html:lang-code',
        ['8.4.1'],
        /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(lang) ? [] : [`code de langue mal formé « ${lang} »`],
      ),
    );

  const title = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1]?.trim() ?? '';
  add(evidence, finding('html:title', ['8.5.1'], title ? [] : ['pas de balise <title>, ou une balise <title> vide']));

  add(
    evidence,
    finding(
      'html:presentational-elements',
      ['10.1.1'],
      open.filter((t) => !t.foreign && presentationalElements.includes(t.name)).map((t) => `balise <${t.name}>`),
    ),
  );
  add(
    evidence,
    finding(
      'html:presentational-attributes',
      ['10.1.2'],
      open.flatMap((t) =>
        t.foreign
          ? []
          : [...t.attributes.keys()]
              .filter(
                (a) => presentationalAttributes.includes(a) && !(presentationalExceptions[a] ?? []).includes(t.name),
              )
              .map((a) => `attribut ${a} sur <${t.name}>`),
      ),
    ),
  );

  const frames = open.filter((t) => t.name === 'iframe' || t.name === 'frame');
  add(
    evidence,
    finding(
      'html:frame-title',
      ['2.1.1'],
      frames.filter((t) => !t.attributes.get('title')?.trim()).map(describeTag),
      frames.length > 0,
    ),
  );

  const ids = new Set(open.map((t) => t.attributes.get('id')).filter((id): id is string => !!id));
  const labelled = new Set(
    open.filter((t) => t.name === 'label' && t.attributes.get('for')).map((t) => t.attributes.get('for')!),
  );
  const fields = open.filter(isField);
  const unlabelled = fields.filter((field) => {
    const id = field.attributes.get('id');
    const labelledBy = field.attributes.get('aria-labelledby')?.trim();
    return !(
      (labelledBy && labelledBy.split(/\s+/).every((ref) => ids.has(ref))) ||
      field.attributes.get('aria-label')?.trim() ||
      (id && labelled.has(id)) ||
      field.attributes.get('title')?.trim()
    );
  });
  add(
    evidence,
    finding(
      'html:field-label',
      ['11.1.1'],
      unlabelled.map((f) => `champ sans étiquette ${describeTag(f)}`),
      fields.length > 0,
    ),
  );
  const fieldIds = new Set(fields.map((f) => f.attributes.get('id')).filter(Boolean));
  const labelsFor = open.filter((t) => t.name === 'label' && t.attributes.has('for'));
  add(
    evidence,
    finding(
      'html:label-for',
      ['11.1.2'],
      labelsFor
        .filter((l) => !fieldIds.has(l.attributes.get('for')))
        .map((l) => `<label for="${l.attributes.get('for')}"> ne désigne aucun champ`),
      labelsFor.length > 0,
    ),
  );
  return sortEvidence(evidence);
}

// ---------------------------------------------------------------------------------------------
// The recorded file

const byNumbers = (a: string, b: string) => {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++)
    if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
};

function sortEvidence(evidence: PageEvidence): PageEvidence {
  return Object.fromEntries(
    Object.keys(evidence)
      .sort(byNumbers)
      .map((criterion) => [
        criterion,
        evidence[criterion]!.map((f) => ({ ...f, tests: [...new Set(f.tests)].sort(byNumbers) })).sort((a, b) =>
          a.check.localeCompare(b.check),
        ),
      ]),
  );
}

/** One recorded file: pages in id order, criteria in number order, findings by check. */
export function evidenceFile(
  referential: string,
  tool: string,
  pages: Record<string, PageEvidence>,
): AutomatedEvidenceData {
  return {
    referential,
    tool,
    pages: Object.fromEntries(
      Object.keys(pages)
        .sort()
        .map((id) => [id, sortEvidence(pages[id]!)]),
    ),
  };
}

/** Stable text: keys in a fixed order, two-space indentation, a final newline. */
export function serializeEvidence(data: AutomatedEvidenceData): string {
  const ordered = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(ordered);
    if (value && typeof value === 'object') {
      const order = ['referential', 'tool', 'pages', 'check', 'tests', 'outcome', 'detail'];
      const keys = Object.keys(value).sort((a, b) => {
        const [ia, ib] = [order.indexOf(a), order.indexOf(b)];
        return ia >= 0 && ib >= 0 ? ia - ib : ia >= 0 ? -1 : ib >= 0 ? 1 : 0;
      });
      return Object.fromEntries(keys.map((k) => [k, ordered((value as Record<string, unknown>)[k])]));
    }
    return value;
  };
  return `${JSON.stringify(ordered(data), null, 2)}\n`;
}

const describeFinding = (f: AutomatedFinding) =>
  `${f.check} (${f.tests.join(', ')}) : ${f.outcome}${f.detail ? ` — ${f.detail}` : ''}`;

/**
 * What a fresh run found that the recorded file does not say, or the reverse, for the given pages
 * (by default every page of either). Empty when they agree.
 */
export function evidenceDifferences(
  recorded: AutomatedEvidenceData | undefined,
  fresh: AutomatedEvidenceData,
  pageIds?: readonly string[],
): string[] {
  const differences: string[] = [];
  if (recorded && recorded.tool !== fresh.tool)
    differences.push(`outil : enregistré « ${recorded.tool} », obtenu « ${fresh.tool} »`);
  const ids = pageIds ?? [...new Set([...Object.keys(recorded?.pages ?? {}), ...Object.keys(fresh.pages)])].sort();
  for (const id of ids) {
    const before = recorded?.pages[id];
    const now = fresh.pages[id];
    if (!before || !now) {
      differences.push(
        `page ${id} : ${before ? 'enregistrée mais absente du nouveau relevé' : 'absente du fichier enregistré'}`,
      );
      continue;
    }
    for (const criterion of [...new Set([...Object.keys(before), ...Object.keys(now)])].sort(byNumbers)) {
      const was = new Set((before[criterion] ?? []).map(describeFinding));
      const is = new Set((now[criterion] ?? []).map(describeFinding));
      for (const line of was)
        if (!is.has(line)) differences.push(`page ${id}, critère ${criterion} : enregistré « ${line} », plus trouvé`);
      for (const line of is)
        if (!was.has(line)) differences.push(`page ${id}, critère ${criterion} : nouveau « ${line} »`);
    }
  }
  return differences;
}

/** The message a developer reads when the recorded evidence no longer holds. */
export function evidenceMismatchMessage(file: string, differences: readonly string[]): string {
  return [
    `Les preuves automatiques de l’audit RGAA ne correspondent plus à ${file} (${differences.length} différence${differences.length > 1 ? 's' : ''}) :`,
    ...differences.slice(0, 30).map((d) => `  - ${d}`),
    ...(differences.length > 30 ? [`  … et ${differences.length - 30} autre(s)`] : []),
    'Lancez « npm run audit:record », relisez le diff du fichier (un échec rend le critère non conforme sur la page), puis validez-le avec votre modification.',
  ].join('\n');
}
