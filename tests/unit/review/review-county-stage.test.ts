/**
 * The county's 审核认定 made on /review/: the review file records the plan's outside stage as it
 * is named, reads back through the review schema, and the school takes it in as the county's
 * result (outcomeFromReview → planAbilityStatus).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReviewFile } from '../../../src/lib/review/review';
import { exportReviewText, importReviewText, reviewFilename } from '../../../src/lib/review/review-file';
import { countyStage } from '../../../src/lib/review/review-assignments';
import { outcomeFromReview, planAbilityStatus, COUNTY_STAGE } from '../../../src/lib/school/plan/plan-stages';
import { PLAN_BOUNDS } from '../../../src/lib/school/plan/plan-file';
import type { StageOutcome } from '../../../src/lib/school/archive-status';
import { handbookRubric, teacherDraft } from '../../support/review-fixtures';
import { xushuiPlan } from '../../support/plan-fixtures';

const C5 = handbookRubric('C5');
const draft = teacherDraft();

/** Every 合格 criterion of every graded item ticked: the county finds C5 合格. */
const passAll = {
  comment: '符合要求。',
  items: Object.fromEntries(
    C5.items
      .filter((i) => i.criteria)
      .map((i) => [i.id, { excellent: [], pass: i.criteria?.pass.map((_, n) => n) ?? [], comment: '' }]),
  ),
};

const countyReview = (stage: string) =>
  buildReviewFile({
    draft,
    reviewer: { name: '赵专家', role: '徐水区县级专家团队' },
    stage,
    reviewedAt: new Date('2025-06-20T08:00:00.000Z'),
    abilities: [{ code: 'C5', rubric: C5, input: passAll }],
  });

describe('a review made at the county’s stage', () => {
  const plan = xushuiPlan();
  const stage = countyStage(plan) ?? '';

  it('records the plan’s outside stage as named, and the file reads back with it', () => {
    expect(stage).toBe('县级专家团队审核认定');
    const file = countyReview(stage);
    expect(file.stage).toBe(stage);
    const read = importReviewText(exportReviewText(file));
    expect(read).toMatchObject({ ok: true, review: { stage, reviewer: { name: '赵专家' } } });
    expect(reviewFilename(file)).toBe('评审意见_王老师_县级专家团队审核认定_20250620.json');
  });

  it('is taken in by the school as the county’s result, after both school stages', () => {
    const read = importReviewText(exportReviewText(countyReview(stage)));
    if (!read.ok) throw new Error(read.error);
    const grade = read.review.abilities['C5']?.grade;
    expect(grade).toBe('合格');
    const outcome: StageOutcome = { grade, stale: false };
    const outcomes = new Map<string, StageOutcome>([
      ['教师组内互评', { grade: '合格', stale: false }],
      ['信息化团队复评', { grade: '合格', stale: false }],
    ]);
    expect(planAbilityStatus(plan.stages, outcomes).detail).toBe(`校内评审已完成，待${stage}`);
    outcomes.set(read.review.stage, outcomeFromReview(outcome, read.review));
    expect(planAbilityStatus(plan.stages, outcomes)).toMatchObject({ status: '已通过', final: '合格' });
    expect(outcomes.get(stage)).toEqual({
      grade: '合格',
      stale: false,
      by: '赵专家',
      at: '2025-06-20',
      from: '评审意见文件',
    });
  });

  it('accepts every stage name a plan can hold, the handbook’s 县级审核认定 among them', () => {
    expect(importReviewText(exportReviewText(countyReview(COUNTY_STAGE)))).toMatchObject({
      ok: true,
      review: { stage: COUNTY_STAGE },
    });
    fc.assert(
      fc.property(
        fc
          .string({ minLength: 1, maxLength: PLAN_BOUNDS.stageChars })
          .filter((s) => s.trim() === s && s !== ''),
        (name) => {
          const read = importReviewText(exportReviewText(countyReview(name)));
          expect(read.ok && read.review.stage).toBe(name);
        },
      ),
    );
  });
});
