import { describe, expect, it } from 'vitest';
import { readGuide } from '../../../../src/lib/rubrics/guide/guide-parse';
import { itemSummaries, moveSplit } from '../../../../src/lib/rubrics/guide/guide-reading';
import { documentFromText } from '../../../../src/lib/rubrics/guide/guide-text';

const AMBIGUOUS = [
  'C5 基于数据的个别化指导',
  '能力维度 □学情分析□教学设计√学法指导 □学业评价',
  '所属环境 □多媒体教学环境 □混合学习环境 √智慧学习环境',
  '能力描述',
  '利用信息技术采集和分析数据',
  '提交指南和评价标准',
  '2. 案例展示:以视频形式提交,需出现教师个人形象,时间原则上不超过 10 分钟。',
  '优秀 合格',
  ' 甲;',
  ' 乙;',
  ' 丙;',
  ' 丁;',
  '实践建议',
  '建议。',
].join('\n');

describe('moveSplit', () => {
  const [ability] = readGuide(documentFromText(AMBIGUOUS), [
    { code: 'C5', name: '基于数据的个别化指导' },
  ]).abilities;

  it('starts from a flagged guess in the middle', () => {
    expect(ability?.flags.map((f) => f.kind)).toEqual(['split']);
    expect(ability?.draft.items[0]?.excellent).toBe('甲;\n乙;');
  });

  it('moves the boundary, updates the editor form and settles the doubt', () => {
    if (!ability) throw new Error('no ability');
    const moved = moveSplit(ability, 'item-1', 3);
    expect(moved.draft.items[0]?.excellent).toBe('甲;\n乙;\n丙;');
    expect(moved.draft.items[0]?.pass).toBe('丁;');
    expect(moved.flags).toEqual([]);
    expect(moved.splits[0]).toMatchObject({ split: 3, certain: true });
    // Each list keeps at least one entry.
    expect(moveSplit(ability, 'item-1', 0).draft.items[0]?.excellent).toBe('甲;');
    expect(moveSplit(ability, 'item-1', 9).draft.items[0]?.pass).toBe('丁;');
  });
});

describe('itemSummaries', () => {
  it('says each item’s limits and criteria counts in words', () => {
    const [ability] = readGuide(documentFromText(AMBIGUOUS), []).abilities;
    if (!ability) throw new Error('no ability');
    expect(itemSummaries(ability)).toEqual([
      {
        itemId: 'item-1',
        label: '2',
        name: '案例展示',
        limits: ['视频', '不超过 10 分钟（原则上）', '须出现教师个人形象'],
        graded: '评分',
        excellent: 2,
        pass: 2,
        group: undefined,
      },
    ]);
  });
});

describe('readGuide: what is flagged and what is missing', () => {
  it('a name that differs from the handbook’s is flagged, never accepted silently', () => {
    const text = AMBIGUOUS.replace('基于数据的个别化指导', '基于数据的个性化指导');
    const [ability] = readGuide(documentFromText(text), [
      { code: 'C5', name: '基于数据的个别化指导' },
    ]).abilities;
    expect(ability?.handbookName).toBe('基于数据的个别化指导');
    expect(ability?.flags.some((f) => f.kind === 'name')).toBe(true);
  });

  it('a 能力维度 ticked differently from the handbook is flagged', () => {
    const text = AMBIGUOUS.replace('□教学设计√学法指导', '√教学设计□学法指导');
    const [ability] = readGuide(documentFromText(text), [
      { code: 'C5', name: '基于数据的个别化指导', dimension: '学法指导' },
    ]).abilities;
    expect(ability?.flags.some((f) => f.kind === 'class' && f.text.includes('教学设计'))).toBe(true);
  });

  it('says what the layout has and the text lacks', () => {
    const [ability] = readGuide(
      documentFromText('C5 基于数据的个别化指导\n提交指南和评价标准\n1. 情景描述:简要描述。'),
      [],
    ).abilities;
    expect(ability?.missing).toEqual([
      '能力维度',
      '所属环境',
      '能力描述',
      '评价标准（没有一项读到优秀 / 合格标准）',
      '实践建议',
    ]);
  });

  it('reads a header run together with its name in full-width characters', () => {
    const reading = readGuide(documentFromText(AMBIGUOUS.replace('C5 基于', 'Ｃ５基于')), []);
    expect(reading.abilities.map((a) => `${a.code} ${a.name}`)).toEqual(['C5 基于数据的个别化指导']);
  });

  it('a document with no ability says what it looked for', () => {
    const reading = readGuide(documentFromText('会议通知\n请各校于周五前报送名单。'), []);
    expect(reading.abilities).toEqual([]);
    expect(reading.notes[0]).toContain('没有找到微能力点');
  });

  it('a code mentioned in running text is not an ability', () => {
    const reading = readGuide(
      documentFromText('A1 技术支持的学情分析\n本校先完成 A1、A5 和 B2。\nB2 微课程设计与制作'),
      [],
    );
    expect(reading.abilities).toEqual([]);
  });
});
