import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addToCounty,
  EMPTY_COUNTY,
  readCountyFile,
  type CountyState,
} from '../../../../src/lib/school/handoff/county-intake';
import { countyView, type CountyView } from '../../../../src/lib/school/handoff/county-view';
import { exportHandoffText, type HandoffFile } from '../../../../src/lib/school/handoff/handoff-file';
import { exportReviewText, type ReviewFile } from '../../../../src/lib/review/review-file';
import { PLAN_STATUSES } from '../../../../src/lib/school/plan/plan-stages';
import { makeReview, TEST_ABILITIES, type Level } from '../../../support/archive-fixtures';
import { buildHandoff, COUNTY_STAGE, type HandoffTeacher } from '../../../e2e/county-fixture';

const TEACHERS: HandoffTeacher[] = [
  { name: '王芳', levels: { C5: '合格', A1: '优秀' } },
  { name: '李娜', levels: { C6: '合格' }, county: '合格' },
  { name: '张伟', levels: { C5: '合格' }, reviewed: 1 },
  { name: '刘洋', levels: { C5: '不合格' } },
];

function state(handoffs: HandoffFile[], reviews: ReviewFile[] = []): CountyState {
  const batch = [
    ...handoffs.map((h, i) => readCountyFile({ name: `${i}.json`, size: 1, text: exportHandoffText(h) })),
    ...reviews.map((r, i) => readCountyFile({ name: `r${i}.json`, size: 1, text: exportReviewText(r) })),
  ];
  return addToCounty(EMPTY_COUNTY, batch).state;
}

const teacher = (view: CountyView, name: string) => {
  const found = [...view.teachers.values()].flat().find((t) => t.name === name);
  if (!found) throw new Error(`no teacher ${name}`);
  return found;
};

const school = buildHandoff({ school: '徐水区实验小学', idBase: 1, teachers: TEACHERS });
const draftOf = (name: string) => {
  const d = school.selfChecks.find((s) => s.profile.name === name);
  if (!d) throw new Error(name);
  return d;
};
const countyReview = (
  name: string,
  levels: Record<string, Level>,
  extra: { contentHash?: string; stage?: string } = {},
) =>
  makeReview(draftOf(name), {
    stage: extra.stage ?? COUNTY_STAGE,
    reviewer: '县专家组',
    role: '县级专家团队',
    reviewedAt: '2025-06-25T08:00:00.000Z',
    levels,
    ...(extra.contentHash ? { contentHash: extra.contentHash } : {}),
  });

describe('the county view of one school', () => {
  it('shows the school’s stages done as 校内评审已完成, a recorded county result, and what is still at school', () => {
    const view = countyView(state([school]), TEST_ABILITIES);
    const [summary] = view.schools;
    expect(summary).toMatchObject({
      name: '徐水区实验小学',
      region: 'xushui',
      round: '2024—2025 学年',
      teachers: 4,
      roster: 4,
      countyStage: COUNTY_STAGE,
    });
    expect(summary?.counts).toMatchObject({ 校内评审已完成: 1, 已通过: 1, 待复评: 1, 需修改: 1 });
    const wang = teacher(view, '王芳');
    expect(wang.status).toBe('校内评审已完成');
    expect(wang.abilities.map((a) => [a.code, a.schoolGrade, a.county, a.detail])).toEqual([
      ['C5', '合格', undefined, `校内评审已完成，待${COUNTY_STAGE}`],
      ['A1', '优秀', undefined, `校内评审已完成，待${COUNTY_STAGE}`],
    ]);
    const li = teacher(view, '李娜');
    expect(li.status).toBe('已通过');
    expect(li.abilities[0]?.county).toEqual({
      grade: '合格',
      stale: false,
      by: '县专家组',
      at: '2025-06-18',
      from: '学校移交的记录',
    });
    expect(teacher(view, '张伟')).toMatchObject({ status: '待复评', detail: '待复评：C5' });
    expect(teacher(view, '刘洋').abilities[0]).toMatchObject({ status: '需修改', schoolGrade: undefined });
    expect(view.totals).toMatchObject({ schools: 1, teachers: 4, 已通过: 1 });
  });

  it('takes the county’s own review files into the statuses: 已通过, 需修改, 需重新评审', () => {
    const reviews = [
      countyReview('王芳', { C5: '优秀', A1: '合格' }),
      countyReview('李娜', { C6: '不合格' }),
    ];
    const view = countyView(state([school], reviews), TEST_ABILITIES);
    const wang = teacher(view, '王芳');
    expect(wang.status).toBe('已通过');
    expect(wang.abilities.map((a) => [a.code, a.county?.grade, a.county?.from, a.final])).toEqual([
      ['C5', '优秀', '本页载入的评审意见', '优秀'],
      ['A1', '合格', '本页载入的评审意见', '合格'],
    ]);
    // The county's review file wins over the result the school recorded earlier.
    const li = teacher(view, '李娜');
    expect(li.status).toBe('需修改');
    expect(li.abilities[0]?.detail).toBe(`${COUNTY_STAGE}不合格（县专家组，2025-06-25），退回修改`);
    expect(view.reviewsUsed).toBe(2);

    const stale = countyView(
      state([school], [countyReview('王芳', { C5: '合格' }, { contentHash: 'f'.repeat(64) })]),
      TEST_ABILITIES,
    );
    expect(teacher(stale, '王芳').abilities[0]).toMatchObject({
      status: '需重新评审',
      county: { stale: true },
    });
  });

  it('names a county review that belongs to no school opened, or is not at a stage after the school', () => {
    const other = buildHandoff({
      school: '别的学校',
      idBase: 900,
      teachers: [{ name: '赵敏', levels: { C5: '合格' } }],
    });
    const orphan = makeReview(other.selfChecks[0] ?? draftOf('王芳'), {
      stage: COUNTY_STAGE,
      levels: { C5: '合格' },
    });
    const atSchool = countyReview('王芳', { C5: '不合格' }, { stage: '信息化团队复评' });
    const view = countyView(state([school], [orphan, atSchool]), TEST_ABILITIES);
    expect(view.reviewNotices).toHaveLength(2);
    expect(view.reviewNotices[0]).toMatch(/^赵敏的“县级专家团队审核认定”评审意见（李老师）找不到对应的教师/);
    expect(view.reviewNotices[1]).toMatch(
      /环节不是徐水区实验小学（2024—2025 学年）方案中校外的环节（县级专家团队审核认定、省市抽查），未计入/,
    );
    // Not counted: 王芳 stays ready for the county.
    expect(teacher(view, '王芳').status).toBe('校内评审已完成');
    expect(view.reviewsUsed).toBe(0);
  });

  it('marks a teacher handed over who is not on the plan’s roster', () => {
    const h = buildHandoff({
      school: '徐水区实验小学',
      idBase: 50,
      teachers: [{ name: '王芳', levels: { C5: '合格' } }],
    });
    const extra = buildHandoff({
      school: '徐水区实验小学',
      idBase: 60,
      teachers: [{ name: '外校老师', levels: { C5: '合格' } }],
    });
    const mixed: HandoffFile = { ...h, selfChecks: [...h.selfChecks, ...extra.selfChecks] };
    const view = countyView(state([mixed]), TEST_ABILITIES);
    expect(teacher(view, '外校老师')).toMatchObject({ onRoster: false, category: '' });
    expect(teacher(view, '王芳')).toMatchObject({ onRoster: true, category: '其他' });
  });
});

