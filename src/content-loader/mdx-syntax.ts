import { createProcessor } from '@mdx-js/mdx';
import type { ContentIssue } from '../domain/issues.ts';

/**
 * MDX gives « < » and « { » a meaning: a stray one breaks the page, and the compiler's English
 * message does not help an editor. This compiles the body (as the build will) and says in French
 * what to change, with the line.
 */

interface MdxError {
  line?: number;
  place?: { line?: number; start?: { line?: number } };
  reason?: string;
  ruleId?: string;
  message?: string;
}

function explain(reason: string, ruleId: string | undefined): Pick<ContentIssue, 'message' | 'expected'> {
  const tag = /`<\/?([^>`]*)>`/.exec(reason)?.[1];
  if (/^Expected a closing tag/.test(reason)) {
    return {
      message: `balise « <${tag}> » jamais fermée`,
      expected: `« </${tag}> » après son contenu, ou « <${tag} /> » si elle est seule`,
    };
  }
  if (/^Unexpected closing tag/.test(reason)) {
    return {
      message: `balise fermante « </${tag}> » inattendue`,
      expected: 'une balise fermante qui correspond à la dernière balise ouverte',
    };
  }
  if (ruleId === 'unexpected-eof' && /closing brace/.test(reason)) {
    return {
      message: 'accolade « { » ouverte mais jamais fermée',
      expected: 'pour écrire une accolade dans le texte : « \\{ »',
    };
  }
  if (ruleId === 'acorn' || /expression/.test(reason)) {
    return {
      message: 'texte entre accolades « { } » illisible',
      expected: 'pour écrire une accolade dans le texte : « \\{ » (les ancres « {#…} » ne sont pas acceptées)',
    };
  }
  if (/use `\[text\]\(url\)`/.test(reason)) {
    return { message: 'lien écrit entre « < > »', expected: 'un lien de la forme « [texte du lien](https://…) »' };
  }
  if (
    /micromark-extension-mdx-jsx|name/.test(reason) ||
    ruleId === 'unexpected-character' ||
    ruleId === 'unexpected-eof'
  ) {
    return {
      message: '« < » suivi d’un caractère inattendu : MDX y voit le début d’une balise',
      expected: 'pour écrire « inférieur à » : « &lt; » ou les mots ; pour un lien : « [texte](https://…) »',
    };
  }
  return {
    message: 'le texte MDX ne se lit pas à cet endroit',
    expected: 'voir le guide des éditeurs : les caractères « < » et « { » ont un sens particulier',
  };
}

interface MdxNode {
  type: string;
  value?: string;
  position?: { start: { line: number } };
  children?: MdxNode[];
}

const processor = createProcessor();

/** `{ … }` in running text: MDX runs it as code, so `{numero}` stops the build with "numero is not defined". */
function expressionIssue(tree: MdxNode): (Omit<ContentIssue, 'file'> & { line: number }) | undefined {
  const stack = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'mdxTextExpression' || node.type === 'mdxFlowExpression') {
      const code = (node.value ?? '').trim();
      // Comments and a plain space are what MDX authors legitimately write between braces.
      if (code !== '' && !/^\/\*[\s\S]*\*\/$/.test(code) && !/^(["'])\s*\1$/.test(code)) {
        return {
          line: node.position?.start.line ?? 1,
          field: 'texte MDX',
          message: `texte entre accolades « {${code.length > 30 ? `${code.slice(0, 30)}…` : code}} » : MDX le lit comme du code`,
          expected: 'pour écrire des accolades dans le texte : « \\{ » et « \\} », ou des parenthèses',
        };
      }
    }
    stack.push(...(node.children ?? []));
  }
  return undefined;
}

/** The first syntax problem of an MDX body, with its line in the body (1 = first line), or nothing. */
export async function mdxSyntaxIssue(
  body: string,
): Promise<(Omit<ContentIssue, 'file'> & { line: number }) | undefined> {
  try {
    return expressionIssue(processor.parse(body) as MdxNode);
  } catch (caught) {
    const error = caught as MdxError;
    const reason = error.reason ?? error.message ?? '';
    const fromReason = /\((\d+):\d+-/.exec(reason)?.[1];
    const line = error.line ?? error.place?.start?.line ?? error.place?.line ?? (fromReason ? Number(fromReason) : 1);
    return { line, field: 'texte MDX', ...explain(reason, error.ruleId) };
  }
}
