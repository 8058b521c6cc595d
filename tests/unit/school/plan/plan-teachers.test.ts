import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyArchive, type TypedStageResult } from '../../../../src/lib/school/archive-file';
import { mergeArchive } from '../../../../src/lib/school/archive-merge';
import { archiveRows } from '../../../../src/lib/school/archive-rows';
import { summarize } from '../../../../src/lib/school/archive-summary';
import { missingStages, reviewerProgress, teacherLines } from '../../../../src/lib/school/plan/plan-teachers';
import type { Draft } from '../../../../src/lib/self-check/draft';
import type { ReviewFile } from '../../../../src/lib/review/review-file';
import { makeDraft, makeReview, TEST_ABILITIES, defined, testId } from '../../../support/archive-fixtures';
import { xushuiPlan } from '../../../support/plan-fixtures';
import { cachedContentHash } from '../../../../src/lib/school/archive-merge';

const plan = xushuiPlan();
const [GROUP, TEAM, COUNTY] = ['教师组内互评', '信息化团队复评', '县级专家团队审核认定'];

/** 王芳 (骨干) through both school stages in C5, C6, A1; 张伟 (其他) 组内互评 only; 李娜 off the rule. */
function school(typed: TypedStageResult[] = [], extra: { drafts?: Draft[]; reviews?: ReviewFile[] } = {}) {
  const wang = makeDraft({ id: testId(101), name: '王芳', levels: { C5: '优秀', C6: '合格', A1: '合格' } });
  const zhang = makeDraft({ id: testId(102), name: ' 张 伟 ', subject: '英语', levels: { C5: '合格' } });
  const li = makeDraft({ id: testId(103), name: '李娜', subject: '数学', levels: { C6: '合格' } });
  const reviews = [
    makeReview(wang, { stage: GROUP, levels: { C5: '优秀', C6: '合格', A1: '合格' } }),
    makeReview(wang, {
      stage: TEAM,
      reviewedAt: '2026-03-08T08:00:00Z',
      levels: { C5: '优秀', C6: '合格', A1: '合格' },
    }),
    makeReview(zhang, { stage: GROUP, levels: { C5: '合格' } }),
  ];
  const archive = {
    ...emptyArchive(),
    selfChecks: [wang, zhang, li, ...(extra.drafts ?? [])],
    reviews: [...reviews, ...(extra.reviews ?? [])],
  };
  const merged = mergeArchive(
    archive,
    plan.stages.map((s) => s.name),
  );
  const rows = archiveRows(merged, TEST_ABILITIES, { stages: plan.stages, typed });
  const loaded = merged.teachers.map((t) => ({
    id: t.id,
    name: t.draft.profile.name,
    subject: t.draft.profile.subject,
    level: t.draft.profile.stage,
    abilities: t.draft.abilities,
  }));
  const lines = teacherLines(plan, loaded, rows, TEST_ABILITIES);
  return { wang, zhang, li, merged, rows, lines };
}

const lineOf = (lines: ReturnType<typeof school>['lines'], name: string) =>
  defined(
    lines.find((l) => l.name === name),
    name,
  );

