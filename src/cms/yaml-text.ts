import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  Scalar,
  type Node,
  type Pair,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml';

/**
 * Files as an editor would write them. The forms hand back whole values; writing them with a YAML
 * serialiser would drop the comments, reorder keys and change quotes and flow lists ([a, b]) on
 * every save. Here the file's own text is parsed into a document and only the values that changed
 * are written back into it, so that changing a phone is a one-line diff.
 */

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === '' ||
  (Array.isArray(value) && value.length === 0) ||
  (isPlainObject(value) && Object.values(value).every(isEmpty));

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value a node holds, in plain JavaScript (as the forms see it). */
function plainOf(node: unknown): unknown {
  return isScalar(node) || isMap(node) || isSeq(node) ? (node as Node).toJSON() : node;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A value the file did not have, written the way the content is written: lists of words on one
 * line ([lundi, mardi]), and figures that are text (hours, phones, postcodes) between quotes.
 */
function created(doc: Document, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  visit(node, {
    Seq: (_key, seq) => {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
    Scalar: (_key, scalar) => {
      if (typeof scalar.value === 'string' && /^[0-9+][0-9 :.+-]*$/.test(scalar.value))
        scalar.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return node;
}

/** A scalar whose value changed keeps its quotes when it stays a string; a number is never quoted. */
function updateScalar(doc: Document, node: Node, value: unknown): Node {
  if (isScalar(node) && (value === null || ['string', 'number', 'boolean'].includes(typeof value))) {
    const wasString = typeof node.value === 'string';
    node.value = value;
    if (typeof value !== 'string' || !wasString) node.type = undefined;
    return node;
  }
  return created(doc, value);
}

function updateNode(doc: Document, node: unknown, value: unknown): unknown {
  if (sameValue(plainOf(node), value)) return node;
  if (isMap(node) && isPlainObject(value)) {
    updateMap(doc, node, value);
    return node;
  }
  if (isSeq(node) && Array.isArray(value)) {
    updateSeq(doc, node, value);
    return node;
  }
  if (isScalar(node)) return updateScalar(doc, node, value);
  return created(doc, value);
}

function updateMap(doc: Document, map: YAMLMap, value: Record<string, unknown>): void {
  const keyOf = (pair: Pair) => String(isScalar(pair.key) ? pair.key.value : pair.key);
  // Gone from the form's data (an emptied optional field, see normalize.ts): the key goes.
  map.items = map.items.filter((pair) => value[keyOf(pair)] !== undefined);
  for (const pair of map.items) {
    const key = keyOf(pair);
    pair.value = updateNode(doc, pair.value, value[key]);
  }
  // New keys, in the form's order, placed after the key that precedes them there.
  const keys = Object.keys(value);
  keys.forEach((key, index) => {
    if (map.items.some((pair) => keyOf(pair) === key) || isEmpty(value[key]) || value[key] === null) return;
    const pair = doc.createPair(key, null) as Pair;
    pair.value = created(doc, value[key]);
    const before = keys
      .slice(0, index)
      .reverse()
      .find((k) => map.items.some((p) => keyOf(p) === k));
    const at = before === undefined ? 0 : map.items.findIndex((p) => keyOf(p) === before) + 1;
    map.items.splice(at, 0, pair);
  });
}

function updateSeq(doc: Document, seq: YAMLSeq, value: unknown[]): void {
  const items = seq.items.slice(0, value.length).map((item, i) => updateNode(doc, item, value[i]));
  for (let i = seq.items.length; i < value.length; i++) items.push(created(doc, value[i]));
  seq.items = items;
}

/** The data of a YAML file, as the forms read it. */
export function parseYamlText(text: string): Record<string, unknown> {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) throw new Error(doc.errors[0]!.message);
  const data = doc.toJSON() as unknown;
  return isPlainObject(data) ? data : {};
}

/** The file's text with the form's values written in; a key absent from the values is removed. */
export function updateYamlText(original: string, value: Record<string, unknown>): string {
  const doc = parseDocument(original);
  if (!isMap(doc.contents)) return newYamlText(value);
  const baseline = doc.toString(printOptions);
  updateMap(doc, doc.contents, value);
  return keepUnchangedLines(original, baseline, doc.toString(printOptions));
}

const printOptions = { lineWidth: 0, flowCollectionPadding: false } as const;

/**
 * The library prints some things its own way even when they did not change (a comment after a
 * nested block is indented under it, two spaces before a comment become one). When the untouched
 * document prints with the same number of lines as the file, the lines the change did not touch
 * are taken from the file itself: only the changed lines differ.
 */
function keepUnchangedLines(original: string, baseline: string, changed: string): string {
  if (baseline === original) return changed;
  const file = original.split('\n');
  const before = baseline.split('\n');
  if (file.length !== before.length) return changed;
  const after = changed.split('\n');
  // Longest common subsequence of the printed lines before and after the change.
  const n = before.length;
  const m = after.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] = before[i] === after[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const lines: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      lines.push(file[i]!);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) lines.push(after[j++]!);
    else i++;
  }
  return lines.join('\n');
}

/** A new file (an entry created in the forms): keys in the form's order, no line folding. */
export function newYamlText(value: Record<string, unknown>): string {
  const clean = JSON.parse(JSON.stringify(value, (_key, v: unknown) => (isEmpty(v) ? undefined : v))) as Plain;
  const doc = new Document();
  doc.contents = created(doc, clean);
  return doc.toString(printOptions);
}

const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/;

/** An MDX file: its front matter as data, and its body (everything after the closing ---) as text. */
export function parseMdxText(text: string): { data: Record<string, unknown>; body: string } {
  const match = frontMatter.exec(text);
  if (!match) return { data: {}, body: text };
  return { data: parseYamlText(match[1]!), body: text.slice(match[0].length) };
}

/** The MDX file with its front matter updated in place and the body written back as it is. */
export function updateMdxText(original: string | undefined, data: Record<string, unknown>, body: string): string {
  const match = original === undefined ? null : frontMatter.exec(original);
  const yaml = match ? updateYamlText(match[1]!, data) : newYamlText(data);
  return `---\n${yaml.replace(/\n$/, '')}\n---${match?.[2] ?? '\n'}${body}`;
}
