/** Keyboard helpers for the search box: "/" to focus, arrows to walk the results. */

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Moves focus from the box or a result to the next (+1) or previous (−1) one; up from the first returns to the box. */
export function moveFocus(input: HTMLElement, links: HTMLElement[], step: 1 | -1): void {
  const current = links.indexOf(document.activeElement as HTMLElement);
  const next = current + step;
  if (next < 0) input.focus();
  else links[Math.min(next, links.length - 1)]?.focus();
}
