/**
 * Sätteri hast plugin: the text of every Markdown/MDX body is typeset as Chinese (full-width
 * , : ; inside Chinese, no space beside full-width marks; see src/lib/content/chinese-typography.ts), so
 * the OCR'd seed text quoted in content files reads right while the files keep the source as is.
 * Code is left alone.
 */
import { defineHastPlugin } from 'satteri';
import { typesetChinese } from '../../src/lib/content/chinese-typography';

const SKIP = new Set(['code', 'pre', 'script', 'style']);

export function typographyPlugin() {
  return defineHastPlugin({
    name: 'chinese-typography',
    text(node, ctx) {
      const value = typesetChinese(node.value);
      if (value === node.value) return;
      for (let parent = ctx.parent(node); parent; parent = ctx.parent(parent as never)) {
        if (parent.type === 'element' && SKIP.has(parent.tagName)) return;
        if (parent.type === 'root') break;
      }
      ctx.replaceNode(node, { type: 'text', value } as never);
    },
  });
}
