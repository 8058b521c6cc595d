/**
 * The stream filter that replaces jsPDF's FlateEncode (src/lib/pdf/flate-encode.ts): the same bytes as
 * jsPDF's own for any stream, and the same PDF file; binary strings made natively equal jsPDF's loops.
 */
import fc from 'fast-check';
import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { binaryBytes, binaryString } from '../../../src/lib/pdf/binary-string';
import { speedUpFlateEncode, type ProcessDataByFilters } from '../../../src/lib/pdf/flate-encode';

const api = jsPDF.API as unknown as { processDataByFilters: ProcessDataByFilters };
const jspdfOwn = api.processDataByFilters;
/** A binary string as jsPDF holds a stream: mostly bytes, with repeats so that it compresses. */
const stream = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)), maxLength: 3000 }),
  fc.string({
    unit: fc.constantFrom('BT', ' ', '/F1 10 Tf', '0.5', '\n', 'ET', '\u00ff\u0000'),
    maxLength: 400,
  }),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

describe('binary strings', () => {
  it('one character per byte, both ways, for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => {
        const text = binaryString(bytes);
        expect(text).toBe(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
        expect(binaryBytes(text)).toEqual(bytes);
      }),
    );
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(binaryString(all).length, 'no byte dropped, not even 0xFE 0xFF').toBe(256);
  });
});

describe('speedUpFlateEncode', () => {
  it('gives the stream and filter jsPDF’s own FlateEncode gives, for any stream', () => {
    const patched = { processDataByFilters: jspdfOwn };
    expect(speedUpFlateEncode(patched)).toBe(true);
    expect(patched.processDataByFilters).not.toBe(jspdfOwn);
    fc.assert(
      fc.property(
        stream,
        fc.constantFrom<string | string[]>('FlateEncode', ['FlateEncode'], ['/FlateEncode']),
        (data, filters) => {
          expect(patched.processDataByFilters(data, filters)).toEqual(
            jspdfOwn.call(jsPDF.API, data, filters),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('passes any other filter chain to jsPDF’s own, and patches once', () => {
    const patched = { processDataByFilters: jspdfOwn };
    speedUpFlateEncode(patched);
    const once = patched.processDataByFilters;
    expect(speedUpFlateEncode(patched)).toBe(true);
    expect(patched.processDataByFilters).toBe(once);
    for (const filters of [[], ['ASCIIHexEncode'], ['FlateEncode', 'ASCII85Encode'], undefined])
      expect(patched.processDataByFilters('abc\u00ff', filters)).toEqual(
        jspdfOwn.call(jsPDF.API, 'abc\u00ff', filters),
      );
    expect(speedUpFlateEncode({})).toBe(false);
    expect(speedUpFlateEncode({ processDataByFilters: () => undefined })).toBe(false);
  });

  it('a PDF written with it is byte for byte the PDF jsPDF writes alone', () => {
    const write = () => {
      const doc = new jsPDF({ compress: true, putOnlyUsedFonts: true });
      doc.setCreationDate(new Date(Date.UTC(2026, 0, 1)));
      doc.setFileId('00000000000000000000000000000000');
      for (let i = 0; i < 3; i++) {
        if (i > 0) doc.addPage();
        doc.text(`page ${i + 1}: ${'stream '.repeat(200)}`, 10, 10, { maxWidth: 180 });
        doc.rect(10, 20, 50, 30);
      }
      return doc.output();
    };
    const before = write();
    try {
      speedUpFlateEncode(api);
      const fast = api.processDataByFilters;
      let streams = 0;
      api.processDataByFilters = (data, filters) => (streams++, fast(data, filters));
      expect(write()).toBe(before);
      expect(streams, 'jsPDF wrote each page through it').toBeGreaterThanOrEqual(3);
    } finally {
      api.processDataByFilters = jspdfOwn;
    }
  });
});
