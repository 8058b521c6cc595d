/** The handbook's rubrics as the review page grades with them: only those that can grade alone. */
import type { HandbookRubrics } from '../../lib/review/review-carry';
import type { AbilityOption } from '../self-check/types';

export const handbookRubrics =
  (abilities: readonly AbilityOption[]): HandbookRubrics =>
  (code) => {
    const a = abilities.find((x) => x.code === code);
    return a?.gradable ? a.rubric : undefined;
  };