describe('the county view of many schools', () => {
  it('works out again only the school a new county review belongs to', () => {
    const other = buildHandoff({
      school: '徐水区第二小学',
      idBase: 500,
      teachers: [{ name: '赵敏', levels: { C5: '合格' } }],
    });
    const before = state([school, other]);
    const first = countyView(before, TEST_ABILITIES);
    const review = readCountyFile({
      name: 'r.json',
      size: 1,
      text: exportReviewText(countyReview('王芳', { C5: '合格', A1: '合格' })),
    });
    const after = countyView(addToCounty(before, [review]).state, TEST_ABILITIES);
    const [ours, theirs] = [...after.teachers.keys()];
    expect(after.teachers.get(theirs ?? '')).toBe(first.teachers.get(theirs ?? ''));
    expect(after.teachers.get(ours ?? '')).not.toBe(first.teachers.get(ours ?? ''));
    expect(teacher(after, '王芳').status).toBe('已通过');
    expect(teacher(first, '王芳').status).toBe('校内评审已完成');
  });

  const teacherArb = fc.record({
    levels: fc.constantFrom<Record<string, Level>[]>(
      { C5: '合格' },
      { C6: '优秀', A1: '合格' },
      { C5: '不合格' },
    ),
    reviewed: fc.constantFrom<0 | 1 | 2>(0, 1, 2),
    county: fc.option(fc.constantFrom<Level>('合格', '优秀', '不合格'), { nil: undefined }),
  });
  it('counts every teacher handed over once, under one status, per school and in all', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(teacherArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
        (schools) => {
          const handoffs = schools.map((teachers, s) =>
            buildHandoff({
              school: `第${s + 1}小学`,
              idBase: (s + 1) * 1000,
              teachers: teachers.map((t, i) => ({ ...t, name: `教师${s}-${i}` })),
            }),
          );
          const view = countyView(state(handoffs), TEST_ABILITIES);
          expect(view.schools).toHaveLength(schools.length);
          let all = 0;
          for (const [i, summary] of view.schools.entries()) {
            const sum = PLAN_STATUSES.reduce((n, s) => n + summary.counts[s], 0);
            expect(sum).toBe(schools[i]?.length);
            expect(summary.teachers).toBe(schools[i]?.length);
            all += sum;
          }
          expect(view.totals.teachers).toBe(all);
          expect(PLAN_STATUSES.reduce((n, s) => n + view.totals[s], 0)).toBe(all);
          for (const t of [...view.teachers.values()].flat()) {
            // Through only with the county's result in, and never with a 不合格 anywhere.
            if (t.status === '已通过')
              for (const a of t.abilities) expect(a.county?.grade).toMatch(/优秀|合格/);
            if (t.status === '校内评审已完成')
              for (const a of t.abilities) expect(a.schoolGrade).toBeDefined();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
