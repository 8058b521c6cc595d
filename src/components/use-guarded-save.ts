/**
 * Autosave for a page whose work is kept in the browser and may be open in two tabs (/review/,
 * /school/). Each save names the stored stamp this tab last read or wrote (the store refuses it
 * when another tab saved since); saves run one after another; another tab's save is heard on a
 * channel; once one is heard or refused, nothing more is written until the person chooses
 * (SavedElsewhere). And the moment the page is hidden, what it shows is saved, with a closing copy
 * written at once (lib/files/closing-copy), since a closing tab does not wait for IndexedDB.
 */
import { useEffect, useRef, useState } from 'react';
import type { SaveChannel } from '../lib/files/save-channel';
import { useAges } from './use-ages';

export type GuardedSave =
  | { status: 'saved'; stamp: string | undefined }
  | { status: 'elsewhere' }
  | { status: 'failed'; error: string };

export interface GuardedSaveOptions<T> {
  /** The stored work has been read back and there is a store: saving may begin. */
  ready: boolean;
  /** What the page shows now. */
  shown: T;
  /** The latest state, between renders. */
  latest: () => T;
  /** The pause after the last change before it is saved (typing is not one write per key). */
  delay: number;
  /** Opens the channel on which this page's saves are announced; `heard` gets another tab's stamp. */
  openChannel: (heard: (stamp: string | undefined) => void) => SaveChannel;
  /** Writes `state` if the stored stamp is still `basedOn` (or `force`), as `stamp`. */
  write: (state: T, basedOn: string | undefined, force: boolean, stamp: string) => Promise<GuardedSave>;
  /** A fresh stamp, later than those given. */
  nextStamp: (after: readonly (string | undefined)[]) => string;
  /** Writes the closing copy of `state` at once; false where it was not kept. */
  keepCopy: (state: T, basedOn: readonly (string | undefined)[], writtenAs: string) => boolean;
  /** Drops the closing copy where `superseded` says it is this page's and overtaken. */
  dropCopy: (superseded: (writtenAs: string) => boolean) => void;
  onSaved: (state: T) => void;
  onFailed: (error: string) => void;
}

export function useGuardedSave<T extends object>(options: GuardedSaveOptions<T>) {
  const { ready, shown, delay } = options;
  const latestOptions = useRef(options);
  latestOptions.current = options;
  // The stored stamp this tab last read or wrote, which every save names; the state it last read
  // or wrote, not written again (the other tabs would be told of a change that is none).
  const stamp = useRef<string | undefined>(undefined);
  const written = useRef<T>(undefined);
  const [elsewhere, setElsewhere] = useState(false);
  const channel = useRef<SaveChannel>(undefined);
  const readBack = useRef(false);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  // The stamp a running save will store, and every stamp this tab named in a closing copy (by the
  // age of the state it holds).
  const inFlight = useRef<string | undefined>(undefined);
  const ageOf = useAges<T>();
  const copies = useRef(new Map<string, number>());

  // Another tab's save is heard at once; before this tab has read the stored work, its own read
  // (or the check on its first save) finds it.
  useEffect(() => {
    const opened = latestOptions.current.openChannel((theirs) => {
      if (readBack.current && theirs !== stamp.current) setElsewhere(true);
    });
    channel.current = opened;
    return () => opened.close();
  }, []);

  const save = (next: T, force = false, writtenAs?: string): Promise<GuardedSave> => {
    const age = ageOf(next);
    const run = saving.current.then(async () => {
      const o = latestOptions.current;
      const named = writtenAs ?? o.nextStamp([stamp.current]);
      inFlight.current = named;
      const result = await o.write(next, stamp.current, force, named);
      inFlight.current = undefined;
      if (result.status === 'elsewhere') setElsewhere(true);
      else if (result.status === 'failed') o.onFailed(result.error);
      else {
        // A closing copy this tab wrote of this state, or of an older one, is no longer needed.
        o.dropCopy((w) => (copies.current.get(w) ?? Infinity) <= age);
        stamp.current = result.stamp;
        written.current = next;
        channel.current?.announce(result.stamp);
        o.onSaved(next);
      }
      return result;
    });
    saving.current = run.catch(() => undefined);
    return run;
  };

  useEffect(() => {
    if (!ready || elsewhere || shown === written.current) return;
    const timer = setTimeout(() => void save(shown), delay);
    return () => clearTimeout(timer);
  }, [shown, ready, elsewhere]);

  // A change made just before the tab is closed, or before a link is followed, would otherwise
  // wait out the pause above and be lost: the moment the page is hidden, what it shows is written.
  useEffect(() => {
    if (!ready || elsewhere) return;
    const flush = () => {
      const o = latestOptions.current;
      const state = o.latest();
      if (document.visibilityState !== 'hidden' || state === written.current) return;
      // The save below may not finish before the tab is gone; the copy is written at once.
      const basedOn = [stamp.current, inFlight.current];
      const writtenAs = o.nextStamp(basedOn);
      if (o.keepCopy(state, basedOn, writtenAs)) copies.current.set(writtenAs, ageOf(state));
      void save(state, false, writtenAs);
    };
    document.addEventListener('visibilitychange', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      document.removeEventListener('visibilitychange', flush);
      window.removeEventListener('pagehide', flush);
    };
  }, [ready, elsewhere]);

  return {
    /** The stored stamp this tab last read or wrote. */
    stamp,
    /** The state this tab last read or wrote. */
    written,
    /** Set once this tab has read the stored work: from then on another tab's save pauses it. */
    readBack,
    elsewhere,
    setElsewhere,
    save,
    /** Waits for the saves already started. */
    settled: () => saving.current,
    /** Tells the other tabs what is stored now (undefined: removed). */
    announce: (s: string | undefined) => channel.current?.announce(s),
    /** The person chose the other tab's work: this page's closing copies go with its own. */
    dropOwnCopies: () => latestOptions.current.dropCopy((w) => copies.current.has(w)),
  };
}
