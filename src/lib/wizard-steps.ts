/**
 * Which steps of the self-check wizard a teacher may jump to from the stepper. Going back must
 * never lock the later steps: they stay reachable as long as what they need is still there.
 */
import type { Draft } from './draft';
import { profileSchema } from './profile';

/** The wizard's steps: 基本信息, 选择微能力点, 逐项自查证据, 自评结果. */
export const STEP_COUNT = 4;

/** For each step, whether the stepper offers it: the steps up to the current one, and any whose needs are met. */
export function reachableSteps(draft: Pick<Draft, 'step' | 'profile' | 'abilities'>): boolean[] {
  const profileDone = profileSchema.safeParse(draft.profile).success;
  const chosen = draft.abilities.length > 0;
  return Array.from({ length: STEP_COUNT }, (_, i) => {
    if (i === 0) return true;
    if (i === 1) return profileDone || draft.step >= 1;
    return chosen && (profileDone || draft.step >= i);
  });
}
