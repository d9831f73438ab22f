import type { HastNode } from './hast';

/** Check ids as the rule pack writes them, `PYG-001`. */
const CHECK_ID = /\bPYG-\d{3}\b/g;

/** Text in these elements stays as written. */
const SKIP = new Set(['a', 'code', 'pre']);

function linkify(text: string, href: (id: string) => string): HastNode[] {
  const nodes: HastNode[] = [];
  let last = 0;
  for (const match of text.matchAll(CHECK_ID)) {
    const start = match.index ?? 0;
    if (start > last) {
      nodes.push({ type: 'text', value: text.slice(last, start) });
    }
    nodes.push({
      type: 'element',
      tagName: 'a',
      properties: { href: href(match[0]) },
      children: [{ type: 'text', value: match[0] }],
    });
    last = start + match[0].length;
  }
  if (last < text.length) {
    nodes.push({ type: 'text', value: text.slice(last) });
  }
  return nodes;
}

/**
 * Rehype plugin turning check ids in the handbook's prose ("Checked by:
 * PYG-001, PYG-002") into links to those checks in the rule catalog, so the
 * handbook and the catalog are one click apart in both directions. Ids in
 * code and in existing links are left alone.
 */
export function rehypeCheckLinks(options: { href: (id: string) => string }) {
  const visit = (node: HastNode) => {
    if (!node.children || SKIP.has(node.tagName ?? '')) {
      return;
    }
    node.children = node.children.flatMap(child => {
      if (child.type === 'text' && child.value?.match(CHECK_ID)) {
        return linkify(child.value, options.href);
      }
      visit(child);
      return [child];
    });
  };
  return (tree: HastNode) => visit(tree);
}
