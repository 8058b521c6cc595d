import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeAbility, type Rubric } from '../../../src/lib/grading/grading';
import {
  abilitiesNotReady,
  gradingReadiness,
  readinessText,
} from '../../../src/lib/rubrics/rubric-readiness';

const criteria = { excellent: ['优'], pass: ['合'] };

describe('gradingReadiness', () => {
  it('says a rubric without items, or with an item left at 考核指南没有写明, cannot grade, and which', () => {
    expect(gradingReadiness([])).toEqual({ canGrade: false, missing: ['还没有证据项：至少要有一项证据。'] });
    const partial = gradingReadiness([
      { label: '1', name: '教学设计', graded: true, criteria },
      { label: '2', name: '课堂实录', graded: 'unknown' },
      { label: '3', name: '反思', graded: false },
    ]);
    expect(partial.canGrade).toBe(false);
    expect(readinessText(partial)).toBe(
      '还不能评分：第 2 项证据“课堂实录”：还没写明是否评分（考核指南没有写明）；要评分的请填写优秀和合格标准。',
    );
    expect(gradingReadiness([{ label: '1', name: '设计', graded: true }])).toEqual({
      canGrade: false,
      missing: ['第 1 项证据“设计”：要评分，但还没有优秀和合格标准。'],
    });
    expect(readinessText(gradingReadiness([{ label: '1', name: '设计', graded: false }]))).toBe('可以评分。');
  });

  it('property: it can grade exactly when grading.ts gives the ability a grade once everything is met', () => {
    const itemArb = fc.record({
      graded: fc.constantFrom(true, false, 'unknown' as const),
      withCriteria: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(itemArb, { maxLength: 5 }), (specs) => {
        const items = specs.map((s, i) => ({
          id: `i${i}`,
          label: String(i + 1),
          name: `项${i + 1}`,
          forms: ['文本'],
          required: true,
          graded: s.graded,
          limits: {},
          ...(s.withCriteria && s.graded === true ? { criteria } : {}),
        }));
        const rubric: Rubric = { code: 'A5', name: 'A5', origin: '手册', alternativeGroups: [], items };
        const allMet = {
          chosen: {},
          items: Object.fromEntries(
            items.map((i) => [i.id, { present: true, files: [], excellent: [0], pass: [0] }]),
          ),
        };
        const readiness = gradingReadiness(items);
        const graded = gradeAbility(rubric, allMet).grade !== undefined;
        expect(readiness.canGrade).toBe(items.length > 0 && graded);
        if (!readiness.canGrade) expect(readiness.missing.length).toBeGreaterThan(0);
      }),
    );
  });

  it('names each ability of a pack that cannot grade', () => {
    expect(
      abilitiesNotReady([
        { code: 'A1', evidence: [{ label: '1', name: '设计', graded: false }] },
        { code: 'A5', evidence: [{ label: '1', name: '课例', graded: 'unknown' }] },
      ]),
    ).toEqual([
      'A5 还不能评分：第 1 项证据“课例”：还没写明是否评分（考核指南没有写明）；要评分的请填写优秀和合格标准。',
    ]);
  });
});
