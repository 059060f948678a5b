/**
 * One policy for every text that reaches a page, a leaflet or an open-data file, whoever wrote it:
 * an editor (checked by `npm run check`, src/content-loader/text-check.ts) or the national directory
 * (`npm run import:annuaire`, src/directory-import/convert.ts, which leaves a failing value out).
 * Pure: the print font's coverage is handed in by the caller (src/leaflet/fonts.ts reads its cmap).
 *
 * Three families of characters:
 * - refused: C0/C1 control characters (a tab or a line break only where a text may hold several
 *   lines), the line and paragraph separators U+2028/U+2029 (they end a line in JavaScript but not
 *   in JSON), bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069: they
 *   show « 1 rue de la Paix » reversed, the trick that spoofs file names and source code), tag
 *   characters (U+E0000–U+E007F, invisible text a reader never sees but a program does), lone
 *   surrogates and the non-characters U+FFFE/U+FFFF;
 * - invisible: zero-width spaces and joiners, word joiner, soft hyphen (outside an MDX body, where
 *   it may mark a hyphenation point), left-to-right and right-to-left marks, variation selectors,
 *   Hangul fillers: reported to an editor (they make two equal-looking texts differ, e.g. for search
 *   and matching), removed from an imported value;
 * - unprintable on the leaflet: any character the print font has no glyph for, for the fields the
 *   leaflet prints (an empty box on paper, or a build that stops).
 */

/** The kinds of text field, each with its own maximum length. */
export type TextKind =
  'name' | 'addressLine' | 'city' | 'label' | 'note' | 'description' | 'url' | 'email' | 'text' | 'body';

/**
 * Maximum length per kind, in characters (code points). Each figure says why; none is a guess at
 * what "looks long": the leaflet's columns are about 45 characters wide at body size, and the
 * longest value of each kind in today's content is given for comparison.
 */
export const maxLengths: Record<TextKind, number> = {
  // Place, organisation and commune names, a town. Longest today: 84 (an organisation). France's
  // longest commune name is 45 characters; 120 is three lines of a leaflet column, and a commune's
  // leaflet must still fit its own places at its least detailed level.
  name: 120,
  // Street or complement. The postal standard (AFNOR NF Z10-011) caps an address line at 38
  // characters; the importer joins the directory's two complement lines with « , », so 2 × 38 + 2.
  addressLine: 80,
  // City: the longest commune name (45) plus « CEDEX 12 ».
  city: 60,
  // A phone's label (« Service logement »): one short line beside the number on the leaflet.
  label: 60,
  // One line of notes on the hours (the directory's `commentaire`: « 2e et 4e samedis, sur
  // rendez-vous »). Printed under the desk on the leaflet: 300 is about seven lines of a column.
  // The directory carried a 200 kB comment once; it made a 229 kB page.
  note: 300,
  // A paragraph on a page: a place's notes or accessibility, an organisation's role, a summary, a
  // definition. Longest today: 227 (a summary). 1000 is a long paragraph on a phone's screen.
  description: 1000,
  // A web address: under 2048, the sitemap protocol's limit (sitemaps.org), which search engines and
  // link checkers keep to. Longest today: 128.
  url: 2047,
  // An e-mail address: RFC 5321 caps a path at 256 octets, so an address at 254.
  email: 254,
  // Any other value of a YAML file. Longest today: 1149 (evidence in the accessibility audit).
  text: 5000,
  // An MDX body is the page itself: its length is the editor's choice; its characters are checked.
  body: Infinity,
};

/** Kinds whose text may hold several lines (a YAML block with « | » or « > »). */
const multiline = new Set<TextKind>(['note', 'description', 'text', 'body']);

export type TextProblemKind = 'control' | 'bidi' | 'invisible' | 'glyph' | 'width' | 'length';

export interface TextProblem {
  kind: TextProblemKind;
  /** In French: what is wrong, for the content check's message and the import's summary. */
  message: string;
  /** What to write instead. */
  expected: string;
  /** Errors are refused (an editor's file fails the check; an imported value is left out); invisible characters are only reported. */
  severity: 'error' | 'warning';
}

