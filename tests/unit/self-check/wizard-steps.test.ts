import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDraft, type Draft } from '../../../src/lib/self-check/draft';
import {
  DOUBLE_CLICK_GUARD_MS,
  historyStateOf,
  isCarriedOverClick,
  reachableSteps,
  stepOfHistoryState,
  STEP_COUNT,
} from '../../../src/lib/self-check/wizard-steps';

const complete: Draft['profile'] = {
  name: '李明',
  school: '保定市第十七中学',
  subject: '物理',
  stage: '初中',
  region: 'baoding',
  environment: '混合学习环境',
};

describe('reachableSteps', () => {
  it('keeps every later step reachable after going back to the profile', () => {
    const back = { ...emptyDraft(), step: 0, profile: complete, abilities: ['C5'] };
    expect(reachableSteps(back)).toEqual([true, true, true, true]);
  });

  it('offers only the profile to a new teacher, and the evidence steps only once an ability is chosen', () => {
    expect(reachableSteps(emptyDraft())).toEqual([true, false, false, false]);
    expect(reachableSteps({ ...emptyDraft(), profile: complete })).toEqual([true, true, false, false]);
    expect(reachableSteps({ ...emptyDraft(), step: 1, profile: { ...complete, name: '' } })).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('其他地区 needs its name before the profile counts as done', () => {
    const other = { ...complete, region: 'other' };
    expect(reachableSteps({ ...emptyDraft(), profile: other })[1]).toBe(false);
    expect(reachableSteps({ ...emptyDraft(), profile: { ...other, regionOther: '四川省成都市' } })[1]).toBe(
      true,
    );
  });

  it('property: the current step and the profile are always reachable, and going back never closes a step', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.boolean(),
        (step, back, done) => {
          const draft = {
            ...emptyDraft(),
            step,
            profile: done ? complete : emptyDraft().profile,
            abilities: ['C5'],
          };
          const before = reachableSteps(draft);
          expect(before[0]).toBe(true);
          expect(before[step]).toBe(true);
          if (done) {
            const after = reachableSteps({ ...draft, step: Math.min(step, back) });
            expect(after).toEqual(before.map((r, i) => r || after[i]));
            expect(after.filter(Boolean).length).toBeGreaterThanOrEqual(before.filter(Boolean).length);
          }
        },
      ),
    );
  });
});

describe('isCarriedOverClick', () => {
  it('swallows only the later clicks of a double-click that came right after a step change', () => {
    expect(isCarriedOverClick(2, 0)).toBe(true);
    expect(isCarriedOverClick(2, DOUBLE_CLICK_GUARD_MS - 1)).toBe(true);
    expect(isCarriedOverClick(3, 100)).toBe(true);
    // A single click, even right away, is a choice.
    expect(isCarriedOverClick(1, 10)).toBe(false);
    // Keyboard activation has detail 0.
    expect(isCarriedOverClick(0, 10)).toBe(false);
    expect(isCarriedOverClick(2, DOUBLE_CLICK_GUARD_MS)).toBe(false);
  });
});

describe('stepOfHistoryState', () => {
  it('reads back every step the wizard pushes, and nothing else', () => {
    for (let step = 0; step < STEP_COUNT; step++) expect(stepOfHistoryState(historyStateOf(step))).toBe(step);
    fc.assert(
      fc.property(fc.anything(), (state) => {
        const step = stepOfHistoryState(state);
        if (step !== undefined) expect(state).toMatchObject({ wizardStep: step });
      }),
    );
    for (const bad of [
      null,
      undefined,
      'x',
      {},
      { wizardStep: 4 },
      { wizardStep: -1 },
      { wizardStep: 1.5 },
      { wizardStep: '1' },
    ])
      expect(stepOfHistoryState(bad)).toBeUndefined();
  });
});
