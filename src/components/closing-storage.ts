/** Where a page's closing copy goes (lib/files/closing-copy); undefined where the browser blocks it. */
export function closingStorage(): Storage | undefined {
  try {
    return typeof window === 'undefined' ? undefined : window.localStorage;
  } catch {
    return undefined;
  }
}
