/**
 * Two tabs of one browser, for the property tests of a store's guarded save (review session,
 * school archive): a lock as the Web Locks API gives one, none at all, and a store whose every
 * read and write waits for fast-check's scheduler, so any order of two tabs' steps can be tried.
 */
import type fc from 'fast-check';
import { describe, expect, it } from 'vitest';
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

/** What one tab's save did: `id` names what it wrote (see TwoTabs.idOf). */
export interface TabSave {
  id: string;
  basedOn: string | undefined;
  force: boolean;
  status: string;
  /** The stamp now stored, when it landed. */
  stamp?: string | undefined;
}

export interface TwoTabs {
  /** The store key both tabs save under. */
  key: string;
  /** The stamp of a stored text (undefined: nothing stored). */
  stampOf: (text: string | undefined) => string | undefined;
  /** Names what a stored text is, as the save that wrote it named it (undefined: removed). */
  idOf: (text: string | undefined) => string | undefined;
  /** Tab `tab`'s save number `i`; the id it returns names what it writes. */
  save: (
    store: TextStore,
    tab: 'A' | 'B',
    i: number,
    basedOn: string | undefined,
    options: { force: boolean; lock: StoreLock },
  ) => Promise<TabSave>;
}

type Action = 'edit' | 'take-theirs' | 'keep-mine';
const actions = (fcm: typeof fc) =>
  fcm.array(fcm.constantFrom<Action>('edit', 'edit', 'edit', 'take-theirs', 'keep-mine'), { maxLength: 8 });

/** One tab: it reads the stored text, then edits (each edit saved) and answers a refusal as told. */
async function runTab(tab: 'A' | 'B', plan: Action[], store: TextStore, lock: StoreLock, how: TwoTabs) {
  const saves: TabSave[] = [];
  let basedOn = how.stampOf(await store.get(how.key));
  let paused = false;
  for (const [i, action] of plan.entries()) {
    if (paused && action === 'take-theirs') {
      basedOn = how.stampOf(await store.get(how.key));
      paused = false;
      continue;
    }
    // While paused an edit stays on the page: nothing is written until the person chooses.
    if (paused && action === 'edit') continue;
    const force = paused && action === 'keep-mine';
    if (!force && action !== 'edit') continue;
    const saved = await how.save(store, tab, i, basedOn, { force, lock });
    saves.push(saved);
    if (saved.status === 'saved') {
      basedOn = saved.stamp;
      paused = false;
    } else paused = true;
  }
  return saves;
}

/**
 * Two tabs saving in any order: each save either lands (written once, over what its tab had
 * seen unless the person chose to replace it) or is refused (never written). `also` checks more
 * of the saves.
 */
export function twoTabsProperty(
  fcm: typeof fc,
  how: TwoTabs,
  lock: () => StoreLock,
  also: (saves: TabSave[]) => void = () => undefined,
) {
  return fcm.asyncProperty(fcm.scheduler(), actions(fcm), actions(fcm), async (s, planA, planB) => {
    const writes: { replaced: string | undefined; id: string | undefined }[] = [];
    const store = scheduledStore(s, how.key, (replaced, text) =>
      writes.push({ replaced: how.stampOf(replaced), id: how.idOf(text) }),
    );
    const shared = lock();
    const [a, b] = await s.waitFor(
      Promise.all([runTab('A', planA, store, shared, how), runTab('B', planB, store, shared, how)]),
    );
    const saves = [...a, ...b];
    for (const save of saves) {
      const landed = writes.filter((w) => w.id === save.id);
      expect(landed).toHaveLength(save.status === 'saved' ? 1 : 0);
      if (!save.force) for (const w of landed) expect(w.replaced).toBe(save.basedOn);
    }
    also(saves);
  });
}

/** The two tests every guarded store passes: with the lock nothing is lost; without it, something is. */
export function describeTwoTabs(
  fcm: typeof fc,
  twoTabs: (lock: () => StoreLock) => ReturnType<typeof twoTabsProperty>,
) {
  describe('two tabs saving in any order', () => {
    it('never lose a write silently: each save lands on what its tab saw, or is refused', async () => {
      await fcm.assert(twoTabs(mutex), { numRuns: 300 });
    });

    it('the same check without the lock would lose writes (what the lock is for)', async () => {
      const run = await fcm.check(
        twoTabs(() => noLock),
        { numRuns: 300 },
      );
      expect(run.failed).toBe(true);
    });
  });
}
