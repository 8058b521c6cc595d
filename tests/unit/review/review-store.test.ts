import { describe, expect, it } from 'vitest';
import { buildReviewFile } from '../../../src/lib/review/review';
import type { ReviewFile } from '../../../src/lib/review/review-file';
import {
  MAX_KEPT_REVIEWS,
  REVIEWS_KEY,
  addReview,
  forgetReview,
  keepReview,
  loadReviews,
  saveReviews,
} from '../../../src/lib/review/review-store';
import { handbookRubric, teacherDraft } from '../../support/review-fixtures';
import { MemoryStorage } from '../../support/memory-storage';

const memoryStorage = (initial: Record<string, string> = {}) => new MemoryStorage(initial);

const review = (stage: string, name = '李老师'): ReviewFile =>
  buildReviewFile({
    draft: teacherDraft(),
    reviewer: { name, role: '' },
    stage,
    reviewedAt: new Date('2025-04-02T04:00:00.000Z'),
    abilities: [{ code: 'C5', rubric: handbookRubric('C5'), input: undefined }],
  });

describe('review store', () => {
  it('keeps the opened reviews across a reload and forgets them when dismissed', () => {
    const storage = memoryStorage();
    expect(saveReviews(storage, [review('组内互评'), review('复评')])).toBe(true);
    expect(loadReviews(storage).map((r) => r.stage)).toEqual(['组内互评', '复评']);
    saveReviews(storage, []);
    expect(storage.map.has(REVIEWS_KEY)).toBe(false);
    expect(loadReviews(storage)).toEqual([]);
  });

  it('drops what it cannot read and survives missing, broken or full storage', () => {
    const broken = memoryStorage({ [REVIEWS_KEY]: JSON.stringify([{ app: 'x' }, review('复评')]) });
    expect(loadReviews(broken).map((r) => r.stage)).toEqual(['复评']);
    expect(loadReviews(memoryStorage({ [REVIEWS_KEY]: '{not json' }))).toEqual([]);
    expect(loadReviews(undefined)).toEqual([]);
    const full = Object.assign(memoryStorage(), {
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(saveReviews(full, [review('复评')])).toBe(false);
    expect(saveReviews(undefined, [review('复评')])).toBe(false);
  });

  it('a new review of the same draft and stage replaces the earlier one; at most a bounded number are kept', () => {
    const first = addReview([], review('组内互评', '李老师'));
    const both = addReview(first, review('复评', '张老师'));
    const corrected = addReview(both, review('组内互评', '赵老师'));
    expect(corrected.map((r) => `${r.stage}:${r.reviewer.name}`)).toEqual(['复评:张老师', '组内互评:赵老师']);
    let many: ReviewFile[] = [];
    for (let i = 0; i < MAX_KEPT_REVIEWS + 3; i++) many = addReview(many, review(`环节${i}`));
    expect(many).toHaveLength(MAX_KEPT_REVIEWS);
    expect(many[0]?.stage).toBe('环节3');
  });
});

describe('kept reviews with two tabs open', () => {
  it('a review opened or dismissed in one tab leaves the one another tab opened meanwhile', () => {
    const storage = memoryStorage();
    // Both tabs read the (empty) kept reviews when they opened.
    const tabA = keepReview(storage, [], review('组内互评'));
    expect(tabA).toMatchObject({ kept: true });
    const tabB = keepReview(storage, [], review('复评', '张老师'));
    expect(tabB.reviews.map((r) => r.stage)).toEqual(['组内互评', '复评']);
    expect(loadReviews(storage).map((r) => r.stage)).toEqual(['组内互评', '复评']);

    const afterA = forgetReview(storage, tabA.reviews, review('组内互评'));
    expect(afterA.reviews.map((r) => r.stage)).toEqual(['复评']);
    expect(loadReviews(storage).map((r) => r.stage)).toEqual(['复评']);
  });

  it('without storage, the page’s own reviews are kept and dismissed', () => {
    const one = keepReview(undefined, [], review('组内互评'));
    expect(one).toMatchObject({ kept: false });
    const two = keepReview(undefined, one.reviews, review('复评'));
    expect(two.reviews).toHaveLength(2);
    expect(forgetReview(undefined, two.reviews, review('复评')).reviews.map((r) => r.stage)).toEqual([
      '组内互评',
    ]);
  });
});
