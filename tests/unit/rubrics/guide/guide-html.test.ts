import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../../../src/lib/rubrics/guide/guide-html';
import { readGuide } from '../../../../src/lib/rubrics/guide/guide-parse';

describe('documentFromHtml', () => {
  it("keeps mammoth's paragraphs as lines and a table's cells as lines per paragraph", () => {
    const doc = documentFromHtml(
      '<p>C5 基于数据的个别化指导</p><ul><li>培养学生的学习兴趣</li></ul><ol><li>情景描述</li><li>案例展示</li></ol>' +
        '<table><tr><td><p>优秀</p></td><td><p>合格</p></td></tr><tr><td><ul><li>甲;</li><li>乙。</li></ul></td><td><p>丙</p><p>丁</p></td></tr></table>',
    );
    expect(doc.blocks).toEqual([
      { kind: 'line', text: 'C5 基于数据的个别化指导' },
      { kind: 'line', text: '• 培养学生的学习兴趣' },
      { kind: 'line', text: '1. 情景描述' },
      { kind: 'line', text: '2. 案例展示' },
      {
        kind: 'table',
        rows: [
          ['优秀', '合格'],
          ['• 甲;\n• 乙。', '丙\n丁'],
        ],
      },
    ]);
  });

  it('drops scripts, styles and Word’s conditional comments; decodes entities', () => {
    const doc = documentFromHtml(
      '<html><head><style>p{}</style></head><body><!--[if gte mso 9]><xml>x</xml><![endif]--><p>A&amp;B&nbsp;C</p><script>alert(1)</script></body></html>',
    );
    expect(doc.blocks).toEqual([{ kind: 'line', text: 'A&B C' }]);
  });

  it('reads a layout table as lines, and the 优秀 | 合格 table nested in it as a table', () => {
    const doc = documentFromHtml(
      '<table><tr><td>能力维度</td><td>□学情分析√学法指导</td></tr><tr><td>提交指南和评价标准</td><td><p>1. 案例:要求。</p>' +
        '<table><tr><td>优秀</td><td>合格</td></tr><tr><td>甲。</td><td>乙。</td></tr></table><p>2. 反思:要求。</p></td></tr></table>',
    );
    expect(doc.blocks).toEqual([
      { kind: 'line', text: '能力维度' },
      { kind: 'line', text: '□学情分析√学法指导' },
      { kind: 'line', text: '提交指南和评价标准' },
      { kind: 'line', text: '1. 案例:要求。' },
      {
        kind: 'table',
        rows: [
          ['优秀', '合格'],
          ['甲。', '乙。'],
        ],
      },
      { kind: 'line', text: '2. 反思:要求。' },
    ]);
  });

  it('keeps a table cut off by the end of a paste', () => {
    expect(documentFromHtml('<table><tr><td>优秀</td><td>合格').blocks).toEqual([
      { kind: 'table', rows: [['优秀', '合格']] },
    ]);
  });
});

/** What Word (Windows) puts on the clipboard when C6's first item and its table are copied. */
const WORD_CLIPBOARD = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style><!-- p.MsoNormal {margin:0cm;} --></style></head><body lang=ZH-CN>
<!--StartFragment--><p class=MsoNormal><span lang=EN-US>C6</span><span>应用数据分析模型</span></p>
<p class=MsoNormal>能力维度<span> □学情分析□教学设计□学法指导 √学业评价</span></p>
<p class=MsoNormal>所属环境 □多媒体教学环境 □混合学习环境 √智慧学习环境</p>
<p class=MsoNormal>能力描述</p><p class=MsoNormal>掌握数据分析模型的应用和评价方法，从而</p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Wingdings'>l<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]>根据教学情境判断数据评价模型的适用性</p>
<p class=MsoNormal>提交指南和评价标准</p>
<p class=MsoNormal>1. 模型介绍：选择一种数据分析模型，建议结合图文进行呈现。</p>
<table class=MsoTableGrid border=1><tr><td><p class=MsoNormal align=center>优秀</p></td><td><p class=MsoNormal align=center>合格</p></td></tr>
<tr><td><p class=MsoListParagraph><![if !supportLists]><span style='font-family:Symbol'>·<span>&nbsp;&nbsp;</span></span><![endif]>介绍详细完整；</p><p class=MsoListParagraph><![if !supportLists]><span>·</span><![endif]>图文并茂，可读性强。</p></td>
<td><p class=MsoListParagraph><![if !supportLists]><span>·</span><![endif]>介绍详细完整；</p><p class=MsoListParagraph><![if !supportLists]><span>·</span><![endif]>分享了模型的应用方法。</p></td></tr></table>
<p class=MsoNormal>实践建议</p><p class=MsoNormal>数据分析模型是……</p><!--EndFragment--></body></html>`;

describe("Word's clipboard HTML", () => {
  it('reads C6 with its table criteria, marks and goal', () => {
    const reading = readGuide(documentFromHtml(WORD_CLIPBOARD), [
      { code: 'C6', name: '应用数据分析模型', dimension: '学业评价' },
    ]);
    const [c6] = reading.abilities;
    expect(c6?.code).toBe('C6');
    expect(c6?.dimension).toBe('学业评价');
    expect(c6?.environment).toBe('智慧学习环境');
    expect(c6?.flags).toEqual([]);
    const item = c6?.draft.items[0];
    expect(item?.name).toBe('模型介绍');
    expect(item?.forms).toEqual(['文本', '图片']);
    expect(item?.excellent.split('\n')).toEqual(['介绍详细完整；', '图文并茂，可读性强。']);
    expect(item?.pass.split('\n')).toEqual(['介绍详细完整；', '分享了模型的应用方法。']);
    expect(c6?.missing).toEqual([]);
  });
});

describe('an ability boxed in a layout table, as official Word files often are', () => {
  it('reads the same as the unboxed clipboard copy', () => {
    const body = /<!--StartFragment-->([\s\S]*)<!--EndFragment-->/.exec(WORD_CLIPBOARD)?.[1] ?? '';
    const boxed = `<table><tr><td>${body}</td></tr></table>`;
    const handbook = [{ code: 'C6', name: '应用数据分析模型', dimension: '学业评价' }];
    const plain = readGuide(documentFromHtml(WORD_CLIPBOARD), handbook).abilities;
    const inBox = readGuide(documentFromHtml(boxed), handbook).abilities;
    expect(inBox.map((a) => a.draft)).toEqual(plain.map((a) => a.draft));
    expect(inBox[0]?.flags).toEqual([]);
  });
});
