/**
 * The school archive's closing copy (files/closing-copy): written at once when /school/ is hidden
 * or closed, settled when /school/ next opens, before the stored archive is read. The stamp
 * compared is the stored archive's (archive-store archiveStamp: its savedAt).
 *
 * An archive of many teachers is larger than a closing copy may be (MAX_CLOSING_COPY_CHARS): then
 * no copy is written and only the page's usual save runs. That is accepted: the parts a person
 * types here (recorded outcomes, settings) are small and matter most in a small archive, and the
 * teachers' files of a large one can be loaded again from where they came from.
 */
import {
  dropClosingCopy,
  settleClosingCopy,
  writeClosingCopy,
  type ClosingStorage,
  type SettledCopy,
} from '../files/closing-copy';
import type { StoreLock } from '../files/store-lock';
import type { TextStore } from '../files/text-store';
import { exportArchiveText, type ArchiveContent } from './archive-file';
import { ARCHIVE_KEY, RESCUE_PREFIX, archiveLock, archiveStamp } from './archive-store';

/**
 * Keeps a copy of `archive` at once, as the save that stores stamp `writtenAs` will write it;
 * `basedOn` are the stamps the page started from (the one it last read or wrote, one being written).
 * False when it was not kept (too large, or the browser refused).
 */
export function keepClosingArchive(
  storage: ClosingStorage | undefined,
  archive: ArchiveContent,
  basedOn: readonly (string | undefined)[],
  writtenAs: string,
  now: Date = new Date(),
): boolean {
  return writeClosingCopy(storage, ARCHIVE_KEY, {
    text: exportArchiveText({ ...archive, plan: undefined }, new Date(writtenAs)),
    basedOn,
    writtenAs,
    at: now,
  });
}

/** Removes the closing copy if `superseded` says it is this page's and no longer needed. */
export function dropClosingArchive(
  storage: ClosingStorage | undefined,
  superseded: (writtenAs: string) => boolean,
): void {
  dropClosingCopy(storage, ARCHIVE_KEY, superseded);
}

/** Settles a closing copy left by an earlier visit; run before the stored archive is read. */
export function settleClosingArchive(
  store: TextStore | undefined,
  storage: ClosingStorage | undefined,
  lock: StoreLock = archiveLock,
): Promise<SettledCopy> {
  return settleClosingCopy(store, storage, ARCHIVE_KEY, {
    stampOf: archiveStamp,
    lock,
    // Under the rescue prefix, so 清除本机数据 removes it with the archive's other copies.
    asideKey: (copy) => `${RESCUE_PREFIX}closing.${copy.at}`,
  });
}
