/**
 * Keeps the school's archive in this browser (IndexedDB: an archive of 2,000 teachers is far
 * beyond localStorage's few megabytes), so a reload keeps it. Nothing is sent anywhere.
 *
 * Two tabs may both have /school/ open. Each stored text is named by a stamp: its savedAt, which
 * every save makes later than the one it replaces (so no two stored versions share one; no format
 * change was needed). A save names the stamp its tab last read or wrote and, under a lock shared
 * by the tabs, writes nothing when the stored one is another: another tab saved since, and the
 * page asks before anything of that tab's is replaced. 清除本机数据 follows the same rule.
 *
 * A stored archive that no longer reads in full is never wiped: its text is first copied aside
 * under a rescue key (the page offers it for download), then whatever entries still read are
 * loaded. Only 清除本机数据 removes anything. The store is injected so this is testable
 * without a browser.
 */
import {
  ARCHIVE_KIND,
  emptyArchive,
  exportArchiveText,
  importArchiveText,
  type ArchiveContent,
  type DroppedEntry,
} from './archive-file';
import { browserStoreLock, type StoreLock } from '../files/store-lock';
import { textFingerprint } from '../files/text-fingerprint';
import type { TextStore } from '../files/text-store';
import { APP_MARKER } from '../self-check/draft';

export const ARCHIVE_KEY = 'school-archive';
export const RESCUE_PREFIX = 'school-archive.rescued.';

/** Name of the BroadcastChannel on which a tab announces that it saved the archive. */
export const ARCHIVE_CHANNEL = 'weinengli.school-archive';
export const ARCHIVE_SAVED_KIND = 'school-archive-saved';

export const STORE_FAILED_MESSAGE =
  '浏览器无法保存考核档案（存储已满、被禁用或处于隐私模式）：档案只在本页面中，关闭前请点“保存档案文件”。';

/** `stamp`: the stored text's stamp, which this tab's next save names as the one it started from. */
export type ArchiveLoad =
  | { status: 'empty'; archive: ArchiveContent; stamp: undefined }
  | { status: 'ok'; archive: ArchiveContent; stamp: string }
  /** Some entries did not read: the rest is loaded, the stored text is kept under rescueKey. */
  | {
      status: 'salvaged';
      archive: ArchiveContent;
      dropped: DroppedEntry[];
      rescueKey: string | undefined;
      stamp: string;
    }
  /** Nothing could be read: an empty archive, the stored text kept under rescueKey. */
  | {
      status: 'unreadable';
      archive: ArchiveContent;
      error: string;
      rescueKey: string | undefined;
      stamp: string;
    }
  /** The store itself failed: an empty archive kept in the page only. */
  | { status: 'unavailable'; archive: ArchiveContent; error: string; stamp: undefined };

const STAMP_PREFIX = `{"app":${JSON.stringify(APP_MARKER)},"kind":${JSON.stringify(ARCHIVE_KIND)},"version":`;
const STAMP_AFTER_PREFIX = /^\d{1,4},"savedAt":"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)"/;

/**
 * The stamp of a stored text, undefined when nothing is stored: the savedAt that
 * exportArchiveText writes near its start (read there, so a 2,000-teacher archive is not parsed
 * for it). Any other text (damaged, hand-edited) is named by its fingerprint, so replacing it is
 * noticed too. Never throws.
 */
export function archiveStamp(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  if (raw.startsWith(STAMP_PREFIX)) {
    const found = STAMP_AFTER_PREFIX.exec(raw.slice(STAMP_PREFIX.length, STAMP_PREFIX.length + 60));
    if (found?.[1] !== undefined) return found[1];
  }
  return `text:${textFingerprint(raw)}`;
}

const stampTime = (stamp: string | undefined): number => {
  const t = stamp === undefined || stamp.startsWith('text:') ? Number.NaN : Date.parse(stamp);
  return Number.isNaN(t) ? Number.NEGATIVE_INFINITY : t;
};

/**
 * The stamp for a save at `now`: later than every stamp in `after` (the one the save replaces,
 * and any this tab has written), so each stored version has its own.
 */
export function nextArchiveStamp(after: readonly (string | undefined)[], now: Date = new Date()): string {
  const latest = Math.max(now.getTime(), ...after.map((s) => stampTime(s) + 1));
  return new Date(latest).toISOString();
}

/** One archive save at a time among this browser's tabs (files/store-lock). */
export const archiveLock: StoreLock = browserStoreLock(ARCHIVE_KEY);

