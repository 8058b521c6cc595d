import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { memoryStore, type TextStore } from '../../../../src/lib/files/text-store';
import { exportPlanText, makePlan } from '../../../../src/lib/school/plan/plan-file';
import {
  clearStoredPlan,
  loadStoredPlan,
  PLAN_KEY,
  PLAN_RESCUE_PREFIX,
  saveStoredPlan,
} from '../../../../src/lib/school/plan/plan-store';
import { planArb, XUSHUI_PLAN, xushuiPlan } from '../../../support/plan-fixtures';

const failing: TextStore = {
  get: () => Promise.reject(new Error('quota')),
  set: () => Promise.reject(new Error('quota')),
  remove: () => Promise.reject(new Error('quota')),
  keys: () => Promise.reject(new Error('quota')),
};

describe('the principal’s stored plan', () => {
  it('reads back what was saved, and starts empty', async () => {
    const store = memoryStore();
    expect(await loadStoredPlan(store)).toEqual({ status: 'empty' });
    const plan = xushuiPlan();
    expect(await saveStoredPlan(store, plan, undefined)).toEqual({ ok: true, plan });
    expect(await loadStoredPlan(store)).toEqual({ status: 'ok', plan });
  });

  it('round-trips any valid plan', async () => {
    await fc.assert(
      fc.asyncProperty(planArb, async (plan) => {
        const store = memoryStore();
        await saveStoredPlan(store, plan, undefined);
        expect(await loadStoredPlan(store)).toEqual({ status: 'ok', plan });
      }),
      { numRuns: 30 },
    );
  });

  it('refuses to overwrite a plan another tab saved since this page loaded it', async () => {
    const store = memoryStore();
    const first = xushuiPlan();
    await saveStoredPlan(store, first, undefined);
    // Tab B loaded `first` and saved an edit.
    const tabB = makePlan(
      { ...structuredClone(XUSHUI_PLAN), school: { ...XUSHUI_PLAN.school, round: '第二轮' } },
      new Date('2025-03-02T00:00:00Z'),
    );
    expect((await saveStoredPlan(store, tabB, first.savedAt)).ok).toBe(true);
    // Tab A, still on `first`, saves its own edit: refused, B's plan handed back, nothing written.
    const tabA = makePlan(structuredClone(XUSHUI_PLAN), new Date('2025-03-03T00:00:00Z'));
    const refused = await saveStoredPlan(store, tabA, first.savedAt);
    expect(refused).toMatchObject({ ok: false, elsewhere: true, current: tabB });
    expect(refused.ok === false && refused.error).toContain('另一个标签页');
    expect(await loadStoredPlan(store)).toEqual({ status: 'ok', plan: tabB });
    // Once the principal chooses to keep this tab's plan, it is written.
    expect((await saveStoredPlan(store, tabA, first.savedAt, { force: true })).ok).toBe(true);
    expect(await loadStoredPlan(store)).toEqual({ status: 'ok', plan: tabA });
  });

  it('a first plan does not replace one another tab created meanwhile', async () => {
    const store = memoryStore({ [PLAN_KEY]: exportPlanText(xushuiPlan()) });
    const mine = makePlan(structuredClone(XUSHUI_PLAN), new Date('2025-04-01T00:00:00Z'));
    expect(await saveStoredPlan(store, mine, undefined)).toMatchObject({ ok: false, elsewhere: true });
  });

  it('keeps an unreadable stored plan aside instead of wiping it', async () => {
    const store = memoryStore({ [PLAN_KEY]: '{"app": broken' });
    const load = await loadStoredPlan(store, new Date('2025-05-01T00:00:00Z'));
    expect(load).toMatchObject({
      status: 'unreadable',
      rescueKey: `${PLAN_RESCUE_PREFIX}2025-05-01T00:00:00.000Z`,
    });
    expect(store.data.get(`${PLAN_RESCUE_PREFIX}2025-05-01T00:00:00.000Z`)).toBe('{"app": broken');
    // Nor does a save silently replace it.
    expect((await saveStoredPlan(store, xushuiPlan(), undefined)).ok).toBe(false);
  });

  it('says in Chinese when the browser cannot keep the plan', async () => {
    expect(await loadStoredPlan(failing)).toMatchObject({
      status: 'unavailable',
      error: expect.stringContaining('无法保存'),
    });
    expect(await saveStoredPlan(undefined, xushuiPlan(), undefined)).toMatchObject({
      ok: false,
      elsewhere: false,
    });
    expect(await saveStoredPlan(failing, xushuiPlan(), undefined)).toMatchObject({
      ok: false,
      elsewhere: false,
    });
  });

  it('clears the plan and its rescued copies, nothing else', async () => {
    const store = memoryStore({ [PLAN_KEY]: 'x', [`${PLAN_RESCUE_PREFIX}1`]: 'y', 'school-archive': 'z' });
    await clearStoredPlan(store);
    expect([...store.data.keys()]).toEqual(['school-archive']);
  });
});
