import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayData, displayText } from '../../../src/lib/content/display-text';

const CONTROLS = [
  '\u200E',
  '\u200F',
  '\u061C',
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];
const hasControl = (text: string) => CONTROLS.some((c) => text.includes(c));
const withControls = fc
  .array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom(...CONTROLS)), { maxLength: 12 })
  .map((parts) => parts.join(''));

describe('displayText', () => {
  it('shows the right-to-left override in a file name instead of obeying it', () => {
    expect(displayText('evil\u202Egpm.exe')).toBe('evil[U+202E]gpm.exe');
    expect(displayText('\u2067教学设计\u2069.docx')).toBe('[U+2067]教学设计[U+2069].docx');
  });

  it('property: no bidi control survives, and text without one is unchanged', () => {
    fc.assert(
      fc.property(withControls, (text) => {
        const shown = displayText(text);
        expect(hasControl(shown)).toBe(false);
        expect(displayText(shown)).toBe(shown);
        // Only the controls are replaced: removing the marks gives the text without them.
        const marks = /\[U\+(200E|200F|061C|202[A-E]|206[6-9])\]/g;
        expect(shown.replace(marks, '')).toBe(
          text.replace(/[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g, '').replace(marks, ''),
        );
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        fc.pre(!hasControl(text));
        expect(displayText(text)).toBe(text);
      }),
    );
  });

  it('property: displayData treats every string of plain data alike and keeps the rest', () => {
    fc.assert(
      fc.property(fc.jsonValue(), withControls, (value, text) => {
        const data = { value, text, list: [text, 1, null] };
        const shown = displayData(data);
        expect(shown.text).toBe(displayText(text));
        expect(shown.list).toEqual([displayText(text), 1, null]);
        expect(hasControl(JSON.stringify(shown))).toBe(false);
      }),
    );
  });
});
