/**
 * Acting once on a save, download or share button: a double-click (its second click comes up to
 * half a second after the first) or an impatient repeat while a PDF is being made would otherwise
 * hand the person two files. While the action runs, and for a moment after it ends, a repeat is
 * ignored. One rule for every such button (wizard, /review/, /rubrics/, /school/).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** Longer than any desktop's double-click interval (Windows allows up to 0.9 s). */
export const REPEAT_IGNORED_MS = 1000;

/**
 * `action` returns (or resolves to) `false` when it handed nothing over (the PDF failed): a press
 * right after that is a retry, not a repeat, and is acted on.
 */
export function useOnce<A extends unknown[]>(
  action: (...args: A) => unknown,
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
    const release = (outcome?: unknown) => {
      setBusy(false);
      if (outcome === false) locked.current = false;
      else timer.current = setTimeout(() => (locked.current = false), REPEAT_IGNORED_MS);
    };
    let result: unknown;
    try {
      // Called at once, inside the click: sharing and downloads need the person's gesture.
      result = latest.current(...args);
    } catch (error) {
      release(false);
      throw error;
    }
    if (result instanceof Promise) {
      setBusy(true);
      result.then(release, (error: unknown) => {
        release(false);
        throw error;
      });
    } else release(result);
  }, []);

  return { run, busy };
}
