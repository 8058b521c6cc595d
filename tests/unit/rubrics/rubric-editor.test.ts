import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abilitySchema } from '../../../src/content.config';
import {
  blankItem,
  draftFromRubric,
  editorFromPack,
  editorText,
  emptyEditorState,
  expectationsFromBody,
  isFullDate,
  loadEditorText,
  normalDate,
  packFromEditor,
  rubricFromDraft,
  withAbility,
} from '../../../src/lib/rubrics/rubric-editor';
import { readCollection } from '../../support/content-files';
import { abilityRubricArb, packArb } from '../../support/rubric-arbitraries';

const entry = (code: string) => {
  const file = readCollection('abilities', '.mdx').find((f) => f.data['code'] === code && !f.data['variant']);
  if (!file) throw new Error(code);
  return { data: abilitySchema.parse(file.data), body: file.body };
};

/**
 * The form keeps texts trimmed and criteria one a line, as a person types them, and a checkbox
 * cannot say "explicitly not on camera" apart from "not required" (grading treats them alike).
 */
function asTyped(key: string, value: unknown): unknown {
  if (key === 'teacherOnCamera' && value === false) return undefined;
  if (typeof value === 'string' && key !== 'savedAt') return value.replace(/\n/g, ' ').trim() || '空';
  return value;
}

describe('the rubric editor state', () => {
  it('any rubric opened in the form comes back unchanged', () => {
    fc.assert(
      fc.property(abilityRubricArb(), (rubric) => {
        // The form keeps texts trimmed and criteria one a line, as a person types them.
        const typed = JSON.parse(JSON.stringify(rubric), asTyped);
        const back = rubricFromDraft(draftFromRubric(typed));
        expect(back).toEqual({ ok: true, value: typed });
      }),
      { numRuns: 150 },
    );
  });

  it('starts A5 from the handbook’s three items, so only the criteria are left to type', () => {
    const a5 = entry('A5').data;
    const draft = draftFromRubric(a5);
    expect(draft.items.map((i) => i.name)).toEqual(['问题描述', '课堂导入设计', '课堂导入片段']);
    expect(draft.items[2]).toMatchObject({
      maxMinutes: '5',
      qualifier: '一般',
      forms: ['视频'],
      graded: '未知',
    });
    const result = rubricFromDraft(draft);
    // Criteria unknown is a valid rubric, but it cannot grade: the editor says what is missing.
    expect(result.ok).toBe(true);
    const filled = {
      ...draft,
      items: draft.items.map((i) => ({ ...i, graded: '评分' as const, excellent: '优1\n优2', pass: '合1' })),
    };
    const done = rubricFromDraft(filled);
    expect(done.ok && done.value.evidence[2]).toMatchObject({
      id: 'lead-in-clip',
      limits: { maxMinutes: 5, maxMinutesQualifier: '一般' },
      criteria: { excellent: ['优1', '优2'], pass: ['合1'] },
    });
  });

  it('names every problem in the form in words for the person typing', () => {
    const item = {
      ...blankItem(0),
      name: '讲授片段',
      forms: ['视频'],
      maxMinutes: '10分钟',
      count: '两份',
      qualifier: '一般' as const,
    };
    const result = rubricFromDraft({ code: 'A6', name: '技术支持的课堂讲授', groups: [], items: [item] });
    expect(result).toEqual({
      ok: false,
      errors: [
        '第 1 项证据“讲授片段”：时长上限须是 0—600 之间的分钟数，例如 10。',
        '第 1 项证据“讲授片段”：份数须是 1—100 之间的整数，例如 2。',
        '第 1 项证据“讲授片段”：要评分，请分别填写优秀标准和合格标准（每行一条）。',
      ],
    });
  });

  it('will not make a pack without the guide’s name and who entered it', () => {
    const state = withAbility(emptyEditorState(), draftFromRubric(entry('C5').data));
    const result = packFromEditor({ ...state, source: { ...state.source, title: '', enteredBy: '' } });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors).toEqual(['来源：请填写考核指南的名称。', '来源：请填写录入人（个人或团队）。']);
  });

  it('a pack opened in the editor and saved again is the same pack', () => {
    fc.assert(
      fc.property(packArb(3), (pack) => {
        const trimmed = JSON.parse(JSON.stringify(pack), asTyped);
        const again = packFromEditor(editorFromPack(trimmed), new Date(trimmed.savedAt));
        expect(again).toEqual({ ok: true, value: trimmed });
      }),
      { numRuns: 60 },
    );
  });

  it('reads back what it saved', () => {
    const state = withAbility(emptyEditorState(), draftFromRubric(entry('A5').data));
    expect(loadEditorText(editorText(state))).toEqual({ status: 'ok', state });
  });

  it('salvages a damaged saved state ability by ability, keeping the raw text', () => {
    const state = withAbility(
      withAbility(emptyEditorState(), draftFromRubric(entry('A5').data)),
      draftFromRubric(entry('C5').data),
    );
    const saved = JSON.parse(editorText(state));
    saved.abilities[0].items = 'broken';
    saved.source.title = 42;
    const raw = JSON.stringify(saved);
    const loaded = loadEditorText(raw);
    expect(loaded.status).toBe('salvaged');
    if (loaded.status !== 'salvaged') return;
    expect(loaded.raw).toBe(raw);
    expect(loaded.lost).toEqual(['来源的“title”', '微能力点 A5']);
    expect(loaded.state.abilities.map((a) => a.code)).toEqual(['C5']);
    expect(loaded.state.source.enteredAt).toBe(state.source.enteredAt);
  });

  it('never throws on any saved text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (raw) => {
        expect(['empty', 'ok', 'salvaged']).toContain(loadEditorText(raw).status);
      }),
    );
  });

  it('shows A3’s expectations as a reference, not as criteria', () => {
    const a3 = entry('A3');
    const [section] = expectationsFromBody(a3.body);
    expect(section?.title).toBe('学校对演示文稿的要求');
    expect(section?.points).toHaveLength(6);
    expect(section?.points[0]).toContain('科学准确');
    expect(a3.data.evidence).toEqual([]);
  });
});

