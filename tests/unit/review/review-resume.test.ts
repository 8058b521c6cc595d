/**
 * 以此继续评审: a review of this very self-check comes back whole; one of an earlier version brings
 * back its comments only, and says so; the page asks first when it would replace entries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReviewFile, type ReviewerAbilityInput } from '../../../src/lib/review/review';
import { hasReviewerEntries, resumedMessage, resumeReview } from '../../../src/lib/review/review-resume';
import { handbookRubric, teacherDraft } from '../../support/review-fixtures';

const C5 = handbookRubric('C5');
const input: ReviewerAbilityInput = {
  comment: '整体合格。',
  items: {
    'case-video': { excellent: [0, 2], pass: [0, 1, 2, 3, 4], comment: '数据来源单一。' },
    scenario: { excellent: [], pass: [], comment: '情境清楚。' },
  },
};
const review = (draft = teacherDraft()) =>
  buildReviewFile({
    draft,
    reviewer: { name: '李老师', role: '教研组长' },
    stage: '教师组内互评',
    reviewedAt: new Date('2025-04-02T09:30:00.000Z'),
    abilities: [{ code: 'C5', rubric: C5, input }],
  });

/** The same self-check after the teacher changed one description and saved it again. */
function changedDraft() {
  const draft = teacherDraft();
  const scenario = draft.evidence['C5']?.items['scenario'];
  if (scenario) scenario.description = '初二（3）班分层作业，改为两个课时';
  return { ...draft, savedAt: '2025-04-03T08:00:00.000Z' };
}

describe('resumeReview', () => {
  it('brings back every tick and comment of a review of this very self-check', () => {
    const resumed = resumeReview(review(), teacherDraft());
    expect(resumed.outdated).toBe(false);
    expect(resumed.ticksLeftOut).toBe(0);
    // The file records every item of the rubric; those not judged come back empty.
    expect(resumed.inputs['C5']).toEqual({
      comment: input.comment,
      items: { ...input.items, 'student-accounts': { excellent: [], pass: [], comment: '' } },
    });
    expect(resumedMessage(review(), resumed)).toBe('已载入李老师的教师组内互评意见，可以继续修改。');
  });

  it('brings back only the comments of a review of an earlier version, and counts the ticks left out', () => {
    const resumed = resumeReview(review(), changedDraft());
    expect(resumed.outdated).toBe(true);
    expect(resumed.ticksLeftOut).toBe(1);
    expect(resumed.inputs['C5']).toEqual({
      comment: '整体合格。',
      items: {
        'case-video': { excellent: [], pass: [], comment: '数据来源单一。' },
        scenario: { excellent: [], pass: [], comment: '情境清楚。' },
        'student-accounts': { excellent: [], pass: [], comment: '' },
      },
    });
    const message = resumedMessage(review(), resumed);
    expect(message).toContain('写于教师修改自评之前');
    expect(message).toContain('原来的勾选（1 项证据）没有载入');
  });

  it('leaves out abilities the teacher no longer has', () => {
    const draft = { ...changedDraft(), abilities: [] };
    expect(resumeReview(review(), draft).inputs).toEqual({});
  });

  it('never carries a tick from an outdated review, whatever the file holds', () => {
    const ticks = fc.array(fc.integer({ min: 0, max: 49 }), { maxLength: 10 });
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.constantFrom('scenario', 'case-video', 'student-accounts'),
          fc.record({ excellent: ticks, pass: ticks, comment: fc.string({ maxLength: 20 }) }),
        ),
        (items) => {
          const file = buildReviewFile({
            draft: teacherDraft(),
            reviewer: { name: '李老师', role: '' },
            stage: '复评',
            reviewedAt: new Date('2025-04-02T09:30:00.000Z'),
            abilities: [{ code: 'C5', rubric: C5, input: { comment: '', items } }],
          });
          const resumed = resumeReview(file, changedDraft());
          for (const item of Object.values(resumed.inputs['C5']?.items ?? {})) {
            expect(item.excellent).toEqual([]);
            expect(item.pass).toEqual([]);
          }
          const comments = Object.values(resumed.inputs['C5']?.items ?? {}).map((i) => i.comment);
          expect(comments).toEqual(Object.values(file.abilities['C5']?.items ?? {}).map((i) => i.comment));
        },
      ),
    );
  });
});

describe('hasReviewerEntries', () => {
  it('is false for nothing or only blank comments, true for any tick or written comment', () => {
    expect(hasReviewerEntries({})).toBe(false);
    expect(
      hasReviewerEntries({ C5: { comment: ' ', items: { a: { excellent: [], pass: [], comment: '' } } } }),
    ).toBe(false);
    expect(
      hasReviewerEntries({ C5: { comment: '', items: { a: { excellent: [], pass: [1], comment: '' } } } }),
    ).toBe(true);
    expect(hasReviewerEntries({ C5: { comment: '好', items: {} } })).toBe(true);
    expect(
      hasReviewerEntries({
        C5: { comment: '', items: { a: { excellent: [], pass: [], comment: '需补充' } } },
      }),
    ).toBe(true);
  });
});
