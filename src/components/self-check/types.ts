/** What the self-check page hands the wizard island: content data only, no functions. */
import type { Rubric } from '../../lib/grading/grading';

export interface AbilityOption {
  code: string;
  name: string;
  environment: string;
  dimension: string;
  completeness: '完整' | '部分' | '待补充';
  /** The handbook's rubric; its items may have criteria unknown ('unknown'). */
  rubric: Rubric;
  /** True when every item's grading is known, so the handbook rubric can grade alone. */
  gradable: boolean;
}

export interface RegionOption {
  slug: string;
  region: string;
  /** The region with its parents, as the packet prints it (河北省保定市徐水区). */
  path: string;
  level: string;
  selection?:
    { minAbilities?: number | undefined; requiredDimensions: readonly string[]; text: string } | undefined;
}