async function rescue(store: TextStore, text: string, now: Date): Promise<string | undefined> {
  const key = `${RESCUE_PREFIX}${now.toISOString()}`;
  try {
    await store.set(key, text);
    return key;
  } catch {
    return undefined;
  }
}

export async function loadArchive(
  store: TextStore | undefined,
  now: Date = new Date(),
): Promise<ArchiveLoad> {
  const unavailable = {
    status: 'unavailable',
    archive: emptyArchive(),
    error: STORE_FAILED_MESSAGE,
    stamp: undefined,
  } as const;
  if (!store) return unavailable;
  let text: string | undefined;
  try {
    text = await store.get(ARCHIVE_KEY);
  } catch {
    return unavailable;
  }
  if (text === undefined) return { status: 'empty', archive: emptyArchive(), stamp: undefined };
  const stamp = archiveStamp(text) ?? '';
  const result = importArchiveText(text);
  if (!result.ok) {
    return {
      status: 'unreadable',
      archive: emptyArchive(),
      error: result.error,
      rescueKey: await rescue(store, text, now),
      stamp,
    };
  }
  if (result.dropped.length > 0) {
    return {
      status: 'salvaged',
      archive: result.archive,
      dropped: result.dropped,
      rescueKey: await rescue(store, text, now),
      stamp,
    };
  }
  return { status: 'ok', archive: result.archive, stamp };
}

export type ArchiveSave =
  /** Written; `stamp` is the one now stored (undefined: the archive was removed). */
  | { status: 'saved'; stamp: string | undefined }
  /** Another tab saved since `basedOn`: nothing was written; `stamp` is the one it stored. */
  | { status: 'elsewhere'; stamp: string | undefined }
  | { status: 'failed'; error: string };

export interface ArchiveSaveOptions {
  /** Write even though another tab saved since: only after the person has chosen to. */
  force?: boolean;
  now?: Date;
  /** The stamp to store (the page names it first for its closing copy); by default the next one. */
  stamp?: string;
  lock?: StoreLock;
}

/**
 * Keeps `archive` (undefined: removes the stored archive), provided the stored stamp is still
 * `basedOn`: the one this tab last read or wrote (undefined: nothing was stored).
 */
async function writeArchive(
  store: TextStore | undefined,
  archive: ArchiveContent | undefined,
  basedOn: string | undefined,
  { force = false, now = new Date(), stamp, lock = archiveLock }: ArchiveSaveOptions,
): Promise<ArchiveSave> {
  if (!store) return { status: 'failed', error: STORE_FAILED_MESSAGE };
  try {
    return await lock(async (): Promise<ArchiveSave> => {
      const stored = archiveStamp(await store.get(ARCHIVE_KEY));
      if (!force && stored !== basedOn) return { status: 'elsewhere', stamp: stored };
      if (!archive) {
        await store.remove(ARCHIVE_KEY);
        return { status: 'saved', stamp: undefined };
      }
      // Later than what it replaces, whatever the caller named (a forced save replaces a stamp
      // its tab never saw).
      const written =
        stamp !== undefined && stampTime(stamp) > stampTime(stored) ? stamp : nextArchiveStamp([stored], now);
      await store.set(ARCHIVE_KEY, exportArchiveText(archive, new Date(written)));
      return { status: 'saved', stamp: written };
    });
  } catch {
    return { status: 'failed', error: STORE_FAILED_MESSAGE };
  }
}

/** Keeps `archive` if no other tab saved since `basedOn` (or `force`: the person chose to). */
export function saveArchive(
  store: TextStore | undefined,
  archive: ArchiveContent,
  basedOn: string | undefined,
  options: ArchiveSaveOptions = {},
): Promise<ArchiveSave> {
  return writeArchive(store, archive, basedOn, options);
}

/**
 * 清除本机数据: the archive and every rescued copy, under the same rule as a save: when another
 * tab saved since `basedOn`, nothing is removed.
 */
export async function clearArchive(
  store: TextStore | undefined,
  basedOn: string | undefined,
  options: Pick<ArchiveSaveOptions, 'force' | 'lock'> = {},
): Promise<ArchiveSave> {
  const cleared = await writeArchive(store, undefined, basedOn, options);
  if (cleared.status !== 'saved' || !store) return cleared;
  const keys = await store.keys().catch(() => [] as string[]);
  for (const key of keys) {
    if (key.startsWith(RESCUE_PREFIX)) await store.remove(key).catch(() => undefined);
  }
  return cleared;
}
