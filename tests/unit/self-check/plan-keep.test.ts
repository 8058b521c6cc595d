import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createPlanKeep,
  hasKeptPlan,
  isPlanLinkHash,
  isPlanText,
  PLAN_FILE_KIND,
  PLAN_KEY,
  PLAN_LINK_START,
  type ReadResult,
} from '../../../src/lib/self-check/plan-keep';
import { PLAN_LINK_PREFIX } from '../../../src/lib/school/plan/plan-link';
import { MemoryStorage } from '../../support/memory-storage';
import { exportPlanText, PLAN_KIND } from '../../../src/lib/school/plan/plan-file';
import { APP_MARKER } from '../../../src/lib/self-check/draft';
import { xushuiPlan } from '../../support/plan-fixtures';

/** A stand-in reader: any text starting with "plan:" is a plan named by the rest. */
const read = (text: string): ReadResult<string> =>
  text.startsWith('plan:') ? { ok: true, value: text.slice(5) } : { ok: false, error: '不是方案' };

describe('the plan a teacher keeps in this browser', () => {
  it('recognises a plan link with the same prefix the link module writes', () => {
    expect(PLAN_LINK_START).toBe(PLAN_LINK_PREFIX);
    expect(isPlanLinkHash('#plan=1.abc.def')).toBe(true);
    expect(isPlanLinkHash('plan=1')).toBe(true);
    expect(isPlanLinkHash('#rubrics=1.abc')).toBe(false);
    expect(isPlanLinkHash('')).toBe(false);
  });

  it('tells a plan file from other files, valid or not, without throwing', () => {
    expect(PLAN_FILE_KIND).toBe(PLAN_KIND);
    const plan = exportPlanText(xushuiPlan());
    expect(isPlanText(plan)).toBe(true);
    expect(isPlanText(`\uFEFF${plan}`)).toBe(true);
    expect(isPlanText(JSON.stringify({ app: APP_MARKER, kind: PLAN_KIND, version: 99 }))).toBe(true);
    expect(isPlanText(JSON.stringify({ app: APP_MARKER, kind: '评审意见' }))).toBe(false);
    expect(isPlanText(JSON.stringify({ app: '别的应用', kind: PLAN_KIND }))).toBe(false);
    expect(isPlanText('null')).toBe(false);
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(typeof isPlanText(text)).toBe('boolean');
      }),
    );
  });

  it('is kept across a reload and read back', () => {
    const storage = new MemoryStorage();
    expect(hasKeptPlan(storage)).toBe(false);
    const keep = createPlanKeep(storage, read);
    expect(keep.load()).toEqual({ status: 'empty' });
    expect(keep.save('plan:徐水区实验小学')).toEqual({ ok: true });
    expect(hasKeptPlan(storage)).toBe(true);
    expect(createPlanKeep(storage, read).load()).toEqual({ status: 'ok', value: '徐水区实验小学' });
  });

  it('says when the kept text is no longer a plan, without throwing', () => {
    const storage = new MemoryStorage({ [PLAN_KEY]: '{broken' });
    expect(createPlanKeep(storage, read).load()).toEqual({ status: 'unreadable', error: '不是方案' });
    const throwing = createPlanKeep(storage, () => {
      throw new Error('boom');
    });
    expect(throwing.load().status).toBe('unreadable');
  });

  it('never silently replaces a plan another tab took in after this page looked', () => {
    const storage = new MemoryStorage();
    const first = createPlanKeep(storage, read);
    const second = createPlanKeep(storage, read);
    first.load();
    second.load();
    expect(second.save('plan:乙校')).toEqual({ ok: true });
    expect(first.changedElsewhere(PLAN_KEY, 'plan:乙校')).toBe(true);
    const refused = first.save('plan:甲校');
    expect(refused).toMatchObject({ ok: false, elsewhere: true });
    expect(storage.getItem(PLAN_KEY)).toBe('plan:乙校');
    expect(first.remove()).toMatchObject({ ok: false, elsewhere: true });
    // Once this page has looked again (and the teacher agreed), the save goes through.
    expect(first.load()).toEqual({ status: 'ok', value: '乙校' });
    expect(first.save('plan:甲校')).toEqual({ ok: true });
    expect(first.remove()).toEqual({ ok: true });
    expect(hasKeptPlan(storage)).toBe(false);
  });

  it('ignores storage events about other entries, and its own writes', () => {
    const storage = new MemoryStorage();
    const keep = createPlanKeep(storage, read);
    keep.load();
    keep.save('plan:甲校');
    expect(keep.changedElsewhere('weinengli.self-check', 'x')).toBe(false);
    expect(keep.changedElsewhere(PLAN_KEY, 'plan:甲校')).toBe(false);
    expect(keep.changedElsewhere(null, null)).toBe(true);
  });

  it('reports, and does not throw, when the browser will not store', () => {
    const full = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    const keep = createPlanKeep(full, read);
    keep.load();
    expect(keep.save('plan:甲校')).toMatchObject({ ok: false });
    expect(createPlanKeep(undefined, read).save('plan:甲校')).toMatchObject({ ok: false });
    const blocked = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    expect(hasKeptPlan(blocked)).toBe(false);
    expect(createPlanKeep({ ...full, ...blocked }, read).load()).toEqual({ status: 'empty' });
  });

  it('reads any stored text at all without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const storage = new MemoryStorage({ [PLAN_KEY]: text });
        const loaded = createPlanKeep(storage, read).load();
        expect(['empty', 'ok', 'unreadable']).toContain(loaded.status);
        expect(hasKeptPlan(storage)).toBe(text.trim() !== '');
      }),
    );
  });
});
