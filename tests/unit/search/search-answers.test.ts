import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchVocabularySchema } from '../../../src/content.config';
import {
  answerCards,
  cardText,
  itemStatement,
  readAnswerIndex,
} from '../../../src/lib/search/search-answers';
import { shortRegionName } from '../../../src/lib/search/search-answer-index';
import { parseQuestion } from '../../../src/lib/search/search-question';
import { handbookIndex } from './handbook-index';

const index = handbookIndex();
const cards = (question: string) => answerCards(parseQuestion(question, index.lexicon), index);

describe('answer cards from the handbook data', () => {
  it('an item question: the item, its limits, the source line and a link to the item', () => {
    const [card] = cards('C5 视频多长');
    expect(card && cardText(card)).toBe('C5 案例展示：视频，不超过 10 分钟，需出现教师个人形象');
    expect(card?.href).toBe('/abilities/C5/#item-case-video');
    expect(card?.source).toMatch(/^引自《.+》，第53页$/);
    expect(card?.held).toBe(true);
  });

  it('a count: two students, each recording at most 2 minutes', () => {
    const [card] = cards('学生体会 要几个学生');
    expect(card && cardText(card)).toBe('C5 学生体会：音频、视频，共 2 份，每份不超过 2 分钟');
  });

  it('a region figure: the policy entry row, its document and the /compare/ row', () => {
    const [card] = cards('广州 每年 比例');
    expect(card && cardText(card)).toBe(
      '广州市 年度进度：2020 年 30% 的教师；2021 年 50% 的教师；2022 年 20% 的教师',
    );
    expect(card?.source).toBe('据《广州市中小学教师信息技术应用能力提升工程2.0实施方案》');
    expect(card?.href).toBe('/compare/?r=national,guangzhou#row-quotas');
    expect(cards('乐清 培训费多少钱')[0]?.statement).toMatch(/^500 元\/人：/);
  });

  it('where the handbook lacks the fact, the card says so and states nothing else', () => {
    const [b2] = cards('微课 时长');
    expect(b2).toMatchObject({ subject: 'B2 微课程设计与制作', held: false, href: '/abilities/B2/' });
    expect(b2?.statement).toMatch(/^本手册未收录/);
    expect(cards('国家 学时要求是多少')[0]).toMatchObject({ statement: '本手册未收录原文', held: false });
    expect(cards('广州 考核流程')[0]).toMatchObject({ statement: '原文未规定', held: false });
    // A5's guide is held, but says nothing of the teacher on camera.
    expect(cards('A5 老师要出镜吗')[0]).toMatchObject({
      statement: '本手册收录的提交指南没有写明须出现教师本人形象的要求',
      held: false,
    });
  });

  it('a question that names no ability or region, or asks no fact, gets no card', () => {
    expect(cards('视频多长')).toEqual([]);
    expect(cards('每年 比例')).toEqual([]);
    expect(cards('C5')).toEqual([]);
    expect(cards('广州')).toEqual([]);
  });

  it('every card, for any mix of the words a question can use, states only the data', () => {
    const lexicon = index.lexicon;
    const pool = [
      ...lexicon.abilities.flatMap((a) => [a.code, a.name, ...(a.items ?? [])]),
      ...lexicon.regions.flatMap((r) => r.names),
      ...lexicon.itemTopics.flatMap((t) => t.words),
      ...lexicon.policyRows.flatMap((r) => r.words),
      ...lexicon.questionWords,
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 4 }), (parts) => {
        for (const card of cards(parts.join(' '))) {
          if (card.kind === 'region') {
            const region = index.regions.find((r) => r.slug === card.region);
            expect(region?.rows.find((r) => r.id === card.row)?.text.replace(/\n/g, '；')).toBe(
              card.statement,
            );
            expect(card.href).toMatch(
              new RegExp(`^/compare/(\\?r=([a-z-]+,)*${card.region})?#row-${card.row}$`),
            );
          } else if (card.kind === 'item') {
            const item = index.abilities
              .find((a) => a.code === card.code)
              ?.items.find((i) => i.id === card.item);
            expect(card.href).toBe(`/abilities/${card.code}/#item-${card.item}`);
            expect(item).toBeDefined();
            if (item) expect(card.statement.startsWith(itemStatement(item))).toBe(true);
          } else {
            expect(card.href).toMatch(/^\/abilities\/[A-C]\d+\/(#guide)?$/);
          }
        }
      }),
    );
  });

  it('an item statement says only the limits the item has', () => {
    expect(itemStatement({ forms: ['文本'], limits: {} })).toBe('文本');
    expect(itemStatement({ forms: [], limits: {} })).toBe('本手册未收录它的形式与时长要求');
    expect(
      itemStatement({ forms: ['视频'], limits: { maxMinutes: 10, maxMinutesQualifier: '原则上' } }),
    ).toBe('视频，原则上不超过 10 分钟');
  });
});

describe('the card index and its vocabulary', () => {
  it('reads an index of this version only', () => {
    expect(readAnswerIndex(JSON.parse(JSON.stringify(index)))).toBeDefined();
    expect(readAnswerIndex({ ...index, version: 2 })).toBeUndefined();
    expect(readAnswerIndex('nonsense')).toBeUndefined();
    expect(readAnswerIndex(null)).toBeUndefined();
  });

  it('names regions by their short names too', () => {
    expect(shortRegionName('广州市')).toBe('广州');
    expect(shortRegionName('江苏省')).toBe('江苏');
    expect(shortRegionName('徐水区')).toBe('徐水');
    expect(shortRegionName('国家')).toBe('国家');
  });

  it('a vocabulary entry must point at a /compare/ row that exists, and a synonym must say what it finds', () => {
    const row = searchVocabularySchema.safeParse({ id: 'x', kind: '政策问题', words: ['费用'], row: 'fees' });
    expect(row.success).toBe(false);
    expect(row.error?.issues[0]?.message).toMatch(/比较页没有「fees」这一行/);
    const synonym = searchVocabularySchema.safeParse({ id: 'y', kind: '同义词', words: ['费用'] });
    expect(synonym.error?.issues[0]?.message).toBe('同义词须写 find');
  });
});
