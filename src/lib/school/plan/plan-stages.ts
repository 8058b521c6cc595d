/**
 * The school plan's stages and where a teacher stands in them, through the stages after the
 * school. The school's own stages come from its region's policy (review-stages.ts), as the
 * archive has them today; the county's 审核认定 and the province's or city's 抽查 follow, marked as
 * outside the school, because the school does not do them: it records their results when they
 * come back, from a review file made by the county on /review/ or typed in with who and when.
 *
 * The school stages decide exactly as the archive does (archive-status.ts). Once they are all
 * passed, the ability is 校内评审已完成，待<the county's stage> until the county's result is in,
 * so the principal sees who is ready for the county, and the figures can count them. A sampled
 * stage (抽查) holds nobody up: only the teachers drawn get a result, but a 不合格 there counts.
 * Pure functions, so the archive and its tests call them as they are.
 */
import { z } from 'zod';
import { lazySchema } from '../../files/lazy-schema';
import { chineseIssue } from '../../self-check/draft';
import { DEFAULT_STAGES, reviewStages } from '../../content/review-stages';
import type { Policy } from '../../content/policies';
import type { Grade } from '../../grading/grading';
import { abilityStatus, type StageOutcome } from '../archive-status';
import { isCalendarDate, PLAN_BOUNDS, type PlanStage } from './plan-file';

export const COUNTY_STAGE = '县级审核认定';
export const SPOT_CHECK_STAGE = '省市抽查';

/** A step done above the school: by the county, the city or the province. */
const OUTSIDE = /县|市级|省|抽查|抽检/;
const SAMPLED = /抽查|抽检/;

/**
 * The plan's stages for a school in region `slug`: the region's review stages, each marked as
 * the school's or outside it, then the county's 审核认定 and the 抽查 where the region names none.
 * A region that names only steps above the school gets the handbook's two school stages first.
 */
export function planStagesFromRegion(policies: readonly Policy[], slug: string): PlanStage[] {
  const named = reviewStages(policies, slug).stages.map(({ name }): PlanStage => ({
    name,
    outside: OUTSIDE.test(name),
    sampled: SAMPLED.test(name),
  }));
  const school = named.filter((s) => !s.outside);
  if (school.length === 0)
    school.push(...DEFAULT_STAGES.map((name) => ({ name, outside: false, sampled: false })));
  const outside = named.filter((s) => s.outside);
  if (!outside.some((s) => !s.sampled))
    outside.unshift({ name: COUNTY_STAGE, outside: true, sampled: false });
  if (!outside.some((s) => s.sampled)) outside.push({ name: SPOT_CHECK_STAGE, outside: true, sampled: true });
  // The county decides before the province samples: a 抽查 named first still goes last.
  return [...school, ...outside.filter((s) => !s.sampled), ...outside.filter((s) => s.sampled)];
}

