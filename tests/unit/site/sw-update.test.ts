import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INITIAL_UPDATE_STATE,
  updateStep,
  type UpdateAction,
  type UpdateEvent,
} from '../../../src/lib/site/sw-update';

function run(events: UpdateEvent[]): UpdateAction[] {
  let state = INITIAL_UPDATE_STATE;
  return events.map((event) => {
    const step = updateStep(state, event);
    state = step.state;
    return step.action;
  });
}

const event = fc.constantFrom<UpdateEvent>('update-waiting', 'reader-asked', 'controller-changed');

describe('a new build of the site', () => {
  it('is offered once, activated on the click, and the page reloads when the new worker takes over', () => {
    expect(run(['update-waiting', 'update-waiting', 'reader-asked', 'controller-changed'])).toEqual([
      'show-notice',
      'none',
      'activate-waiting',
      'reload',
    ]);
  });

  it('the first install (or another tab taking the update) does not reload this page', () => {
    expect(run(['controller-changed'])).toEqual(['none']);
    expect(run(['update-waiting', 'controller-changed'])).toEqual(['show-notice', 'none']);
  });

  it('never reloads before the reader asks, whatever happens in between', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<UpdateEvent>('update-waiting', 'controller-changed')),
        (events) => {
          expect(run(events)).not.toContain('reload');
          expect(run(events).filter((a) => a === 'show-notice').length).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('every reload comes after the reader asked', () => {
    fc.assert(
      fc.property(fc.array(event), (events) => {
        const actions = run(events);
        const asked = events.indexOf('reader-asked');
        const firstReload = actions.indexOf('reload');
        if (firstReload >= 0) {
          expect(asked).toBeGreaterThanOrEqual(0);
          expect(firstReload).toBeGreaterThan(asked);
        }
      }),
    );
  });
});
