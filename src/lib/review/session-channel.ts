/**
 * Tells the other /review/ tabs of this browser at once that the reviewer's session was saved
 * (a BroadcastChannel), so a tab with older progress stops saving before the reviewer types more
 * into it. Only a hint: where the browser has no BroadcastChannel, or a message is lost, the
 * check on save (review-session.ts saveReviewSession) still refuses to write over the other tab.
 */

export const REVIEW_SESSION_CHANNEL = 'weinengli.review-session';

export interface SessionChannel {
  /** Says this tab has just stored `revision` (undefined: removed the session). */
  announce(revision: string | undefined): void;
  close(): void;
}

interface Announcement {
  kind: 'review-session-saved';
  revision: string | null;
}

/** Whether a message is a save announcement, and its revision (null: the session was removed). */
export function announcedRevision(data: unknown): { revision: string | undefined } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { kind, revision } = data as Partial<Record<keyof Announcement, unknown>>;
  if (kind !== 'review-session-saved') return undefined;
  if (revision === null) return { revision: undefined };
  return typeof revision === 'string' && revision.length <= 200 ? { revision } : undefined;
}

/**
 * Listens for the other tabs' saves; `onSaved` gets the revision another tab stored. A channel
 * does not hear its own messages. Without BroadcastChannel, a channel that does nothing.
 */
export function openSessionChannel(
  onSaved: (revision: string | undefined) => void,
  Channel: typeof BroadcastChannel | undefined = globalThis.BroadcastChannel,
): SessionChannel {
  let channel: BroadcastChannel | undefined;
  try {
    channel = Channel ? new Channel(REVIEW_SESSION_CHANNEL) : undefined;
  } catch {
    channel = undefined;
  }
  if (channel)
    channel.onmessage = (event: MessageEvent) => {
      const heard = announcedRevision(event.data);
      if (heard) onSaved(heard.revision);
    };
  return {
    announce(revision) {
      const message: Announcement = { kind: 'review-session-saved', revision: revision ?? null };
      try {
        channel?.postMessage(message);
      } catch {
        // Closed or unavailable: the check on save still holds.
      }
    },
    close() {
      channel?.close();
      channel = undefined;
    },
  };
}
