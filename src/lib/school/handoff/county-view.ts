/**
 * The county's view of the schools' hand-offs: school × status, and per school its teachers.
 *
 * Each school is worked out as its own archive is (archive-merge.ts: the newest self-check per
 * teacher, the latest review per stage and ability, a review of an older self-check flagged),
 * with the school's own plan: its stages decide, through planAbilityStatus (plan-stages.ts), the
 * same machine the school's page uses. Every grade is gradeAbility's on the reviewer's ticks
 * (reviewGrade), never the grade a file states. A stage after the school takes its result from a
 * review file the county made on /review/ at that stage, else from the result the school recorded
 * (typed in, or read from an earlier county review file) and handed over. So a school's teachers
 * show 校内评审已完成 (待县级审核认定) until the county's review files are loaded, then 已通过 or
 * 需修改.
 */
import type { Grade } from '../../grading/grading';
import type { ReviewFile } from '../../review/review-file';
import { mergeArchive, matchStage, zhCompare, type MergeNotice } from '../archive-merge';
import { reviewGrade, type AbilityInfo } from '../archive-rows';
import { abilityStatus, type StageOutcome } from '../archive-status';
import {
  outcomeFromReview,
  planAbilityStatus,
  PLAN_STATUSES,
  teacherPlanStatus,
  type PlanStageResult,
  type PlanStatus,
  type RecordedOutcome,
} from '../plan/plan-stages';
import type { PlanStage } from '../plan/plan-file';
import { schoolLabel, type CountySchool, type CountyState } from './county-intake';

/** The order the county reads statuses in: its own work first, then what is still at school. */
export const COUNTY_STATUSES: readonly PlanStatus[] = [
  '校内评审已完成',
  '已通过',
  '需修改',
  '需重新评审',
  '无法评定',
  '待复评',
  '未评审',
];

/** What a status column is called on the county's page and in its CSV. */
export function statusHeading(status: PlanStatus, countyStage: string | undefined): string {
  return status === '校内评审已完成' ? `校内评审已完成（待${countyStage ?? '县级审核认定'}）` : status;
}

export interface CountyResult {
  grade: Grade | undefined;
  /** The review was of another version of the self-check. */
  stale: boolean;
  by: string;
  /** YYYY-MM-DD */
  at: string;
  /** Where it comes from: the county's review file loaded here, or what the school handed over. */
  from: '本页载入的评审意见' | '学校移交的记录';
}

export interface CountyAbility {
  code: string;
  name: string;
  /** The last school stage's grade once every school stage is passed. */
  schoolGrade: Grade | undefined;
  /** Where the school's own stages stand, e.g. 教师组内互评 → 信息化团队复评均已通过. */
  schoolDetail: string;
  /** The county stage's result, when there is one. */
  county: CountyResult | undefined;
  status: PlanStatus;
  detail: string;
  final: Grade | undefined;
}

export interface CountyTeacher {
  id: string;
  name: string;
  subject: string;
  /** 学段 */
  level: string;
  /** The roster's category, '' when the teacher is not on the plan's roster. */
  category: string;
  onRoster: boolean;
  abilities: CountyAbility[];
  status: PlanStatus | '未提交';
  detail: string;
}

export interface SchoolSummary {
  key: string;
  name: string;
  /** Policy slug (xushui); the page names it from the region tree. */
  region: string;
  round: string;
  /** 徐水区实验小学（2024—2025 学年） */
  label: string;
  fileName: string;
  /** When the school made the hand-off. */
  savedAt: string;
  /** Teachers handed over (one per self-check id). */
  teachers: number;
  /** The plan's roster size. */
  roster: number;
  /** Teachers per status (a teacher's status is the one of their abilities furthest from done). */
  counts: Record<PlanStatus, number>;
  /** The county's stage, as the plan names it: 县级专家团队审核认定. */
  countyStage: string | undefined;
  /** The plan's stages in order, school ones then outside ones. */
  stages: PlanStage[];
  /** Entries of the file that did not read. */
  dropped: number;
  /** What merging the school's files said: an older self-check, a review of an older version …. */
  notices: MergeNotice[];
}

export interface CountyView {
  schools: SchoolSummary[];
  /** By school key, in name order. */
  teachers: Map<string, CountyTeacher[]>;
  /** Teachers over every school, per status. */
  totals: Record<PlanStatus, number> & { teachers: number; schools: number };
  /** The county's review files that count, and what was said of those that do not. */
  reviewsUsed: number;
  reviewNotices: string[];
}

