/**
 * The plan editor's closing copy, settled on the next visit: it becomes the unfinished draft the
 * page restores (with the start the page's usual rules need), unless its save had landed.
 */
import { describe, expect, it } from 'vitest';
import { readClosingCopy } from '../../../../src/lib/files/closing-copy';
import { memoryStore } from '../../../../src/lib/files/text-store';
import {
  dropClosingPlan,
  keepClosingPlan,
  settleClosingPlan,
} from '../../../../src/lib/school/plan/plan-closing';
import {
  PLAN_DRAFT_KEY,
  draftFromPlan,
  draftText,
  readDraftText,
  validateDraft,
} from '../../../../src/lib/school/plan/plan-draft';
import { exportPlanText } from '../../../../src/lib/school/plan/plan-file';
import { PLAN_KEY } from '../../../../src/lib/school/plan/plan-store';
import { MemoryStorage } from '../../../support/memory-storage';
import { SAVED, xushuiPlan } from '../../../support/plan-fixtures';

const LATER = new Date('2025-03-01T09:00:00.000Z');

function changedDraft(round: string) {
  const draft = draftFromPlan(xushuiPlan());
  return { ...draft, school: { ...draft.school, round } };
}

describe('a closing copy of the plan editor', () => {
  it('newer than the stored plan: restored as the unfinished draft, starting from that plan', async () => {
    const store = memoryStore({ [PLAN_KEY]: exportPlanText(xushuiPlan()) });
    const storage = new MemoryStorage();
    const draft = changedDraft('2025—2026 学年');
    keepClosingPlan(
      storage,
      { basedOn: SAVED.toISOString(), draft },
      [SAVED.toISOString()],
      LATER.toISOString(),
      LATER,
    );
    expect(await settleClosingPlan(store, storage)).toBe('restored');
    const kept = readDraftText(store.data.get(PLAN_DRAFT_KEY) ?? '');
    expect(kept?.basedOn).toBe(SAVED.toISOString());
    expect(kept?.draft.school.round).toBe('2025—2026 学年');
    expect(readClosingCopy(storage, PLAN_KEY)).toBeUndefined();
  });

  it('closed while an earlier save was still running: starts from that save, so the page does not ask', async () => {
    const running = validateDraft(changedDraft('一'), new Date('2025-03-01T08:30:00.000Z'));
    if (!running.ok) throw new Error('fixture');
    const store = memoryStore({ [PLAN_KEY]: exportPlanText(running.plan) });
    const storage = new MemoryStorage();
    keepClosingPlan(
      storage,
      { basedOn: SAVED.toISOString(), draft: changedDraft('二') },
      [SAVED.toISOString(), running.plan.savedAt],
      LATER.toISOString(),
      LATER,
    );
    expect(await settleClosingPlan(store, storage)).toBe('restored');
    expect(readDraftText(store.data.get(PLAN_DRAFT_KEY) ?? '')?.basedOn).toBe(running.plan.savedAt);
  });

  it('another tab saved since: restored with its own start, so the page asks which plan to keep', async () => {
    const theirs = validateDraft(changedDraft('他们的'), new Date('2025-03-01T08:45:00.000Z'));
    if (!theirs.ok) throw new Error('fixture');
    const store = memoryStore({ [PLAN_KEY]: exportPlanText(theirs.plan) });
    const storage = new MemoryStorage();
    keepClosingPlan(
      storage,
      { basedOn: SAVED.toISOString(), draft: changedDraft('我的') },
      [SAVED.toISOString()],
      'x',
      LATER,
    );
    expect(await settleClosingPlan(store, storage)).toBe('restored');
    const kept = readDraftText(store.data.get(PLAN_DRAFT_KEY) ?? '');
    expect(kept?.basedOn).toBe(SAVED.toISOString());
    expect(kept?.draft.school.round).toBe('我的');
    // The other tab's plan is untouched.
    expect(store.data.get(PLAN_KEY)).toBe(exportPlanText(theirs.plan));
  });

  it('its save landed (as the plan, or as the unfinished draft): nothing changes, the copy goes', async () => {
    const landed = validateDraft(changedDraft('已保存'), LATER);
    if (!landed.ok) throw new Error('fixture');
    const store = memoryStore({ [PLAN_KEY]: exportPlanText(landed.plan) });
    const storage = new MemoryStorage();
    keepClosingPlan(
      storage,
      { basedOn: SAVED.toISOString(), draft: changedDraft('已保存') },
      [SAVED.toISOString()],
      landed.plan.savedAt,
      LATER,
    );
    expect(await settleClosingPlan(store, storage)).toBe('none');
    expect(store.data.has(PLAN_DRAFT_KEY)).toBe(false);
    expect(readClosingCopy(storage, PLAN_KEY)).toBeUndefined();

    const kept = { basedOn: SAVED.toISOString(), draft: { ...changedDraft('x'), submitBy: '不是日期' } };
    const drafts = memoryStore({
      [PLAN_KEY]: exportPlanText(xushuiPlan()),
      [PLAN_DRAFT_KEY]: draftText(kept),
    });
    keepClosingPlan(storage, kept, [SAVED.toISOString()], 'never-a-plan', LATER);
    expect(await settleClosingPlan(drafts, storage)).toBe('none');
    expect(drafts.data.get(PLAN_DRAFT_KEY)).toBe(draftText(kept));
  });

  it('a store that cannot be read keeps the copy; a page drops only copies it superseded', async () => {
    const storage = new MemoryStorage();
    keepClosingPlan(storage, { basedOn: undefined, draft: changedDraft('a') }, [undefined], 'mine', LATER);
    const broken = { ...memoryStore(), get: () => Promise.reject(new Error('blocked')) };
    expect(await settleClosingPlan(broken, storage)).toBe('none');
    expect(readClosingCopy(storage, PLAN_KEY)?.writtenAs).toBe('mine');
    dropClosingPlan(storage, (w) => w === 'other');
    expect(readClosingCopy(storage, PLAN_KEY)?.writtenAs).toBe('mine');
    dropClosingPlan(storage, (w) => w === 'mine');
    expect(readClosingCopy(storage, PLAN_KEY)).toBeUndefined();
  });
});
