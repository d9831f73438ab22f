import { createSlugger } from '@internal/plugin-python-stewardship-common/browser';
import type { HastNode } from './hast';

const HEADING = /^h[1-6]$/;

function textOf(node: HastNode): string {
  if (node.type === 'text') {
    return node.value ?? '';
  }
  return (node.children ?? []).map(textOf).join('');
}

/**
 * Rehype plugin giving every heading a GitHub-style `id`, computed from the
 * rendered text the way GitHub does, so `#anchor` links written against the
 * markdown land on the right heading. One slugger per document, so repeated
 * headings get `-1`, `-2`, … in document order.
 */
export function rehypeHeadingIds() {
  return (tree: HastNode) => {
    const slugger = createSlugger();
    const visit = (node: HastNode) => {
      if (node.type === 'element' && HEADING.test(node.tagName ?? '')) {
        node.properties = {
          ...node.properties,
          id: slugger.slug(textOf(node).trim()),
        };
      }
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}
