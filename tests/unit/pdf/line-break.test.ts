import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  breakLines,
  fontRuns,
  FORBIDDEN_END,
  FORBIDDEN_START,
  isBreakSpace,
  isWordChar,
  neverJoins,
  splitGraphemes,
  type Measure,
} from '../../../src/lib/pdf/line-break';

/** The test metric: a Han character is 1 wide, a space 0.25, anything else (Latin, digits, punctuation) 0.5. */
const width: Measure = (text) => {
  let w = 0;
  for (const c of text) w += /\p{Script=Han}/u.test(c) ? 1 : c === ' ' ? 0.25 : 0.5;
  return w;
};
const lines = (text: string, maxWidth: number): string[] => breakLines(text, maxWidth, width);

const isForbidden = (c: string): boolean => FORBIDDEN_START.includes(c) || FORBIDDEN_END.includes(c);
/** The only lines allowed to break kinsoku (besides a paragraph's own first/last character). */
const onlyForbidden = (line: string): boolean => [...line.replace(/ /g, '')].every(isForbidden);
const segmenter = new Intl.Segmenter('zh', { granularity: 'grapheme' });
const graphemes = (text: string): string[] => Array.from(segmenter.segment(text), (s) => s.segment);

describe('breakLines: unit cases', () => {
  it('wraps pure Chinese at the width', () => {
    expect(lines('一二三四五六七八九十', 4)).toEqual(['一二三四', '五六七八', '九十']);
    expect(lines('一二三四五六七八', 4)).toEqual(['一二三四', '五六七八']);
  });

  it('keeps Latin words, numbers and hyphenated names whole and breaks at spaces or CJK', () => {
    const text = '提交 2 份学生作品，视频时长不超过 10 分钟，SHA-256 校验';
    expect(lines(text, 8)).toEqual(['提交 2 份学生作', '品，视频时长不超', '过 10 分钟，', 'SHA-256 校验']);
    expect(lines(text, 6)).toEqual(['提交 2 份学生', '作品，视频时', '长不超过 10', '分钟，SHA-256', '校验']);
    for (const maxWidth of [4, 5, 6, 7, 8, 10, 12]) {
      const result = lines(text, maxWidth);
      expect(result.some((line) => line.includes('SHA-256'))).toBe(true);
      expect(result.some((line) => line.includes('10'))).toBe(true);
      for (const line of result) expect(width(line)).toBeLessThanOrEqual(maxWidth);
      expect(result.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
    }
  });

  it('does not split Latin text inside words', () => {
    expect(lines('Hello world, this is a test (with brackets) and more.', 6)).toEqual([
      'Hello world,',
      'this is a',
      'test (with',
      'brackets)',
      'and more.',
    ]);
  });

  it('moves a URL that fits to its own line, and breaks one that does not by characters', () => {
    expect(lines('请访问 https://a.cn/x?y=1 获取', 9)).toEqual(['请访问', 'https://a.cn/x?y=1', '获取']);
    const url = 'https://example.com/a/very/long/path?x=1';
    const result = lines(`请访问 ${url} 获取`, 6);
    expect(result).toEqual(['请访问 http', 's://example.', 'com/a/very/l', 'ong/path?x=1', '获取']);
    expect(result.join('').replace(/ /g, '')).toBe(`请访问${url}获取`);
  });

  it('never starts a line with closing punctuation: the previous character comes down with it', () => {
    // At width 4 the 。 would open the second line; 四 is pushed down with it instead.
    expect(lines('一二三四。五六', 4)).toEqual(['一二三', '四。五六']);
    expect(lines('一二三四”。五', 4)).toEqual(['一二三', '四”。五']);
    expect(lines('一二三 ，四', 3)).toEqual(['一二', '三 ，四']);
  });

  it('never ends a line with an opening bracket: it moves to the next line', () => {
    expect(lines('一二三（四五）', 4)).toEqual(['一二三', '（四五）']);
    expect(lines('一二三“四', 4)).toEqual(['一二三', '“四']);
    expect(lines('一二三 (see)', 4)).toEqual(['一二三', '(see)']);
  });

  it('only breaks kinsoku when a glued run is wider than the line, and then on forbidden-only lines', () => {
    // "（中）" cannot be split without breaking a rule; not overflowing wins.
    expect(lines('（中）', 1)).toEqual(['（', '中', '）']);
    expect(lines('中。。。。中中', 2)).toEqual(['中。。', '。。', '中中']);
    // A unit is broken by characters rather than break kinsoku.
    expect(lines('（SHA-256）', 3.5)).toEqual(['（SHA-25', '6）']);
    expect(lines('中,abc', 2)).toEqual(['中,', 'abc']);
  });

  it('treats hard line breaks as new lines and empty paragraphs as empty lines', () => {
    expect(lines('a\n\nb\r\nc\rd', 10)).toEqual(['a', '', 'b', 'c', 'd']);
    expect(lines('一二三\n四', 2)).toEqual(['一二', '三', '四']);
    expect(lines('\n', 3)).toEqual(['', '']);
  });

  it("gives [''] for the empty string (one empty line, like an empty paragraph)", () => {
    expect(lines('', 10)).toEqual(['']);
    expect(lines('   ', 10)).toEqual(['']);
  });

  it('drops spaces at breaks and trailing spaces, keeps indentation that fits', () => {
    expect(lines('ab cd  ef', 2.5)).toEqual(['ab cd', 'ef']);
    expect(lines('一二 ', 5)).toEqual(['一二']);
    expect(lines('\u3000\u3000一二三四五六', 4)).toEqual(['\u3000\u3000一二三', '四五六']);
    expect(lines('  中', 1)).toEqual(['中']); // the indentation cannot fit in front of 中
  });

  it('puts a character wider than the line on a line of its own', () => {
    const wide: Measure = (text) => [...text].reduce((w, c) => w + (c === '巨' ? 3 : 1), 0);
    expect(breakLines('一巨二', 2, wide)).toEqual(['一', '巨', '二']);
    expect(breakLines('巨', 0.5, wide)).toEqual(['巨']);
    expect(breakLines('一二', 0, wide)).toEqual(['一', '二']);
  });

  it('never splits surrogate pairs, combining marks or emoji sequences', () => {
    expect(lines('𠀀𠀁𠀂𠀃', 2)).toEqual(['𠀀𠀁', '𠀂𠀃']);
    const accented = 'e\u0301'.repeat(6); // a unit wider than the line
    const result = lines(accented, 1);
    expect(result).toEqual(Array(6).fill('e\u0301'));
    const family = '👨‍👩‍👧';
    expect(breakLines(`${family}${family}`, 1, (t) => graphemes(t).length)).toEqual([family, family]);
  });

  describe('without Intl.Segmenter', () => {
    afterEach(() => vi.unstubAllGlobals());
    it('falls back to code points with combining marks and joiners attached', () => {
      vi.stubGlobal('Intl', Object.create(Intl, { Segmenter: { value: undefined } }) as typeof Intl);
      expect(lines('e\u0301e\u0301e\u0301', 2)).toEqual(['e\u0301e\u0301', 'e\u0301']);
      expect(lines('𠀀𠀁𠀂', 1)).toEqual(['𠀀', '𠀁', '𠀂']);
      const family = '👨‍👩‍👧';
      expect(breakLines(`${family}${family}`, 1, () => 1)).toEqual([family, family]);
    });
  });

  it('re-lays a paragraph when measuring a whole line disagrees with the sum of its parts', () => {
    // Kerning-like: a string of several characters is 0.3 wider than its characters added up.
    const kerned: Measure = (text) => [...text].length + ([...text].length > 1 ? 0.3 : 0);
    const result = breakLines('一二三四五六七', 3, kerned);
    expect(result).toEqual(['一二', '三四', '五六', '七']);
    for (const line of result) expect(kerned(line)).toBeLessThanOrEqual(3);
  });

  it('measures each distinct character and unit once, plus one check per line', () => {
    const calls: string[] = [];
    const counting: Measure = (text) => (calls.push(text), width(text));
    const text = '提交 2 份学生作品，视频时长不超过 10 分钟，SHA-256 校验。'.repeat(50);
    const result = breakLines(text, 10, counting);
    const distinct = new Set(graphemes(text)).size + new Set(['2', '10', 'SHA-256']).size;
    expect(calls.length).toBeLessThanOrEqual(distinct + result.length);
  });

  it('rejects a NaN width', () => {
    expect(() => lines('一', Number.NaN)).toThrow(RangeError);
  });

  it('exports the kinsoku sets', () => {
    for (const c of '。，、；：？！）】》」』〕〉”’…‥·%,.;:?!)．］｝') expect(FORBIDDEN_START).toContain(c);
    for (const c of '（【《「『〔〈“‘([{') expect(FORBIDDEN_END).toContain(c);
  });
});

const HAN = [...'的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年学生作品视频分钟'];
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...HAN) },
  { weight: 2, arbitrary: fc.constantFrom(...FORBIDDEN_START) },
  { weight: 2, arbitrary: fc.constantFrom(...FORBIDDEN_END) },
  { weight: 3, arbitrary: fc.constantFrom(...'abcxyzABCXYZ') },
  { weight: 2, arbitrary: fc.constantFrom(...'0123456789') },
  { weight: 1, arbitrary: fc.constantFrom('-', '/', "'") },
  { weight: 2, arbitrary: fc.constant(' ') },
  { weight: 1, arbitrary: fc.constant('\n') },
);
const text = fc.array(token, { maxLength: 120 }).map((tokens) => tokens.join(''));
const maxWidth = fc.oneof(fc.integer({ min: 1, max: 30 }), fc.double({ min: 1, max: 30, noNaN: true }));

