/**
 * Two tabs of one browser, for the property tests of a store's guarded save (review session,
 * school archive): a lock as the Web Locks API gives one, none at all, and a store whose every
 * read and write waits for fast-check's scheduler, so any order of two tabs' steps can be tried.
 */
import type fc from 'fast-check';
import type { StoreLock } from '../../src/lib/files/store-lock';
import type { TextStore } from '../../src/lib/files/text-store';

/** Work runs one at a time across tabs. */
export function mutex(): StoreLock {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };
}
export const noLock: StoreLock = (work) => work();

/** `onWrite` hears every write of `key`: what it replaced, and the new text (undefined: removed). */
export function scheduledStore(
  s: fc.Scheduler,
  key: string,
  onWrite: (replaced: string | undefined, text: string | undefined) => void,
): TextStore {
  const data = new Map<string, string>();
  const step = (label: string) => s.schedule(Promise.resolve(label), label);
  return {
    get: (k) => step('get').then(() => data.get(k)),
    set: (k, value) =>
      step('set').then(() => {
        if (k === key) onWrite(data.get(k), value);
        data.set(k, value);
      }),
    remove: (k) =>
      step('remove').then(() => {
        if (k === key) onWrite(data.get(k), undefined);
        data.delete(k);
      }),
    keys: () => step('keys').then(() => [...data.keys()]),
  };
}
