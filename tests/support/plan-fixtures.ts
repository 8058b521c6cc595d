/** A 徐水 school's plan and fast-check generators of valid plans, shared by the plan tests. */
import fc from 'fast-check';
import {
  makePlan,
  PLAN_BOUNDS,
  type PlanContent,
  type SchoolPlan,
  type SelectionRule,
} from '../../src/lib/school/plan/plan-file';
import { DIMENSIONS, ENVIRONMENTS, NATIONAL_CODES } from '../../src/lib/content/taxonomy';
import { packArb, textArb } from './rubric-arbitraries';

export const SAVED = new Date('2025-03-01T08:00:00.000Z');

/** Eight teachers in three categories, 徐水's stages and two reviewers. */
export const XUSHUI_PLAN: PlanContent = {
  school: { name: '徐水区实验小学', region: 'xushui', round: '2024—2025 学年' },
  deadlines: [
    { stage: '提交自评', date: '2025-05-15' },
    { stage: '教师组内互评', date: '2025-05-31' },
    { stage: '信息化团队复评', date: '2025-06-15' },
  ],
  categories: [
    { name: '50岁以上', rule: { count: 1, atLeast: [], required: [], offered: [] } },
    {
      name: '骨干',
      rule: {
        count: 3,
        atLeast: [{ count: 1, environments: ['混合学习环境', '智慧学习环境'], dimensions: [] }],
        required: ['A1'],
        offered: [],
      },
    },
    { name: '其他', rule: { count: 3, atLeast: [], required: [], offered: ['A1', 'A3', 'B2', 'C5'] } },
  ],
  roster: [
    { name: '王芳', subject: '语文', stage: '小学', category: '骨干' },
    { name: '李娜', subject: '数学', stage: '小学', category: '骨干' },
    { name: '张伟', subject: '英语', stage: '小学', category: '其他' },
    { name: '刘洋', subject: '科学', stage: '小学', category: '其他' },
    { name: '陈静', subject: '音乐', stage: '小学', category: '其他' },
    { name: '杨光', subject: '体育', stage: '小学', category: '其他' },
    { name: '赵敏', subject: '美术', stage: '小学', category: '50岁以上' },
    { name: '孙丽', subject: '语文', stage: '小学', category: '50岁以上' },
  ],
  stages: [
    { name: '教师组内互评', outside: false, sampled: false },
    { name: '信息化团队复评', outside: false, sampled: false },
    { name: '县级专家团队审核认定', outside: true, sampled: false },
    { name: '省市抽查', outside: true, sampled: true },
  ],
  assignments: [
    { reviewer: '语文组', stage: '教师组内互评', teachers: ['王芳', '孙丽'] },
    {
      reviewer: '信息化团队',
      stage: '信息化团队复评',
      teachers: ['王芳', '李娜', '张伟', '刘洋', '陈静', '杨光', '赵敏', '孙丽'],
    },
  ],
};

export const xushuiPlan = (): SchoolPlan => makePlan(structuredClone(XUSHUI_PLAN), SAVED);

/** A valid selection rule: its counts never above what it asks in all, 必修 and 选修 apart. */
export const ruleArb: fc.Arbitrary<SelectionRule> = fc
  .record({
    count: fc.integer({ min: 1, max: 6 }),
    atLeast: fc.array(
      fc.record({
        count: fc.integer({ min: 1, max: 3 }),
        environments: fc.uniqueArray(fc.constantFrom(...ENVIRONMENTS), { maxLength: 3 }),
        dimensions: fc.uniqueArray(fc.constantFrom(...DIMENSIONS), { maxLength: 2 }),
      }),
      { maxLength: 2 },
    ),
    codes: fc.shuffledSubarray([...NATIONAL_CODES], { minLength: 0, maxLength: 12 }),
    required: fc.integer({ min: 0, max: 3 }),
    restricted: fc.boolean(),
  })
  .map(({ count, atLeast, codes, required, restricted }) => {
    const needs = atLeast
      .filter((n) => n.environments.length + n.dimensions.length > 0)
      .map((n) => ({ ...n, count: Math.min(n.count, count) }));
    const req = codes.slice(0, Math.min(required, count));
    const rest = codes.slice(req.length);
    const offered = restricted && req.length + rest.length >= count ? rest : [];
    return { count, atLeast: needs, required: req, offered };
  });

const nameArb = textArb(PLAN_BOUNDS.nameChars).filter((s) => s.trim() !== '');
const fieldArb = fc.oneof(fc.constant(''), textArb(PLAN_BOUNDS.fieldChars));

/** Any valid plan: Unicode names, any categories and rules, stages and assignments that agree. */
export const planArb: fc.Arbitrary<SchoolPlan> = fc
  .record({
    school: fc.record({
      name: textArb(PLAN_BOUNDS.schoolChars).filter((s) => s.trim() !== ''),
      region: fc.constantFrom('xushui', 'baoding', 'guangzhou', 'yueqing'),
      round: fc.oneof(fc.constant(''), textArb(PLAN_BOUNDS.roundChars)),
    }),
    categories: fc.uniqueArray(
      fc.record({ name: textArb(PLAN_BOUNDS.fieldChars).filter((s) => s.trim() !== ''), rule: ruleArb }),
      { minLength: 1, maxLength: 4, selector: (c) => c.name },
    ),
    teachers: fc.array(fc.record({ name: nameArb, subject: fieldArb, stage: fieldArb, pick: fc.nat() }), {
      maxLength: 12,
    }),
    school_stages: fc.uniqueArray(
      textArb(PLAN_BOUNDS.stageChars).filter((s) => s.trim() !== ''),
      { minLength: 1, maxLength: 3 },
    ),
    outside: fc.boolean(),
    date: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
    rubrics: fc.option(packArb(2), { nil: undefined }),
  })
  .map(({ school, categories, teachers, school_stages, outside, date, rubrics }) => {
    const stages = [
      ...school_stages
        .filter((s) => s !== '县级审核认定' && s !== '提交自评')
        .map((name) => ({ name, outside: false, sampled: false })),
      ...(outside ? [{ name: '县级审核认定', outside: true, sampled: false }] : []),
    ];
    if (stages.length === 0) stages.push({ name: '组内互评', outside: false, sampled: false });
    const roster = teachers.map(({ pick, ...t }) => ({
      ...t,
      category: categories[pick % categories.length]?.name ?? '',
    }));
    const first = stages[0]?.name ?? '组内互评';
    const content: PlanContent = {
      school,
      deadlines: [{ stage: first, date: date.toISOString().slice(0, 10) }],
      categories,
      roster,
      stages,
      assignments:
        roster.length > 0
          ? [{ reviewer: '信息化团队', stage: first, teachers: roster.map((t) => t.name) }]
          : [],
      ...(rubrics ? { rubrics } : {}),
    };
    return makePlan(content, SAVED);
  });
