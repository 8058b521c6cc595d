/**
 * The archive's table: one row per teacher × chosen micro-ability, with the self-grade, each
 * stage's grade, the status and the final result. Every grade is gradeAbility's: the teacher's
 * on the teacher's ticks, a reviewer's on the reviewer's ticks over the evidence the teacher
 * described (so the hard limits are rechecked from the same metadata). The grade a review file
 * stores is never trusted over the rule.
 *
 * The status follows the stages, the school's own and those after it (plan-stages.ts): once every
 * school stage is passed the row is 校内评审已完成，待<the county's stage>, until the county's result
 * comes back, in a review file made on /review/ at that stage or typed in by the principal.
 */
import type { MergedArchive, UsedReview } from './archive-merge';
import type { StageOutcome } from './archive-status';
import type { TypedStageResult } from './archive-file';
import { cachedContentHash } from './archive-merge';
import {
  outcomeFromReview,
  planAbilityStatus,
  type PlanStatus,
  type RecordedOutcome,
} from './plan/plan-stages';
import type { PlanStage } from './plan/plan-file';
import { normalName } from './plan/roster-import';
import { gradeAbility, type Grade, type ItemStatus, type Rubric } from '../grading/grading';
import { inputFromReview, reviewerEvidence, rubricForReview } from '../review/review';
import type { FileCheck, ReviewAbility } from '../review/review-file';
import { environmentOfCode } from '../content/taxonomy';

/** What the page knows of each micro-ability from the content collection. */
export interface AbilityInfo {
  code: string;
  name: string;
  environment: string;
  dimension: string;
  rubric: Rubric;
}

export interface StageCell {
  stage: string;
  grade: Grade | undefined;
  stale: boolean;
  reviewer: string;
  role: string;
  reviewedAt: string;
  /** The reviewer's comment on the micro-ability as a whole. */
  comment: string;
  /** The reviewer's comments on single items, named as the rubric names them, in its order. */
  itemComments: { item: string; comment: string }[];
  /** The files the reviewer hashed against the self-check, over every item. */
  files: FileCheck[];
  /** An outside stage's result the principal typed in (no review file): reviewer is who decided. */
  typed?: boolean | undefined;
}

export interface ArchiveRow {
  /** `${teacherId}:${code}`, unique. */
  key: string;
  teacherId: string;
  teacher: string;
  school: string;
  subject: string;
  /** 学段. */
  level: string;
  code: string;
  abilityName: string;
  environment: string;
  dimension: string;
  selfGrade: Grade | undefined;
  /** One per stage of MergedArchive.stages, undefined where that stage has no review. */
  stages: (StageCell | undefined)[];
  status: PlanStatus;
  detail: string;
  final: Grade | undefined;
  /** Every school stage is passed: ready for the county, or past it. */
  schoolDone: boolean;
  /** The last school stage's grade once every school stage is passed: what the county is handed. */
  schoolGrade: Grade | undefined;
}

export interface RowOptions {
  /**
   * The stages, each marked inside or outside the school, by the names of merged.stages (the
   * plan's, or the region's). Absent: every region stage is the school's, as before plans.
   */
  stages?: readonly PlanStage[] | undefined;
  /** Outside stages' results typed in (archive version 2). */
  typed?: readonly TypedStageResult[] | undefined;
}

/** Key of a typed result: the teacher's name as the roster writes it, the ability, the stage. */
export const typedKey = (teacher: string, code: string, stage: string) =>
  [normalName(teacher), code, stage].join('\u0000');

/** gradeAbility on a reviewer's ticks, over the version of the self-check the review was made of. */
export function reviewGrade(
  used: UsedReview,
  code: string,
  info: AbilityInfo | undefined,
): Grade | undefined {
  const input = inputFromReview(used.review, code);
  const rubric = rubricForReview(used.reviewed, code, info?.rubric);
  if (!input || !rubric) return undefined;
  return gradeAbility(rubric, reviewerEvidence(used.reviewed.evidence[code], input)).grade;
}

/** The reviewer's item comments in the rubric's order; an item the rubric lacks goes last, by its id. */
function itemComments(
  ability: ReviewAbility | undefined,
  rubric: Rubric | undefined,
): { item: string; comment: string }[] {
  const entries = Object.entries(ability?.items ?? {}).filter(([, i]) => i.comment.trim() !== '');
  const order = (id: string) => {
    const at = rubric?.items.findIndex((i) => i.id === id) ?? -1;
    return at === -1 ? Number.MAX_SAFE_INTEGER : at;
  };
  return entries
    .sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, i]) => {
      const item = rubric?.items.find((r) => r.id === id);
      return { item: item ? `${item.label} ${item.name}` : id, comment: i.comment.trim() };
    });
}

/** The stages rows follow when the caller names none: the region's, all inside the school. */
function schoolStages(merged: MergedArchive): PlanStage[] {
  return merged.regionStages.map((name) => ({ name, outside: false, sampled: false }));
}

