/**
 * The font slices of public/fonts/pdf (scripts/build/build-pdf-font.mjs): every character of the full
 * font in exactly one slice, each slice holding what the manifest says, what every packet prints in the
 * first slice and the rest of GB2312 in small ones, a rare character costing one small slice, the licence beside them, and the same bytes on every run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import fc from 'fast-check';
import { create, type Font } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { sliceLookup, slicesFor, type FontManifest } from '../../../src/lib/pdf/font-slices';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const OUT = path.join(ROOT, 'public', 'fonts', 'pdf');
const SOURCE = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json')),
  '400Regular/NotoSansSC_400Regular.ttf',
);
/** What a rare character may add to a packet's download (issue 23: ≤ 60 KB). */
const RARE_LIMIT_GZIP = 60 * 1024;

/** Table tags from an sfnt's table directory: numTables at byte 4, 16-byte records from byte 12. */
function tableTags(bytes: Buffer): string[] {
  const count = bytes.readUInt16BE(4);
  return Array.from({ length: count }, (_, i) => bytes.toString('latin1', 12 + i * 16, 16 + i * 16));
}

function openFont(bytes: Buffer): Font {
  const font = create(bytes);
  if (!('characterSet' in font)) throw new Error('expected a single font, not a collection');
  return font;
}

/** Code points a font's cmap maps to a real glyph (not format 4's closing 0xFFFF), without controls. */
const mapped = (font: Font) =>
  [
    ...new Set(
      font.characterSet.filter(
        (cp) => !(cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) && font.hasGlyphForCodePoint(cp),
      ),
    ),
  ].sort((a, b) => a - b);
const codePoints = (text: string) => [...text].map((ch) => ch.codePointAt(0) ?? 0);

/** GB2312 hanzi rows first..last (cells 0xA1–0xFE; row 0xD7 ends at 0xF9). */
function gb2312Rows(first: number, last: number): string[] {
  const decoder = new TextDecoder('gbk');
  const chars: string[] = [];
  for (let row = first; row <= last; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      if (row === 0xd7 && cell >= 0xfa) continue;
      chars.push(decoder.decode(new Uint8Array([row, cell])));
    }
  }
  return chars;
}

function contentFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return contentFiles(full);
    return /\.(md|mdx|ya?ml)$/.test(entry.name) ? [full] : [];
  });
}

/** Han characters and CJK punctuation of src/content, which a packet must be able to set offline. */
function contentCjkChars(): string[] {
  const chars = new Set<string>();
  for (const file of contentFiles(path.join(ROOT, 'src', 'content'))) {
    for (const ch of fs.readFileSync(file, 'utf8')) {
      const cp = ch.codePointAt(0) ?? 0;
      const punctuation =
        (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef) || '“”‘’—…·'.includes(ch);
      if (/\p{Script=Han}/u.test(ch) || punctuation) chars.add(ch);
    }
  }
  return [...chars];
}

/** Every file in a folder, relative to it, sorted. */
function filesIn(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}

let manifest: FontManifest;
let full: Font;
const slices: { regular: Font; bold: Font; regularBytes: Buffer; boldBytes: Buffer }[] = [];

beforeAll(() => {
  // Idempotent: running it every time tests the script against today's content.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build', 'build-pdf-font.mjs')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  manifest = JSON.parse(fs.readFileSync(path.join(OUT, 'manifest.json'), 'utf8')) as FontManifest;
  full = openFont(fs.readFileSync(SOURCE));
  for (const slice of manifest.slices) {
    const regularBytes = fs.readFileSync(path.join(OUT, slice.regular));
    const boldBytes = fs.readFileSync(path.join(OUT, slice.bold));
    slices.push({ regular: openFont(regularBytes), bold: openFont(boldBytes), regularBytes, boldBytes });
  }
}, 300_000);

