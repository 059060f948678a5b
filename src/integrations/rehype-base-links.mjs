/**
 * Editors write internal links in MDX from the site root ("/infos/cotation/"); the site may be
 * published under a sub-path, so the base is added here, once, for every content page. Links to
 * other sites get rel="noopener" here too, so that editors need not remember it.
 */
export default function rehypeBaseLinks({ base = '/' } = {}) {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rewrite = (value) =>
    typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith(prefix)
      ? prefix + value.slice(1)
      : value;
  const external = (value) => typeof value === 'string' && /^(?:https?:)?\/\//i.test(value);
  const addNoopener = (rel) => {
    const values = Array.isArray(rel) ? rel : typeof rel === 'string' ? rel.split(/\s+/).filter(Boolean) : [];
    return values.includes('noopener') ? values : [...values, 'noopener'];
  };
  const visit = (node) => {
    if (node.type === 'element' && node.properties) {
      if (node.tagName === 'a') {
        node.properties.href = rewrite(node.properties.href);
        if (external(node.properties.href)) node.properties.rel = addNoopener(node.properties.rel);
      }
      if (node.tagName === 'img') node.properties.src = rewrite(node.properties.src);
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      for (const attribute of node.attributes ?? []) {
        if (attribute.name === 'href' && typeof attribute.value === 'string')
          attribute.value = rewrite(attribute.value);
      }
      const href = node.attributes?.find((a) => a.name === 'href')?.value;
      if (node.name === 'a' && external(href)) {
        const rel = node.attributes.find((a) => a.name === 'rel');
        if (!rel) node.attributes.push({ type: 'mdxJsxAttribute', name: 'rel', value: 'noopener' });
        else if (typeof rel.value === 'string') rel.value = addNoopener(rel.value).join(' ');
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  return (tree) => visit(tree);
}
