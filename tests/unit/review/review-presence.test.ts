import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReviewFile } from '../../../src/lib/review/review';
import { exportReviewText, type ReviewFile } from '../../../src/lib/review/review-file';
import { hasKeptReviews, isReviewText, REVIEWS_KEY } from '../../../src/lib/review/review-presence';
import { addReview, loadReviews, saveReviews } from '../../../src/lib/review/review-store';
import { handbookRubric, teacherDraft } from '../../support/review-fixtures';
import { MemoryStorage } from '../../support/memory-storage';

const memoryStorage = (initial: Record<string, string> = {}) => new MemoryStorage(initial);

const review = (stage: string): ReviewFile =>
  buildReviewFile({
    draft: teacherDraft(),
    reviewer: { name: '李老师', role: '' },
    stage,
    reviewedAt: new Date('2025-04-02T04:00:00.000Z'),
    abilities: [{ code: 'C5', rubric: handbookRubric('C5'), input: undefined }],
  });

describe('whether the wizard has a review to show (before fetching the review code)', () => {
  it('says yes once a review is kept and no once the last is dismissed', () => {
    const storage = memoryStorage();
    expect(hasKeptReviews(storage)).toBe(false);
    saveReviews(storage, addReview([], review('组内互评')));
    expect(hasKeptReviews(storage)).toBe(true);
    saveReviews(storage, []);
    expect(hasKeptReviews(storage)).toBe(false);
  });

  it('says no without storage, and when the browser refuses to read it', () => {
    expect(hasKeptReviews(undefined)).toBe(false);
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(hasKeptReviews(refusing)).toBe(false);
  });

  it('never misses a review the store can read, whatever the browser holds', () => {
    const stored = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .subarray(['组内互评', '复评', '县级专家团队审核认定'], { minLength: 0 })
        .map((stages) => JSON.stringify(stages.map(review))),
    );
    fc.assert(
      fc.property(stored, (raw) => {
        const storage = memoryStorage({ [REVIEWS_KEY]: raw });
        if (loadReviews(storage).length > 0) expect(hasKeptReviews(storage)).toBe(true);
      }),
    );
  });

  it('tells a review file from any other text, and never throws', () => {
    expect(isReviewText(exportReviewText(review('复评')))).toBe(true);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => typeof isReviewText(text) === 'boolean'),
    );
  });
});
