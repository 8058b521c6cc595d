import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  outcomeFromReview,
  planAbilityStatus,
  planStagesFromRegion,
  readRecordedOutcome,
  teacherPlanStatus,
  type PlanStageResult,
  type RecordedOutcome,
} from '../../../../src/lib/school/plan/plan-stages';
import { abilityStatus, type StageOutcome } from '../../../../src/lib/school/archive-status';
import { makePlan, readPlan, type PlanStage } from '../../../../src/lib/school/plan/plan-file';
import type { Policy } from '../../../../src/lib/content/policies';
import { readCollection } from '../../../support/content-files';
import { SAVED, XUSHUI_PLAN } from '../../../support/plan-fixtures';
import { defined } from '../../../support/archive-fixtures';

const POLICIES: Policy[] = readCollection('policies', '.mdx').map((f) => ({
  slug: f.name.replace(/\.mdx$/, ''),
  data: { quotas: [], ...f.data } as unknown as Policy['data'],
}));

const STAGES = XUSHUI_PLAN.stages;
const passed = (grade: '优秀' | '合格' = '合格'): StageOutcome => ({ grade, stale: false });
const county = (grade: '优秀' | '合格' | '不合格', at = '2025-06-20'): RecordedOutcome => ({
  grade,
  stale: false,
  by: '徐水区专家组',
  at,
  from: '手动录入',
});
const status = (outcomes: Record<string, StageOutcome | RecordedOutcome>) =>
  planAbilityStatus(STAGES, new Map(Object.entries(outcomes)));

describe('the stages of a plan', () => {
  it('takes the region’s stages and marks those after the school as outside (徐水)', () => {
    expect(planStagesFromRegion(POLICIES, 'xushui')).toEqual(STAGES);
  });

  it('adds the county’s 审核认定 and the 抽查 where the region names none', () => {
    expect(planStagesFromRegion(POLICIES, 'guangzhou')).toEqual([
      { name: '组内互评', outside: false, sampled: false },
      { name: '复评', outside: false, sampled: false },
      { name: '县级审核认定', outside: true, sampled: false },
      { name: '省市抽查', outside: true, sampled: true },
    ]);
  });

  it('puts the school’s two stages first where the region names only steps above the school', () => {
    const county: Policy = {
      slug: 'county-only',
      data: {
        ...defined(POLICIES[0]).data,
        parent: undefined,
        assessment: { steps: ['县级专家组审核认定', '省级抽查'] },
      },
    };
    expect(planStagesFromRegion([county], 'county-only')).toEqual([
      { name: '组内互评', outside: false, sampled: false },
      { name: '复评', outside: false, sampled: false },
      { name: '县级专家组审核认定', outside: true, sampled: false },
      { name: '省市抽查', outside: true, sampled: true },
    ]);
  });

  it('gives every region stages the plan schema takes', () => {
    for (const policy of [...POLICIES, { slug: 'nowhere' }]) {
      const stages = planStagesFromRegion(POLICIES, policy.slug);
      const plan = makePlan(
        { ...structuredClone(XUSHUI_PLAN), stages, deadlines: [], assignments: [] },
        SAVED,
      );
      expect(readPlan(plan), policy.slug).toMatchObject({ ok: true });
    }
  });
});

