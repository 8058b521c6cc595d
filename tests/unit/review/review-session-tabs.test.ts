/**
 * Two /review/ tabs of one browser keep one session: a save names the revision it started from
 * and writes nothing when another tab saved since; the v1 format (no revision) still reads; and,
 * whatever order two tabs' reads and writes run in, each save either lands or is refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeTwoTabs, twoTabsProperty } from '../../support/two-tabs';
import { memoryStore, type TextStore } from '../../../src/lib/files/text-store';
import {
  REVIEW_SESSION_KEY,
  REVIEW_SESSION_MIGRATIONS,
  REVIEW_SESSION_RESCUE_KEY,
  REVIEW_SESSION_VERSION,
  addTeacher,
  clearReviewSession,
  emptySession,
  loadReviewSession,
  readSession,
  revisionOf,
  saveReviewSession,
  sessionText,
  updateTeacher,
  type ReviewSession,
  type SessionLock,
} from '../../../src/lib/review/review-session';
import {
  REVIEW_SESSION_CHANNEL,
  announcedRevision,
  openSessionChannel,
} from '../../../src/lib/review/session-channel';
import { teacherDraft } from '../../support/review-fixtures';

const NOW = new Date('2025-04-03T08:00:00.000Z');

function ticked(name: string, pass: number[]): ReviewSession {
  const draft = teacherDraft();
  let s = addTeacher({ ...emptySession(), reviewer: { name, role: '' } }, draft, '王老师.json').session;
  s = updateTeacher(s, draft.id, {
    inputs: { C5: { comment: '', items: { 'case-video': { excellent: [], pass, comment: '' } } } },
  });
  return s;
}

const passOf = (s: ReviewSession) => s.teachers[0]?.inputs['C5']?.items['case-video']?.pass;

describe('a save names the revision it started from', () => {
  it('lands when nothing changed since, is refused (nothing written) when another tab saved', async () => {
    const store = memoryStore();
    const a1 = await saveReviewSession(store, ticked('A', [0]), undefined, { revision: 'a1', now: NOW });
    expect(a1).toEqual({ status: 'saved', revision: 'a1' });
    // Tab B read a1 and saves on from it.
    const b1 = await saveReviewSession(store, ticked('B', [0, 1]), 'a1', { revision: 'b1' });
    expect(b1).toEqual({ status: 'saved', revision: 'b1' });
    const before = store.data.get(REVIEW_SESSION_KEY);
    // Tab A still started from a1: refused, B's ticks stay.
    const a2 = await saveReviewSession(store, ticked('A', [2]), 'a1', { revision: 'a2' });
    expect(a2).toEqual({ status: 'elsewhere', revision: 'b1' });
    expect(store.data.get(REVIEW_SESSION_KEY)).toBe(before);
    const loaded = await loadReviewSession(store);
    expect(loaded.status === 'ok' && passOf(loaded.session)).toEqual([0, 1]);
    // The reviewer chose to keep A's: written only with force.
    const forced = await saveReviewSession(store, ticked('A', [2]), 'a1', { force: true, revision: 'a3' });
    expect(forced).toEqual({ status: 'saved', revision: 'a3' });
    const after = await loadReviewSession(store);
    expect(after.status === 'ok' && passOf(after.session)).toEqual([2]);
  });

  it('a tab that found nothing stored does not write over a session another tab created since', async () => {
    const store = memoryStore();
    await saveReviewSession(store, ticked('B', [1]), undefined, { revision: 'b1' });
    expect(await saveReviewSession(store, ticked('A', [0]), undefined)).toEqual({
      status: 'elsewhere',
      revision: 'b1',
    });
  });

  it('emptying the page and 清除 follow the same rule; the rescued copy goes only with a clear that lands', async () => {
    const store = memoryStore();
    await saveReviewSession(store, ticked('A', [0]), undefined, { revision: 'a1' });
    store.data.set(REVIEW_SESSION_RESCUE_KEY, 'old');
    await saveReviewSession(store, ticked('B', [1]), 'a1', { revision: 'b1' });
    expect(await clearReviewSession(store, 'a1')).toEqual({ status: 'elsewhere', revision: 'b1' });
    expect(store.data.has(REVIEW_SESSION_KEY)).toBe(true);
    expect(store.data.get(REVIEW_SESSION_RESCUE_KEY)).toBe('old');
    expect(await saveReviewSession(store, emptySession(), 'a1')).toEqual({
      status: 'elsewhere',
      revision: 'b1',
    });
    expect(await clearReviewSession(store, 'b1')).toEqual({ status: 'saved', revision: undefined });
    expect([...store.data.keys()]).toEqual([]);
  });

  it('a stored text that no longer reads is named by its content: replaced only by a tab that saw it', async () => {
    const damaged = '{"app":"微能力手册","kind":"review-sess';
    const store = memoryStore({ [REVIEW_SESSION_KEY]: damaged });
    const loaded = await loadReviewSession(store);
    expect(loaded).toMatchObject({ status: 'unreadable', revision: revisionOf(damaged) });
    const seen = loaded.status === 'unreadable' ? loaded.revision : 'none';
    store.data.set(REVIEW_SESSION_KEY, `${damaged}x`);
    expect((await saveReviewSession(store, ticked('A', [0]), seen)).status).toBe('elsewhere');
    store.data.set(REVIEW_SESSION_KEY, damaged);
    expect((await saveReviewSession(store, ticked('A', [0]), seen)).status).toBe('saved');
  });

  it('a store that fails says so in Chinese and reports nothing as saved', async () => {
    const broken: TextStore = {
      ...memoryStore(),
      set: () => Promise.reject(new Error('QuotaExceededError')),
    };
    const saved = await saveReviewSession(broken, ticked('A', [0]), undefined);
    expect(saved).toEqual({ status: 'failed', error: expect.stringContaining('浏览器无法保存评审进度') });
  });
});

describe('format 2 and the session kept by format 1', () => {
  const v1Text = (session: ReviewSession) => {
    const data = JSON.parse(sessionText(session, NOW)) as Record<string, unknown>;
    delete data['revision'];
    return JSON.stringify({ ...data, version: 1 });
  };

  it('writes version 2 with its revision; reads version 1 as it was, named by when it was saved', async () => {
    expect(REVIEW_SESSION_VERSION).toBe(2);
    expect(JSON.parse(sessionText(ticked('A', [0]), NOW, 'r'))).toMatchObject({ version: 2, revision: 'r' });
    const old = v1Text(ticked('A', [0, 3]));
    const read = readSession(old);
    expect(read).toMatchObject({ status: 'ok', setAside: [], revision: `v1:${NOW.toISOString()}` });
    expect(read.status === 'ok' && read.session).toEqual(ticked('A', [0, 3]));
    expect(revisionOf(old)).toBe(`v1:${NOW.toISOString()}`);
    expect(REVIEW_SESSION_MIGRATIONS[1]?.({ version: 1 })).toEqual({ version: 2, revision: 'v1:' });

    // A tab that read the v1 session saves on from it, in format 2.
    const store = memoryStore({ [REVIEW_SESSION_KEY]: old });
    const loaded = await loadReviewSession(store);
    if (loaded.status !== 'ok') throw new Error(loaded.status);
    expect(await saveReviewSession(store, loaded.session, loaded.revision, { revision: 'n1' })).toEqual({
      status: 'saved',
      revision: 'n1',
    });
    expect(JSON.parse(store.data.get(REVIEW_SESSION_KEY) ?? '')).toMatchObject({ version: 2 });
    // A tab still running the old page writes format 1 over it: noticed too.
    store.data.set(REVIEW_SESSION_KEY, v1Text(ticked('Old', [4])));
    expect((await saveReviewSession(store, ticked('A', [1]), 'n1')).status).toBe('elsewhere');
  });

  it('any JSON in a version-1 record: the revision is read or named, never thrown', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (extra) => {
        const raw = JSON.stringify({ ...extra, app: '微能力手册', kind: 'review-session', version: 1 });
        expect(revisionOf(raw)).toMatch(/^(v1:|text:)/);
      }),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (raw) => {
        expect(revisionOf(raw)).toEqual(expect.any(String));
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Two tabs, any interleaving

const twoTabs = (lock: () => SessionLock) =>
  twoTabsProperty(
    fc,
    {
      key: REVIEW_SESSION_KEY,
      stampOf: revisionOf,
      idOf: revisionOf,
      save: async (store, tab, i, basedOn, { force, lock: shared }) => {
        const revision = `${tab}${i}`;
        const result = await saveReviewSession(store, ticked(revision, [i % 5]), basedOn, {
          force,
          revision,
          lock: shared,
        });
        return {
          id: revision,
          basedOn,
          force,
          status: result.status,
          stamp: result.status === 'failed' ? undefined : result.revision,
        };
      },
    },
    lock,
  );

describeTwoTabs(fc, twoTabs);

describe('saves announced to the other tabs', () => {
  it('another tab hears the revision saved (or that the session was removed); a tab does not hear itself', async () => {
    const heardByB: (string | undefined)[] = [];
    const heardByA: (string | undefined)[] = [];
    const a = openSessionChannel((r) => heardByA.push(r));
    const b = openSessionChannel((r) => heardByB.push(r));
    a.announce('a1');
    a.announce(undefined);
    await expect.poll(() => heardByB).toEqual(['a1', undefined]);
    expect(heardByA).toEqual([]);
    // Someone else's message on the channel is not taken for a save.
    const other = new BroadcastChannel(REVIEW_SESSION_CHANNEL);
    other.postMessage({ kind: 'something-else', revision: 'x' });
    other.postMessage('a1');
    b.announce('b1');
    await expect.poll(() => heardByA).toEqual(['b1']);
    expect(heardByB).toEqual(['a1', undefined]);
    for (const c of [a, b]) c.close();
    other.close();
  });

  it('without BroadcastChannel the page still works (the check on save remains)', () => {
    const channel = openSessionChannel(() => undefined, undefined);
    expect(() => channel.announce('r')).not.toThrow();
    expect(() => channel.close()).not.toThrow();
  });

  it('reads only announcements it understands', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (data) => {
        const heard = announcedRevision(data);
        if (heard) expect(data).toMatchObject({ kind: 'review-session-saved' });
      }),
    );
    expect(announcedRevision({ kind: 'review-session-saved', revision: 'r' })).toEqual({ revision: 'r' });
    expect(announcedRevision({ kind: 'review-session-saved', revision: null })).toEqual({
      revision: undefined,
    });
    expect(announcedRevision({ kind: 'review-session-saved', revision: 3 })).toBeUndefined();
  });
});