const emptyCounts = (): Record<PlanStatus, number> =>
  Object.fromEntries(PLAN_STATUSES.map((s) => [s, 0])) as Record<PlanStatus, number>;

const outcomeKey = (teacher: string, code: string, stage: string) => `${teacher}\u0000${code}\u0000${stage}`;

/** Names the county's review files for messages. */
const reviewLabel = (r: ReviewFile) =>
  `${r.teacher.name || '（未填姓名）'}的“${r.stage}”评审意见（${r.reviewer.name}）`;

/**
 * The county's review files sorted to their schools: a review belongs to the school whose
 * hand-off has the self-check it reviewed, and counts when its stage is one of that school's
 * stages after the school. The others are named with why they do not count.
 */
export function sortCountyReviews(
  schools: readonly CountySchool[],
  reviews: readonly ReviewFile[],
): { bySchool: Map<string, ReviewFile[]>; notices: string[] } {
  const schoolOfDraft = new Map<string, CountySchool>();
  for (const school of schools) for (const d of school.handoff.selfChecks) schoolOfDraft.set(d.id, school);
  const bySchool = new Map<string, ReviewFile[]>();
  const notices: string[] = [];
  for (const review of reviews) {
    const school = schoolOfDraft.get(review.draft.id);
    if (!school) {
      notices.push(
        `${reviewLabel(review)}找不到对应的教师：请同时打开这位教师所在学校的移交文件。评审意见已保留。`,
      );
      continue;
    }
    const stages = school.handoff.plan.stages;
    const matched = matchStage(
      review.stage,
      stages.map((s) => s.name),
    );
    const stage = stages.find((s) => s.name === matched);
    if (!stage?.outside) {
      notices.push(
        `${reviewLabel(review)}的环节不是${schoolLabel(school.handoff)}方案中校外的环节（${stages
          .filter((s) => s.outside)
          .map((s) => s.name)
          .join('、')}），未计入。`,
      );
      continue;
    }
    const list = bySchool.get(school.key) ?? [];
    list.push(review);
    bySchool.set(school.key, list);
  }
  return { bySchool, notices };
}

