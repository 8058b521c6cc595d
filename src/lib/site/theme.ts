// src/lib/site/ decides the site's shell: the reading theme, when a new build may reload.
// Imports only content/, files/; see eslint.config.js.
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

/**
 * The toggle's label names what a press does, from the theme the reader sees now: a button
 * that always read 深色模式 left a reader in the dark theme guessing whether it was on.
 */
export function toggleLabel(current: Theme): string {
  return toggledTheme(current) === 'dark' ? '切换到深色模式' : '切换到浅色模式';
}