export const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Names an editor may look up, for the characters they may meet. */
const names: Record<number, string> = {
  0x00ad: 'trait d’union conditionnel',
  0x200b: 'espace de largeur nulle',
  0x200c: 'antiliant sans chasse',
  0x200d: 'liant sans chasse',
  0x200e: 'marque gauche-à-droite',
  0x200f: 'marque droite-à-gauche',
  0x2060: 'gluon de mots',
  0xfeff: 'espace insécable de largeur nulle (BOM)',
  0x202a: 'enchâssement gauche-à-droite',
  0x202b: 'enchâssement droite-à-gauche',
  0x202c: 'fin d’enchâssement',
  0x202d: 'forçage gauche-à-droite',
  0x202e: 'forçage droite-à-gauche',
  0x2066: 'isolat gauche-à-droite',
  0x2067: 'isolat droite-à-gauche',
  0x2068: 'isolat à direction déterminée',
  0x2069: 'fin d’isolat',
  0x2028: 'séparateur de ligne',
  0x2029: 'séparateur de paragraphe',
  0x09: 'tabulation',
  0x0a: 'saut de ligne',
};

function describeChar(char: string): string {
  const code = char.codePointAt(0)!;
  const name = names[code];
  const shown =
    code < 0x20 || (code >= 0x7f && code <= 0x9f) || isBidiControl(code) || isInvisible(code) || code >= 0xe0000
      ? ''
      : `« ${char} » `;
  return `${shown}(${codePoint(char)}${name ? `, ${name}` : ''})`;
}

const isBidiControl = (code: number) => (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);

function isControl(code: number, kind: TextKind): boolean {
  if (code === 0x0a || code === 0x09) return !multiline.has(kind);
  // A lone surrogate (an escape such as "\uD800" in YAML) is no character at all.
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0xfffe ||
    code === 0xffff
  );
}

const isTag = (code: number) => code >= 0xe0000 && code <= 0xe007f;

function isInvisible(code: number, kind?: TextKind): boolean {
  if (code === 0x00ad) return kind !== 'body';
  return (
    code === 0x034f ||
    code === 0x061c ||
    code === 0x115f ||
    code === 0x1160 ||
    code === 0x17b4 ||
    code === 0x17b5 ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2060 && code <= 0x2064) ||
    code === 0x3164 ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff ||
    code === 0xffa0 ||
    (code >= 0xe0100 && code <= 0xe01ef)
  );
}

/** The characters of a text (code points; a lone surrogate stays one unit). */
const charsOf = (value: string) => Array.from(value);

/** Up to three distinct characters, described, for a message. */
function listed(chars: string[]): string {
  const distinct = [...new Set(chars)];
  return (
    distinct.slice(0, 3).map(describeChar).join(', ') +
    (distinct.length > 3 ? ` et ${distinct.length - 3} autre(s)` : '')
  );
}

export interface PolicyOptions {
  /** The field is printed on the leaflet: its characters must be in the print font. */
  printed?: boolean;
  /** Characters of the text the print font has no glyph for (src/leaflet/fonts.ts, missingGlyphs). */
  missingGlyphs?: (text: string) => string[];
  /** Words of the text wider than the leaflet's narrowest line, at the field's size (src/leaflet/words.ts). */
  wideWords?: (text: string) => string[];
}

/**
 * Printable Latin text, French punctuation and combining accents, none of the characters above: most
 * values, read without looking at each character (the RGAA referential alone is 300 kB of text).
 */
const plain = /^[\x20-\x7e\u00a0-\u00ac\u00ae-\u033f\u2010-\u2027\u202f-\u205f\u20ac]*$/;
const plainLines = /^[\t\n\x20-\x7e\u00a0-\u00ac\u00ae-\u033f\u2010-\u2027\u202f-\u205f\u20ac]*$/;

