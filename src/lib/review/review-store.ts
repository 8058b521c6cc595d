/**
 * The review files a teacher has opened in the wizard, kept in this browser until the teacher
 * dismisses them, so the comments stay beside the items across reloads. Storage is injected
 * (tests) and may be missing or full: then the reviews live only as long as the page.
 */
import { migrateReview, type ReviewFile } from './review-file';
import { REVIEWS_KEY } from './review-presence';

export { REVIEWS_KEY };
/** Enough for every stage of a few re-reviews; the oldest is dropped beyond it. */
export const MAX_KEPT_REVIEWS = 10;

export type ReviewStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The kept reviews; anything unreadable is dropped. Never throws. */
export function loadReviews(storage: ReviewStorage | undefined): ReviewFile[] {
  try {
    const raw = storage?.getItem(REVIEWS_KEY);
    if (!raw) return [];
    const data: unknown = JSON.parse(raw);
    if (!Array.isArray(data)) return [];
    return data.flatMap((item) => {
      const result = migrateReview(item);
      return result.ok ? [result.review] : [];
    });
  } catch {
    return [];
  }
}

/** Keeps the reviews; false when the browser would not store them. */
export function saveReviews(storage: ReviewStorage | undefined, reviews: readonly ReviewFile[]): boolean {
  try {
    if (!storage) return false;
    if (reviews.length === 0) storage.removeItem(REVIEWS_KEY);
    else storage.setItem(REVIEWS_KEY, JSON.stringify(reviews.slice(-MAX_KEPT_REVIEWS)));
    return true;
  } catch {
    return false;
  }
}

/**
 * Adds a review to the kept ones: a review of the same draft at the same stage replaces the
 * earlier one (a reviewer who sends a corrected review), others are kept, in opening order.
 */
export function addReview(reviews: readonly ReviewFile[], review: ReviewFile): ReviewFile[] {
  const rest = reviews.filter((r) => !(r.draft.id === review.draft.id && r.stage === review.stage));
  return [...rest, review].slice(-MAX_KEPT_REVIEWS);
}

/** Whether two kept reviews are the same file: same draft, stage and time of review. */
const sameReview = (a: ReviewFile, b: ReviewFile) =>
  a.draft.id === b.draft.id && a.stage === b.stage && a.reviewedAt === b.reviewedAt;

export type KeptReviews = { reviews: ReviewFile[]; kept: boolean };

/**
 * Keeps one more review. It is added to the reviews as this browser keeps them now, not as this
 * page last read them: a review opened in another tab since then stays. `onPage` stands in for
 * them while storage is missing or refused the last save.
 */
export function keepReview(
  storage: ReviewStorage | undefined,
  onPage: readonly ReviewFile[],
  review: ReviewFile,
  kept = true,
): KeptReviews {
  const reviews = addReview(storage && kept ? loadReviews(storage) : onPage, review);
  return { reviews, kept: saveReviews(storage, reviews) };
}

/** Dismisses one review, leaving every other kept review, including one opened in another tab since. */
export function forgetReview(
  storage: ReviewStorage | undefined,
  onPage: readonly ReviewFile[],
  review: ReviewFile,
  kept = true,
): KeptReviews {
  const reviews = (storage && kept ? loadReviews(storage) : onPage).filter((r) => !sameReview(r, review));
  return { reviews, kept: saveReviews(storage, reviews) };
}