describe('the stage machine', () => {
  it('walks 徐水’s flow through the county', () => {
    expect(status({})).toEqual({
      status: '未评审',
      detail: '尚未教师组内互评',
      final: undefined,
      schoolDone: false,
    });
    expect(status({ 教师组内互评: passed() })).toMatchObject({
      status: '待复评',
      detail: '待信息化团队复评',
    });
    const school = { 教师组内互评: passed(), 信息化团队复评: passed('优秀') };
    expect(status(school)).toEqual({
      status: '校内评审已完成',
      detail: '校内评审已完成，待县级专家团队审核认定',
      final: undefined,
      schoolDone: true,
    });
    expect(status({ ...school, 县级专家团队审核认定: county('优秀') })).toEqual({
      status: '已通过',
      detail: '教师组内互评 → 信息化团队复评 → 县级专家团队审核认定均已通过',
      final: '优秀',
      schoolDone: true,
    });
  });

  it('sends back what the county or the 抽查 fails, saying who and when', () => {
    const school = { 教师组内互评: passed(), 信息化团队复评: passed() };
    expect(status({ ...school, 县级专家团队审核认定: county('不合格') })).toMatchObject({
      status: '需修改',
      detail: '县级专家团队审核认定不合格（徐水区专家组，2025-06-20），退回修改',
      schoolDone: true,
    });
    expect(
      status({ ...school, 县级专家团队审核认定: county('合格'), 省市抽查: county('不合格') }),
    ).toMatchObject({
      status: '需修改',
      detail: '省市抽查不合格（徐水区专家组，2025-06-20），退回修改',
    });
    expect(
      status({ ...school, 县级专家团队审核认定: county('合格'), 省市抽查: county('优秀') }),
    ).toMatchObject({
      status: '已通过',
      final: '优秀',
    });
  });

  it('asks for a new county review of a self-check changed since, and reads the county’s review file', () => {
    const school = { 教师组内互评: passed(), 信息化团队复评: passed() };
    const fromFile = outcomeFromReview(
      { grade: '合格', stale: true },
      { reviewer: { name: '县专家王' }, reviewedAt: '2025-06-18T09:30:00.000Z' },
    );
    expect(fromFile).toEqual({
      grade: '合格',
      stale: true,
      by: '县专家王',
      at: '2025-06-18',
      from: '评审意见文件',
    });
    expect(status({ ...school, 县级专家团队审核认定: fromFile })).toMatchObject({
      status: '需重新评审',
      detail: '自评已更新，需重新县级专家团队审核认定',
    });
    expect(status({ ...school, 县级专家团队审核认定: { grade: undefined, stale: false } })).toMatchObject({
      status: '无法评定',
    });
  });

  it('decides the school stages exactly as the archive does, and goes past them only when they pass', () => {
    const grade = fc.constantFrom('优秀' as const, '合格' as const, '不合格' as const, undefined);
    const outcome = fc.option(fc.record({ grade, stale: fc.boolean() }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(outcome, { minLength: STAGES.length, maxLength: STAGES.length }), (drawn) => {
        const outcomes = new Map<string, StageOutcome>();
        drawn.forEach((o, i) => {
          const stage = STAGES[i];
          if (o && stage) outcomes.set(stage.name, o);
        });
        const school = STAGES.filter((s) => !s.outside).map((s) => s.name);
        const archive = abilityStatus(school, outcomes);
        const result = planAbilityStatus(STAGES, outcomes);
        expect(result.schoolDone).toBe(archive.status === '已通过');
        if (archive.status !== '已通过') {
          expect(result).toEqual({ ...archive, final: undefined, schoolDone: false });
        }
        if (result.status === '已通过') {
          for (const stage of STAGES.filter((s) => !s.sampled)) {
            const o = outcomes.get(stage.name);
            expect(o && !o.stale && o.grade !== undefined && o.grade !== '不合格').toBe(true);
          }
        }
        const withoutOutside = planAbilityStatus(
          STAGES.filter((s) => !s.outside),
          outcomes,
        );
        expect(withoutOutside.status === '已通过').toBe(archive.status === '已通过');
      }),
      { numRuns: 500 },
    );
  });
});

describe('a teacher’s line', () => {
  const result = (status: PlanStageResult['status']): PlanStageResult => ({
    status,
    detail: '',
    final: undefined,
    schoolDone: status === '校内评审已完成' || status === '已通过',
  });

  it('says who handed in nothing, and otherwise the ability furthest from done', () => {
    expect(teacherPlanStatus([])).toEqual({ status: '未提交', detail: '未提交自评' });
    expect(
      teacherPlanStatus([
        { code: 'A1', result: result('已通过') },
        { code: 'B2', result: result('校内评审已完成') },
        { code: 'C5', result: result('校内评审已完成') },
      ]),
    ).toEqual({ status: '校内评审已完成', detail: '校内评审已完成：B2、C5' });
    expect(
      teacherPlanStatus([
        { code: 'A1', result: result('待复评') },
        { code: 'B2', result: result('需修改') },
      ]),
    ).toEqual({ status: '需修改', detail: '需修改：B2' });
    expect(teacherPlanStatus([{ code: 'A1', result: result('已通过') }])).toEqual({
      status: '已通过',
      detail: '全部微能力点已通过',
    });
  });
});

describe('an outside result typed in', () => {
  const today = new Date('2025-06-30T10:00:00Z');
  const typed = (fields: Record<string, unknown>) =>
    readRecordedOutcome(
      { stage: '县级专家团队审核认定', grade: '合格', by: '徐水区专家组', at: '2025-06-20', ...fields },
      STAGES,
      today,
    );

  it('records who decided and when', () => {
    expect(typed({})).toEqual({
      ok: true,
      stage: '县级专家团队审核认定',
      outcome: { grade: '合格', stale: false, by: '徐水区专家组', at: '2025-06-20', from: '手动录入' },
    });
    expect(typed({ by: '  李专家 ' })).toMatchObject({ ok: true, outcome: { by: '李专家' } });
  });

  it('refuses in Chinese what cannot be a result: no one, no real day, a day to come, a school stage', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ by: '  ' }, '请填写认定人或认定单位'],
      [{ at: '2025-02-30' }, '日期须写成 2025-06-30 这样的格式，且是真实的一天'],
      [{ at: '2025-07-01' }, '日期 2025-07-01 还没到，请填写认定的日期。'],
      [{ grade: '通过' }, '请选择结果：优秀、合格或不合格'],
      [{ stage: '信息化团队复评' }, '信息化团队复评是校内环节，结果来自评审意见文件，不能手动录入。'],
      [{ stage: '校长室' }, '“校长室”不是方案中的环节。'],
    ];
    for (const [fields, error] of cases) expect(typed(fields)).toEqual({ ok: false, error });
  });

  it('never throws on any input', () => {
    expect(readRecordedOutcome('合格', STAGES, today)).toEqual({
      ok: false,
      error: '录入的结果不完整，请重新填写。',
    });
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = readRecordedOutcome(input, STAGES as PlanStage[], today);
        if (!result.ok) expect(result.error).toMatch(/[\u4e00-\u9fff]/);
      }),
    );
  });
});
