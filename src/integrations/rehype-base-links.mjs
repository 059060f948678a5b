/**
 * Editors write internal links in MDX from the site root ("/infos/cotation/"); the site may be
 * published under a sub-path, so the base is added here, once, for every content page.
 */
export default function rehypeBaseLinks({ base = '/' } = {}) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rewrite = (value) =>
    typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(prefix)
      ? prefix + value.slice(1)
      : value;
  const visit = (node) => {
    if (node.type === 'element' && node.properties) {
      if (node.tagName === 'a') node.properties.href = rewrite(node.properties.href);
      if (node.tagName === 'img') node.properties.src = rewrite(node.properties.src);
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes ?? []) {
        if (attribute.name === 'href' && typeof attribute.value === 'string') attribute.value = rewrite(attribute.value);
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree) => visit(tree);
}