export const PLAN_STATUSES = [
  '未评审',
  '待复评',
  '需修改',
  '需重新评审',
  '无法评定',
  '校内评审已完成',
  '已通过',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** An outside stage's result with where it came from, as the school recorded it. */
export interface RecordedOutcome extends StageOutcome {
  /** The county expert or team that decided. */
  by: string;
  /** YYYY-MM-DD */
  at: string;
  from: '评审意见文件' | '手动录入';
}

export interface PlanStageResult {
  status: PlanStatus;
  /** One line for the table and the CSV, e.g. 校内评审已完成，待县级审核认定. */
  detail: string;
  /** The last decided stage's grade once nothing is pending; undefined until then. */
  final: Grade | undefined;
  /** Every school stage is passed: ready for, or past, the county. */
  schoolDone: boolean;
}

const who = (o: StageOutcome | RecordedOutcome) => ('by' in o ? `（${o.by}，${o.at}）` : '');

/**
 * Where one ability of one teacher stands. `outcomes` holds each stage's result by stage name:
 * for school stages as the archive works them out; for outside ones from the county's review
 * file or typed in (readRecordedOutcome).
 */
export function planAbilityStatus(
  stages: readonly PlanStage[],
  outcomes: ReadonlyMap<string, StageOutcome | RecordedOutcome>,
): PlanStageResult {
  const school = stages.filter((s) => !s.outside).map((s) => s.name);
  const inSchool = abilityStatus(school, outcomes);
  if (inSchool.status !== '已通过') {
    return { status: inSchool.status, detail: inSchool.detail, final: undefined, schoolDone: false };
  }
  let last = inSchool.final;
  for (const stage of stages.filter((s) => s.outside)) {
    const outcome = outcomes.get(stage.name);
    if (!outcome) {
      if (stage.sampled) continue;
      return {
        status: '校内评审已完成',
        detail: `校内评审已完成，待${stage.name}`,
        final: undefined,
        schoolDone: true,
      };
    }
    if (outcome.stale) {
      return {
        status: '需重新评审',
        detail: `自评已更新，需重新${stage.name}`,
        final: undefined,
        schoolDone: true,
      };
    }
    if (outcome.grade === '不合格') {
      return {
        status: '需修改',
        detail: `${stage.name}不合格${who(outcome)}，退回修改`,
        final: undefined,
        schoolDone: true,
      };
    }
    if (outcome.grade === undefined) {
      return {
        status: '无法评定',
        detail: `${stage.name}：评价标准未收录，无法评定`,
        final: undefined,
        schoolDone: true,
      };
    }
    last = outcome.grade;
  }
  const decided = stages.filter((s) => outcomes.has(s.name)).map((s) => s.name);
  return { status: '已通过', detail: `${decided.join(' → ')}均已通过`, final: last, schoolDone: true };
}

/** Which status speaks for a teacher with several abilities: the one furthest from done. */
const TEACHER_ORDER: readonly PlanStatus[] = [
  '需修改',
  '需重新评审',
  '无法评定',
  '未评审',
  '待复评',
  '校内评审已完成',
  '已通过',
];

export interface TeacherStageResult {
  status: PlanStatus | '未提交';
  /** e.g. 待复评：B2、C5 */
  detail: string;
}

/** One line per teacher: nothing handed in, or the status of the ability furthest from done. */
export function teacherPlanStatus(
  abilities: readonly { code: string; result: PlanStageResult }[],
): TeacherStageResult {
  if (abilities.length === 0) return { status: '未提交', detail: '未提交自评' };
  for (const status of TEACHER_ORDER) {
    const codes = abilities.filter((a) => a.result.status === status).map((a) => a.code);
    if (codes.length > 0) {
      return status === '已通过'
        ? { status, detail: '全部微能力点已通过' }
        : { status, detail: `${status}：${codes.join('、')}` };
    }
  }
  return { status: '未评审', detail: '' };
}

// ---------------------------------------------------------------------------------------------
// An outside stage's result typed in by the school

const typedSchema = lazySchema(() =>
  z
    .object(
      {
        stage: z.string({ error: '请选择环节' }),
        grade: z.enum(['优秀', '合格', '不合格'], { error: '请选择结果：优秀、合格或不合格' }),
        by: z
          .string({ error: '请填写认定人' })
          .trim()
          .min(1, '请填写认定人或认定单位')
          .max(PLAN_BOUNDS.nameChars, `认定人不能超过 ${PLAN_BOUNDS.nameChars} 个字`),
        at: z
          .string({ error: '请填写日期' })
          .refine(isCalendarDate, '日期须写成 2025-06-30 这样的格式，且是真实的一天'),
      },
      { error: '录入的结果不完整，请重新填写。' },
    )
    .strict(),
);

export type TypedOutcome = z.input<typeof typedSchema>;

/**
 * An outside stage's result as the principal types it (who decided, on which day), checked:
 * the stage must be one of the plan's outside stages and the day a real one, not in the future.
 * Never throws; a refusal keeps what was typed for the page to show again.
 */
export function readRecordedOutcome(
  input: unknown,
  stages: readonly PlanStage[],
  today: Date = new Date(),
): { ok: true; stage: string; outcome: RecordedOutcome } | { ok: false; error: string } {
  const parsed = typedSchema.safeParse(input, { error: chineseIssue });
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]?.message ?? '录入的结果不完整。' };
  const { stage, grade, by, at } = parsed.data;
  const plan = stages.find((s) => s.name === stage);
  if (!plan) return { ok: false, error: `“${stage.slice(0, 30)}”不是方案中的环节。` };
  if (!plan.outside) return { ok: false, error: `${stage}是校内环节，结果来自评审意见文件，不能手动录入。` };
  if (at > today.toISOString().slice(0, 10))
    return { ok: false, error: `日期 ${at} 还没到，请填写认定的日期。` };
  return { ok: true, stage, outcome: { grade, stale: false, by, at, from: '手动录入' } };
}

/** An outside stage's result from the county's review file, graded by the archive as any review. */
export function outcomeFromReview(
  outcome: StageOutcome,
  review: { reviewer: { name: string }; reviewedAt: string },
): RecordedOutcome {
  return { ...outcome, by: review.reviewer.name, at: review.reviewedAt.slice(0, 10), from: '评审意见文件' };
}