describe('PDF font slices (public/fonts/pdf)', () => {
  it('are about a hundred or so, TrueType with glyf outlines, which jsPDF can embed', () => {
    expect(manifest.slices.length).toBeGreaterThanOrEqual(80);
    expect(manifest.slices.length).toBeLessThanOrEqual(200);
    for (const { regularBytes, boldBytes } of slices) {
      for (const bytes of [regularBytes, boldBytes]) {
        expect(bytes.readUInt32BE(0)).toBe(0x00010000);
        expect(tableTags(bytes)).toEqual(expect.arrayContaining(['glyf', 'loca', 'cmap', 'hmtx']));
        expect(tableTags(bytes)).not.toContain('CFF ');
      }
    }
  });

  it('put every character of the full font (the BMP, which jsPDF can set) in exactly one slice', () => {
    const bmp = mapped(full).filter((cp) => cp <= 0xffff);
    const sliceOf = sliceLookup(manifest);
    const holders = new Map<number, number[]>();
    manifest.slices.forEach((_, i) => {
      for (const cp of mapped(slices[i]?.regular as Font)) holders.set(cp, [...(holders.get(cp) ?? []), i]);
    });
    expect(bmp.filter((cp) => holders.get(cp)?.length !== 1)).toEqual([]);
    expect([...holders.keys()].filter((cp) => !bmp.includes(cp))).toEqual([]);
    // The manifest says the same as the files: each character's slice is the one file that holds it.
    expect(bmp.filter((cp) => sliceOf(String.fromCodePoint(cp)) !== holders.get(cp)?.[0])).toEqual([]);
  });

  it("bold slices hold their regular slice's characters, but those the bold weight lacks", () => {
    const lacks = new Set(codePoints(manifest.boldLacks));
    slices.forEach(({ regular, bold }) => {
      expect(mapped(bold)).toEqual(mapped(regular).filter((cp) => !lacks.has(cp)));
    });
  });

  it('put common characters first: ASCII and punctuation, the site content, GB2312 level 1', () => {
    const sliceOf = sliceLookup(manifest);
    const kind = (ch: string) => manifest.slices[sliceOf(ch) ?? -1]?.kind;
    const firstCommon = manifest.slices.findIndex((s) => s.kind === 'rare');
    expect(manifest.slices.slice(0, firstCommon).every((s) => s.kind === 'common')).toBe(true);
    expect(manifest.slices.slice(firstCommon).every((s) => s.kind === 'rare')).toBe(true);
    const ascii = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i));
    expect(new Set([...ascii, ...'、。，；：？！“”（）《》—…□〓'].map((ch) => sliceOf(ch)))).toEqual(
      new Set([0]),
    );
    expect(contentCjkChars().filter((ch) => kind(ch) !== 'common')).toEqual([]);
    expect(gb2312Rows(0xb0, 0xd7).filter((ch) => kind(ch) !== 'common')).toEqual([]);
    expect(gb2312Rows(0xb0, 0xf7).filter((ch) => sliceOf(ch) === undefined)).toEqual([]);
  });

  it('put what every packet prints in the first slice, and the rest of GB2312 in small ones after it', () => {
    const sliceOf = sliceLookup(manifest);
    // The site's own text (criteria, names, the packet's labels) is one font per weight in the PDF.
    expect(contentCjkChars().filter((ch) => sliceOf(ch) !== 0)).toEqual([]);
    expect(
      [...'微能力自评证据包封面与总览评价标准教学反思组内互评复评'].filter((ch) => sliceOf(ch) !== 0),
    ).toEqual([]);
    const gzip = slices.map((s) => zlib.gzipSync(s.regularBytes).length);
    expect(gzip[0] ?? Infinity, 'a 3-ability packet fetches ≤ 500 KB for both weights').toBeLessThan(
      240 * 1024,
    );
    // GB2312 characters a teacher's own words meet here and there cost a small slice each.
    const common = manifest.slices.flatMap((s, i) => (s.kind === 'common' && i > 0 ? [gzip[i] ?? 0] : []));
    expect(common.length).toBeGreaterThan(10);
    expect(Math.max(...common)).toBeLessThanOrEqual(30 * 1024);
  });

  it('make a rare character (喆, 堃, 犇) cost one slice of at most 60 KB gzip, in each weight', () => {
    const sliceOf = sliceLookup(manifest);
    for (const ch of '喆堃犇') {
      const i = sliceOf(ch) ?? -1;
      expect(manifest.slices[i]?.kind, ch).toBe('rare');
      expect(slicesFor(`王${ch}`, sliceOf).filter((s) => manifest.slices[s]?.kind === 'rare')).toEqual([i]);
    }
    manifest.slices.forEach((slice, i) => {
      if (slice.kind !== 'rare') return;
      const { regularBytes, boldBytes } = slices[i] ?? {
        regularBytes: Buffer.alloc(0),
        boldBytes: Buffer.alloc(0),
      };
      expect(zlib.gzipSync(regularBytes).length).toBeLessThanOrEqual(RARE_LIMIT_GZIP);
      expect(zlib.gzipSync(boldBytes).length).toBeLessThanOrEqual(RARE_LIMIT_GZIP);
    });
  });

  it('map any string to the slices that set it: each character found in its slice, none missed', () => {
    const sliceOf = sliceLookup(manifest);
    const inFull = (ch: string) => ch.length === 1 && full.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 40 }),
          fc.string({ unit: fc.integer({ min: 0x3000, max: 0x9fff }).map((cp) => String.fromCodePoint(cp)) }),
        ),
        (text) => {
          const regular = slicesFor(text, sliceOf);
          const bold = slicesFor(text, sliceOf, 'bold');
          for (const ch of text) {
            if (/\s/u.test(ch) || (ch.codePointAt(0) ?? 0) < 0x20) continue;
            const i = sliceOf(ch);
            if (i === undefined) {
              expect(inFull(ch), `${ch} is settable but has no slice`).toBe(false);
              continue;
            }
            expect(regular).toContain(i);
            expect(slices[i]?.regular.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)).toBe(true);
            if (!manifest.boldLacks.includes(ch)) expect(bold).toContain(i);
          }
          // Nothing but what the text needs.
          expect(regular.every((i) => [...text].some((ch) => sliceOf(ch) === i))).toBe(true);
        },
      ),
    );
  });

  it('ship the licence beside the slices', () => {
    const license = fs.readFileSync(path.join(OUT, 'LICENSE-noto-sans-sc.txt'), 'utf8');
    expect(license).toContain('SIL OPEN FONT LICENSE Version 1.1');
  });

  it('are reproducible: a fresh build into another folder gives the same files, byte for byte', async () => {
    const { buildPdfFont } = (await import('../../../scripts/build/build-pdf-font.mjs')) as {
      buildPdfFont: (options: { outDir: string; log: (line: string) => void }) => Promise<unknown>;
    };
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-font-'));
    try {
      await buildPdfFont({ outDir: other, log: () => {} });
      expect(filesIn(other)).toEqual(filesIn(OUT));
      const differ = filesIn(OUT).filter(
        (name) => !fs.readFileSync(path.join(OUT, name)).equals(fs.readFileSync(path.join(other, name))),
      );
      expect(differ).toEqual([]);
    } finally {
      fs.rmSync(other, { recursive: true, force: true });
    }
  }, 300_000);
});
