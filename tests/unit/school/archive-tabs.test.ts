/**
 * Two /school/ tabs of one browser keep one archive: a save names the stamp it started from and
 * writes nothing when another tab saved since; every stored version has its own stamp (its
 * savedAt, later than the one it replaced); and, whatever order two tabs' reads and writes run
 * in, each save either lands or is refused, so nothing a tab typed is lost without its asking.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeTwoTabs, twoTabsProperty } from '../../support/two-tabs';
import { emptyArchive, exportArchiveText, type ArchiveContent } from '../../../src/lib/school/archive-file';
import {
  ARCHIVE_KEY,
  RESCUE_PREFIX,
  archiveStamp,
  clearArchive,
  loadArchive,
  nextArchiveStamp,
  saveArchive,
} from '../../../src/lib/school/archive-store';
import type { StoreLock } from '../../../src/lib/files/store-lock';
import { memoryStore } from '../../../src/lib/files/text-store';
import { makeDraft } from '../../support/archive-fixtures';

const NOW = new Date('2026-12-07T08:00:00.000Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);
const withTotal = (teacherTotal: number): ArchiveContent => ({
  ...emptyArchive(),
  settings: { region: '', teacherTotal },
});
const totalOf = (a: ArchiveContent) => a.settings.teacherTotal;

describe('a save names the stamp it started from', () => {
  it('lands when nothing changed since, is refused (nothing written) when another tab saved', async () => {
    const store = memoryStore();
    const a1 = await saveArchive(store, withTotal(10), undefined, { now: NOW });
    expect(a1).toEqual({ status: 'saved', stamp: NOW.toISOString() });
    // Tab B read a1 and imports more files.
    const teacher = makeDraft({ name: '王晓红', levels: { C5: '合格' } });
    const b1 = await saveArchive(store, { ...withTotal(10), selfChecks: [teacher] }, NOW.toISOString(), {
      now: later(5),
    });
    expect(b1).toEqual({ status: 'saved', stamp: later(5).toISOString() });
    const before = store.data.get(ARCHIVE_KEY);
    // Tab A still started from a1: refused, B's import stays.
    const a2 = await saveArchive(store, withTotal(12), NOW.toISOString(), { now: later(9) });
    expect(a2).toEqual({ status: 'elsewhere', stamp: later(5).toISOString() });
    expect(store.data.get(ARCHIVE_KEY)).toBe(before);
    // The person chose to keep A's page: written, with a stamp later than B's.
    const forced = await saveArchive(store, withTotal(12), NOW.toISOString(), { now: later(9), force: true });
    expect(forced).toEqual({ status: 'saved', stamp: later(9).toISOString() });
    const loaded = await loadArchive(store);
    expect(loaded.status === 'ok' && totalOf(loaded.archive)).toBe(12);
  });

  it('a tab that found nothing stored does not write over an archive another tab created since', async () => {
    const store = memoryStore();
    await saveArchive(store, withTotal(10), undefined, { now: NOW });
    expect(await saveArchive(store, withTotal(3), undefined, { now: later(1) })).toEqual({
      status: 'elsewhere',
      stamp: NOW.toISOString(),
    });
    const loaded = await loadArchive(store);
    expect(loaded.status === 'ok' && totalOf(loaded.archive)).toBe(10);
  });

  it('清除本机数据 follows the same rule; the rescued copies go only with a clear that lands', async () => {
    const store = memoryStore({ [`${RESCUE_PREFIX}x`]: 'old' });
    await saveArchive(store, withTotal(10), undefined, { now: NOW });
    await saveArchive(store, withTotal(11), NOW.toISOString(), { now: later(1) });
    expect(await clearArchive(store, NOW.toISOString())).toEqual({
      status: 'elsewhere',
      stamp: later(1).toISOString(),
    });
    expect(store.data.has(ARCHIVE_KEY)).toBe(true);
    expect(store.data.has(`${RESCUE_PREFIX}x`)).toBe(true);
    expect(await clearArchive(store, later(1).toISOString())).toEqual({ status: 'saved', stamp: undefined });
    expect([...store.data.keys()]).toEqual([]);
  });

  it('a save in the same millisecond as the one it replaces still gets a stamp of its own', async () => {
    const store = memoryStore();
    const first = await saveArchive(store, withTotal(1), undefined, { now: NOW });
    const second = await saveArchive(store, withTotal(2), NOW.toISOString(), { now: NOW });
    expect(second).toEqual({ status: 'saved', stamp: later(1).toISOString() });
    expect(first.status === 'saved' && first.stamp).not.toBe(second.status === 'saved' && second.stamp);
    // A stamp named by the page that is not later than the stored one is not used either.
    const third = await saveArchive(store, withTotal(3), later(1).toISOString(), {
      stamp: NOW.toISOString(),
      now: NOW,
    });
    expect(third).toEqual({ status: 'saved', stamp: later(2).toISOString() });
  });

  it('a stored text that no longer reads is named by its content: replaced only by a tab that saw it', async () => {
    const store = memoryStore({ [ARCHIVE_KEY]: '{"damaged' });
    const load = await loadArchive(store, NOW);
    expect(load.status).toBe('unreadable');
    expect(load.stamp).toMatch(/^text:/);
    expect(await saveArchive(store, withTotal(4), undefined)).toMatchObject({ status: 'elsewhere' });
    expect(await saveArchive(store, withTotal(4), load.stamp, { now: NOW })).toEqual({
      status: 'saved',
      stamp: NOW.toISOString(),
    });
  });

  it('the stamp is read from the start of any archive this page writes, and every text has one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (total, at) => {
          expect(archiveStamp(exportArchiveText(withTotal(total), at))).toBe(at.toISOString());
        },
      ),
    );
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const stamp = archiveStamp(raw);
        expect(typeof stamp).toBe('string');
        expect(archiveStamp(raw)).toBe(stamp);
      }),
    );
    expect(archiveStamp(undefined)).toBeUndefined();
  });

  it('the next stamp is later than every one it is given', () => {
    fc.assert(
      fc.property(
        fc.array(fc.date({ min: new Date('2000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (after, now) => {
          const next = Date.parse(nextArchiveStamp([...after.map((d) => d.toISOString()), 'text:1-a'], now));
          expect(next).toBeGreaterThanOrEqual(now.getTime());
          for (const d of after) expect(next).toBeGreaterThan(d.getTime());
        },
      ),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Two tabs, any interleaving

const storedTotal = (text: string | undefined) =>
  text === undefined
    ? undefined
    : String((JSON.parse(text) as { settings: { teacherTotal?: number } }).settings.teacherTotal);

const twoTabs = (lock: () => StoreLock) =>
  twoTabsProperty(
    fc,
    {
      key: ARCHIVE_KEY,
      stampOf: archiveStamp,
      // Each save's archive is told apart by the number it carries.
      idOf: storedTotal,
      save: async (store, tab, i, basedOn, { force, lock: shared }) => {
        const total = (tab === 'A' ? 100 : 200) + i + 1;
        // Every save in the same millisecond: the stamps must still differ.
        const result = await saveArchive(store, withTotal(total), basedOn, { force, lock: shared, now: NOW });
        return {
          id: String(total),
          basedOn,
          force,
          status: result.status,
          stamp: result.status === 'failed' ? undefined : result.stamp,
        };
      },
    },
    lock,
    (saves) => {
      // No two stored versions share a stamp.
      const stamps = saves.flatMap((x) => (x.status === 'saved' && x.stamp ? [x.stamp] : []));
      expect(new Set(stamps).size).toBe(stamps.length);
    },
  );

describeTwoTabs(fc, twoTabs);