export function archiveRows(
  merged: MergedArchive,
  abilities: readonly AbilityInfo[],
  options: RowOptions = {},
): ArchiveRow[] {
  const infoByCode = new Map(abilities.map((a) => [a.code, a]));
  const stages = options.stages ?? schoolStages(merged);
  const outside = new Set(stages.filter((s) => s.outside).map((s) => s.name));
  const typed = new Map<string, TypedStageResult>();
  for (const t of options.typed ?? []) {
    if (!outside.has(t.stage)) continue;
    const key = typedKey(t.teacher, t.code, t.stage);
    const had = typed.get(key);
    if (!had || had.at <= t.at) typed.set(key, t);
  }
  const rows: ArchiveRow[] = [];
  for (const teacher of merged.teachers) {
    const { draft } = teacher;
    const byStage = merged.reviews.get(teacher.id);
    for (const code of draft.abilities) {
      const info = infoByCode.get(code);
      const rubric = rubricForReview(draft, code, info?.rubric);
      const selfGrade = rubric ? gradeAbility(rubric, draft.evidence[code]).grade : undefined;
      const outcomes = new Map<string, StageOutcome | RecordedOutcome>();
      const cells = merged.stages.map((stage): StageCell | undefined => {
        const used = byStage?.get(stage)?.get(code);
        const hand = outside.has(stage) ? typed.get(typedKey(draft.profile.name, code, stage)) : undefined;
        // A result typed in and a county review file for the same stage: the later decision counts
        // (a typed result the same day as the file yields to the file, which carries the ticks).
        if (hand && (!used || hand.at > used.review.reviewedAt.slice(0, 10))) {
          const stale = hand.contentHash !== '' && hand.contentHash !== cachedContentHash(draft);
          outcomes.set(stage, {
            grade: hand.grade,
            stale,
            by: hand.by,
            at: hand.at,
            from: '手动录入',
          });
          return {
            stage,
            grade: hand.grade,
            stale,
            reviewer: hand.by,
            role: '',
            reviewedAt: hand.at,
            comment: '',
            itemComments: [],
            files: [],
            typed: true,
          };
        }
        if (!used) return undefined;
        const grade = reviewGrade(used, code, info);
        const outcome = { grade, stale: used.stale };
        outcomes.set(stage, outside.has(stage) ? outcomeFromReview(outcome, used.review) : outcome);
        const ability = used.review.abilities[code];
        return {
          stage,
          grade,
          stale: used.stale,
          reviewer: used.review.reviewer.name,
          role: used.review.reviewer.role,
          reviewedAt: used.review.reviewedAt,
          comment: ability?.comment ?? '',
          itemComments: itemComments(ability, rubricForReview(used.reviewed, code, info?.rubric)),
          files: Object.values(ability?.items ?? {}).flatMap((item) => item.files ?? []),
        };
      });
      const status = planAbilityStatus(stages, outcomes);
      const lastSchool = stages.filter((s) => !s.outside).at(-1)?.name;
      rows.push({
        key: `${teacher.id}:${code}`,
        teacherId: teacher.id,
        teacher: draft.profile.name.trim() || '（未填姓名）',
        school: draft.profile.school.trim(),
        subject: draft.profile.subject.trim(),
        level: draft.profile.stage,
        code,
        abilityName: info?.name ?? draft.customRubrics[code]?.name ?? code,
        environment: info?.environment ?? environmentOfCode(code) ?? '',
        dimension: info?.dimension ?? '',
        selfGrade,
        stages: cells,
        status: status.status,
        detail: status.detail,
        final: status.final,
        schoolDone: status.schoolDone,
        schoolGrade:
          status.schoolDone && lastSchool !== undefined ? outcomes.get(lastSchool)?.grade : undefined,
      });
    }
  }
  return rows;
}

export interface ItemDetail {
  itemId: string;
  name: string;
  /** The teacher's own status for the item (gradeItem through gradeAbility). */
  self: ItemStatus | undefined;
  /** Per stage of MergedArchive.stages: the reviewer's status and comment, undefined without a review. */
  stages: ({ status: ItemStatus | undefined; comment: string } | undefined)[];
}

export interface AbilityDetails {
  /** Why the self-check is not 优秀, as gradeAbility says it. */
  selfReasons: string[];
  items: ItemDetail[];
}

/** What a row opens: item by item, the teacher's status and each stage's, with the comments. */
export function abilityDetails(
  merged: MergedArchive,
  row: ArchiveRow,
  abilities: readonly AbilityInfo[],
): AbilityDetails | undefined {
  const teacher = merged.teachers.find((t) => t.id === row.teacherId);
  if (!teacher) return undefined;
  const info = abilities.find((a) => a.code === row.code);
  const rubric = rubricForReview(teacher.draft, row.code, info?.rubric);
  if (!rubric) return { selfReasons: [], items: [] };
  const self = gradeAbility(rubric, teacher.draft.evidence[row.code]);
  const byStage = merged.reviews.get(teacher.id);
  const stageResults = merged.stages.map((stage) => {
    const used = byStage?.get(stage)?.get(row.code);
    const input = used ? inputFromReview(used.review, row.code) : undefined;
    if (!used || !input) return undefined;
    const reviewed = rubricForReview(used.reviewed, row.code, info?.rubric) ?? rubric;
    return {
      input,
      result: gradeAbility(reviewed, reviewerEvidence(used.reviewed.evidence[row.code], input)),
    };
  });
  const counted = new Set(self.items.map((i) => i.itemId));
  for (const s of stageResults) s?.result.items.forEach((i) => counted.add(i.itemId));
  const items = rubric.items
    .filter((item) => counted.has(item.id))
    .map((item) => ({
      itemId: item.id,
      name: `${item.label} ${item.name}`,
      self: self.items.find((i) => i.itemId === item.id)?.status,
      stages: stageResults.map((s) =>
        s
          ? {
              status: s.result.items.find((i) => i.itemId === item.id)?.status,
              comment: s.input.items[item.id]?.comment ?? '',
            }
          : undefined,
      ),
    }));
  return { selfReasons: self.reasons, items };
}
