/**
 * The review session's closing copy (files/closing-copy): written at once when /review/ is hidden
 * or closed, settled when /review/ next opens, before the stored session is read. The stamp
 * compared is the session's revision.
 */
import {
  dropClosingCopy,
  settleClosingCopy,
  writeClosingCopy,
  type ClosingStorage,
} from '../files/closing-copy';
import type { TextStore } from '../files/text-store';
import {
  REVIEW_SESSION_KEY,
  REVIEW_SESSION_RESCUE_KEY,
  browserLock,
  isEmptySession,
  readSession,
  revisionOf,
  sessionText,
  type ReviewSession,
  type SessionLock,
} from './review-session';

/**
 * Keeps a copy of `session` at once, as the save that names `writtenAs` will store it; `basedOn`
 * are the revisions the page started from (the one it last read or wrote, and one being written).
 */
export function keepClosingReview(
  storage: ClosingStorage | undefined,
  session: ReviewSession,
  basedOn: readonly (string | undefined)[],
  writtenAs: string,
  now: Date = new Date(),
): boolean {
  return writeClosingCopy(storage, REVIEW_SESSION_KEY, {
    text: sessionText(session, now, writtenAs),
    basedOn,
    writtenAs,
    at: now,
  });
}

/** Removes the closing copy if `superseded` says it is this page's and no longer needed. */
export function dropClosingReview(
  storage: ClosingStorage | undefined,
  superseded: (writtenAs: string) => boolean,
): void {
  dropClosingCopy(storage, REVIEW_SESSION_KEY, superseded);
}

export type ClosingReview =
  /** No copy, or its save had landed. */
  | { status: 'none' }
  /** The copy was newer than the stored session and is now the stored session. */
  | { status: 'taken' }
  /** Another tab saved after the copy's page had read: the copy's text is kept aside, not written. */
  | { status: 'overtaken'; text: string; at: string };

/** Settles a closing copy left by an earlier visit; run before the stored session is read. */
export async function settleClosingReview(
  store: TextStore | undefined,
  storage: ClosingStorage | undefined,
  lock: SessionLock = browserLock,
): Promise<ClosingReview> {
  const settled = await settleClosingCopy(store, storage, REVIEW_SESSION_KEY, {
    stampOf: revisionOf,
    lock,
    asideKey: () => REVIEW_SESSION_RESCUE_KEY,
    take: async (copy) => {
      const read = readSession(copy.text);
      if (read.status === 'ok' && isEmptySession(read.session)) await store?.remove(REVIEW_SESSION_KEY);
      else await store?.set(REVIEW_SESSION_KEY, copy.text);
    },
  });
  return settled.status === 'overtaken'
    ? { status: 'overtaken', text: settled.text, at: settled.at }
    : settled;
}
