/**
 * Keeps the school's archive in this browser (IndexedDB: an archive of 2,000 teachers is far
 * beyond localStorage's few megabytes), so a reload keeps it. Nothing is sent anywhere.
 *
 * A stored archive that no longer reads in full is never wiped: its text is first copied aside
 * under a rescue key (the page offers it for download), then whatever entries still read are
 * loaded. Only 清除本机数据 removes anything. The store is injected so this is testable
 * without a browser.
 */
import {
  emptyArchive,
  exportArchiveText,
  importArchiveText,
  type ArchiveContent,
  type DroppedEntry,
} from './archive-file';
import type { TextStore } from '../files/text-store';

export const ARCHIVE_KEY = 'school-archive';
export const RESCUE_PREFIX = 'school-archive.rescued.';

export const STORE_FAILED_MESSAGE =
  '浏览器无法保存考核档案（存储已满、被禁用或处于隐私模式）：档案只在本页面中，关闭前请点“保存档案文件”。';

export type ArchiveLoad =
  | { status: 'empty'; archive: ArchiveContent }
  | { status: 'ok'; archive: ArchiveContent }
  /** Some entries did not read: the rest is loaded, the stored text is kept under rescueKey. */
  | { status: 'salvaged'; archive: ArchiveContent; dropped: DroppedEntry[]; rescueKey: string | undefined }
  /** Nothing could be read: an empty archive, the stored text kept under rescueKey. */
  | { status: 'unreadable'; archive: ArchiveContent; error: string; rescueKey: string | undefined }
  /** The store itself failed: an empty archive kept in the page only. */
  | { status: 'unavailable'; archive: ArchiveContent; error: string };

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
  if (!store) return { status: 'unavailable', archive: emptyArchive(), error: STORE_FAILED_MESSAGE };
  let text: string | undefined;
  try {
    text = await store.get(ARCHIVE_KEY);
  } catch {
    return { status: 'unavailable', archive: emptyArchive(), error: STORE_FAILED_MESSAGE };
  }
  if (text === undefined) return { status: 'empty', archive: emptyArchive() };
  const result = importArchiveText(text);
  if (!result.ok) {
    return {
      status: 'unreadable',
      archive: emptyArchive(),
      error: result.error,
      rescueKey: await rescue(store, text, now),
    };
  }
  if (result.dropped.length > 0) {
    return {
      status: 'salvaged',
      archive: result.archive,
      dropped: result.dropped,
      rescueKey: await rescue(store, text, now),
    };
  }
  return { status: 'ok', archive: result.archive };
}

export async function saveArchive(
  store: TextStore | undefined,
  archive: ArchiveContent,
  now: Date = new Date(),
): Promise<{ ok: true } | { ok: false; error: string }> {
  if (!store) return { ok: false, error: STORE_FAILED_MESSAGE };
  try {
    await store.set(ARCHIVE_KEY, exportArchiveText(archive, now));
    return { ok: true };
  } catch {
    return { ok: false, error: STORE_FAILED_MESSAGE };
  }
}

/** 清除本机数据: the archive and every rescued copy. */
export async function clearArchive(store: TextStore | undefined): Promise<void> {
  if (!store) return;
  const keys = await store.keys().catch(() => [] as string[]);
  for (const key of keys) {
    if (key === ARCHIVE_KEY || key.startsWith(RESCUE_PREFIX)) await store.remove(key).catch(() => undefined);
  }
}
