/**
 * The test that matters: seed 004's own text (the 规范's C4–C7 as a flip-book's OCR printed them),
 * read with no human correction, gives the handbook's own entries.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rubricFromDraft } from '../../../../src/lib/rubrics/rubric-editor';
import { readGuide } from '../../../../src/lib/rubrics/guide/guide-parse';
import { documentFromText } from '../../../../src/lib/rubrics/guide/guide-text';
import { readGuidePaste } from '../../../../src/lib/rubrics/guide/guide-file';
import { comparable, handbookEntry, SEED_CODES } from '../../../support/guide-expect';

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('not found');
  return value;
}

const seed = readFileSync(
  join(import.meta.dirname, '../../../../sources/seeds/004_fec723f99a37eeaf.txt'),
  'utf8',
);
/** Pages 51–56 as a person would copy them: the four abilities, nothing around them. */
const pages51to56 = seed.split('\n').slice(13, 520).join('\n');
const handbook = SEED_CODES.map((code) => {
  const e = handbookEntry(code);
  return { code, name: e.name, dimension: e.dimension, environment: e.environment };
});

describe.each([
  ['the whole compilation (pp. 51–100)', seed],
  ['pp. 51–56 pasted as plain text', pages51to56],
])('seed 004, %s', (_, text) => {
  const reading = readGuide(documentFromText(text), handbook);

  it('finds exactly C4, C5, C6 and C7, and nothing in the bulletins and plans around them', () => {
    expect(reading.abilities.map((a) => a.code)).toEqual([...SEED_CODES]);
  });

  it.each(SEED_CODES)('%s: every item, limit and criterion equals the handbook entry', (code) => {
    const ability = must(reading.abilities.find((a) => a.code === code));
    const checked = rubricFromDraft(ability.draft);
    expect(checked.ok && checked.value).toBeTruthy();
    if (!checked.ok) return;
    expect(comparable(checked.value)).toEqual(comparable(handbookEntry(code)));
  });

  it.each(SEED_CODES)(
    '%s: 能力维度, 所属环境, 能力描述 and 实践建议 are read; nothing is flagged or missing',
    (code) => {
      const ability = must(reading.abilities.find((a) => a.code === code));
      const entry = handbookEntry(code) as unknown as {
        dimension: string;
        environment: string;
        capability: { statement: string; goals: string[] };
      };
      expect(ability.dimension).toBe(entry.dimension);
      expect(ability.environment).toBe(entry.environment);
      expect(ability.capability?.statement).toBe(entry.capability.statement);
      expect(ability.capability?.goals).toEqual(entry.capability.goals);
      expect(ability.practice?.length).toBeGreaterThan(100);
      expect(ability.flags).toEqual([]);
      expect(ability.missing).toEqual([]);
    },
  );
});

describe('the page-by-page columns of C4 任务二 (seed pp. 51–52)', () => {
  it('keeps 优秀 before 合格 across the page break, as the handbook orders them', () => {
    const reading = readGuide(documentFromText(pages51to56), handbook);
    const task2 = must(must(reading.abilities[0]).draft.items.find((i) => i.label === '任务二'));
    expect(task2.excellent.split('\n')).toHaveLength(5);
    expect(task2.pass.split('\n')).toHaveLength(5);
    expect(task2.excellent.split('\n')[2]).toBe('技术有助于丰富学习路径,学习方式新颖独特而有意义;');
    expect(task2.pass.split('\n')[1]).toBe('学生在活动中参与度高;');
  });

  it('C7 实践建议 stops where the Hebei plan begins on the next page', () => {
    const reading = readGuide(documentFromText(seed), handbook);
    const practice = must(must(reading.abilities[3]).practice);
    expect(practice).toContain('直观表达分析结果。');
    expect(practice).not.toContain('河北省');
  });
});

describe('where flattened text really is ambiguous', () => {
  // C6 item 1 with its 优秀 list's closing full stop turned into a semicolon and the 合格 list's
  // opening reworded: nothing in the text shows where 合格 begins any more.
  const ambiguous = pages51to56
    .replace('可读性强。', '可读性强;')
    .replace(/ 介绍详细完整,清晰地说明了模型的基本\n\n功能;/, ' 模型的基本功能介绍清楚;');

  it('flags exactly that item, and nothing else', () => {
    const reading = readGuide(documentFromText(ambiguous), handbook);
    const flags = reading.abilities.flatMap((a) =>
      a.flags.map((f) => `${a.code} ${f.kind} ${f.itemId ?? ''}`),
    );
    expect(flags).toEqual(['C6 split item-1']);
    const split = must(must(reading.abilities[2]).splits.find((s) => s.itemId === 'item-1'));
    expect(split.certain).toBe(false);
    expect(split.bullets).toHaveLength(8);
  });

  it('a pasted copy reads the same through the paste path', () => {
    const pasted = readGuidePaste(undefined, pages51to56);
    expect(pasted.ok && readGuide(pasted.document, handbook).abilities.map((a) => a.code)).toEqual([
      ...SEED_CODES,
    ]);
  });
});
