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

/**
 * How long after a step change the second click of a double-click is still the same gesture. The
 * first click changes the step; the second lands on whatever the new step shows in that place
 * (a checkbox on 选择微能力点) and must not count as a choice.
 */
export const DOUBLE_CLICK_GUARD_MS = 800;

/** Whether a click (with its `detail`, the click count) is the rest of a double-click that changed the step. */
export function isCarriedOverClick(detail: number, msSinceStepChange: number): boolean {
  return detail > 1 && msSinceStepChange >= 0 && msSinceStepChange < DOUBLE_CLICK_GUARD_MS;
}

/** The wizard step a history entry stands for (its state, as pushed by the wizard), if any. */
export function stepOfHistoryState(state: unknown): number | undefined {
  if (typeof state !== 'object' || state === null || !('wizardStep' in state)) return undefined;
  const step = (state as { wizardStep: unknown }).wizardStep;
  return typeof step === 'number' && Number.isInteger(step) && step >= 0 && step < STEP_COUNT
    ? step
    : undefined;
}

/** The history state of a wizard step. */
export const historyStateOf = (step: number) => ({ wizardStep: step });
