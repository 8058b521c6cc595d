import { describe, expect, it } from 'vitest';
import type { StoreLock } from '../../../src/lib/files/store-lock';
import { memoryStore, type TextStore } from '../../../src/lib/files/text-store';
import {
  REVIEW_PLAN_KEY,
  keptPlanText,
  loadKeptPlan,
  readKeptPlan,
  saveKeptPlan,
} from '../../../src/lib/review/review-plan-store';
import { readPlan, type SchoolPlan } from '../../../src/lib/school/plan/plan-file';
import { xushuiPlan } from '../../support/plan-fixtures';

const PLAN = xushuiPlan();
const other: SchoolPlan = { ...PLAN, school: { ...PLAN.school, name: '徐水区第二小学' } };

describe('the plan a reviewer keeps in this browser', () => {
  it('comes back as it was kept, with who the reviewer said they are', async () => {
    const store = memoryStore();
    const saved = await saveKeptPlan(store, { plan: PLAN, as: 'reviewer:语文组' }, undefined, readPlan);
    expect(saved.status).toBe('saved');
    const loaded = await loadKeptPlan(store, readPlan);
    expect(loaded).toMatchObject({ status: 'ok', kept: { plan: PLAN, as: 'reviewer:语文组' } });
    if (loaded.status === 'ok' && saved.status === 'saved') expect(loaded.raw).toBe(saved.raw);
  });

  it('is empty before anything is kept', async () => {
    expect(await loadKeptPlan(memoryStore(), readPlan)).toEqual({ status: 'empty' });
  });

  it('does not overwrite a plan another tab kept since this tab read it', async () => {
    const store = memoryStore();
    const first = await saveKeptPlan(store, { plan: PLAN, as: '' }, undefined, readPlan);
    if (first.status !== 'saved') throw new Error(first.status);
    // Tab B replaces the plan.
    const second = await saveKeptPlan(store, { plan: other, as: '' }, first.raw, readPlan);
    expect(second.status).toBe('saved');
    // Tab A, still on what it read first, picks its name: refused, with what tab B kept.
    const stale = await saveKeptPlan(store, { plan: PLAN, as: 'reviewer:语文组' }, first.raw, readPlan);
    expect(stale).toMatchObject({
      status: 'conflict',
      stored: { status: 'ok', kept: { plan: { school: { name: '徐水区第二小学' } } } },
    });
    expect((await loadKeptPlan(store, readPlan)).status === 'ok').toBe(true);
    expect(store.data.get(REVIEW_PLAN_KEY)).toContain('徐水区第二小学');
    // A tab that had read nothing does not overwrite a kept plan either.
    expect((await saveKeptPlan(store, { plan: PLAN, as: '' }, undefined, readPlan)).status).toBe('conflict');
    // Removing is checked the same way.
    expect((await saveKeptPlan(store, undefined, first.raw, readPlan)).status).toBe('conflict');
    // Once the reviewer chooses to replace it, it is replaced.
    const forced = await saveKeptPlan(store, { plan: PLAN, as: 'reviewer:语文组' }, first.raw, readPlan, {
      force: true,
    });
    expect(forced.status).toBe('saved');
    expect(store.data.get(REVIEW_PLAN_KEY)).toContain('徐水区实验小学');
  });

  it('two tabs saving at the same moment from the same read: one lands, the other is asked', async () => {
    // The browser's lock, as one tab at a time (Web Locks are not in Node).
    let queue: Promise<unknown> = Promise.resolve();
    const lock: StoreLock = (work) => {
      const run = queue.then(work);
      queue = run.catch(() => undefined);
      return run;
    };
    const race = async (withLock: StoreLock | undefined) => {
      const store = memoryStore();
      const first = await saveKeptPlan(store, { plan: PLAN, as: '' }, undefined, readPlan);
      if (first.status !== 'saved') throw new Error(first.status);
      const options = withLock ? { lock: withLock } : { lock: ((work) => work()) as StoreLock };
      return Promise.all([
        saveKeptPlan(store, { plan: PLAN, as: 'reviewer:语文组' }, first.raw, readPlan, options),
        saveKeptPlan(store, { plan: other, as: '' }, first.raw, readPlan, options),
      ]);
    };
    expect((await race(lock)).map((r) => r.status).sort()).toEqual(['conflict', 'saved']);
    // Without the lock both reads pass the check and the second write silently replaces the first.
    expect((await race(undefined)).map((r) => r.status)).toEqual(['saved', 'saved']);
  });

  it('removes the kept plan when asked by the tab that last wrote it', async () => {
    const store = memoryStore();
    const first = await saveKeptPlan(store, { plan: PLAN, as: '' }, undefined, readPlan);
    if (first.status !== 'saved') throw new Error(first.status);
    expect(await saveKeptPlan(store, undefined, first.raw, readPlan)).toEqual({
      status: 'saved',
      raw: undefined,
    });
    expect(store.data.has(REVIEW_PLAN_KEY)).toBe(false);
  });

  it('says in Chinese when the kept text does not read, and keeps it', async () => {
    const damaged = [
      '{"app":',
      '[]',
      JSON.stringify({ app: '别的软件', kind: 'review-plan', version: 1, plan: PLAN }),
      keptPlanText({ plan: { ...PLAN, roster: 'x' }, as: '' }),
      keptPlanText({ plan: PLAN, as: '' }).replace('"version":1', '"version":9'),
    ];
    for (const raw of damaged) {
      const store = memoryStore({ [REVIEW_PLAN_KEY]: raw });
      const read = await loadKeptPlan(store, readPlan);
      expect(read.status, raw.slice(0, 40)).toBe('unreadable');
      if (read.status === 'unreadable')
        expect(read.error).toMatch(/^本浏览器中保存的学校考核方案.*请重新打开/);
      expect(store.data.get(REVIEW_PLAN_KEY)).toBe(raw);
    }
  });

  it('reads an odd “as” as no choice yet', () => {
    const raw = JSON.stringify({ ...JSON.parse(keptPlanText({ plan: PLAN, as: '' })), as: 42 });
    expect(readKeptPlan(raw, readPlan)).toMatchObject({ status: 'ok', kept: { as: '' } });
  });

  it('says so when the browser keeps nothing', async () => {
    const broken: TextStore = {
      get: () => Promise.reject(new Error('denied')),
      set: () => Promise.reject(new Error('denied')),
      remove: () => Promise.reject(new Error('denied')),
      keys: () => Promise.resolve([]),
    };
    expect((await loadKeptPlan(broken, readPlan)).status).toBe('unavailable');
    expect((await loadKeptPlan(undefined, readPlan)).status).toBe('unavailable');
    expect((await saveKeptPlan(broken, { plan: PLAN, as: '' }, undefined, readPlan)).status).toBe('failed');
  });
});
