/**
 * The reading theme: the reader's own choice when they made one, otherwise the system's
 * (prefers-color-scheme). The choice is kept in localStorage under THEME_KEY; BaseLayout's
 * inline script reads the same key before the first paint.
 */
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'handbook-theme';

/** A stored value is a choice only when it is exactly one of the two themes. */
export function parseTheme(stored: string | null | undefined): Theme | undefined {
  return stored === 'light' || stored === 'dark' ? stored : undefined;
}

export function effectiveTheme(stored: string | null | undefined, systemPrefersDark: boolean): Theme {
  return parseTheme(stored) ?? (systemPrefersDark ? 'dark' : 'light');
}

/** What the header's toggle switches to from the theme the reader sees now. */
export function toggledTheme(current: Theme): Theme {
  return current === 'dark' ? 'light' : 'dark';
}
