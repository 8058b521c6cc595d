/**
 * Where one teacher's micro-ability stands in the school's assessment: the status machine of
 * the 考核档案. The stages come from the region's policy (组内互评 → 复评 by default); each
 * stage's grade is gradeAbility on that stage's reviewer's ticks, worked out before this is
 * called. A stage counts only when its review is of the self-check as it is now.
 *
 * Walking the stages in order, the first one that is not passed decides:
 * - no review yet: 未评审 at the first stage, 待复评 (naming the stage) at a later one;
 * - its review is of an earlier version of the self-check: 需重新评审;
 * - its grade is 不合格: 需修改 (sent back to the teacher);
 * - no grade (the criteria are not known): 无法评定.
 * When every stage is passed the ability is 已通过 and its final result is the last stage's grade.
 */
import type { Grade } from '../grading/grading';

export const STATUSES = ['未评审', '待复评', '需修改', '需重新评审', '无法评定', '已通过'] as const;
export type ArchiveStatus = (typeof STATUSES)[number];

export interface StageOutcome {
  /** gradeAbility on the reviewer's ticks; undefined when the criteria are not known. */
  grade: Grade | undefined;
  /** The review was made of another version of the self-check (content hash differs). */
  stale: boolean;
}

export interface StatusResult {
  status: ArchiveStatus;
  /** One line for the table and the CSV, e.g. 待信息化团队复评. */
  detail: string;
  /** The last stage's grade once every stage is passed; undefined until then. */
  final: Grade | undefined;
}

export function abilityStatus(
  stages: readonly string[],
  outcomes: ReadonlyMap<string, StageOutcome>,
): StatusResult {
  if (stages.length === 0) return { status: '未评审', detail: '本地区未规定评审环节', final: undefined };
  let last: Grade | undefined;
  for (const [i, stage] of stages.entries()) {
    const outcome = outcomes.get(stage);
    if (!outcome) {
      const later = stages.slice(i + 1).filter((s) => outcomes.has(s));
      const note = later.length > 0 ? `（已有${later.join('、')}，缺${stage}）` : '';
      return i === 0
        ? { status: '未评审', detail: `尚未${stage}${note}`, final: undefined }
        : { status: '待复评', detail: `待${stage}${note}`, final: undefined };
    }
    if (outcome.stale) {
      return { status: '需重新评审', detail: `自评已更新，需重新${stage}`, final: undefined };
    }
    if (outcome.grade === '不合格') {
      return { status: '需修改', detail: `${stage}不合格，退回修改`, final: undefined };
    }
    if (outcome.grade === undefined) {
      return { status: '无法评定', detail: `${stage}：评价标准未收录，无法评定`, final: undefined };
    }
    last = outcome.grade;
  }
  return { status: '已通过', detail: `${stages.join(' → ')}均已通过`, final: last };
}