/** One school's teachers and their statuses through its plan's stages. */
export function schoolTeachers(
  school: CountySchool,
  countyReviews: readonly ReviewFile[],
  infoByCode: ReadonlyMap<string, AbilityInfo>,
): { teachers: CountyTeacher[]; notices: MergeNotice[] } {
  const { plan, selfChecks, reviews, outcomes: recorded } = school.handoff;
  const stageNames = plan.stages.map((s) => s.name);
  const schoolStages = plan.stages.filter((s) => !s.outside).map((s) => s.name);
  const outside = new Set(plan.stages.filter((s) => s.outside).map((s) => s.name));
  const countyStage = plan.stages.find((s) => s.outside && !s.sampled)?.name;
  const merged = mergeArchive(
    { settings: { region: plan.school.region }, selfChecks, reviews: [...reviews, ...countyReviews] },
    stageNames,
  );
  const recordedBy = new Map<string, RecordedOutcome>();
  for (const r of recorded) recordedBy.set(outcomeKey(r.teacher.trim(), r.code, r.stage), r.outcome);
  const roster = new Map(plan.roster.map((t) => [t.name.trim(), t]));
  const fromCounty = new Set(countyReviews);

  const teachers = merged.teachers.map((teacher): CountyTeacher => {
    const { draft } = teacher;
    const name = draft.profile.name.trim();
    const byStage = merged.reviews.get(teacher.id);
    const results: { code: string; result: PlanStageResult }[] = [];
    const list = draft.abilities.map((code): CountyAbility => {
      const info = infoByCode.get(code);
      const outcomes = new Map<string, StageOutcome | RecordedOutcome>();
      let county: CountyResult | undefined;
      for (const stage of stageNames) {
        const used = byStage?.get(stage)?.get(code);
        if (used) {
          const outcome = { grade: reviewGrade(used, code, info), stale: used.stale };
          if (outside.has(stage)) {
            const kept = outcomeFromReview(outcome, used.review);
            outcomes.set(stage, kept);
            if (stage === countyStage) {
              county = {
                grade: kept.grade,
                stale: kept.stale,
                by: kept.by,
                at: kept.at,
                from: fromCounty.has(used.review) ? '本页载入的评审意见' : '学校移交的记录',
              };
            }
          } else outcomes.set(stage, outcome);
          continue;
        }
        const typed = outside.has(stage) ? recordedBy.get(outcomeKey(name, code, stage)) : undefined;
        if (typed) {
          outcomes.set(stage, typed);
          if (stage === countyStage) county = { ...typed, from: '学校移交的记录' };
        }
      }
      const inSchool = abilityStatus(schoolStages, outcomes);
      const result = planAbilityStatus(plan.stages, outcomes);
      results.push({ code, result });
      return {
        code,
        name: info?.name ?? draft.customRubrics[code]?.name ?? code,
        schoolGrade: inSchool.final,
        schoolDetail: inSchool.detail,
        county,
        status: result.status,
        detail: result.detail,
        final: result.final,
      };
    });
    const line = teacherPlanStatus(results);
    const onRoster = roster.get(name);
    return {
      id: teacher.id,
      name: name || '（未填姓名）',
      subject: draft.profile.subject.trim(),
      level: draft.profile.stage,
      category: onRoster?.category ?? '',
      onRoster: onRoster !== undefined,
      abilities: list,
      status: line.status,
      detail: line.detail,
    };
  });
  teachers.sort((a, b) => zhCompare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { teachers, notices: merged.notices };
}

type SchoolResult = ReturnType<typeof schoolTeachers>;

/**
 * Each school's result, kept while its hand-off, its county reviews and the rubrics are the same
 * objects: the county opening one more review file or school recomputes that school only, not a
 * hundred. Every input is immutable (the page replaces, never edits), so this never goes stale.
 */
const schoolCache = new WeakMap<
  CountySchool,
  { reviews: readonly ReviewFile[]; info: ReadonlyMap<string, AbilityInfo>; result: SchoolResult }
>();
const infoCache = new WeakMap<readonly AbilityInfo[], ReadonlyMap<string, AbilityInfo>>();

const sameList = <T>(a: readonly T[], b: readonly T[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

function cachedSchool(
  school: CountySchool,
  reviews: readonly ReviewFile[],
  info: ReadonlyMap<string, AbilityInfo>,
): SchoolResult {
  const kept = schoolCache.get(school);
  if (kept && kept.info === info && sameList(kept.reviews, reviews)) return kept.result;
  const result = schoolTeachers(school, reviews, info);
  schoolCache.set(school, { reviews, info, result });
  return result;
}

/** Every school's summary and teachers, and the totals. */
export function countyView(state: CountyState, abilities: readonly AbilityInfo[]): CountyView {
  let infoByCode = infoCache.get(abilities);
  if (!infoByCode) {
    infoByCode = new Map(abilities.map((a) => [a.code, a]));
    infoCache.set(abilities, infoByCode);
  }
  const { bySchool, notices: reviewNotices } = sortCountyReviews(state.schools, state.reviews);
  const teachers = new Map<string, CountyTeacher[]>();
  const totals = { ...emptyCounts(), teachers: 0, schools: state.schools.length };
  const schools = state.schools.map((school): SchoolSummary => {
    const { plan } = school.handoff;
    const own = cachedSchool(school, bySchool.get(school.key) ?? [], infoByCode);
    teachers.set(school.key, own.teachers);
    const counts = emptyCounts();
    for (const t of own.teachers) {
      if (t.status === '未提交') continue;
      counts[t.status] += 1;
      totals[t.status] += 1;
    }
    totals.teachers += own.teachers.length;
    return {
      key: school.key,
      name: plan.school.name.trim(),
      region: plan.school.region,
      round: plan.school.round.trim(),
      label: schoolLabel(school.handoff),
      fileName: school.fileName,
      savedAt: school.handoff.savedAt,
      teachers: own.teachers.length,
      roster: plan.roster.length,
      counts,
      countyStage: plan.stages.find((s) => s.outside && !s.sampled)?.name,
      stages: plan.stages,
      dropped: school.dropped.length,
      notices: own.notices,
    };
  });
  const reviewsUsed = [...bySchool.values()].reduce((n, list) => n + list.length, 0);
  return { schools, teachers, totals, reviewsUsed, reviewNotices };
}
