/**
 * The linear glyph writer that replaces jsPDF's (src/lib/pdf/glyf-encode.ts): the same table and offsets
 * as jsPDF's own for any glyphs, and on a slice of the packet's font, the same embedded font bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { linearGlyfEncode, speedUpGlyfEncode, type EncodableGlyph } from '../../../src/lib/pdf/glyf-encode';

/** jsPDF 4.2's GlyfTable.encode, as it stands in its source: one concat per glyph. */
function jspdfGlyfEncode(
  glyphs: Record<string, EncodableGlyph | undefined>,
  mapping: readonly number[],
  old2new: Record<string, number>,
) {
  let table: number[] = [];
  const offsets: number[] = [];
  for (const id of mapping) {
    const glyph = glyphs[id];
    offsets.push(table.length);
    if (glyph) table = table.concat(Array.from(glyph.encode(old2new)));
  }
  offsets.push(table.length);
  return { table, offsets };
}

/** The subsetter build:font uses (it ships no types). */
const subsetFont = createRequire(import.meta.url)('subset-font') as (
  font: Buffer,
  text: string,
  options: { targetFormat: 'truetype' },
) => Promise<Uint8Array>;

const glyph = (bytes: number[]): EncodableGlyph => ({ encode: () => bytes });

describe('linearGlyfEncode', () => {
  it('gives the table and offsets jsPDF’s own encoder gives, for any glyphs and order', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.integer({ min: 0, max: 60 }).map(String),
          fc.option(fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 30 }), { nil: undefined }),
        ),
        fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 40 }),
        (raw, mapping) => {
          const glyphs = Object.fromEntries(
            Object.entries(raw).map(([id, bytes]) => [id, bytes ? glyph(bytes) : undefined]),
          );
          expect(linearGlyfEncode(glyphs, mapping, {})).toEqual(jspdfGlyfEncode(glyphs, mapping, {}));
        },
      ),
    );
  });

  it('passes the renumbering to each glyph (a compound glyph names its parts by their new ids)', () => {
    const compound: EncodableGlyph = { encode: (old2new) => [old2new['7'] ?? -1] };
    expect(linearGlyfEncode({ 3: compound }, [3], { 7: 2 }).table).toEqual([2]);
  });
});

describe('speedUpGlyfEncode on jsPDF', () => {
  it('replaces jsPDF’s glyph writer once, and the embedded font is byte for byte what jsPDF wrote', async () => {
    // A slice as build:font makes it: 600 common characters of the packet's font, glyf outlines.
    const source = fs.readFileSync(
      path.join(
        path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json')),
        '400Regular/NotoSansSC_400Regular.ttf',
      ),
    );
    const chars = new TextDecoder('gbk').decode(
      new Uint8Array(
        Array.from({ length: 600 }, (_, i) => [0xb0 + Math.floor(i / 94), 0xa1 + (i % 94)]).flat(),
      ),
    );
    const bytes = Buffer.from(await subsetFont(source, chars, { targetFormat: 'truetype' }));
    const doc = new jsPDF();
    doc.addFileToVFS('slice.ttf', bytes.toString('base64'));
    doc.addFont('slice.ttf', 'Slice', 'normal');
    const getFont = doc.getFont.bind(doc) as (name: string, style: string) => { metadata: Metadata };
    const { metadata } = getFont('Slice', 'normal');
    const ids = Array.from({ length: 300 }, (_, i) => i * 2);
    const before = Array.from(metadata.subset.encode(ids, 1));
    const proto = Object.getPrototypeOf(metadata.glyf) as { encode: unknown };
    const original = proto.encode;
    try {
      expect(speedUpGlyfEncode(metadata.glyf)).toBe(true);
      expect(proto.encode).toBe(linearGlyfEncode);
      expect(speedUpGlyfEncode(metadata.glyf), 'a second call changes nothing').toBe(true);
      expect(Array.from(metadata.subset.encode(ids, 1))).toEqual(before);
    } finally {
      proto.encode = original;
    }
  }, 60_000);

  it('leaves alone what it does not recognise', () => {
    expect(speedUpGlyfEncode(undefined)).toBe(false);
    expect(speedUpGlyfEncode({})).toBe(false);
    expect(speedUpGlyfEncode(Object.create({ encode: (a: unknown) => a }))).toBe(false);
  });
});

interface Metadata {
  glyf: unknown;
  subset: { encode(ids: number[], indexToLocFormat: number): ArrayLike<number> };
}
