import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { create, type Font } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const OUT = path.join(ROOT, 'public', 'fonts', 'pdf');
const BUDGET_GZIP = 2_500_000;

interface Charset {
  files: { regular: string; bold: string | null; full: string | null; license: string };
  chars: string;
  boldChars: string;
  fullRanges: [number, number][];
}

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
  font.characterSet.filter(
    (cp) => !(cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) && font.hasGlyphForCodePoint(cp),
  );
const codePoints = (text: string) => [...text].map((ch) => ch.codePointAt(0) ?? 0);
const sorted = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);

/** GB2312 hanzi: rows 0xB0–0xF7, cells 0xA1–0xFE, without row 0xD7's unassigned 0xFA–0xFE. */
function gb2312Hanzi(): string[] {
  const decoder = new TextDecoder('gbk');
  const chars: string[] = [];
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      if (row === 0xd7 && cell >= 0xfa) continue;
      const ch = decoder.decode(new Uint8Array([row, cell]));
      if (/^\p{Script=Han}$/u.test(ch)) chars.push(ch);
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

/** Han characters and CJK punctuation of src/content, which a packet must always be able to set. */
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

let charset: Charset;
let regularBytes: Buffer;
let regular: Font;
let boldBytes: Buffer | null = null;
let bold: Font | null = null;

beforeAll(() => {
  // Idempotent and a few seconds long: running it every time tests the script against today's content.
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build', 'build-pdf-font.mjs')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  charset = JSON.parse(fs.readFileSync(path.join(OUT, 'charset.json'), 'utf8')) as Charset;
  regularBytes = fs.readFileSync(path.join(OUT, charset.files.regular));
  regular = openFont(regularBytes);
  if (charset.files.bold) {
    boldBytes = fs.readFileSync(path.join(OUT, charset.files.bold));
    bold = openFont(boldBytes);
  }
}, 120_000);

describe('PDF font (public/fonts/pdf)', () => {
  it('is TrueType with glyf outlines, which jsPDF can embed', () => {
    expect(regularBytes.readUInt32BE(0)).toBe(0x00010000);
    expect(tableTags(regularBytes)).toEqual(expect.arrayContaining(['glyf', 'loca', 'cmap', 'hmtx']));
    expect(tableTags(regularBytes)).not.toContain('CFF ');
    if (boldBytes) expect(tableTags(boldBytes)).toContain('glyf');
  });

  it('has a glyph for every Han character and CJK punctuation mark of the site content', () => {
    const chars = contentCjkChars();
    expect(chars.length).toBeGreaterThan(500);
    expect(chars.filter((ch) => !regular.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0))).toEqual([]);
    if (bold) expect(chars.filter((ch) => !bold?.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0))).toEqual([]);
  });

  it("has a glyph for all 6,763 of GB2312's hanzi", () => {
    const hanzi = gb2312Hanzi();
    expect(hanzi).toHaveLength(6763);
    expect(hanzi.filter((ch) => !regular.hasGlyphForCodePoint(ch.codePointAt(0) ?? 0))).toEqual([]);
  });

  it('covers ASCII, full-width forms and the common CJK punctuation', () => {
    const expected = [
      ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => 0x20 + i),
      ...Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, i) => 0xff01 + i),
      ...codePoints('、。，；：？！“”‘’（）《》【】—…·'),
    ];
    expect(expected.filter((cp) => !regular.hasGlyphForCodePoint(cp))).toEqual([]);
  });

  it("lists in charset.json exactly the characters each font's cmap maps", () => {
    expect(sorted(codePoints(charset.chars))).toEqual(sorted(mapped(regular)));
    expect(codePoints(charset.chars)).toEqual(sorted(codePoints(charset.chars)));
    expect(sorted(codePoints(charset.boldChars))).toEqual(bold ? sorted(mapped(bold)) : []);
  });

  it('keeps the font files one packet fetches (regular + bold) within 2.5 MB gzip', () => {
    const gzip = zlib.gzipSync(regularBytes).length + (boldBytes ? zlib.gzipSync(boldBytes).length : 0);
    expect(gzip).toBeLessThanOrEqual(BUDGET_GZIP);
  });

  it('ships the on-demand full font and the licence beside the subset', () => {
    const license = fs.readFileSync(path.join(OUT, charset.files.license), 'utf8');
    expect(license).toContain('SIL OPEN FONT LICENSE Version 1.1');
    if (!charset.files.full) return;
    const fullBytes = fs.readFileSync(path.join(OUT, charset.files.full));
    expect(fullBytes.length).toBeLessThanOrEqual(25 * 1024 * 1024);
    expect(tableTags(fullBytes)).toContain('glyf');
    const full = openFont(fullBytes);
    const inRanges = (cp: number) => charset.fullRanges.some(([first, last]) => cp >= first && cp <= last);
    // jsPDF looks glyphs up per UTF-16 code unit, so only the BMP can be set.
    expect(mapped(full).filter((cp) => cp <= 0xffff && !inRanges(cp))).toEqual([]);
    expect(charset.fullRanges.every(([first, last]) => first <= last && last <= 0xffff)).toBe(true);
    expect(codePoints(charset.chars).filter((cp) => !inRanges(cp))).toEqual([]);
    // The fallback really reaches past the subset: rare hanzi outside GB2312.
    expect(
      codePoints('犇猋骉麤').every(
        (cp) => full.hasGlyphForCodePoint(cp) && !charset.chars.includes(String.fromCodePoint(cp)),
      ),
    ).toBe(true);
  });
});
