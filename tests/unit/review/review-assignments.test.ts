import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  assignedStageOf,
  assignedStages,
  countyStage,
  findChoice,
  isAssignedAt,
  reviewerChoices,
  unassignedLoaded,
  stageSummary,
  type AssignedStage,
  type ReviewerChoice,
} from '../../../src/lib/review/review-assignments';
import { buildReviewFile } from '../../../src/lib/review/review';
import type { Draft } from '../../../src/lib/self-check/draft';
import { normalName } from '../../../src/lib/school/plan/roster-import';
import { planArb, xushuiPlan } from '../../support/plan-fixtures';
import { teacherDraft } from '../../support/teacher-draft';

const PLAN = xushuiPlan();

function draftOf(name: string, n: number, savedAt = '2025-04-01T08:00:00.000Z'): Draft {
  const d = teacherDraft();
  return {
    ...d,
    id: `0f8e6c2a-1b3d-4e5f-8a9b-${String(n).padStart(12, '0')}`,
    savedAt,
    profile: { ...d.profile, name },
  };
}

const review = (draft: Draft, stage: string, reviewer: string) =>
  buildReviewFile({
    draft,
    reviewer: { name: reviewer, role: '' },
    stage,
    reviewedAt: new Date('2025-05-20T08:00:00.000Z'),
    abilities: [],
  });

const choice = (id: string): ReviewerChoice => {
  const c = findChoice(PLAN, id);
  if (!c) throw new Error(id);
  return c;
};

const states = (stages: AssignedStage[]) =>
  stages.map((s) => ({ stage: s.stage, teachers: s.teachers.map((t) => `${t.name}:${t.state}`) }));

describe('who the reviewer can say they are', () => {
  it('offers each reviewer or group of the plan, then the county’s stage no one is assigned to', () => {
    expect(reviewerChoices(PLAN)).toEqual([
      { id: 'reviewer:语文组', label: '语文组（教师组内互评）', reviewer: '语文组' },
      { id: 'reviewer:信息化团队', label: '信息化团队（信息化团队复评）', reviewer: '信息化团队' },
      {
        id: 'stage:县级专家团队审核认定',
        label: '县级专家团队审核认定（校外环节，评审本校名单上的教师）',
        stage: '县级专家团队审核认定',
      },
    ]);
  });

  it('names a reviewer once with all their stages, and offers no sampled stage', () => {
    const plan = {
      ...PLAN,
      assignments: [
        { reviewer: '王老师', stage: '教师组内互评', teachers: ['王芳'] },
        { reviewer: '王老师', stage: '信息化团队复评', teachers: ['李娜'] },
        { reviewer: '县专家组', stage: '县级专家团队审核认定', teachers: ['王芳'] },
      ],
    };
    expect(reviewerChoices(plan).map((c) => c.label)).toEqual([
      '王老师（教师组内互评、信息化团队复评）',
      '县专家组（县级专家团队审核认定）',
    ]);
  });

  it('finds the county’s stage: the last outside stage that is not sampled', () => {
    expect(countyStage(PLAN)).toBe('县级专家团队审核认定');
    expect(countyStage({ stages: PLAN.stages.filter((s) => !s.outside) })).toBeUndefined();
  });
});

