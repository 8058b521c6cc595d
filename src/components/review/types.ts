/** What the review page hands its island: content data only. */
import type { StagePlan } from '../../lib/content/review-stages';

export interface RegionReview {
  /** As the packet prints it: 河北省保定市徐水区. */
  name: string;
  plan: StagePlan;
}
