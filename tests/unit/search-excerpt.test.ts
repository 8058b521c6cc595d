import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, safeExcerpt } from '../../src/lib/search-excerpt';

describe('safeExcerpt', () => {
  it('keeps the highlight marks', () => {
    expect(safeExcerpt('评价数据的<mark>伴随性采集</mark>贯穿')).toBe(
      '评价数据的<mark>伴随性采集</mark>贯穿',
    );
  });
  it('escapes any other markup', () => {
    expect(safeExcerpt('<script>alert(1)</script><mark>x</mark>')).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt;<mark>x</mark>',
    );
    expect(safeExcerpt('<mark><img src=x onerror=alert(1)></mark>')).toBe(
      '&lt;mark&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/mark&gt;',
    );
  });
  it('never lets a tag other than mark through, whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const html = safeExcerpt(text);
        expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
      }),
    );
  });
  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
