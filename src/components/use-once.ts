/**
 * Acting once on a save, download or share button: a double-click (its second click comes up to
 * half a second after the first) or an impatient repeat while a PDF is being made would otherwise
 * hand the person two files. While the action runs, and for a moment after it ends, a repeat is
 * ignored. One rule for every such button (wizard, /review/, /rubrics/, /school/).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** Longer than any desktop's double-click interval (Windows allows up to 0.9 s). */
export const REPEAT_IGNORED_MS = 1000;

export function useOnce<A extends unknown[]>(
  action: (...args: A) => void | Promise<void>,
): { run: (...args: A) => void; busy: boolean } {
  const [busy, setBusy] = useState(false);
  const locked = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  const run = useCallback((...args: A) => {
    if (locked.current) return;
    locked.current = true;
    const release = () => {
      setBusy(false);
      timer.current = setTimeout(() => (locked.current = false), REPEAT_IGNORED_MS);
    };
    let result: void | Promise<void>;
    try {
      // Called at once, inside the click: sharing and downloads need the person's gesture.
      result = latest.current(...args);
    } catch (error) {
      release();
      throw error;
    }
    if (result instanceof Promise) {
      setBusy(true);
      void result.finally(release);
    } else release();
  }, []);

  return { run, busy };
}
