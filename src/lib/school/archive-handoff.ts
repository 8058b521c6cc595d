/**
 * The hand-off to the county (移交县级审核): the teachers ready for 审核认定 — every chosen ability
 * through every school stage, one still waiting for the county — as a list to print, a CSV for
 * Excel or WPS, and the part of the archive the hand-off file carries (their self-checks, the
 * reviews of them, any outside results already in). The file's format is the county's
 * (handoff/handoff-file.ts); this picks what goes in it.
 */
import type { ArchiveContent } from './archive-file';
import type { MergedArchive } from './archive-merge';
import type { ArchiveRow } from './archive-rows';
import { outsideResults, type StageResultEntry } from './archive-outcomes';
import type { PlanStage, SchoolPlan } from './plan/plan-file';
import type { TeacherLine } from './plan/plan-teachers';
import { csvText } from '../files/csv';
import type { Draft } from '../self-check/draft';
import type { ReviewFile } from '../review/review-file';

/** The teachers ready for 审核认定, in the roster's order. */
export function readyTeachers(lines: readonly TeacherLine[]): TeacherLine[] {
  return lines.filter((l) => l.ready);
}

export interface HandoffParts {
  selfChecks: Draft[];
  reviews: ReviewFile[];
  outcomes: StageResultEntry[];
}

/**
 * What the hand-off file carries of the archive: each ready teacher's self-check as it is now
 * (older versions stay at school), every review of it, and the outside results already recorded.
 */
export function handoffParts(
  archive: ArchiveContent,
  merged: MergedArchive,
  rows: readonly ArchiveRow[],
  lines: readonly TeacherLine[],
  stages: readonly PlanStage[],
): HandoffParts {
  const ids = new Set(readyTeachers(lines).flatMap((l) => l.teacherIds));
  const selfChecks = merged.teachers.filter((t) => ids.has(t.id)).map((t) => t.draft);
  const reviews = archive.reviews.filter((r) => ids.has(r.draft.id));
  const outcomes = outsideResults(
    rows.filter((r) => ids.has(r.teacherId)),
    merged.stages,
    stages,
  );
  return { selfChecks, reviews, outcomes };
}

/** 移交县级审核_某某小学_20250601.csv */
export function handoffCsvName(plan: Pick<SchoolPlan, 'school'>, now: Date = new Date()): string {
  const school = plan.school.name.replace(/[\\/:*?"<>|\s\p{Cc}\p{Cf}]+/gu, '').slice(0, 30) || '未署名';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `移交县级审核_${school}_${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}.csv`;
}

/**
 * One row per ready teacher × ability, each fact in its own column so the county can filter it:
 * through the site's one CSV writer (no cell runs as a formula in Excel, WPS or LibreOffice).
 */
export function handoffCsv(plan: Pick<SchoolPlan, 'school'>, lines: readonly TeacherLine[]): string {
  const header = [
    '学校',
    '教师',
    '学科',
    '学段',
    '类别',
    '微能力点',
    '名称',
    '教学环境',
    '能力维度',
    '校内评审结果',
    '选课要求',
    '说明',
  ];
  const body = readyTeachers(lines).flatMap((l) =>
    l.abilities.map((a) => [
      plan.school.name,
      l.name,
      l.subject,
      l.level,
      l.category ?? '',
      a.code,
      a.name,
      a.environment,
      a.dimension,
      a.schoolGrade ?? '未评定',
      l.rule ? (l.rule.met ? '达标' : `未达标：${l.rule.missing.join('；')}`) : '',
      a.detail,
    ]),
  );
  return csvText([header, ...body]);
}
