import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sliceLookup, slicesFor, type FontManifest } from '../../../src/lib/pdf/font-slices';

/**
 * A small manifest in the build's shape: two common slices by their characters, two rare slices by
 * code point range over what the font maps (一–丁 and 七–丈, 丂 unmapped), and a bold weight lacking 丈.
 */
const manifest: FontManifest = {
  slices: [
    { kind: 'common', chars: ' ab。', regular: 'common/000-regular.ttf', bold: 'common/000-bold.ttf' },
    { kind: 'common', chars: '王丁', regular: 'common/001-regular.ttf', bold: 'common/001-bold.ttf' },
    { kind: 'rare', range: [0x4e00, 0x4e01], regular: 'rare/000-regular.ttf', bold: 'rare/000-bold.ttf' },
    { kind: 'rare', range: [0x4e03, 0x4e08], regular: 'rare/001-regular.ttf', bold: 'rare/001-bold.ttf' },
  ],
  fullRanges: [
    [0x20, 0x20],
    [0x61, 0x62],
    [0x3002, 0x3002],
    [0x4e00, 0x4e01],
    [0x4e03, 0x4e08],
    [0x738b, 0x738b],
  ],
  boldLacks: '丈',
};
const sliceOf = sliceLookup(manifest);

describe('font slices: which slice sets a character', () => {
  it('finds a common character by its list, a rare one by its range, and nothing the font lacks', () => {
    expect(sliceOf('a')).toBe(0);
    expect(sliceOf('王')).toBe(1);
    // 丁 (U+4E01) is in a rare range but a common slice lists it: the common slice holds it.
    expect(sliceOf('丁')).toBe(1);
    expect(sliceOf('一')).toBe(2);
    expect(sliceOf('七')).toBe(3);
    expect(sliceOf('丈')).toBe(3);
    expect(sliceOf('丂')).toBeUndefined(); // between the ranges, unmapped
    expect(sliceOf('c')).toBeUndefined();
    expect(sliceOf('𪚥')).toBeUndefined(); // beyond the BMP: jsPDF cannot set it
  });

  it('a character the bold weight lacks has no bold slice', () => {
    expect(sliceOf('丈', 'bold')).toBeUndefined();
    expect(sliceOf('七', 'bold')).toBe(3);
    expect(slicesFor('七丈', sliceOf, 'bold')).toEqual([3]);
    expect(slicesFor('七丈', sliceOf)).toEqual([3]);
  });

  it('a text needs the slices of its characters, once each, ascending; spaces and the unsettable need none', () => {
    expect(slicesFor('王一 a。七', sliceOf)).toEqual([0, 1, 2, 3]);
    expect(slicesFor('\n\t丂𪚥', sliceOf)).toEqual([]);
    expect(slicesFor('王王王', sliceOf)).toEqual([1]);
  });

  it('any string: exactly the slices of its settable characters', () => {
    const alphabet = fc.constantFrom(...' ab。王丁一七丈丂c𪚥\n');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        const expected = new Set(
          chars
            .filter((ch) => !/\s/u.test(ch))
            .flatMap((ch) => (sliceOf(ch) === undefined ? [] : [sliceOf(ch)])),
        );
        expect(slicesFor(text, sliceOf)).toEqual([...expected].sort());
      }),
    );
  });
});
