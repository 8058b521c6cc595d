/**
 * The archive's table: one row per teacher × chosen micro-ability, with the self-grade, each
 * stage's grade, the status and the final result. Every grade is gradeAbility's: the teacher's
 * on the teacher's ticks, a reviewer's on the reviewer's ticks over the evidence the teacher
 * described (so the hard limits are rechecked from the same metadata). The grade a review file
 * stores is never trusted over the rule.
 */
import type { MergedArchive, UsedReview } from './archive-merge';
import { abilityStatus, type ArchiveStatus, type StageOutcome } from './archive-status';
import type { Draft } from './draft';
import { gradeAbility, type AbilityEvidence, type Grade, type Rubric } from './grading';
import type { ReviewAbility } from './review-file';
import { environmentOfCode } from './taxonomy';

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
  comment: string;
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

/** The rubric a draft's ability is graded by: the one the teacher typed in, else the handbook's. */
export function rubricFor(draft: Draft, code: string, info: AbilityInfo | undefined): Rubric | undefined {
  return draft.customRubrics[code] ?? info?.rubric;
}

/** The teacher's evidence with the reviewer's ticks in place of the teacher's. */
export function reviewerEvidence(
  evidence: AbilityEvidence | undefined,
  review: ReviewAbility,
): AbilityEvidence | undefined {
  if (!evidence) return undefined;
  const items: AbilityEvidence['items'] = {};
  for (const [id, item] of Object.entries(evidence.items)) {
    const ticks = Object.hasOwn(review.items, id) ? review.items[id] : undefined;
    items[id] = { ...item, excellent: ticks ? [...ticks.excellent] : [], pass: ticks ? [...ticks.pass] : [] };
  }
  return { ...evidence, items };
}

/** gradeAbility on a reviewer's ticks, over the version of the self-check the review was made of. */
export function reviewGrade(
  used: UsedReview,
  code: string,
  info: AbilityInfo | undefined,
): Grade | undefined {
  const ability = Object.hasOwn(used.review.abilities, code) ? used.review.abilities[code] : undefined;
  const rubric = rubricFor(used.reviewed, code, info);
  if (!ability || !rubric) return undefined;
  return gradeAbility(rubric, reviewerEvidence(used.reviewed.evidence[code], ability)).grade;
}

export function archiveRows(merged: MergedArchive, abilities: readonly AbilityInfo[]): ArchiveRow[] {
  const infoByCode = new Map(abilities.map((a) => [a.code, a]));
  const rows: ArchiveRow[] = [];
  for (const teacher of merged.teachers) {
    const { draft } = teacher;
    const byStage = merged.reviews.get(teacher.id);
    for (const code of draft.abilities) {
      const info = infoByCode.get(code);
      const rubric = rubricFor(draft, code, info);
      const selfGrade = rubric ? gradeAbility(rubric, draft.evidence[code]).grade : undefined;
      const outcomes = new Map<string, StageOutcome>();
      const cells = merged.stages.map((stage): StageCell | undefined => {
        const used = byStage?.get(stage)?.get(code);
        if (!used) return undefined;
        const grade = reviewGrade(used, code, info);
        outcomes.set(stage, { grade, stale: used.stale });
        return {
          stage,
          grade,
          stale: used.stale,
          reviewer: used.review.reviewer.name,
          role: used.review.reviewer.role,
          reviewedAt: used.review.reviewedAt,
          comment: used.review.abilities[code]?.comment ?? '',
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
