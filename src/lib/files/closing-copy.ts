/**
 * The last change on a page that keeps its work in IndexedDB, written at the moment the page is
 * hidden or closed. A write to IndexedDB is asynchronous, and a tab that closes does not wait for
 * it: a tick made just before closing was lost. localStorage is written at once, so the page puts
 * a copy of what it shows there as it goes (the "closing copy"), still tries its usual save, and
 * the next visit settles the copy against what the store holds:
 * - the store holds what the copy says it was about to write: the save landed, the copy goes;
 * - the store still holds what the page had started from: the copy is newer, and is taken;
 * - the store holds something else: another tab saved since, and the copy is set aside for the
 *   person to keep, never written over the other tab's work.
 *
 * Stores name their stored text's version by a stamp of their own (the review session's revision,
 * the archive's save time); this module only compares stamps.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import type { TextStore } from './text-store';

const PREFIX = 'weinengli.closing.';
/**
 * localStorage holds about 5 MB per site, shared with the teacher's self-check draft; a copy
 * larger than this is not attempted (the page's usual save still runs).
 */
export const MAX_CLOSING_COPY_CHARS = 1_500_000;

export type ClosingStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const copySchema = lazySchema(() =>
  z.object({
    /** The stored text as the page would write it. */
    text: z.string().max(MAX_CLOSING_COPY_CHARS),
    /** The stamps of the stored text the page started from (the last read or written, and one being written). */
    basedOn: z.array(z.string().max(100).nullable()).max(4),
    /** The stamp the page's save of `text` stores. */
    writtenAs: z.string().max(100),
    at: z.iso.datetime(),
  }),
);
export type ClosingCopy = z.infer<typeof copySchema>;

/** The copy kept for a store key; undefined where there is none or it does not read. */
export function readClosingCopy(storage: ClosingStorage | undefined, key: string): ClosingCopy | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(PREFIX + key);
  } catch {
    return undefined;
  }
  if (!raw || raw.length > MAX_CLOSING_COPY_CHARS + 1_000) return undefined;
  try {
    const parsed = copySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Puts the copy in place at once; false where it is too large or the browser refuses it. */
export function writeClosingCopy(
  storage: ClosingStorage | undefined,
  key: string,
  copy: { text: string; basedOn: readonly (string | undefined)[]; writtenAs: string; at: Date },
): boolean {
  if (!storage || copy.text.length > MAX_CLOSING_COPY_CHARS) return false;
  const record: ClosingCopy = {
    text: copy.text,
    basedOn: copy.basedOn.map((s) => s ?? null),
    writtenAs: copy.writtenAs,
    at: copy.at.toISOString(),
  };
  try {
    storage.setItem(PREFIX + key, JSON.stringify(record));
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes the copy once it is no longer needed. Given `superseded`, only a copy it says yes to: a
 * page passes one that knows its own copies and which of them a finished save has overtaken (a
 * copy written after that save began holds a later change, and another tab's copy is not its own).
 */
export function dropClosingCopy(
  storage: ClosingStorage | undefined,
  key: string,
  superseded?: (writtenAs: string) => boolean,
): void {
  if (superseded) {
    const copy = readClosingCopy(storage, key);
    if (!copy || !superseded(copy.writtenAs)) return;
  }
  try {
    storage?.removeItem(PREFIX + key);
  } catch {
    // Nothing to do: a copy left behind is settled on the next visit.
  }
}

export type ClosingCopyFate = 'landed' | 'newer' | 'overtaken';

/** What the copy is, beside the stamp of what the store holds now (undefined: nothing stored). */
export function closingCopyFate(copy: ClosingCopy, stored: string | undefined): ClosingCopyFate {
  if (stored !== undefined && stored === copy.writtenAs) return 'landed';
  if (copy.basedOn.some((s) => (s ?? undefined) === stored)) return 'newer';
  return 'overtaken';
}

export type SettledCopy =
  /** No copy, or its save had landed. */
  | { status: 'none' }
  /** The copy was newer than the stored text and is now the stored text. */
  | { status: 'taken' }
  /** Another tab saved after the copy's page had read: the copy is kept aside under `asideKey`. */
  | { status: 'overtaken'; text: string; at: string; asideKey: string };

export interface SettleRules {
  /** The stamp of a stored text (undefined: nothing stored). */
  stampOf: (stored: string | undefined) => string | undefined;
  /** Runs the read-then-write alone among the tabs (files/store-lock). */
  lock: <T>(work: () => Promise<T>) => Promise<T>;
  /** Where an overtaken copy is kept aside. */
  asideKey: (copy: ClosingCopy) => string;
  /** Makes a newer copy the stored text; by default it is written under `key` as it is. */
  take?: (copy: ClosingCopy) => Promise<void>;
}

/**
 * Settles the copy a page left for store key `key` on an earlier visit; run before the page reads
 * the store. A copy whose save landed goes; a newer one is taken; one that another tab's save
 * overtook is kept aside, never written over that tab's work. Where the store fails, the copy
 * stays for the next visit.
 */
export async function settleClosingCopy(
  store: Pick<TextStore, 'get' | 'set'> | undefined,
  storage: ClosingStorage | undefined,
  key: string,
  { stampOf, lock, asideKey, take }: SettleRules,
): Promise<SettledCopy> {
  const copy = readClosingCopy(storage, key);
  if (!store || !copy) return { status: 'none' };
  try {
    const settled = await lock(async (): Promise<SettledCopy> => {
      const fate = closingCopyFate(copy, stampOf(await store.get(key)));
      if (fate === 'landed') return { status: 'none' };
      if (fate === 'overtaken') {
        const aside = asideKey(copy);
        await store.set(aside, copy.text);
        return { status: 'overtaken', text: copy.text, at: copy.at, asideKey: aside };
      }
      if (take) await take(copy);
      else await store.set(key, copy.text);
      return { status: 'taken' };
    });
    dropClosingCopy(storage, key);
    return settled;
  } catch {
    return { status: 'none' };
  }
}