describe('the teachers assigned to a reviewer', () => {
  const wang = draftOf('王芳', 1);
  const sun = draftOf('孙 丽', 2);

  it('lists 语文组’s two teachers at 组内互评: one loaded to do, one not loaded', () => {
    const stages = assignedStages({
      plan: PLAN,
      choice: choice('reviewer:语文组'),
      loaded: [{ draft: wang }],
      reviews: [],
      names: ['语文组'],
    });
    expect(states(stages)).toEqual([{ stage: '教师组内互评', teachers: ['王芳:todo', '孙丽:missing'] }]);
    expect(stages[0]?.teachers[0]?.draftId).toBe(wang.id);
    expect(stageSummary(stages[0] as AssignedStage)).toBe('共 2 人：待评审 1 人，未载入自评文件 1 人');
  });

  it('matches names as the roster does (spaces inside a Chinese name do not count)', () => {
    const stages = assignedStages({
      plan: PLAN,
      choice: choice('reviewer:语文组'),
      loaded: [{ draft: wang }, { draft: sun }],
      reviews: [],
      names: [],
      key: normalName,
    });
    expect(states(stages)[0]?.teachers).toEqual(['王芳:todo', '孙丽:todo']);
  });

  it('is done once this reviewer’s review of the current self-check is there, at that stage', () => {
    const args = {
      plan: PLAN,
      choice: choice('reviewer:语文组'),
      loaded: [{ draft: wang }],
      names: ['语文组', '李老师'],
    };
    expect(states(assignedStages({ ...args, reviews: [review(wang, '教师组内互评', '李老师')] }))[0]).toEqual(
      {
        stage: '教师组内互评',
        teachers: ['王芳:done', '孙丽:missing'],
      },
    );
    // Another reviewer's review, or one at another stage, leaves it to do.
    for (const other of [review(wang, '教师组内互评', '张老师'), review(wang, '信息化团队复评', '李老师')])
      expect(assignedStages({ ...args, reviews: [other] })[0]?.teachers[0]?.state).toBe('todo');
  });

  it('asks for a new review when the teacher resubmitted after it', () => {
    const before = review(wang, '教师组内互评', '语文组');
    const resubmitted: Draft = {
      ...wang,
      savedAt: '2025-05-25T08:00:00.000Z',
      evidence: {
        C5: { ...wang.evidence['C5'], chosen: {}, items: { ...wang.evidence['C5']?.items } },
      },
    };
    const c5 = resubmitted.evidence['C5'];
    if (!c5?.items['scenario']) throw new Error('fixture');
    c5.items['scenario'] = { ...c5.items['scenario'], description: '改写后的情境' };
    const stages = assignedStages({
      plan: PLAN,
      choice: choice('reviewer:语文组'),
      loaded: [{ draft: resubmitted, resubmitted: { since: wang.savedAt, changed: {} } }],
      reviews: [before],
      names: ['语文组'],
    });
    expect(stages[0]?.teachers[0]).toMatchObject({ name: '王芳', state: 'redo', updated: true });
    expect(stageSummary(stages[0] as AssignedStage)).toBe('共 2 人：需重新评审 1 人，未载入自评文件 1 人');
  });

  it('takes the most recently saved self-check when two carry the teacher’s name', () => {
    const newer = { ...draftOf('王芳', 9), savedAt: '2025-05-01T08:00:00.000Z' };
    const stages = assignedStages({
      plan: PLAN,
      choice: choice('reviewer:语文组'),
      loaded: [{ draft: newer }, { draft: wang }],
      reviews: [],
      names: [],
    });
    expect(stages[0]?.teachers[0]?.draftId).toBe(newer.id);
  });

  it('gives the county’s experts the whole roster at 审核认定', () => {
    const stages = assignedStages({
      plan: PLAN,
      choice: choice('stage:县级专家团队审核认定'),
      loaded: [{ draft: wang }],
      reviews: [review(wang, '县级专家团队审核认定', '赵专家')],
      names: ['赵专家'],
    });
    expect(stages).toHaveLength(1);
    expect(stages[0]?.stage).toBe('县级专家团队审核认定');
    expect(stages[0]?.outside).toBe(true);
    expect(stages[0]?.teachers.map((t) => t.name)).toEqual(PLAN.roster.map((t) => t.name));
    expect(stages[0]?.counts).toEqual({ todo: 0, redo: 0, done: 1, missing: 7 });
  });

  it('says at which stage a loaded teacher is reviewed: the first still to do', () => {
    const plan = {
      ...PLAN,
      assignments: [
        { reviewer: '王老师', stage: '教师组内互评', teachers: ['王芳'] },
        { reviewer: '王老师', stage: '信息化团队复评', teachers: ['王芳'] },
      ],
    };
    const args = { plan, choice: choice2(plan), loaded: [{ draft: wang }], names: ['王老师'] };
    expect(assignedStageOf(assignedStages({ ...args, reviews: [] }), wang.id)).toBe('教师组内互评');
    const done = [review(wang, '教师组内互评', '王老师')];
    expect(assignedStageOf(assignedStages({ ...args, reviews: done }), wang.id)).toBe('信息化团队复评');
    const both = [...done, review(wang, '信息化团队复评', '王老师')];
    expect(assignedStageOf(assignedStages({ ...args, reviews: both }), wang.id)).toBe('教师组内互评');
    expect(assignedStageOf(assignedStages({ ...args, reviews: [] }), 'someone-else')).toBeUndefined();
  });

  it('tells the self-checks assigned to the reviewer from those opened that are not', () => {
    const li = draftOf('李娜', 3);
    const nameless = draftOf('  ', 4);
    const loaded = [{ draft: wang }, { draft: li }, { draft: nameless }];
    const stages = assignedStages({
      plan: PLAN,
      choice: choice('reviewer:语文组'),
      loaded,
      reviews: [],
      names: [],
    });
    expect(unassignedLoaded(stages, loaded)).toEqual(['李娜', '未署名的教师']);
    expect(isAssignedAt(stages, wang.id, '教师组内互评')).toBe(true);
    expect(isAssignedAt(stages, wang.id, '信息化团队复评')).toBe(false);
    expect(isAssignedAt(stages, li.id, '教师组内互评')).toBe(false);
  });

  it('lists every assigned teacher exactly once per stage, whatever the plan and files', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 6 }),
        fc.nat(),
        (plan, picks, reviewed, pick) => {
          // Assignments that repeat names and split them over reviewers, as a school might write.
          const names = plan.roster.map((t) => t.name);
          const withRepeats = {
            ...plan,
            assignments: [
              ...plan.assignments,
              ...plan.assignments.map((a) => ({ ...a, teachers: [...a.teachers].reverse() })),
            ],
          };
          const drafts = picks.flatMap((p, i) =>
            names.length > 0 ? [draftOf(names[p % names.length] ?? '', i)] : [],
          );
          const stage = plan.stages[0]?.name ?? '';
          const reviews = reviewed.flatMap(([p, mine]) => {
            const d = drafts[p % Math.max(drafts.length, 1)];
            return d ? [review(d, stage, mine ? '信息化团队' : '别人')] : [];
          });
          const choices = reviewerChoices(withRepeats);
          const c = choices[pick % Math.max(choices.length, 1)];
          if (!c) return;
          const stages = assignedStages({
            plan: withRepeats,
            choice: c,
            loaded: drafts.map((draft) => ({ draft })),
            reviews,
            names: ['信息化团队'],
            key: normalName,
          });
          for (const s of stages) {
            const expected = new Set(
              c.stage !== undefined
                ? names.map(normalName)
                : withRepeats.assignments
                    .filter((a) => a.reviewer === c.reviewer && a.stage === s.stage)
                    .flatMap((a) => a.teachers.map(normalName)),
            );
            expected.delete('');
            const listed = s.teachers.map((t) => normalName(t.name));
            expect(new Set(listed)).toEqual(expected);
            expect(listed).toHaveLength(expected.size);
            const counted = Object.values(s.counts).reduce((a, b) => a + b, 0);
            expect(counted).toBe(s.teachers.length);
            for (const t of s.teachers) expect(t.state === 'missing').toBe(t.draftId === undefined);
          }
          // Stages in the plan's order, each at most once.
          const order = stages.map((s) => plan.stages.findIndex((p) => p.name === s.stage));
          expect(order).toEqual([...order].sort((a, b) => a - b));
          expect(new Set(order).size).toBe(order.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});

function choice2(plan: Parameters<typeof reviewerChoices>[0]): ReviewerChoice {
  const c = reviewerChoices(plan)[0];
  if (!c) throw new Error('no choice');
  return c;
}