describe('one line per teacher', () => {
  it('lists the roster in its order, then nobody else; who handed in nothing says so', () => {
    const { lines } = school();
    expect(lines.map((l) => l.name)).toEqual(plan.roster.map((t) => t.name));
    const missing = lines.filter((l) => l.status === '未提交').map((l) => l.name);
    expect(missing).toEqual(['刘洋', '陈静', '杨光', '赵敏', '孙丽']);
    expect(lineOf(lines, '刘洋')).toMatchObject({ detail: '未提交自评', abilities: [], rule: undefined });
  });

  it('a teacher through both school stages is 校内评审已完成，待县级审核认定 and ready for the county', () => {
    const { lines } = school();
    const wang = lineOf(lines, '王芳');
    expect(wang.status).toBe('校内评审已完成');
    expect(wang.abilities.map((a) => [a.code, a.detail])).toEqual([
      ['C5', `校内评审已完成，待${COUNTY}`],
      ['C6', `校内评审已完成，待${COUNTY}`],
      ['A1', `校内评审已完成，待${COUNTY}`],
    ]);
    expect(wang.ready).toBe(true);
    expect(wang.final).toBeUndefined();
    // 骨干: 3 abilities, one from 混合 or 智慧, A1 required — all met.
    expect(wang.rule).toMatchObject({ met: true, missing: [] });
    expect(wang.dimensions).toEqual(['学情分析', '学法指导', '学业评价']);
    expect(wang.environments).toEqual(['多媒体教学环境', '智慧学习环境']);
  });

  it('matches a name typed with spaces to the roster, and says what the rule still misses', () => {
    const { lines } = school();
    const zhang = lineOf(lines, '张伟');
    expect(zhang.onRoster).toBe(true);
    expect(zhang.category).toBe('其他');
    expect(zhang.status).toBe('待复评');
    expect(zhang.ready).toBe(false);
    expect(zhang.rule?.met).toBe(false);
    expect(zhang.rule?.missing[0]).toMatch(/还差 2 个微能力点/);
    // 李娜 is 骨干: C6 alone misses the count and the required A1.
    const li = lineOf(lines, '李娜');
    expect(li.rule?.missing.join('\n')).toMatch(/还差必修 A1/);
    expect(li.status).toBe('未评审');
  });

  it('a name off the roster gets its own line, with a warning and no rule', () => {
    const stranger = makeDraft({ name: '周杰', levels: { C5: '合格' } });
    const { lines } = school([], { drafts: [stranger] });
    const line = lineOf(lines, '周杰');
    expect(line.onRoster).toBe(false);
    expect(line.rule).toBeUndefined();
    expect(line.note).toMatch(/不在学校考核方案的教师名单中/);
    expect(lines.at(-1)?.name).toBe('周杰');
  });

  it('the county’s result typed in makes the teacher 已通过, with the lowest result as final', () => {
    const first = school();
    const typed = ['C5', 'C6', 'A1'].map((code): TypedStageResult => ({
      teacher: '王芳',
      code,
      stage: COUNTY,
      grade: code === 'C5' ? '优秀' : '合格',
      by: '徐水区专家组',
      at: '2026-04-01',
      contentHash: cachedContentHash(first.wang),
    }));
    const { lines, rows } = school(typed);
    const wang = lineOf(lines, '王芳');
    expect(wang.status).toBe('已通过');
    expect(wang.final).toBe('合格');
    expect(wang.ready).toBe(false);
    const c5 = defined(rows.find((r) => r.teacher === '王芳' && r.code === 'C5'));
    expect(c5.stages[2]).toMatchObject({ grade: '优秀', reviewer: '徐水区专家组', typed: true });
    // A result typed for an older version of the self-check asks for a new decision.
    const old = typed.map((t) => ({ ...t, contentHash: 'e'.repeat(64) }));
    expect(lineOf(school(old).lines, '王芳').status).toBe('需重新评审');
  });

  it('the county’s review file, loaded like any review, records its result with who and when', () => {
    const base = school();
    const countyReview = makeReview(base.wang, {
      stage: COUNTY,
      reviewer: '徐水区专家组',
      reviewedAt: '2026-04-02T08:00:00Z',
      levels: { C5: '不合格', C6: '合格', A1: '合格' },
    });
    const { rows, lines } = school([], { reviews: [countyReview] });
    const c5 = defined(rows.find((r) => r.teacher === '王芳' && r.code === 'C5'));
    expect(c5.status).toBe('需修改');
    expect(c5.detail).toBe(`${COUNTY}不合格（徐水区专家组，2026-04-02），退回修改`);
    expect(lineOf(lines, '王芳').status).toBe('需修改');
  });
});

describe('the figures count 校内评审已完成', () => {
  it('a teacher done at school is counted apart from 评审中, and the four add up', () => {
    const { rows, merged } = school();
    const s = summarize(
      rows,
      merged.teachers.map((t) => t.id),
    );
    expect(s).toMatchObject({ teachers: 3, passed: 0, schoolDone: 1, inReview: 1, notReviewed: 1 });
  });

  it('property: passed + schoolDone + inReview + notReviewed is the number of teachers', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('优秀', '合格', '不合格', undefined), { minLength: 3, maxLength: 3 }),
        (levels) => {
          const drafts = ['甲', '乙', '丙'].map((name) => makeDraft({ name, levels: { C5: '合格' } }));
          const reviews = drafts.flatMap((d, i) => {
            const level = levels[i];
            return level ? [GROUP, TEAM].map((stage) => makeReview(d, { stage, levels: { C5: level } })) : [];
          });
          const merged = mergeArchive(
            { ...emptyArchive(), selfChecks: drafts, reviews },
            plan.stages.map((s) => s.name),
          );
          const rows = archiveRows(merged, TEST_ABILITIES, { stages: plan.stages });
          const s = summarize(
            rows,
            merged.teachers.map((t) => t.id),
          );
          expect(s.passed + s.schoolDone + s.inReview + s.notReviewed).toBe(3);
          expect(s.schoolDone).toBe(levels.filter((l) => l === '优秀' || l === '合格').length);
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('the roster against the files', () => {
  it('names who lacks a review at each school stage, and whether its deadline has passed', () => {
    const { lines, rows, merged } = school();
    const missing = missingStages(plan, lines, rows, merged.stages, new Date('2025-06-01T00:00:00Z'));
    expect(missing).toEqual([
      {
        stage: GROUP,
        deadline: '2025-05-31',
        overdue: true,
        teachers: [{ name: '李娜', codes: ['C6'] }],
      },
      {
        stage: TEAM,
        deadline: '2025-06-15',
        overdue: false,
        teachers: [
          { name: '李娜', codes: ['C6'] },
          { name: '张伟', codes: ['C5'] },
        ],
      },
    ]);
  });

  it('shows each reviewer’s progress on the teachers assigned: done, to do, waiting for a file', () => {
    const { lines, rows, merged } = school();
    expect(reviewerProgress(plan, lines, rows, merged.stages)).toEqual([
      { reviewer: '语文组', stage: GROUP, done: ['王芳'], toDo: [], waiting: ['孙丽'] },
      {
        reviewer: '信息化团队',
        stage: TEAM,
        done: ['王芳'],
        toDo: ['李娜', '张伟'],
        waiting: ['刘洋', '陈静', '杨光', '赵敏', '孙丽'],
      },
    ]);
  });
});
