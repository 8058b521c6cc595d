/**
 * The review files the teacher has opened in the wizard, shared by the panel that opens them
 * and the notes beside each ability and item, without threading props through the wizard.
 * Kept in this browser (review-store.ts) until the teacher dismisses them.
 */
import { useSyncExternalStore } from 'react';
import { browserStorage } from '../../lib/self-check/draft-store';
import type { ReviewFit } from '../../lib/review/review';
import type { ReviewFile } from '../../lib/review/review-file';
import { forgetReview, keepReview, loadReviews, REVIEWS_KEY } from '../../lib/review/review-store';

export interface OpenedReview {
  review: ReviewFile;
  /** How it fits the draft the wizard shows now. */
  fit: ReviewFit;
}

interface State {
  reviews: ReviewFile[];
  fits: ReviewFit[];
  /** False when the browser would not keep them: they last as long as the page. */
  kept: boolean;
}

let state: State = { reviews: [], fits: [], kept: true };
let loaded = false;
const listeners = new Set<() => void>();

function set(next: State): void {
  state = next;
  for (const listener of listeners) listener();
}

export const reviewNotes = {
  /** Reads the kept reviews once per page. */
  load(): void {
    if (loaded) return;
    loaded = true;
    set({ ...state, reviews: loadReviews(browserStorage()) });
    // A review opened or dismissed in another tab shows here too.
    window.addEventListener('storage', (e) => {
      if (e.key === REVIEWS_KEY || e.key === null) set({ ...state, reviews: loadReviews(browserStorage()) });
    });
  },
  add(review: ReviewFile): void {
    set({ ...state, ...keepReview(browserStorage(), state.reviews, review, state.kept) });
  },
  dismiss(review: ReviewFile): void {
    set({ ...state, ...forgetReview(browserStorage(), state.reviews, review, state.kept) });
  },
  /** The panel tells how each review fits the current draft whenever either changes. */
  setFits(fits: ReviewFit[]): void {
    if (fits.length === state.fits.length && fits.every((f, i) => f === state.fits[i])) return;
    set({ ...state, fits });
  },
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshot = () => state;

export function useReviewNotes(): { opened: OpenedReview[]; kept: boolean } {
  const current = useSyncExternalStore(subscribe, snapshot, snapshot);
  return {
    opened: current.reviews.map((review, i) => ({ review, fit: current.fits[i] ?? 'current' })),
    kept: current.kept,
  };
}
