/**
 * /school/'s closing copy: an outcome or setting typed as the tab closed is in the next visit's
 * archive when no other tab saved since; when one did, the copy is kept aside for the principal,
 * never written over the other tab's archive.
 */
import { describe, expect, it } from 'vitest';
import { MAX_CLOSING_COPY_CHARS, readClosingCopy } from '../../../src/lib/files/closing-copy';
import { memoryStore } from '../../../src/lib/files/text-store';
import { emptyArchive, type ArchiveContent } from '../../../src/lib/school/archive-file';
import {
  dropClosingArchive,
  keepClosingArchive,
  settleClosingArchive,
} from '../../../src/lib/school/archive-closing';
import {
  ARCHIVE_KEY,
  RESCUE_PREFIX,
  clearArchive,
  loadArchive,
  saveArchive,
} from '../../../src/lib/school/archive-store';
import { MemoryStorage } from '../../support/memory-storage';

const NOW = new Date('2026-12-07T08:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const withTotal = (teacherTotal: number): ArchiveContent => ({
  ...emptyArchive(),
  settings: { region: '', teacherTotal },
});
const totalOf = async (store: ReturnType<typeof memoryStore>) => {
  const loaded = await loadArchive(store);
  return loaded.status === 'ok' ? loaded.archive.settings.teacherTotal : loaded.status;
};

describe('a closing copy settled on the next visit', () => {
  it('the save never landed and nothing changed since: the copy becomes the stored archive', async () => {
    const store = memoryStore();
    const storage = new MemoryStorage();
    await saveArchive(store, withTotal(10), undefined, { now: NOW });
    // The tab closes right after the change: the copy is written, its save never runs.
    expect(keepClosingArchive(storage, withTotal(12), [at(0), undefined], at(5), NOW)).toBe(true);
    expect(await settleClosingArchive(store, storage)).toEqual({ status: 'taken' });
    expect(await totalOf(store)).toBe(12);
    expect((await loadArchive(store)).stamp).toBe(at(5));
    expect(readClosingCopy(storage, ARCHIVE_KEY)).toBeUndefined();
  });

  it('closing while an earlier save was being written still counts as newer', async () => {
    const store = memoryStore();
    const storage = new MemoryStorage();
    await saveArchive(store, withTotal(10), undefined, { now: NOW });
    keepClosingArchive(storage, withTotal(14), [at(0), at(3)], at(6), NOW);
    // The running save (at(3)) landed; the closing copy's did not.
    await saveArchive(store, withTotal(13), at(0), { stamp: at(3) });
    expect(await settleClosingArchive(store, storage)).toEqual({ status: 'taken' });
    expect(await totalOf(store)).toBe(14);
  });

  it('the save had landed: nothing to do, the copy goes', async () => {
    const store = memoryStore();
    const storage = new MemoryStorage();
    keepClosingArchive(storage, withTotal(12), [undefined], at(5), NOW);
    await saveArchive(store, withTotal(12), undefined, { stamp: at(5) });
    const before = store.data.get(ARCHIVE_KEY);
    expect(await settleClosingArchive(store, storage)).toEqual({ status: 'none' });
    expect(store.data.get(ARCHIVE_KEY)).toBe(before);
    expect(readClosingCopy(storage, ARCHIVE_KEY)).toBeUndefined();
  });

  it('another tab saved after: its archive stays, the copy is kept aside and offered', async () => {
    const store = memoryStore();
    const storage = new MemoryStorage();
    await saveArchive(store, withTotal(10), undefined, { now: NOW });
    keepClosingArchive(storage, withTotal(12), [at(0), undefined], at(5), NOW);
    await saveArchive(store, withTotal(30), at(0), { now: new Date(at(9)) });
    const settled = await settleClosingArchive(store, storage);
    expect(settled).toMatchObject({ status: 'overtaken', at: NOW.toISOString() });
    expect(await totalOf(store)).toBe(30);
    if (settled.status !== 'overtaken') return;
    expect(store.data.get(settled.asideKey)).toBe(settled.text);
    expect(settled.asideKey.startsWith(RESCUE_PREFIX)).toBe(true);
    expect(JSON.parse(settled.text)).toMatchObject({ settings: { teacherTotal: 12 } });
    // 清除本机数据 takes the set-aside copy with the archive.
    await clearArchive(store, at(9));
    expect([...store.data.keys()]).toEqual([]);
  });

  it('a store that fails keeps the copy for the next visit', async () => {
    const storage = new MemoryStorage();
    keepClosingArchive(storage, withTotal(12), [undefined], at(5), NOW);
    const broken = {
      ...memoryStore(),
      get: () => Promise.reject(new Error('denied')),
    };
    expect(await settleClosingArchive(broken, storage)).toEqual({ status: 'none' });
    expect(readClosingCopy(storage, ARCHIVE_KEY)).toBeDefined();
  });

  it('a finished save drops only a copy it says is superseded', () => {
    const storage = new MemoryStorage();
    keepClosingArchive(storage, withTotal(12), [undefined], at(5), NOW);
    dropClosingArchive(storage, (w) => w === at(4));
    expect(readClosingCopy(storage, ARCHIVE_KEY)?.writtenAs).toBe(at(5));
    dropClosingArchive(storage, (w) => w === at(5));
    expect(readClosingCopy(storage, ARCHIVE_KEY)).toBeUndefined();
  });

  it('an archive too large for a closing copy is not attempted (the usual save still runs)', () => {
    const storage = new MemoryStorage();
    const huge = { ...withTotal(1), settings: { region: 'x'.repeat(MAX_CLOSING_COPY_CHARS) } };
    expect(keepClosingArchive(storage, huge, [undefined], at(5), NOW)).toBe(false);
    expect(readClosingCopy(storage, ARCHIVE_KEY)).toBeUndefined();
  });
});
