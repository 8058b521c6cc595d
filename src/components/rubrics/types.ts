/** What the /rubrics/ page hands the editor island: content data only. */
import type { AbilityRubricInput } from '../../lib/grading/rubric-schema';

export interface HandbookAbility {
  code: string;
  name: string;
  dimension: string;
  completeness: '完整' | '部分' | '待补充';
  /** What the handbook holds of its rubric (possibly nothing, possibly items without criteria). */
  rubric: AbilityRubricInput;
  /** Expectations the handbook quotes that are not criteria (A3), shown beside the form. */
  expectations: { title: string; points: string[] }[];
}

export interface RegionChoice {
  slug: string;
  /** 河北省保定市徐水区 */
  name: string;
}