/** What is wrong with one text of a given kind; empty when it passes. */
export function textProblems(value: string, kind: TextKind, options: PolicyOptions = {}): TextProblem[] {
  const problems: TextProblem[] = [];
  const isPlain = (multiline.has(kind) ? plainLines : plain).test(value);
  // A plain text has no character outside the BMP: its length in UTF-16 units is its length in characters.
  const chars = isPlain ? [] : charsOf(value);
  const length = isPlain ? value.length : chars.length;
  const control: string[] = [];
  const bidi: string[] = [];
  const invisible: string[] = [];
  for (const char of chars) {
    const code = char.codePointAt(0)!;
    if (isControl(code, kind) || isTag(code)) control.push(char);
    else if (isBidiControl(code)) bidi.push(char);
    else if (isInvisible(code, kind)) invisible.push(char);
  }
  if (control.length > 0) {
    problems.push({
      kind: 'control',
      severity: 'error',
      message: `caractère de contrôle interdit : ${listed(control)}`,
      expected: multiline.has(kind)
        ? 'du texte sans caractère de contrôle (seuls les sauts de ligne et les tabulations sont permis)'
        : 'du texte sur une seule ligne, sans caractère de contrôle',
    });
  }
  if (bidi.length > 0) {
    problems.push({
      kind: 'bidi',
      severity: 'error',
      message: `caractère qui inverse le sens d’écriture : ${listed(bidi)} ; le texte s’afficherait à l’envers`,
      expected:
        'le texte tel qu’il se lit, sans caractère de direction (souvent collé par erreur depuis un autre document)',
    });
  }
  if (invisible.length > 0) {
    problems.push({
      kind: 'invisible',
      severity: 'warning',
      message: `caractère invisible : ${listed(invisible)}`,
      expected: 'le texte sans ce caractère (retapez le mot, ou supprimez-le avec les flèches du clavier)',
    });
  }
  const max = maxLengths[kind];
  if (length > max) {
    problems.push({
      kind: 'length',
      severity: 'error',
      message: `texte trop long : ${length} caractères pour ${max} au plus`,
      expected: `${max} caractères au plus${kind === 'note' ? ' par ligne de précision' : ''} ; le détail peut aller sur une page du site`,
    });
  }
  if (options.printed && options.missingGlyphs) {
    const missing = options.missingGlyphs(value).filter((char) => !control.includes(char) && !bidi.includes(char));
    if (missing.length > 0) {
      problems.push({
        kind: 'glyph',
        severity: 'error',
        message: `caractère absent de la police de la plaquette : ${listed(missing)}`,
        expected:
          'des lettres, chiffres et signes de ponctuation du français, sans émoji ni symbole (la plaquette est imprimée avec Atkinson Hyperlegible Next)',
      });
    }
  }
  if (options.printed && options.wideWords) {
    const wide = options.wideWords(value);
    if (wide.length > 0) {
      problems.push({
        kind: 'width',
        severity: 'error',
        message: `mot trop long pour une ligne de la plaquette : « ${wide[0]!.length > 60 ? `${wide[0]!.slice(0, 60)}…` : wide[0]} »`,
        expected: 'des mots plus courts : la plaquette ne coupe jamais un mot (ajoutez une espace, ou abrégez)',
      });
    }
  }
  return problems;
}

/** The text without its invisible characters (an imported value: they carry nothing a reader sees). */
export function withoutInvisible(value: string, kind: TextKind): string {
  return charsOf(value)
    .filter((char) => !isInvisible(char.codePointAt(0)!, kind))
    .join('');
}

/**
 * An imported value under the policy: invisible characters removed (with a remark), the value left
 * out when anything else fails. `what` names the field in the remark (« adresse »).
 */
export function importedText(
  value: string,
  kind: TextKind,
  what: string,
  remarks: string[],
  options: PolicyOptions = {},
): string | undefined {
  const cleaned = withoutInvisible(value, kind);
  if (cleaned !== value)
    remarks.push(`${what} : ${listed(charsOf(value).filter((c) => isInvisible(c.codePointAt(0)!, kind)))} retiré(s)`);
  const refused = textProblems(cleaned, kind, options).filter((p) => p.severity === 'error');
  if (refused.length === 0) return cleaned.trim() === '' ? undefined : cleaned;
  remarks.push(`${what} non repris : ${refused.map((p) => p.message).join(' ; ')}`);
  return undefined;
}

/**
 * The last line of defence for files other programs read (open data, JSON-LD): a string that
 * somehow escaped the check loses its control, direction and invisible characters. The content
 * check refuses them first, so for checked content this changes nothing.
 */
export function exportSafe(value: string): string {
  let out = '';
  for (const char of charsOf(value)) {
    const code = char.codePointAt(0)!;
    if (code === 0x0a || code === 0x09) out += char;
    else if (isControl(code, 'text') || isTag(code) || isBidiControl(code) || isInvisible(code)) continue;
    else out += char;
  }
  return out;
}

/** A copy of a record for another program (JSON-LD, open data) with every string through exportSafe. */
export function exportSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return exportSafe(value) as T;
  if (Array.isArray(value)) return value.map(exportSafeDeep) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, exportSafeDeep(item)])) as T;
  }
  return value;
}
