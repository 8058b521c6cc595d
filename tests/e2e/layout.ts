/** Layout checks a person would notice on a narrow screen, shared by the page-wide e2e tests. */
import type { Page } from '@playwright/test';

/**
 * Elements squeezed narrower than two characters of their own font while the text in them wraps:
 * the "one character per line" column a phone reader cannot read. Screen-reader-only text (clipped
 * to a pixel on purpose) and hidden elements are left out.
 */
export function squeezedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').replace(/\s+/g, '');
      const el = node.parentElement;
      if ([...text].length < 2 || !el || seen.has(el)) continue;
      seen.add(el);
      if (el.closest('.visually-hidden, [hidden], script, style, noscript, template')) continue;
      const rect = el.getBoundingClientRect();
      if (rect.width <= 2 || rect.height <= 2) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden') continue;
      const fontSize = parseFloat(style.fontSize);
      if (rect.width >= 2 * fontSize) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      if (lines > 1)
        found.push(`<${el.tagName.toLowerCase()}>「${text.slice(0, 16)}」${Math.round(rect.width)}px`);
    }
    return found;
  });
}

/**
 * Words in an element that the browser broke across lines, given the words as substrings of the
 * element's text (a code such as "A10", a label such as "名称与分类").
 */
export function brokenWords(page: Page, selector: string, split: string): Promise<string[]> {
  return page.locator(selector).evaluateAll((elements, separator) => {
    const broken: string[] = [];
    for (const el of elements) {
      const nodes: { node: Text; start: number }[] = [];
      let full = '';
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        nodes.push({ node: n, start: full.length });
        full += n.data;
      }
      const at = (offset: number): [Text, number] => {
        const hit = [...nodes].reverse().find((n) => n.start <= offset) ?? nodes[0];
        return hit ? [hit.node, offset - hit.start] : [el.firstChild as Text, 0];
      };
      let from = 0;
      for (const raw of separator ? full.split(separator) : [full]) {
        const word = raw.trim();
        const start = full.indexOf(word, from);
        from = start + word.length;
        if (word === '' || start < 0) continue;
        const range = document.createRange();
        range.setStart(...at(start));
        range.setEnd(...at(start + word.length));
        const tops = new Set(
          [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)),
        );
        if (tops.size > 1) broken.push(word);
      }
    }
    return broken;
  }, split);
}

/** How far the page scrolls sideways (0 or less: it does not), the first thing a phone reader meets. */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
