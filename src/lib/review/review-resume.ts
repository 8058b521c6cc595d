/**
 * 以此继续评审: taking up an opened review file's entries on the self-check now under review.
 *
 * A review of this very self-check comes back whole. A review of an earlier version of it
 * (自评已更新) comes back without its ticks: the file records the self-check only by a digest of the
 * whole, not item by item, so nothing says which evidence the teacher changed since, and a tick
 * may judge evidence that is no longer there. Its comments come back, for the reviewer to check;
 * the ticks stay in the file, which the reviewer still has. (A resubmission opened on top of a
 * review in progress is compared item by item instead: review-carry.ts.)
 */
import { inputFromReview, reviewFit, type ReviewerAbilityInput } from './review';
import type { ReviewFile } from './review-file';
import type { Draft } from '../self-check/draft';

export interface ResumedReview {
  inputs: Record<string, ReviewerAbilityInput>;
  /** The review is of an earlier version of this self-check: only its comments came back. */
  outdated: boolean;
  /** How many items' ticks were left out because the review is of an earlier version. */
  ticksLeftOut: number;
}

const ticked = (item: { excellent: readonly number[]; pass: readonly number[] }) =>
  item.excellent.length + item.pass.length > 0;

export function resumeReview(review: ReviewFile, draft: Draft): ResumedReview {
  const outdated = reviewFit(review, draft) !== 'current';
  let ticksLeftOut = 0;
  const inputs: Record<string, ReviewerAbilityInput> = {};
  for (const code of draft.abilities) {
    const input = inputFromReview(review, code);
    if (!input) continue;
    if (outdated) {
      for (const [id, item] of Object.entries(input.items)) {
        if (ticked(item)) ticksLeftOut += 1;
        input.items[id] = { excellent: [], pass: [], comment: item.comment };
      }
    }
    inputs[code] = input;
  }
  return { inputs, outdated, ticksLeftOut };
}

/** Whether the reviewer has ticked or written anything yet, which taking up a file would replace. */
export function hasReviewerEntries(inputs: Readonly<Record<string, ReviewerAbilityInput>>): boolean {
  return Object.values(inputs).some(
    (a) =>
      a.comment.trim() !== '' || Object.values(a.items).some((i) => ticked(i) || i.comment.trim() !== ''),
  );
}

/** What the page says once a review's entries are taken up. */
export function resumedMessage(review: ReviewFile, resumed: ResumedReview): string {
  const whose = `已载入${review.reviewer.name || '评审人'}的${review.stage}意见`;
  if (!resumed.outdated) return `${whose}，可以继续修改。`;
  const ticks =
    resumed.ticksLeftOut > 0
      ? `所以原来的勾选（${resumed.ticksLeftOut} 项证据）没有载入，请逐项重新评定，并`
      : '请';
  return `${whose}中的评语。这份意见写于教师修改自评之前，无法判断哪些证据改过，${ticks}核对评语是否仍然适用。`;
}