describe('a new evidence item and the source’s dates', () => {
  it('a new item starts with no form ticked, and the form says one is needed', () => {
    const item = { ...blankItem(0), name: '课堂实录', graded: '不评分' as const };
    expect(item.forms).toEqual([]);
    const checked = rubricFromDraft({ code: 'A6', name: 'A6', groups: [], items: [item] });
    expect(checked).toEqual({ ok: false, errors: ['第 1 项证据“课堂实录”：请至少选一种形式。'] });
  });

  it('an editor state saved when 录入日期 was free text opens with the date in the picker’s form', () => {
    const old = { ...emptyEditorState(), version: 1 };
    for (const [typed, read] of [
      ['2025年3月1日', '2025-03-01'],
      ['2025/3/1', '2025-03-01'],
      ['2025.03.01', '2025-03-01'],
      ['2021-09', '2021-09'],
      ['2025/2/30', '2025/2/30'],
    ]) {
      const loaded = loadEditorText(JSON.stringify({ ...old, source: { ...old.source, enteredAt: typed } }));
      expect(loaded.status).toBe('ok');
      if (loaded.status === 'ok') expect(loaded.state.source.enteredAt).toBe(read);
    }
  });

  it('property: a real day is kept as it is, and normalDate never changes what it already gave', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(isFullDate(iso)).toBe(true);
          expect(normalDate(iso)).toBe(iso);
          const [y, m, d] = iso.split('-').map(Number);
          expect(normalDate(`${y}年${m}月${d}日`)).toBe(iso);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = normalDate(text);
        expect(normalDate(once)).toBe(once);
        if (once !== text) expect(isFullDate(once)).toBe(true);
      }),
    );
  });
});
