/**
 * The school's plan held against the files it has: one line per teacher (the abilities chosen,
 * the dimensions and environments they cover, each ability's result and the teacher's, whether
 * the category's selection rule is met and what is missing), who has handed in nothing, who is
 * missing a review at a school stage, and each reviewer's progress on the teachers assigned.
 *
 * Teachers are matched to the roster by name as the roster writes it (normalName: spaces padding
 * a Chinese name do not count). A name on no roster entry still gets its line, marked, because
 * the roster may be older than the teacher's arrival. Two self-checks of one name (a restarted
 * self-check, or namesakes) share one line: the roster cannot tell them apart either.
 *
 * Pure: /school/ and the county's view call it on rows from archive-rows.ts.
 */
import { environmentOfCode, ENVIRONMENTS, DIMENSIONS } from '../../content/taxonomy';
import { gradeRank, type Grade } from '../../grading/grading';
import type { ArchiveRow } from '../archive-rows';
import type { PlanStage, SchoolPlan } from './plan-file';
import { teacherPlanStatus, type PlanStatus } from './plan-stages';
import { normalName } from './roster-import';
import { checkSelection, teacherRule, type AbilityFacts, type RuleCheck } from './selection-rule';

export interface TeacherAbility {
  code: string;
  name: string;
  environment: string;
  dimension: string;
  status: PlanStatus;
  detail: string;
  final: Grade | undefined;
  schoolDone: boolean;
  /** The last school stage's grade once the school is done with it. */
  schoolGrade: Grade | undefined;
}

export interface TeacherLine {
  /** The name as the roster writes it (or as the self-check does, off the roster). */
  name: string;
  onRoster: boolean;
  category?: string | undefined;
  subject: string;
  level: string;
  /** The self-checks of this name in the archive (archive teacher ids). */
  teacherIds: string[];
  abilities: TeacherAbility[];
  /** 能力维度 and 教学环境 the chosen abilities cover, in the taxonomy's order. */
  dimensions: string[];
  environments: string[];
  status: PlanStatus | '未提交';
  /** e.g. 待复评：B2、C5, or 未提交自评. */
  detail: string;
  /** Once every chosen ability is through: the lowest of their results (one 合格 makes the whole 合格). */
  final: Grade | undefined;
  /** Every chosen ability has passed every school stage and one still waits for the county. */
  ready: boolean;
  /** The category's rule checked on the abilities chosen; undefined when no rule applies. */
  rule?: RuleCheck | undefined;
  /** Why no rule or which: off the roster, namesakes of two categories (teacherRule's words). */
  note?: string | undefined;
}

/** What the lines need to know of each self-check loaded (merged.teachers, as the table has them). */
export interface LoadedTeacher {
  id: string;
  name: string;
  subject: string;
  level: string;
  /** The abilities chosen, in the teacher's order (a self-check may choose none yet). */
  abilities: readonly string[];
}

const ordered = (values: Iterable<string>, known: readonly string[]) => {
  const set = new Set([...values].filter((v) => v !== ''));
  return [...known.filter((k) => set.has(k)), ...[...set].filter((v) => !known.includes(v))];
};

function lowest(grades: readonly (Grade | undefined)[]): Grade | undefined {
  let low: Grade | undefined;
  for (const g of grades) {
    if (g === undefined) return undefined;
    if (low === undefined || gradeRank(g) < gradeRank(low)) low = g;
  }
  return low;
}

/**
 * One line per roster teacher (in the roster's order), then one per other name with a self-check.
 * `rows` are the archive's rows for this school's files only (archive-ours.ts has left the others out).
 */
