import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, literalExcerpt, safeExcerpt } from '../../../src/lib/search/search-excerpt';
import { containsLiteral } from '../../../src/lib/search/search-query';

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

/** The text a reader sees, and the marked pieces, of an excerpt's HTML. */
function read(html: string): { text: string; marks: string[] } {
  const unescape = (s: string) =>
    s.replace(
      /&lt;|&gt;|&quot;|&#39;|&amp;/g,
      (e) => ({ '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[e] ?? '&',
    );
  const marks = [...html.matchAll(/<mark>([\s\S]*?)<\/mark>/g)].map((m) => unescape(m[1] ?? ''));
  return { text: unescape(html.replace(/<\/?mark>/g, '')), marks };
}

/** Characters that have tripped excerpts: Han, spaces, full-width and folded forms, markup, astral planes. */
const pageText = fc.oneof(
  fc.constantFrom(
    '学',
    '时',
    '首',
    '席',
    ' ',
    '\n',
    '５',
    'a',
    'A',
    '<',
    '&',
    '"',
    '。',
    '. ',
    '…',
    '𠀀',
    '㎏',
    'ﬁ',
    'İ',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('literalExcerpt', () => {
  const hebei =
    '河北省中小学教师信息技术应用能力提升工程 2.0 实施方案. 要点. 校本应用考核由区县统一安排组织;各地根据《河北省中小学教师信息技术应用能力提升工程 2.0 校本应用考核实施指南》(另文下发)制定本地校本应用考核方案和实施细则,以真实性任务的证据提交为成果。';

  it('shows the text around the first occurrence, the phrase marked as one piece', () => {
    const html = literalExcerpt(hebei, '真实性任务的证据提交');
    expect(html).toBeDefined();
    const { text, marks } = read(html ?? '');
    expect(marks).toEqual(['真实性任务的证据提交']);
    expect(text.startsWith('…')).toBe(true);
    expect(text).toContain('以真实性任务的证据提交为成果。');
  });

  it('begins at the sentence the phrase is in and marks every occurrence in view', () => {
    const html = literalExcerpt(
      '前一句话说别的。首席信息官（又称：CIO、学校首席信息官） 学校里牵头信息化工作的校领导。',
      '首席信息官',
    );
    expect(html).toBe(
      '…<mark>首席信息官</mark>（又称：CIO、学校<mark>首席信息官</mark>） 学校里牵头信息化工作的校领导。',
    );
  });

  it('marks the text as it stands on the page, spaces and full-width forms included', () => {
    expect(read(literalExcerpt(hebei, '工程2.0') ?? '').marks[0]).toBe('工程 2.0');
    expect(read(literalExcerpt('试行首席信息官(CIO)制度', 'ｃｉｏ') ?? '').marks).toEqual(['CIO']);
  });

  it('gives nothing when the page lacks the phrase', () => {
    expect(literalExcerpt(hebei, '区块链')).toBeUndefined();
    expect(literalExcerpt(hebei, '   ')).toBeUndefined();
  });

  it('escapes markup in the page and in the phrase', () => {
    expect(literalExcerpt('见 <b>学时</b> & "学分"', '<b>学时')).toBe(
      '见 <mark>&lt;b&gt;学时</mark>&lt;/b&gt; &amp; &quot;学分&quot;',
    );
  });

  it('for any page and phrase: the phrase is marked when the page has it, and only text and <mark> come out', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: pageText, maxLength: 120 }),
        fc.string({ unit: pageText, minLength: 1, maxLength: 6 }),
        fc.string({ unit: pageText, maxLength: 120 }),
        fc.boolean(),
        (before, phrase, after, inside) => {
          const content = inside ? before + phrase + after : before + after;
          const html = literalExcerpt(content, phrase);
          expect(html === undefined).toBe(!containsLiteral(content, phrase));
          if (html === undefined) return;
          expect(html.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
          const { marks, text } = read(html);
          expect(marks.length).toBeGreaterThan(0);
          expect(containsLiteral(marks[0] ?? '', phrase)).toBe(true);
          // What is shown is a piece of the page, maybe with an ellipsis at either end.
          expect(content).toContain(text.replace(/^…/, '').replace(/…$/, '').trim());
        },
      ),
    );
  });
});
