import { describe, expect, it } from 'vitest';
import { entriesOf, flatCriteria, splitSegment } from '../../../../src/lib/rubrics/guide/guide-criteria';

describe('entriesOf', () => {
  it('joins a criterion broken over lines, and starts a new one at each bullet', () => {
    expect(
      entriesOf([' 主题适合学生的年龄特点,活', '动环节设计思路清晰;', '• 帮助学生参与活动。'], false),
    ).toEqual(['主题适合学生的年龄特点,活动环节设计思路清晰;', '帮助学生参与活动。']);
  });
  it('a line after a finished entry starts a new one, even without a bullet', () => {
    expect(entriesOf(['第一条;', '第二条。'], false)).toEqual(['第一条;', '第二条。']);
  });
  it("Word's paragraphs are entries as they stand", () => {
    expect(entriesOf(['第一条', '第二条'], true)).toEqual(['第一条', '第二条']);
    expect(entriesOf(['第一条', '第二条'], false)).toEqual(['第一条第二条']);
  });
});

describe('splitSegment', () => {
  it('the 优秀 list ends at its full stop, and the 合格 list repeats its opening: certain', () => {
    expect(
      splitSegment(['清晰完整地呈现了过程;', '数据可靠。', '清晰完整地呈现了过程;', '数据合理。']),
    ).toEqual({ split: 2, certain: true });
  });
  it('only the repeated opening (a page break cut both lists): certain', () => {
    expect(
      splitSegment(['完整呈现了学习过程;', '参与度高,意识被激发;', '完整呈现了学习过程;', '参与度高;']),
    ).toEqual({ split: 2, certain: true });
  });
  it('the two cues disagree: not certain, the full stop wins', () => {
    expect(
      splitSegment([
        '模型介绍详细完整;',
        '模型介绍详细完整,图文并茂;',
        '可读性强。',
        '说明了基本功能;',
        '分享了方法。',
      ]),
    ).toEqual({
      split: 3,
      certain: false,
    });
  });
  it('no cue at all: not certain, split in the middle', () => {
    expect(splitSegment(['甲;', '乙;', '丙;', '丁;'])).toEqual({ split: 2, certain: false });
  });
});

describe('flatCriteria', () => {
  it('puts each page’s 优秀 part before every 合格 part', () => {
    const flat = flatCriteria([
      [' 完整呈现了学习过程;', ' 参与度高,意识被激发;', ' 完整呈现了学习过程;', ' 参与度高;'],
      [' 视频清晰流畅,音质好。', ' 视频清晰流畅。'],
    ]);
    expect(flat.bullets).toEqual([
      '完整呈现了学习过程;',
      '参与度高,意识被激发;',
      '视频清晰流畅,音质好。',
      '完整呈现了学习过程;',
      '参与度高;',
      '视频清晰流畅。',
    ]);
    expect(flat.split).toBe(3);
    expect(flat.certain).toBe(true);
  });
});
