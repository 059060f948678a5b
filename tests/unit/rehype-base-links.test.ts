import { describe, expect, it } from 'vitest';
import rehypeBaseLinks from '../../src/integrations/rehype-base-links.mjs';

/** What the plugin leaves on a hast link or an MDX JSX link (both shapes, so one type for the checks). */
type LinkNode = { properties: { href?: string; rel?: string[] }; attributes: { name: string; value: string }[] };

const link = (href: string, rel?: string[]) => ({
  type: 'element',
  tagName: 'a',
  properties: { href, ...(rel ? { rel } : {}) },
  children: [],
});
const jsxLink = (href: string, rel?: string) => ({
  type: 'mdxJsxTextElement',
  name: 'a',
  attributes: [
    { type: 'mdxJsxAttribute', name: 'href', value: href },
    ...(rel ? [{ type: 'mdxJsxAttribute', name: 'rel', value: rel }] : []),
  ],
  children: [],
});

describe('les liens écrits dans le contenu', () => {
  it('reçoivent la base quand ils visent le site, rel="noopener" quand ils sortent du site', () => {
    const tree = {
      type: 'root',
      children: [
        link('/infos/cotation/'),
        link('https://www.service-public.fr'),
        link('https://example.org', ['external']),
        jsxLink('https://adil.org'),
        jsxLink('//cdn.example', 'noopener'),
      ],
    };
    rehypeBaseLinks({ base: '/logement-social/' })(tree);
    const [internal, external, withRel, jsx, jsxWithRel] = tree.children as unknown as [
      LinkNode,
      LinkNode,
      LinkNode,
      LinkNode,
      LinkNode,
    ];
    expect(internal.properties).toEqual({ href: '/logement-social/infos/cotation/' });
    expect(external.properties.rel).toEqual(['noopener']);
    expect(withRel.properties.rel).toEqual(['external', 'noopener']);
    expect(jsx.attributes.find((a) => a.name === 'rel')?.value).toBe('noopener');
    expect(jsxWithRel.attributes.filter((a) => a.name === 'rel')).toHaveLength(1);
  });
});
