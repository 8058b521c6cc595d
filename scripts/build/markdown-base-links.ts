/**
 * Sätteri hast plugin: links and images written inside Markdown/MDX as root-relative paths
 * ("/abilities/C5/") get the build's base path, so content authors never need to know where
 * the site is hosted.
 */
import { defineHastPlugin } from 'satteri';
import { withBase } from '../../src/lib/content/paths';

const URL_PROPERTY: Record<string, string> = { a: 'href', img: 'src', source: 'src' };

export function baseLinksPlugin(base: string) {
  return defineHastPlugin({
    name: 'base-links',
    element: {
      filter: Object.keys(URL_PROPERTY),
      visit(node, ctx) {
        const prop = URL_PROPERTY[node.tagName];
        const value = prop ? node.properties[prop] : undefined;
        if (prop && typeof value === 'string') {
          const rewritten = withBase(value, base);
          if (rewritten !== value) ctx.setProperty(node, prop, rewritten);
        }
      },
    },
  });
}
