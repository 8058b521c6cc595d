import { describe, expect, it } from 'vitest';
import { emptyArchive, exportArchiveText } from '../../../src/lib/school/archive-file';
import {
  ARCHIVE_KEY,
  archiveStamp,
  clearArchive,
  loadArchive,
  RESCUE_PREFIX,
  saveArchive,
  STORE_FAILED_MESSAGE,
} from '../../../src/lib/school/archive-store';
import { memoryStore, type TextStore } from '../../../src/lib/files/text-store';
import { makeDraft, defined } from '../../support/archive-fixtures';

const now = new Date('2026-03-10T08:00:00.000Z');
const teacher = makeDraft({ name: '王晓红', levels: { C5: '合格' } });
const content = { ...emptyArchive(), selfChecks: [teacher] };

describe('archive store', () => {
  it('saves and loads the archive (what a reload does)', async () => {
    const store = memoryStore();
    expect(await loadArchive(store)).toEqual({ status: 'empty', archive: emptyArchive(), stamp: undefined });
    expect(await saveArchive(store, content, undefined, { now })).toEqual({
      status: 'saved',
      stamp: now.toISOString(),
    });
    expect(await loadArchive(store)).toEqual({ status: 'ok', archive: content, stamp: now.toISOString() });
  });

  it('salvages a partly damaged archive and keeps the stored text aside, never wiping it', async () => {
    const data = JSON.parse(
      exportArchiveText({ ...content, selfChecks: [teacher, { ...teacher, id: 'bad' }] }),
    );
    const raw = JSON.stringify(data);
    const store = memoryStore({ [ARCHIVE_KEY]: raw });
    const load = await loadArchive(store, now);
    expect(load.status).toBe('salvaged');
    if (load.status !== 'salvaged') return;
    expect(load.archive.selfChecks.map((d) => d.id)).toEqual([teacher.id]);
    expect(load.dropped).toHaveLength(1);
    expect(load.rescueKey).toBe(`${RESCUE_PREFIX}${now.toISOString()}`);
    expect(store.data.get(defined(load.rescueKey))).toBe(raw);
    expect(store.data.get(ARCHIVE_KEY)).toBe(raw);
  });

  it('keeps an unreadable archive aside and starts empty', async () => {
    const store = memoryStore({ [ARCHIVE_KEY]: '{"app":"微能力手册","kind":"学校考核档案",' });
    const load = await loadArchive(store, now);
    expect(load).toMatchObject({
      status: 'unreadable',
      archive: emptyArchive(),
      error: expect.stringContaining('不是有效的 JSON'),
    });
    expect([...store.data.keys()].filter((k) => k.startsWith(RESCUE_PREFIX))).toHaveLength(1);
  });

  it('reports a failing store in Chinese, and works without one', async () => {
    const broken: TextStore = {
      get: () => Promise.reject(new Error('denied')),
      set: () => Promise.reject(new Error('quota')),
      remove: () => Promise.reject(new Error('x')),
      keys: () => Promise.reject(new Error('x')),
    };
    expect(await loadArchive(broken)).toMatchObject({ status: 'unavailable', error: STORE_FAILED_MESSAGE });
    expect(await saveArchive(broken, content, undefined)).toEqual({
      status: 'failed',
      error: STORE_FAILED_MESSAGE,
    });
    expect(await loadArchive(undefined)).toMatchObject({ status: 'unavailable' });
    expect(await clearArchive(broken, undefined)).toEqual({ status: 'failed', error: STORE_FAILED_MESSAGE });
  });

  it('清除本机数据 removes the archive and its rescued copies, nothing else', async () => {
    const store = memoryStore({ [ARCHIVE_KEY]: 'x', [`${RESCUE_PREFIX}1`]: 'y', other: 'z' });
    expect(await clearArchive(store, archiveStamp('x'))).toEqual({ status: 'saved', stamp: undefined });
    expect([...store.data.keys()]).toEqual(['other']);
  });
});
