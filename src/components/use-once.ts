/**
 * Acting once on a save, download or share button: a double-click or an impatient repeat while a
 * PDF is being made would otherwise hand the person two files. The browser numbers the clicks of
 * a multi-click (`event.detail` is 2 for a double-click's second click, whatever the system's
 * double-click interval), so those are ignored, as is any press while the action still runs. A
 * press that is not part of a multi-click after the action ended is a new request and acted on:
 * no timer decides, so saving again a moment later always works. One rule for every such button
 * (wizard, /review/, /rubrics/, /school/).
 */
import { useCallback, useEffect, useRef, useState } from 'react';

/** The click event's `detail`: 0 from the keyboard, 1 for a single click, 2+ within a multi-click. */
export type ClickCount = number;

/** Is this click a repeat of the one before it (the 2nd, 3rd … click of a multi-click)? */
export const isRepeatClick = (detail: ClickCount | undefined) => detail !== undefined && detail > 1;

export function useOnce(action: () => unknown): {
  run: (detail: ClickCount | undefined) => void;
  busy: boolean;
} {
  const [busy, setBusy] = useState(false);
  const running = useRef(false);
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });

  const run = useCallback((detail: ClickCount | undefined) => {
    if (running.current || isRepeatClick(detail)) return;
    // Called at once, inside the click: sharing and downloads need the person's gesture.
    const result = latest.current();
    if (result instanceof Promise) {
      running.current = true;
      setBusy(true);
      void result.finally(() => {
        running.current = false;
        setBusy(false);
      });
    }
  }, []);

  return { run, busy };
}