describe('breakLines: properties', () => {
  it('(1) no line is wider than maxWidth unless it is a single grapheme', () => {
    fc.assert(
      fc.property(text, maxWidth, (t, w) => {
        for (const line of lines(t, w)) {
          if (graphemes(line).length > 1) expect(width(line)).toBeLessThanOrEqual(w);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('(2) kinsoku holds, except on lines made only of forbidden characters or at a paragraph’s own ends', () => {
    fc.assert(
      fc.property(text, maxWidth, (t, w) => {
        for (const paragraph of t.split('\n')) {
          const result = lines(paragraph, w);
          result.forEach((line, k) => {
            const chars = [...line];
            // A paragraph's first line starts, and its last line ends, as the paragraph itself does.
            if (k > 0 && FORBIDDEN_START.includes(chars[0] ?? '')) expect(onlyForbidden(line)).toBe(true);
            if (k < result.length - 1 && FORBIDDEN_END.includes(chars.at(-1) ?? '')) {
              expect(onlyForbidden(line)).toBe(true);
            }
            if (k > 0) expect(line.startsWith(' ')).toBe(false);
            expect(line.endsWith(' ')).toBe(false);
          });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('(2b) without forbidden-only runs wider than the line, kinsoku holds everywhere', () => {
    // Kinsoku glues at most (opening marks)(one character)(closing marks). With at most one opening mark
    // and two closing marks in a row, such a run is at most 0.5 + 1 + 2 × 0.5 = 2.5 wide: width 3 fits it.
    const plainText = fc
      .array(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...HAN) },
          { weight: 1, arbitrary: fc.constantFrom('。', '，', '）', '”', '（', '“') },
        ),
        { maxLength: 80 },
      )
      .map((tokens) => tokens.join(''))
      .filter((t) => !/[（“]{2}|[）。，”]{3}/u.test(t));
    fc.assert(
      fc.property(plainText, fc.integer({ min: 3, max: 20 }), (t, w) => {
        const result = lines(t, w);
        result.forEach((line, k) => {
          if (k > 0) expect(FORBIDDEN_START).not.toContain([...line][0]);
          if (k < result.length - 1) expect(FORBIDDEN_END).not.toContain([...line].at(-1));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('(2c) kinsoku is broken no more often than unavoidable (checked against brute force)', () => {
    const short = fc.array(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom(...HAN.slice(0, 5)) },
        { weight: 2, arbitrary: fc.constantFrom('。', '，', '）', '”') },
        { weight: 2, arbitrary: fc.constantFrom('（', '“') },
      ),
      { minLength: 1, maxLength: 10 },
    );
    fc.assert(
      fc.property(short, fc.integer({ min: 1, max: 6 }), (chars, w) => {
        const n = chars.length;
        const violates = (i: number): boolean =>
          FORBIDDEN_END.includes(chars[i - 1] ?? '') || FORBIDDEN_START.includes(chars[i] ?? '');
        let fewest = Infinity;
        for (let mask = 0; mask < 1 << (n - 1); mask++) {
          let start = 0;
          let count = 0;
          let fits = true;
          for (let i = 1; i <= n && fits; i++) {
            if (i < n && (mask & (1 << (i - 1))) === 0) continue;
            fits = i - start === 1 || width(chars.slice(start, i).join('')) <= w;
            if (i < n && violates(i)) count++;
            start = i;
          }
          if (fits) fewest = Math.min(fewest, count);
        }
        let offset = 0;
        let count = 0;
        for (const line of lines(chars.join(''), w).slice(0, -1)) {
          if (violates((offset += [...line].length))) count++;
        }
        expect(count).toBe(fewest);
      }),
      { numRuns: 300 },
    );
  });

  it('(3) no character is lost: only spaces and line breaks go', () => {
    fc.assert(
      fc.property(text, maxWidth, (t, w) => {
        expect(lines(t, w).join('').replace(/ /g, '')).toBe(t.replace(/[ \n]/g, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('(4) there are at least as many lines as paragraphs, laid out independently', () => {
    fc.assert(
      fc.property(text, maxWidth, (t, w) => {
        const result = lines(t, w);
        expect(result.length).toBeGreaterThanOrEqual(t.split('\n').length);
        expect(result).toEqual(t.split('\n').flatMap((paragraph) => lines(paragraph, w)));
      }),
      { numRuns: 300 },
    );
  });

  it('(5) breaks only at grapheme boundaries, whatever the Unicode', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 60 }).map((t) => t.replace(/\s/gu, '')),
        fc.integer({ min: 1, max: 8 }),
        (t, w) => {
          const result = breakLines(t, w, (s) => graphemes(s).length);
          expect(result.join('')).toBe(t);
          const boundaries = new Set([0]);
          let offset = 0;
          for (const g of graphemes(t)) boundaries.add((offset += g.length));
          offset = 0;
          for (const line of result) expect(boundaries.has((offset += line.length))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('graphemes: the quick split of characters that never join', () => {
  const quickChars: string[] = [];
  for (let cp = 0; cp <= 0xffff; cp++)
    if (neverJoins(String.fromCharCode(cp))) quickChars.push(String.fromCharCode(cp));

  it('no character it splits alone joins a neighbour, by every rule Intl.Segmenter knows', () => {
    expect(quickChars.length).toBeGreaterThan(30_000);
    /** The two characters make one grapheme. */
    const joined = (text: string) => segmenter.segment(text).containing(0)?.segment === text;
    // A join is caused by the character's own class: extend, prepend, Hangul jamo, regional
    // indicator, CR or LF. Each probe below joins with a character of one of them.
    const probes = [
      (c: string) => `中${c}`,
      (c: string) => `${c}中`,
      (c: string) => `${c}\u1161`,
      (c: string) => `\u1100${c}`,
      (c: string) => `\u11a8${c}`,
      (c: string) => `${c}\u11a8`,
      (c: string) => `${c}\u{1f1e6}`,
      (c: string) => `${c}\n`,
      (c: string) => `\r${c}`,
    ];
    const joining = quickChars.filter((c) => probes.some((probe) => joined(probe(c))));
    expect(joining).toEqual([]);
    // The packet's text: ASCII, Chinese, its punctuation and full-width forms.
    expect(neverJoins(' A~中龥，。《》“”（）＋％〓□•、')).toBe(true);
    for (const c of '\u0301\u200d\u200c\u1100\u1161\u11a8\r\u0600\u302a\u3099\uff9e\ufe0f\ud83c')
      expect(neverJoins(c), c).toBe(false);
  });

  it('gives the graphemes Intl.Segmenter gives, for any text', () => {
    const mixed = fc.string({
      unit: fc.oneof(
        fc.constantFrom(...'中文，。 aZ9-《》\u3000'),
        fc.constantFrom('\u0301', '\u200d', '\u1100', '\u1161', '\u11a8', '\r', '\n', '\ufe0f', '\u0600'),
        fc.constantFrom('👨', '🇨', '🇳', '𠀀'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      ),
      maxLength: 40,
    });
    fc.assert(
      fc.property(mixed, (t) => {
        expect(splitGraphemes(t)).toEqual(graphemes(t));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the quick character tests', () => {
  it('answer as the regular expressions do, for every character of the BMP', () => {
    const CJK =
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const c = String.fromCharCode(cp);
      const space = /^\s+$/u.test(c) && !'\u00a0\u2007\u202f\ufeff'.includes(c);
      if (isBreakSpace(c) !== space) wrong.push(`space ${cp.toString(16)}`);
      if (isWordChar(c) !== (/[\p{L}\p{N}]/u.test(c) && !CJK.test(c))) wrong.push(`word ${cp.toString(16)}`);
    }
    expect(wrong).toEqual([]);
    expect(isBreakSpace('\u3000\u3000')).toBe(true);
    expect(isWordChar('𝐀')).toBe(true);
  });
});

describe('runs of one font (a sliced font: each slice its own font)', () => {
  /** A test font per character: slice = code point modulo 3, like a manifest scattering characters. */
  const sliceOf = (ch: string): number => (ch.codePointAt(0) ?? 0) % 3;

  it('splits a line where the font changes, and nowhere else', () => {
    expect(fontRuns('王晓红 abc', (ch) => (/\p{Script=Han}/u.test(ch) ? 'han' : 'latin'))).toEqual([
      { text: '王晓红', font: 'han' },
      { text: ' abc', font: 'latin' },
    ]);
    expect(fontRuns('', sliceOf)).toEqual([]);
  });

  it('gives the text back whole, each run in one font, neighbours in different fonts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (t) => {
        const runs = fontRuns(t, sliceOf);
        expect(runs.map((r) => r.text).join('')).toBe(t);
        for (const run of runs) for (const ch of run.text) expect(sliceOf(ch)).toBe(run.font);
        runs.slice(1).forEach((run, i) => expect(run.font).not.toBe(runs[i]?.font));
      }),
      { numRuns: 300 },
    );
  });
});
