/**
 * The archive's table: one row per teacher × chosen micro-ability, with the self-grade, each
 * stage's grade, the status and the final result. Every grade is gradeAbility's: the teacher's
 * on the teacher's ticks, a reviewer's on the reviewer's ticks over the evidence the teacher
 * described (so the hard limits are rechecked from the same metadata). The grade a review file
 * stores is never trusted over the rule.
 */
import type { MergedArchive, UsedReview } from './archive-merge';
import { abilityStatus, type ArchiveStatus, type StageOutcome } from './archive-status';
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
  status: ArchiveStatus;
  detail: string;
  final: Grade | undefined;
}

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

export function archiveRows(merged: MergedArchive, abilities: readonly AbilityInfo[]): ArchiveRow[] {
  const infoByCode = new Map(abilities.map((a) => [a.code, a]));
  const rows: ArchiveRow[] = [];
  for (const teacher of merged.teachers) {
    const { draft } = teacher;
    const byStage = merged.reviews.get(teacher.id);
    for (const code of draft.abilities) {
      const info = infoByCode.get(code);
      const rubric = rubricForReview(draft, code, info?.rubric);
      const selfGrade = rubric ? gradeAbility(rubric, draft.evidence[code]).grade : undefined;
      const outcomes = new Map<string, StageOutcome>();
      const cells = merged.stages.map((stage): StageCell | undefined => {
        const used = byStage?.get(stage)?.get(code);
        if (!used) return undefined;
        const grade = reviewGrade(used, code, info);
        outcomes.set(stage, { grade, stale: used.stale });
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
      const status = abilityStatus(merged.regionStages, outcomes);
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
