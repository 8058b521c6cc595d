/**
 * /review/'s closing copy: a tick made as the tab closed is in the next visit's session when no
 * other tab saved since; when one did, the copy is kept aside for the reviewer, never written over it.
 */
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../../src/lib/files/text-store';
import { readClosingCopy } from '../../../src/lib/files/closing-copy';
import {
  dropClosingReview,
  keepClosingReview,
  settleClosingReview,
} from '../../../src/lib/review/review-closing';
import {
  REVIEW_SESSION_KEY,
  REVIEW_SESSION_RESCUE_KEY,
  addTeacher,
  emptySession,
  loadReviewSession,
  readSession,
  revisionOf,
  saveReviewSession,
  updateTeacher,
  type ReviewSession,
} from '../../../src/lib/review/review-session';
import { MemoryStorage } from '../../support/memory-storage';
import { teacherDraft } from '../../support/review-fixtures';

const NOW = new Date('2026-12-07T08:00:00.000Z');
const draft = teacherDraft();

function ticked(pass: number[]): ReviewSession {
  const s = addTeacher(
    { ...emptySession(), reviewer: { name: '李老师', role: '' } },
    draft,
    '王老师.json',
  ).session;
  return updateTeacher(s, draft.id, {
    inputs: { C5: { comment: '', items: { 'case-video': { excellent: [], pass, comment: '' } } } },
  });
}
const passOf = (s: ReviewSession) => s.teachers[0]?.inputs['C5']?.items['case-video']?.pass;

describe('a closing copy settled on the next visit', () => {
  it('the save never landed and nothing changed since: the copy becomes the stored session', async () => {
    const store = memoryStore();
    const storage = new MemoryStorage();
    await saveReviewSession(store, ticked([0]), undefined, { revision: 'r1', now: NOW });
    // The tab closes right after ticking the third box: the copy is written, its save never runs.
    expect(keepClosingReview(storage, ticked([0, 2]), ['r1', undefined], 'r2', NOW)).toBe(true);
    expect(await settleClosingReview(store, storage)).toEqual({ status: 'taken' });
    const loaded = await loadReviewSession(store);
    expect(loaded.status === 'ok' && passOf(loaded.session)).toEqual([0, 2]);
    expect(loaded.status === 'ok' && loaded.revision).toBe('r2');
    expect(readClosingCopy(storage, REVIEW_SESSION_KEY)).toBeUndefined();
  });

  it('closing while an earlier save was still being written still counts as newer', async () => {
    const store = memoryStore();
    const storage = new MemoryStorage();
    // r1 was the last read; the running save (r2) landed; the closing copy (r3) did not.
    keepClosingReview(storage, ticked([0, 1, 2]), ['r1', 'r2'], 'r3', NOW);
    await saveReviewSession(store, ticked([0, 1]), undefined, { revision: 'r2', now: NOW });
    expect(await settleClosingReview(store, storage)).toEqual({ status: 'taken' });
    const loaded = await loadReviewSession(store);
    expect(loaded.status === 'ok' && passOf(loaded.session)).toEqual([0, 1, 2]);
  });

  it('the save landed after all: nothing changes and the copy goes', async () => {
    const store = memoryStore();
    const storage = new MemoryStorage();
    keepClosingReview(storage, ticked([0, 2]), [undefined], 'r2', NOW);
    await saveReviewSession(store, ticked([0, 2]), undefined, { revision: 'r2', now: NOW });
    const before = store.data.get(REVIEW_SESSION_KEY);
    expect(await settleClosingReview(store, storage)).toEqual({ status: 'none' });
    expect(store.data.get(REVIEW_SESSION_KEY)).toBe(before);
    expect(readClosingCopy(storage, REVIEW_SESSION_KEY)).toBeUndefined();
  });

  it('another tab saved after the closing tab had read: its work stays, the copy is kept aside', async () => {
    const store = memoryStore();
    const storage = new MemoryStorage();
    keepClosingReview(storage, ticked([4]), ['r1'], 'r2', NOW);
    await saveReviewSession(store, ticked([1]), undefined, { revision: 'other', now: NOW });
    const settled = await settleClosingReview(store, storage);
    expect(settled.status).toBe('overtaken');
    expect(revisionOf(store.data.get(REVIEW_SESSION_KEY))).toBe('other');
    const aside = readSession(store.data.get(REVIEW_SESSION_RESCUE_KEY));
    expect(aside.status === 'ok' && passOf(aside.session)).toEqual([4]);
    expect(settled.status === 'overtaken' && settled.at).toBe(NOW.toISOString());
    expect(readClosingCopy(storage, REVIEW_SESSION_KEY)).toBeUndefined();
  });

  it('a copy of an emptied session removes the stored one', async () => {
    const store = memoryStore();
    const storage = new MemoryStorage();
    await saveReviewSession(store, ticked([0]), undefined, { revision: 'r1', now: NOW });
    keepClosingReview(storage, emptySession(), ['r1'], 'r2', NOW);
    expect(await settleClosingReview(store, storage)).toEqual({ status: 'taken' });
    expect(store.data.has(REVIEW_SESSION_KEY)).toBe(false);
  });

  it('a store that cannot be read leaves the copy for the next visit', async () => {
    const storage = new MemoryStorage();
    keepClosingReview(storage, ticked([0]), [undefined], 'r2', NOW);
    const broken = { ...memoryStore(), get: () => Promise.reject(new Error('blocked')) };
    expect(await settleClosingReview(broken, storage)).toEqual({ status: 'none' });
    expect(readClosingCopy(storage, REVIEW_SESSION_KEY)?.writtenAs).toBe('r2');
    expect(await settleClosingReview(undefined, storage)).toEqual({ status: 'none' });
  });

  it('a tab drops only the copies it wrote', () => {
    const storage = new MemoryStorage();
    keepClosingReview(storage, ticked([0]), [undefined], 'theirs', NOW);
    dropClosingReview(storage, (w) => w === 'mine');
    expect(readClosingCopy(storage, REVIEW_SESSION_KEY)?.writtenAs).toBe('theirs');
  });
});
