/**
 * Puts back what some abilities' rubrics and evidence were before a school's rubric pack was
 * taken (the 撤销 after taking a school plan that brought one), leaving every other ability as
 * the teacher has it now: work done on them since is kept.
 */
import type { Draft } from './draft';

export type AbilitiesBefore = Pick<Draft, 'customRubrics' | 'evidence'>;

export function restoreAbilities(draft: Draft, before: AbilitiesBefore, codes: readonly string[]): Draft {
  const restore = <T>(now: Record<string, T>, was: Record<string, T>): Record<string, T> => ({
    ...Object.fromEntries(Object.entries(now).filter(([code]) => !codes.includes(code))),
    ...Object.fromEntries(Object.entries(was).filter(([code]) => codes.includes(code))),
  });
  return {
    ...draft,
    customRubrics: restore(draft.customRubrics, before.customRubrics),
    evidence: restore(draft.evidence, before.evidence),
  };
}
