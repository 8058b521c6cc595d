import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveTheme, parseTheme, toggleLabel, toggledTheme } from '../../../src/lib/site/theme';

describe('reading theme', () => {
  it("the reader's stored choice wins over the system's", () => {
    expect(effectiveTheme('dark', false)).toBe('dark');
    expect(effectiveTheme('light', true)).toBe('light');
  });

  it('with no choice the system decides', () => {
    expect(effectiveTheme(null, true)).toBe('dark');
    expect(effectiveTheme(undefined, false)).toBe('light');
  });

  it('anything else in storage is no choice at all', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => s !== 'light' && s !== 'dark'),
        fc.boolean(),
        (stored, dark) => {
          expect(parseTheme(stored)).toBeUndefined();
          expect(effectiveTheme(stored, dark)).toBe(dark ? 'dark' : 'light');
        },
      ),
    );
  });

  it('the toggle switches to the other theme, and twice comes back', () => {
    expect(toggledTheme('light')).toBe('dark');
    expect(toggledTheme('dark')).toBe('light');
    expect(toggledTheme(toggledTheme('dark'))).toBe('dark');
  });

  it('the toggle names the theme a press switches to, never the one already on', () => {
    expect(toggleLabel('light')).toBe('切换到深色模式');
    expect(toggleLabel('dark')).toBe('切换到浅色模式');
  });
});