export function teacherLines(
  plan: Pick<SchoolPlan, 'roster' | 'categories'> | undefined,
  teachers: readonly LoadedTeacher[],
  rows: readonly ArchiveRow[],
  abilities: readonly AbilityFacts[],
): TeacherLine[] {
  const byName = new Map<string, LoadedTeacher[]>();
  for (const t of teachers) {
    const key = normalName(t.name);
    byName.set(key, [...(byName.get(key) ?? []), t]);
  }
  const rowsById = new Map<string, ArchiveRow[]>();
  for (const r of rows) rowsById.set(r.teacherId, [...(rowsById.get(r.teacherId) ?? []), r]);

  const line = (
    name: string,
    loaded: readonly LoadedTeacher[],
    roster: { subject: string; stage: string } | undefined,
  ): TeacherLine => {
    const seen = new Set<string>();
    const chosen: TeacherAbility[] = [];
    for (const t of loaded) {
      for (const r of rowsById.get(t.id) ?? []) {
        if (seen.has(r.code)) continue;
        seen.add(r.code);
        chosen.push({
          code: r.code,
          name: r.abilityName,
          environment: r.environment || (environmentOfCode(r.code) ?? ''),
          dimension: r.dimension,
          status: r.status,
          detail: r.detail,
          final: r.final,
          schoolDone: r.schoolDone,
          schoolGrade: r.schoolGrade,
        });
      }
    }
    const status = teacherPlanStatus(
      chosen.map((a) => ({
        code: a.code,
        result: { status: a.status, detail: a.detail, final: a.final, schoolDone: a.schoolDone },
      })),
    );
    const first = loaded[0];
    const found = plan ? teacherRule(plan, name) : undefined;
    const rule =
      found?.category && loaded.length > 0
        ? checkSelection(
            found.category.rule,
            chosen.map((a) => a.code),
            abilities,
          )
        : undefined;
    return {
      name,
      onRoster: (found?.teachers.length ?? 0) > 0,
      category: found?.category?.name,
      subject: roster?.subject || first?.subject || '',
      level: roster?.stage || first?.level || '',
      teacherIds: loaded.map((t) => t.id),
      abilities: chosen,
      dimensions: ordered(
        chosen.map((a) => a.dimension),
        DIMENSIONS,
      ),
      environments: ordered(
        chosen.map((a) => a.environment),
        ENVIRONMENTS,
      ),
      status: loaded.length === 0 ? '未提交' : status.status,
      detail: loaded.length === 0 ? '未提交自评' : status.detail,
      final: status.status === '已通过' ? lowest(chosen.map((a) => a.final)) : undefined,
      ready: chosen.length > 0 && chosen.every((a) => a.schoolDone) && status.status === '校内评审已完成',
      rule,
      note: plan && loaded.length > 0 ? found?.warning : undefined,
    };
  };

  const lines: TeacherLine[] = [];
  const done = new Set<string>();
  for (const entry of plan?.roster ?? []) {
    const key = normalName(entry.name);
    if (done.has(key)) continue;
    done.add(key);
    lines.push(line(entry.name, byName.get(key) ?? [], entry));
  }
  for (const [key, loaded] of byName) {
    if (done.has(key)) continue;
    done.add(key);
    lines.push(line(loaded[0]?.name.trim() || '（未填姓名）', loaded, undefined));
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// The roster against the files

export interface MissingStage {
  stage: string;
  /** The plan's deadline for the stage, when it has one. */
  deadline?: string | undefined;
  /** The deadline has passed (the day after it). */
  overdue: boolean;
  /** Teachers who handed in with abilities lacking a current review at this stage. */
  teachers: { name: string; codes: string[] }[];
}

/**
 * For each school stage, who has handed in but lacks a review of the self-check as it is now, for
 * which abilities. A teacher sent back (需修改) is not missing a review: the next move is theirs.
 */
export function missingStages(
  plan: Pick<SchoolPlan, 'deadlines'> & { stages: readonly PlanStage[] },
  lines: readonly TeacherLine[],
  rows: readonly ArchiveRow[],
  stageColumns: readonly string[],
  today: Date = new Date(),
): MissingStage[] {
  const day = today.toISOString().slice(0, 10);
  const rowsById = new Map<string, ArchiveRow[]>();
  for (const r of rows) rowsById.set(r.teacherId, [...(rowsById.get(r.teacherId) ?? []), r]);
  return plan.stages
    .filter((s) => !s.outside)
    .map((stage) => {
      const column = stageColumns.indexOf(stage.name);
      const deadline = plan.deadlines.find((d) => d.stage === stage.name)?.date;
      const teachers = lines
        .filter((l) => l.status !== '未提交')
        .map((l) => {
          const codes = l.teacherIds
            .flatMap((id) => rowsById.get(id) ?? [])
            .filter((r) => r.status !== '需修改')
            .filter((r) => {
              const cell = column === -1 ? undefined : r.stages[column];
              return !cell || cell.stale;
            })
            .map((r) => r.code);
          return { name: l.name, codes: [...new Set(codes)] };
        })
        .filter((t) => t.codes.length > 0);
      return { stage: stage.name, deadline, overdue: deadline !== undefined && day > deadline, teachers };
    });
}

export interface ReviewerProgress {
  reviewer: string;
  stage: string;
  /** Every chosen ability has a review of the self-check as it is now at this stage. */
  done: string[];
  /** Handed in, some ability still without a current review at this stage. */
  toDo: string[];
  /** Assigned but nothing handed in yet. */
  waiting: string[];
}

/**
 * Each plan assignment's progress. A review counts whoever signed it (a group's member signs with
 * their own name): what the plan assigns is the teacher's review at that stage.
 */
export function reviewerProgress(
  plan: Pick<SchoolPlan, 'assignments'>,
  lines: readonly TeacherLine[],
  rows: readonly ArchiveRow[],
  stageColumns: readonly string[],
): ReviewerProgress[] {
  const byName = new Map(lines.map((l) => [normalName(l.name), l]));
  const rowsById = new Map<string, ArchiveRow[]>();
  for (const r of rows) rowsById.set(r.teacherId, [...(rowsById.get(r.teacherId) ?? []), r]);
  return plan.assignments.map((a) => {
    const column = stageColumns.indexOf(a.stage);
    const progress: ReviewerProgress = {
      reviewer: a.reviewer,
      stage: a.stage,
      done: [],
      toDo: [],
      waiting: [],
    };
    for (const name of a.teachers) {
      const l = byName.get(normalName(name));
      const own = l ? l.teacherIds.flatMap((id) => rowsById.get(id) ?? []) : [];
      if (!l || l.status === '未提交') progress.waiting.push(name);
      else if (
        own.length > 0 &&
        own.every((r) => {
          const cell = column === -1 ? undefined : r.stages[column];
          return cell !== undefined && !cell.stale;
        })
      )
        progress.done.push(name);
      else progress.toDo.push(name);
    }
    return progress;
  });
}
