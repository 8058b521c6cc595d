/**
 * A school's 移交县级审核 file for the county's tests and bench, built with the real plan, draft,
 * review and hand-off formats (so it passes the same readers a county's files do). Each teacher's
 * level per ability says how their evidence and the school's reviews grade; `reviewed` says how
 * many of the school's stages reviewed them (2: both, ready for the county); `county` records a
 * county result the school already has back (typed in).
 */
import {
  makeHandoff,
  type HandoffFile,
  type HandoffOutcome,
} from '../../src/lib/school/handoff/handoff-file';
import { makePlan, type PlanContent } from '../../src/lib/school/plan/plan-file';
import type { ReviewFile } from '../../src/lib/review/review-file';
import type { AbilityInfo } from '../../src/lib/school/archive-rows';
import { makeDraft, makeReview, TEST_ABILITIES, testId, type Level } from '../support/archive-fixtures';
import { XUSHUI_PLAN } from '../support/plan-fixtures';

export const SCHOOL_STAGES = ['教师组内互评', '信息化团队复评'] as const;
export const COUNTY_STAGE = '县级专家团队审核认定';

export interface HandoffTeacher {
  name: string;
  levels: Record<string, Level>;
  /** How many school stages reviewed this teacher, in order; 2 (both) unless said. */
  reviewed?: 0 | 1 | 2 | undefined;
  /** A county result the school has recorded, for every ability. */
  county?: Level | undefined;
  subject?: string;
}

export interface HandoffSpec {
  school: string;
  region?: string;
  round?: string;
  savedAt?: Date;
  teachers: readonly HandoffTeacher[];
  /** Makes the drafts' ids distinct between schools and stable between runs. */
  idBase?: number;
  /** On the plan's roster but not handed over (handed in nothing). */
  absent?: readonly string[];
}

/** The plan of a school of `spec`'s teachers, with 徐水's stages and categories. */
export function handoffPlanContent(spec: HandoffSpec): PlanContent {
  const names = [...spec.teachers.map((t) => t.name), ...(spec.absent ?? [])];
  return {
    ...structuredClone(XUSHUI_PLAN),
    school: { name: spec.school, region: spec.region ?? 'xushui', round: spec.round ?? '2024—2025 学年' },
    roster: [
      ...spec.teachers.map((t) => ({
        name: t.name,
        subject: t.subject ?? '语文',
        stage: '小学',
        category: '其他',
      })),
      ...(spec.absent ?? []).map((name) => ({ name, subject: '语文', stage: '小学', category: '其他' })),
    ],
    assignments:
      names.length > 0 ? [{ reviewer: '信息化团队', stage: '信息化团队复评', teachers: names }] : [],
  };
}

export function buildHandoff(
  spec: HandoffSpec,
  abilities: readonly AbilityInfo[] = TEST_ABILITIES,
): HandoffFile {
  const savedAt = spec.savedAt ?? new Date('2025-06-20T08:00:00.000Z');
  const plan = makePlan(handoffPlanContent(spec), new Date(savedAt.getTime() - 86_400_000 * 60));
  const selfChecks = spec.teachers.map((t, i) =>
    makeDraft(
      {
        id: testId(spec.idBase === undefined ? undefined : spec.idBase + i),
        name: t.name,
        school: spec.school,
        subject: t.subject ?? '语文',
        region: spec.region ?? 'xushui',
        savedAt: '2025-05-10T08:00:00.000Z',
        levels: t.levels,
      },
      abilities,
    ),
  );
  const reviews: ReviewFile[] = [];
  const outcomes: HandoffOutcome[] = [];
  spec.teachers.forEach((t, i) => {
    const draft = selfChecks[i];
    if (!draft) return;
    SCHOOL_STAGES.slice(0, t.reviewed ?? 2).forEach((stage, k) => {
      reviews.push(
        makeReview(
          draft,
          {
            stage,
            reviewer: k === 0 ? '语文组' : '信息化团队',
            role: k === 0 ? '教研组' : '信息化管理团队',
            reviewedAt: `2025-06-0${k + 1}T08:00:00.000Z`,
            levels: t.levels,
          },
          abilities,
        ),
      );
    });
    if (t.county) {
      for (const code of Object.keys(t.levels)) {
        outcomes.push({
          teacher: t.name,
          code,
          stage: COUNTY_STAGE,
          outcome: { grade: t.county, stale: false, by: '县专家组', at: '2025-06-18', from: '手动录入' },
        });
      }
    }
  });
  return makeHandoff({ plan, selfChecks, reviews, outcomes }, savedAt);
}
