/**
 * Whether a review is at hand: a file that claims to be a review, or reviews kept in this
 * browser. Kept apart from review-file.ts (its schema) and review-store.ts so the wizard can ask
 * on first load and fetch the review machinery only when there is a review to show
 * (tests/e2e/budgets.spec.ts).
 */
import { APP_MARKER } from '../self-check/draft';
import { isPlainRecord, withoutBom } from '../files/versioned-file';

export const REVIEW_KIND = '评审意见';
/** Largest review file importReviewText accepts, in bytes (UTF-8); here so the wizard can refuse a bigger one before loading the review code. */
export const MAX_REVIEW_BYTES = 2 * 1024 * 1024;
/** Where the wizard keeps the review files a teacher opened (review-store.ts). */
export const REVIEWS_KEY = 'weinengli.self-check.reviews';

/** Whether parsed JSON claims to be a review file (app marker and kind), valid or not. */
export function isReviewData(data: unknown): boolean {
  return isPlainRecord(data) && data['app'] === APP_MARKER && data['kind'] === REVIEW_KIND;
}

/** Whether a file's text is a review file, valid or not (for pointing a teacher to 打开评审意见). Never throws. */
export function isReviewText(text: string): boolean {
  try {
    return isReviewData(JSON.parse(withoutBom(text)));
  } catch {
    return false;
  }
}

/**
 * Whether this browser keeps any review for the wizard to show. Only looks: whether they are
 * readable is review-store.ts's job, once loaded. Never throws.
 */
export function hasKeptReviews(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    const raw = storage?.getItem(REVIEWS_KEY);
    return typeof raw === 'string' && raw.trim() !== '' && raw.trim() !== '[]';
  } catch {
    return false;
  }
}
