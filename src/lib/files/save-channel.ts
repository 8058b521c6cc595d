/**
 * Tells the other tabs of this browser at once that a page saved its stored text (a
 * BroadcastChannel), so a tab with older work stops saving before the person types more into it.
 * Only a hint: where the browser has no BroadcastChannel, or a message is lost, the check on save
 * (the store's own stamp comparison) still refuses to write over the other tab.
 */

export interface SaveChannel {
  /** Says this tab has just stored the text stamped `stamp` (undefined: removed it). */
  announce(stamp: string | undefined): void;
  close(): void;
}

/** Whether a message is a save announcement of `kind`, and its stamp (null: the text was removed). */
export function announcedStamp(kind: string, data: unknown): { stamp: string | undefined } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { kind: said, revision } = data as Partial<Record<'kind' | 'revision', unknown>>;
  if (said !== kind) return undefined;
  if (revision === null) return { stamp: undefined };
  return typeof revision === 'string' && revision.length <= 200 ? { stamp: revision } : undefined;
}

/**
 * Listens on channel `name` for the other tabs' saves of `kind`; `onSaved` gets the stamp another
 * tab stored. A channel does not hear its own messages. Without BroadcastChannel, a channel that
 * does nothing.
 */
export function openSaveChannel(
  name: string,
  kind: string,
  onSaved: (stamp: string | undefined) => void,
  Channel: typeof BroadcastChannel | undefined = globalThis.BroadcastChannel,
): SaveChannel {
  let channel: BroadcastChannel | undefined;
  try {
    channel = Channel ? new Channel(name) : undefined;
  } catch {
    channel = undefined;
  }
  if (channel)
    channel.onmessage = (event: MessageEvent) => {
      const heard = announcedStamp(kind, event.data);
      if (heard) onSaved(heard.stamp);
    };
  return {
    announce(stamp) {
      try {
        channel?.postMessage({ kind, revision: stamp ?? null });
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
