/**
 * Rehype plugin: links written inside Markdown/MDX as root-relative paths ("/abilities/C5/")
 * get the build's base path, so content authors never have to know where the site is hosted.
 */
import { withBase } from '../src/lib/paths';

interface HastNode {
  type: string;
  tagName?: string;
  properties?: Record<string, unknown>;
  children?: HastNode[];
}

const URL_PROPERTIES = ['href', 'src'];

function rewrite(node: HastNode, base: string): void {
  if (node.type === 'element' && node.properties) {
    for (const prop of URL_PROPERTIES) {
      const value = node.properties[prop];
      if (typeof value === 'string') node.properties[prop] = withBase(value, base);
    }
  }
  node.children?.forEach((child) => rewrite(child, base));
}

export function rehypeBaseLinks(options: { base: string }) {
  return (tree: HastNode) => rewrite(tree, options.base);
}
