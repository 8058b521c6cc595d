/**
 * Sätteri hast plugin: an ability code in running text ("A5", "C7") becomes a link to its page,
 * so a policy or bulletin that names a micro-ability leads straight to its rubric. Text that is
 * already a link, a heading or code is left alone.
 */
import { defineHastPlugin } from 'satteri';
import { withBase } from '../../src/lib/content/paths';
import { CODE_PATTERN } from '../../src/lib/content/taxonomy';

const CODE_IN_TEXT = /(?<![A-Za-z0-9])([ABC](?:1[0-3]|[1-9]))(?![0-9A-Za-z])/g;
const SKIP = new Set(['a', 'code', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'script', 'style']);

export function abilityLinksPlugin(base: string) {
  return defineHastPlugin({
    name: 'ability-links',
    text(node, ctx) {
      if (!CODE_IN_TEXT.test(node.value)) return;
      CODE_IN_TEXT.lastIndex = 0;
      for (let parent = ctx.parent(node); parent; parent = ctx.parent(parent as never)) {
        if (parent.type === 'element' && SKIP.has(parent.tagName)) return;
        if (parent.type === 'root') break;
      }
      const parts: ({ type: 'text'; value: string } | Record<string, unknown>)[] = [];
      let last = 0;
      for (const match of node.value.matchAll(CODE_IN_TEXT)) {
        const code = match[1] ?? '';
        if (!CODE_PATTERN.test(code)) continue;
        if (match.index > last) parts.push({ type: 'text', value: node.value.slice(last, match.index) });
        parts.push({
          type: 'element',
          tagName: 'a',
          properties: { href: withBase(`/abilities/${code}/`, base), className: ['ability-code'] },
          children: [{ type: 'text', value: code }],
        });
        last = match.index + code.length;
      }
      if (last === 0) return;
      if (last < node.value.length) parts.push({ type: 'text', value: node.value.slice(last) });
      ctx.replaceNode(node, parts as never);
    },
  });
}
