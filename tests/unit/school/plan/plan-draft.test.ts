import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  categoryRule,
  codesFromText,
  draftFromPlan,
  draftText,
  emptyDraft,
  planFromDraft,
  readDraftText,
  validateDraft,
  type PlanDraft,
} from '../../../../src/lib/school/plan/plan-draft';
import { planArb, SAVED, xushuiPlan } from '../../../support/plan-fixtures';

/** The i-th entry, which the test knows is there. */
function nth<T>(list: T[], i: number): T {
  const entry = list[i];
  if (entry === undefined) throw new Error(`no entry ${i}`);
  return entry;
}

const xushuiDraft = (): PlanDraft => draftFromPlan(xushuiPlan());
const messageAt = (draft: PlanDraft, path: string) => {
  const check = validateDraft(draft, SAVED);
  return check.ok ? undefined : check.issues.find((i) => i.path === path)?.message;
};

describe('the plan as the principal edits it', () => {
  it('goes from a plan to the form and back unchanged, for any valid plan', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const back = planFromDraft(draftFromPlan(plan), new Date(plan.savedAt));
        expect(back).toEqual(plan);
        expect(validateDraft(draftFromPlan(plan), new Date(plan.savedAt))).toEqual({ ok: true, plan });
      }),
      { numRuns: 60 },
    );
  });

  it('a new plan is not yet valid, and says what to fill in, at each field', () => {
    const check = validateDraft(emptyDraft(), SAVED);
    expect(check.ok).toBe(false);
    const at = (path: string) => (check.ok ? undefined : check.issues.find((i) => i.path === path)?.message);
    expect(at('school.name')).toBe('学校名称不能为空');
    expect(at('school.region')).toBe('请选择所在地区');
    expect(at('categories.0.name')).toBe('类别名称不能为空');
    expect(at('categories.0.count')).toBe('完成个数须为整数');
    expect(at('stages')).toBe('至少要有一个评审环节');
  });

  it('gives each schema message at the field it concerns', () => {
    const draft = xushuiDraft();
    nth(draft.categories, 1).required = 'A1、Z9';
    expect(messageAt(draft, 'categories.1.required')).toMatch(/不是微能力点编号/);

    const tooMany = xushuiDraft();
    nth(nth(tooMany.categories, 1).atLeast, 0).count = '9';
    expect(messageAt(tooMany, 'categories.1.atLeast.0.count')).toBe('至少 9 个，多于要完成的 3 个');

    const stranger = xushuiDraft();
    nth(stranger.roster, 0).category = '新教师';
    expect(messageAt(stranger, 'roster.0.category')).toBe('“新教师”不是方案中的教师类别');

    const lost = xushuiDraft();
    nth(lost.assignments, 0).stageId = '';
    expect(messageAt(lost, 'assignments.0.stageId')).toBe('环节不能为空');

    const order = xushuiDraft();
    order.stages.reverse();
    expect(validateDraft(order, SAVED).ok).toBe(false);
  });

  it('keeps who reviews at a stage when the stage is renamed', () => {
    const draft = xushuiDraft();
    nth(draft.stages, 0).name = '语文组互评';
    const check = validateDraft(draft, SAVED);
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.plan.assignments[0]?.stage).toBe('语文组互评');
      expect(check.plan.deadlines.find((d) => d.stage === '语文组互评')?.date).toBe('2025-05-31');
    }
  });

  it('reads codes however they are separated, in any case', () => {
    expect(codesFromText(' a1、B2，c5; b10  A3,')).toEqual(['A1', 'B2', 'C5', 'B10', 'A3']);
    expect(codesFromText('')).toEqual([]);
  });
});

describe('the draft kept in this browser', () => {
  it('reads back exactly what was kept, unfinished or not', () => {
    const draft = emptyDraft();
    draft.school.name = '徐水区实验小学';
    nth(draft.categories, 0).count = '3个';
    const kept = { basedOn: '2025-03-01T08:00:00.000Z', draft };
    expect(readDraftText(draftText(kept))).toEqual(kept);
    const full = { basedOn: undefined, draft: xushuiDraft() };
    expect(readDraftText(draftText(full))).toEqual(full);
  });

  it('never throws on any text, and keeps what still reads', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.anything().map((v) => JSON.stringify(v) ?? ''),
        ),
        (text) => {
          const read = readDraftText(text);
          if (read) {
            expect(Array.isArray(read.draft.categories)).toBe(true);
            expect(Array.isArray(read.draft.roster)).toBe(true);
            expect(typeof read.draft.school.name).toBe('string');
          }
        },
      ),
    );
    const damaged = JSON.stringify({ draft: { school: { name: '实验小学', region: 5 }, roster: 'x' } });
    expect(readDraftText(damaged)?.draft.school).toEqual({ name: '实验小学', region: '', round: '' });
    expect(readDraftText(damaged)?.draft.roster).toEqual([]);
    expect(readDraftText('{')).toBeUndefined();
  });
});

describe('a category’s rule while it is typed', () => {
  it('is there once the category’s own fields make one, and not before', () => {
    const draft = xushuiDraft();
    expect(categoryRule(nth(draft.categories, 1))).toEqual(xushuiPlan().categories[1]?.rule);
    expect(categoryRule({ ...nth(draft.categories, 1), count: '' })).toBeUndefined();
    expect(categoryRule({ ...nth(draft.categories, 1), required: 'A1、A1' })).toBeUndefined();
  });
});
