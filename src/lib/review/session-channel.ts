/**
 * Tells the other /review/ tabs of this browser at once that the reviewer's session was saved
 * (files/save-channel), so a tab with older progress stops saving before the reviewer types more
 * into it. Only a hint: the check on save (review-session.ts saveReviewSession) still refuses to
 * write over the other tab.
 */
import { announcedStamp, openSaveChannel, type SaveChannel } from '../files/save-channel';

export const REVIEW_SESSION_CHANNEL = 'weinengli.review-session';
const KIND = 'review-session-saved';

export type SessionChannel = SaveChannel;

/** Whether a message is a save announcement, and its revision (undefined: the session was removed). */
export function announcedRevision(data: unknown): { revision: string | undefined } | undefined {
  const heard = announcedStamp(KIND, data);
  return heard && { revision: heard.stamp };
}

/** Listens for the other tabs' saves; `onSaved` gets the revision another tab stored. */
export function openSessionChannel(
  onSaved: (revision: string | undefined) => void,
  Channel: typeof BroadcastChannel | undefined = globalThis.BroadcastChannel,
): SessionChannel {
  return openSaveChannel(REVIEW_SESSION_CHANNEL, KIND, onSaved, Channel);
}
