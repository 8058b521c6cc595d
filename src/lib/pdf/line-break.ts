/**
 * Line breaking for Chinese text (mixed with Latin words, numbers and URLs) drawn into a PDF.
 *
 * jsPDF's own `splitTextToSize` only breaks at spaces, which is wrong for Chinese. `breakLines` is a pure
 * replacement: it knows nothing about jsPDF and only asks `measure` for widths.
 *
 * Rules, in order of priority:
 * 1. Hard line breaks (`\n`, `\r\n`, and a lone `\r`) always end a line; an empty paragraph gives an
 *    empty line, so `''` gives `['']` and `'a\n\nb'` gives `['a', '', 'b']`.
 * 2. No line is wider than `maxWidth` — except a line holding one grapheme that is itself wider than
 *    `maxWidth` (it then stands alone; a character is never dropped).
 * 3. Break opportunities: between any two CJK characters, at spaces, and at the boundary between CJK and
 *    other text. A run of Latin letters/digits together with the characters that stick to them
 *    (`SHA-256`, `10.5%`, `https://a.b/c?x=1`) is one unit, broken inside only as a last resort: when it
 *    does not fit on a line by itself, or when keeping it whole would break rule 4.
 * 4. Kinsoku (禁则): a line does not start with a `FORBIDDEN_START` character nor end with a
 *    `FORBIDDEN_END` character. This is achieved by moving characters, never by overflowing: the
 *    character(s) before a closing mark are pushed down to the next line with it, and an opening mark at
 *    the end of a line is moved down. Exceptions, kept as narrow as possible:
 *    - inherent ones: a paragraph's first line starts with whatever the paragraph starts with, and its
 *      last line ends with whatever the paragraph ends with;
 *    - unavoidable ones: when a run of characters that kinsoku glues together (e.g. `（中）`, `中。。。`)
 *      is wider than `maxWidth`, rule 2 wins ("nothing overflows the margins"). The run is then split so
 *      that every offending line consists only of FORBIDDEN_START / FORBIDDEN_END characters (spaces
 *      aside), e.g. `（中）` at the width of one character gives `（` / `中` / `）`. This is always
 *      possible (one grapheme per line satisfies it), and the number of such breaks is minimised.
 * 5. Spaces: the spaces at a break are dropped (trailing spaces of every line are trimmed, including the
 *    last line of a paragraph); spaces at the start of a paragraph (indentation, e.g. two U+3000) are kept
 *    unless they would force rule 3 or 4 to be bent, or cannot fit in front of the first grapheme. Apart
 *    from those spaces and the hard line breaks, `lines.join('')` gives the text back unchanged.
 * 6. Graphemes (surrogate pairs, combining marks, emoji sequences) are never split: text is segmented
 *    with `Intl.Segmenter('zh', { granularity: 'grapheme' })` when available, else by code points with
 *    combining marks / joiners / variation selectors attached to the previous one.
 *
 * Among the layouts allowed by these rules the one with the fewest compromises (unavoidable kinsoku
 * breaks, then broken units, then dropped indentation, then lines) is chosen, and among those the lines
 * are filled as fully as possible from the top — which is plain greedy filling in the ordinary case.
 *
 * Cost: each distinct grapheme, each unit and each emitted line is measured once (widths of graphemes and
 * units are cached in a Map for the call; a line's width is computed by adding them up). Every emitted
 * line is then measured whole; if a non-additive `measure` (kerning, rounding) finds it wider than
 * `maxWidth`, the paragraph is laid out again with a correspondingly tighter limit (a few attempts). The
 * layout itself is a small dynamic programme over break opportunities: O(n × graphemes per line).
 */

export type Measure = (text: string) => number; // width of a string in the same unit as maxWidth

/** Characters a line may not start with (closing marks, sentence punctuation). */
export const FORBIDDEN_START: string = '。，、；：？！）】》」』〕〉”’…‥·%,.;:?!)]}．］｝';
/** Characters a line may not end with (opening marks). */
export const FORBIDDEN_END: string = '（【《「『〔〈“‘([{［｛';

const FS_SET = new Set(FORBIDDEN_START);
const FE_SET = new Set(FORBIDDEN_END);

const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uffef]/u;
const WORD = /[\p{L}\p{N}]/u;
/** Characters that stick to letters/digits inside a unit (URLs, numbers, hyphenated words). */
const JOINERS = new Set(".,-/:%'’_?=&#+~@$¥€£\u00a0");
/** Joiners that may also open a unit (`-5`, `.5`, `#tag`, `@user`, `$10`). */
const LEADING_JOINERS = new Set("-+./#@~_'$¥€£");
/** Whitespace that is not a break opportunity. */
const NO_BREAK_SPACES = new Set('\u00a0\u2007\u202f\ufeff');
const SPACE = /^\s+$/u;
/** Code points that belong to the preceding grapheme (fallback segmentation only). */
const MARK = /^\p{M}$/u;
const extendsPrevious = (cp: string): boolean => {
  const c = cp.codePointAt(0) ?? 0;
  return (
    MARK.test(cp) ||
    c === 0x200d || // zero-width joiner
    (c >= 0xfe00 && c <= 0xfe0f) || // variation selectors
    (c >= 0x1f3fb && c <= 0x1f3ff) || // emoji skin tones
    (c >= 0xe0020 && c <= 0xe007f) // emoji tag sequences
  );
};
const HARD_BREAK = /\r\n|\r|\n/;

let cachedSegmenterCtor: typeof Intl.Segmenter | undefined;
let cachedSegmenter: Intl.Segmenter | undefined;

/**
 * Characters that never join a neighbour into one grapheme (Unicode's grapheme break property is Other
 * or Control for each, and none is a carriage return): Latin letters and signs without combining marks,
 * punctuation, symbols, CJK punctuation, kana without the voicing marks, CJK ideographs, full-width forms.
 * Ranges are left out where any character would join (combining marks, joiners, Hangul jamo, regional
 * indicators, halfwidth voicing marks); a test checks every character kept against Intl.Segmenter.
 */
const NEVER_JOINS =
  /^[\u0020-\u007e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2070-\u20cf\u2100-\u2bff\u3000-\u3029\u3030-\u303f\u3041-\u3096\u309b-\u30ff\u3105-\u312f\u3190-\u31ff\u3200-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff01-\uff9d\uffe0-\uffee]*$/;

/** Whether every character of `text` is one that never joins a neighbour into one grapheme. */
export const neverJoins = (text: string): boolean => NEVER_JOINS.test(text);

/**
 * Splits `text` into graphemes. Text of characters that never join (the packet's Chinese, almost always)
 * is split by UTF-16 code units at once: the segmenter gives the same and cost a cold packet tens of
 * milliseconds.
 */
export function splitGraphemes(text: string): string[] {
  if (neverJoins(text)) return text.split('');
  const Ctor = typeof Intl === 'object' ? Intl.Segmenter : undefined;
  if (typeof Ctor === 'function') {
    if (cachedSegmenterCtor !== Ctor || cachedSegmenter === undefined) {
      cachedSegmenterCtor = Ctor;
      cachedSegmenter = new Ctor('zh', { granularity: 'grapheme' });
    }
    return Array.from(cachedSegmenter.segment(text), (s) => s.segment);
  }
  const out: string[] = [];
  for (const cp of text) {
    const last = out[out.length - 1];
    if (last !== undefined && (extendsPrevious(cp) || last.endsWith('\u200d')))
      out[out.length - 1] = last + cp;
    else out.push(cp);
  }
  return out;
}

const firstCodePoint = (g: string): string =>
  g.length === 1 ? g : String.fromCodePoint(g.codePointAt(0) ?? 0);

/*
 * The tests below run once per character of every cell of a packet, most of it on a cold page: the
 * characters a packet is made of (visible ASCII, CJK punctuation and ideographs) are answered from
 * their code, the regular expressions decide the rest.
 */
const isCjkCode = (c: number): boolean =>
  (c >= 0x3001 && c <= 0x303f) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef);

/** A space that is a break opportunity (not a no-break space). */
export function isBreakSpace(g: string): boolean {
  if (g.length === 1) {
    const c = g.charCodeAt(0);
    if (c === 0x20) return true;
    if ((c > 0x20 && c < 0x7f) || isCjkCode(c)) return false;
  }
  return SPACE.test(g) && ![...g].some((c) => NO_BREAK_SPACES.has(c));
}

/** A letter or digit of a Latin-like word (not CJK): `c` is one code point. */
export function isWordChar(c: string): boolean {
  if (c.length === 1) {
    const code = c.charCodeAt(0);
    if (code < 0x7f)
      return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
    if (isCjkCode(code)) return false;
  }
  return WORD.test(c) && !CJK.test(c);
}
/** Indexed read that satisfies `noUncheckedIndexedAccess` without non-null assertions. */
const at = (a: ArrayLike<number>, i: number): number => a[i] ?? 0;

/** Everything about a paragraph that does not depend on the width limit. */
interface Prepared {
  /** Graphemes up to the last non-space one (trailing spaces removed). */
  gs: string[];
  n: number;
  /** First non-space grapheme: the paragraph may also start there (indentation dropped). */
  indentEnd: number;
  /** 1 where the grapheme starts with a FORBIDDEN_START / FORBIDDEN_END character. */
  fs: Uint8Array;
  fe: Uint8Array;
  /** plain[i]: number of graphemes before i that are neither spaces nor forbidden characters. */
  plain: Int32Array;
  /** prefix[i]: summed widths of the graphemes before i. */
  prefix: Float64Array;
  /** unitCorr[i]: summed (measured unit width − its graphemes' widths) of units ending at or before i. */
  unitCorr: Float64Array;
  /** unitOf[i]: the unit grapheme i belongs to, or -1. */
  unitOf: Int32Array;
  unitStart: number[];
  unitEnd: number[];
  unitDelta: number[];
  /** Break opportunities, by increasing recEnd: the line ends at recEnd, the next starts at recNext. */
  recEnd: number[];
  recNext: number[];
  /** 1 if the break goes against kinsoku. */
  recViolation: number[];
  /** 1 if the break is inside a unit. */
  recInUnit: number[];
  /** firstRec[s]: index of the first break opportunity with recEnd > s. */
  firstRec: Int32Array;
}

function prepare(all: string[], widthOf: (s: string) => number): Prepared | undefined {
  const isSpace = all.map(isBreakSpace);
  let n = all.length;
  while (n > 0 && isSpace[n - 1] === true) n--;
  if (n === 0) return undefined;
  const gs = all.slice(0, n);
  let indentEnd = 0;
  while (isSpace[indentEnd] === true) indentEnd++;

  const firsts = gs.map(firstCodePoint);
  const fs = Uint8Array.from(firsts, (c) => (FS_SET.has(c) ? 1 : 0));
  const fe = Uint8Array.from(firsts, (c) => (FE_SET.has(c) ? 1 : 0));
  const isWord = firsts.map(isWordChar);
  const isJoiner = firsts.map((c, i) => JOINERS.has(c) && gs[i] === c);
  const inUnitRun = (i: number): boolean => isWord[i] === true || isJoiner[i] === true;

  const plain = new Int32Array(n + 1);
  const prefix = new Float64Array(n + 1);
  gs.forEach((g, i) => {
    plain[i + 1] = at(plain, i) + (isSpace[i] === true || at(fs, i) === 1 || at(fe, i) === 1 ? 0 : 1);
    prefix[i + 1] = at(prefix, i) + widthOf(g);
  });

  // Units: maximal runs of letters/digits/joiners holding a letter or digit, without leading joiners
  // that cannot open a word (`中,abc` gives `,` + `abc`).
  const unitOf = new Int32Array(n).fill(-1);
  const unitStart: number[] = [];
  const unitEnd: number[] = [];
  const unitDelta: number[] = [];
  for (let i = 0; i < n;) {
    if (!inUnitRun(i)) {
      i++;
      continue;
    }
    let end = i;
    while (end < n && inUnitRun(end)) end++;
    let firstWord = i;
    while (firstWord < end && isWord[firstWord] !== true) firstWord++;
    if (firstWord < end) {
      let start = firstWord;
      while (start > i && LEADING_JOINERS.has(firsts[start - 1] ?? '')) start--;
      if (end - start > 1) {
        unitOf.fill(unitStart.length, start, end);
        unitStart.push(start);
        unitEnd.push(end);
        unitDelta.push(widthOf(gs.slice(start, end).join('')) - (at(prefix, end) - at(prefix, start)));
      }
    }
    i = end;
  }
  const unitCorr = new Float64Array(n + 1);
  unitEnd.forEach((e, u) => (unitCorr[e] = at(unitDelta, u)));
  for (let i = 1; i <= n; i++) unitCorr[i] = at(unitCorr, i) + at(unitCorr, i - 1);

  const recEnd: number[] = [];
  const recNext: number[] = [];
  const recViolation: number[] = [];
  const recInUnit: number[] = [];
  for (let i = 1; i < n; i++) {
    if (isSpace[i - 1] === true) continue;
    let next = i;
    while (isSpace[next] === true) next++; // stops before n: gs[n - 1] is not a space
    recEnd.push(i);
    recNext.push(next);
    recViolation.push(at(fe, i - 1) === 1 || at(fs, next) === 1 ? 1 : 0);
    recInUnit.push(next === i && at(unitOf, i) !== -1 && at(unitOf, i) === at(unitOf, i - 1) ? 1 : 0);
  }
  const firstRec = new Int32Array(n + 1);
  for (let s = 0, r = 0; s <= n; s++) {
    while (r < recEnd.length && at(recEnd, r) <= s) r++;
    firstRec[s] = r;
  }

  return {
    gs,
    n,
    indentEnd,
    fs,
    fe,
    plain,
    prefix,
    unitCorr,
    unitOf,
    unitStart,
    unitEnd,
    unitDelta,
    recEnd,
    recNext,
    recViolation,
    recInUnit,
    firstRec,
  };
}

/** Cost of a layout, compared tier by tier. */
const BAD = 0; // kinsoku broken on a line not made only of forbidden characters: always 0 in the result
const VIOLATIONS = 1; // unavoidable kinsoku breaks
const IN_UNIT = 2; // units broken by characters
const LINES = 3;
const TIERS = 4;

/** Lays out one paragraph under `limit`; returns the [start, end) grapheme spans of its lines. */
function layout(p: Prepared, limit: number): [number, number][] {
  const { n, indentEnd, fs, fe, plain, prefix, unitCorr, unitOf, unitStart, unitEnd, unitDelta } = p;
  const { recEnd, recNext, recViolation, recInUnit, firstRec } = p;

  const width = (s: number, e: number): number => {
    let w = at(prefix, e) - at(prefix, s) + at(unitCorr, e) - at(unitCorr, s);
    const u = at(unitOf, s);
    if (u !== -1 && at(unitStart, u) < s && at(unitEnd, u) <= e) w -= at(unitDelta, u); // unit cut at s
    return w;
  };
  if (width(0, n) <= limit) return [[0, n]];

  const isParagraphStart = (s: number): boolean => s === 0 || s === indentEnd;
  // A line [s, e) that breaks kinsoku at its start (after a break) or at its end (before a break) is only
  // tolerated when it holds nothing but forbidden characters (and spaces).
  const badLine = (s: number, e: number, beforeBreak: boolean): number =>
    ((!isParagraphStart(s) && at(fs, s) === 1) || (beforeBreak && at(fe, e - 1) === 1)) &&
    at(plain, e) > at(plain, s)
      ? 1
      : 0;

  /** Calls `visit` for every line that may start at s: its end, the next start (-1: paragraph end). */
  const eachLine = (s: number, visit: (e: number, next: number, r: number) => void): void => {
    for (let r = at(firstRec, s); r < recEnd.length; r++) {
      const e = at(recEnd, r);
      if (!(width(s, e) <= limit) && e - s > 1) return; // later lines are wider still
      visit(e, at(recNext, r), r);
    }
    if (width(s, n) <= limit || n - s === 1) visit(n, -1, -1);
  };

  // cost[s * TIERS + tier]: best cost of laying out [s, n) with a line starting at s.
  const cost = new Float64Array((n + 1) * TIERS).fill(Infinity);
  const lineCost = (s: number, e: number, next: number, r: number, out: Float64Array): void => {
    if (next === -1) {
      out.set([badLine(s, e, false), 0, 0, 1]);
      return;
    }
    const rest = next * TIERS;
    out[BAD] = badLine(s, e, true) + at(cost, rest + BAD);
    out[VIOLATIONS] = at(recViolation, r) + at(cost, rest + VIOLATIONS);
    out[IN_UNIT] = at(recInUnit, r) + at(cost, rest + IN_UNIT);
    out[LINES] = 1 + at(cost, rest + LINES);
  };
  const compare = (a: Float64Array, b: Float64Array, tiers: number): number => {
    for (let t = 0; t < tiers; t++) if (a[t] !== b[t]) return at(a, t) < at(b, t) ? -1 : 1;
    return 0;
  };
  const costAt = (s: number): Float64Array => cost.subarray(s * TIERS, s * TIERS + TIERS);

  const isStart = new Uint8Array(n + 1);
  isStart[0] = 1;
  isStart[indentEnd] = 1;
  for (const next of recNext) isStart[next] = 1;
  const candidate = new Float64Array(TIERS);
  for (let s = n - 1; s >= 0; s--) {
    if (isStart[s] !== 1) continue;
    const best = costAt(s);
    eachLine(s, (e, next, r) => {
      lineCost(s, e, next, r, candidate);
      if (compare(candidate, best, TIERS) < 0) best.set(candidate);
    });
  }

  // Keep the indentation unless dropping it avoids a compromise (or it cannot be kept at all).
  const keepIndent = compare(costAt(0), costAt(indentEnd), IN_UNIT + 1) <= 0;
  const spans: [number, number][] = [];
  for (let s = keepIndent ? 0 : indentEnd; s !== -1;) {
    const best = costAt(s);
    let chosenEnd = -1;
    let chosenNext = -1;
    eachLine(s, (e, next, r) => {
      lineCost(s, e, next, r, candidate);
      if (compare(candidate, best, TIERS) === 0) {
        chosenEnd = e; // the last match is the fullest line
        chosenNext = next;
      }
    });
    spans.push([s, chosenEnd]);
    s = chosenNext;
  }
  return spans;
}

const MAX_ATTEMPTS = 4;

function breakParagraph(
  text: string,
  maxWidth: number,
  measure: Measure,
  widthOf: (s: string) => number,
): string[] {
  const p = prepare(splitGraphemes(text), widthOf);
  if (p === undefined) return [''];
  let limit = maxWidth;
  for (let attempt = 1; ; attempt++) {
    const spans = layout(p, limit);
    const lines = spans.map(([s, e]) => p.gs.slice(s, e).join(''));
    // Widths were added up; check each line measured whole (kerning, rounding).
    let overflow = 0;
    spans.forEach(([s, e], k) => {
      if (e - s > 1) overflow = Math.max(overflow, measure(lines[k] ?? '') - maxWidth);
    });
    if (!(overflow > 0) || attempt === MAX_ATTEMPTS) return lines;
    limit -= overflow;
  }
}

/**
 * Breaks `text` into lines no wider than `maxWidth` (see the module comment for the rules and their
 * exceptions). `measure` gives the width of a string in the unit of `maxWidth`.
 */
export function breakLines(text: string, maxWidth: number, measure: Measure): string[] {
  if (Number.isNaN(maxWidth)) throw new RangeError('breakLines: maxWidth is NaN');
  const widths = new Map<string, number>();
  const widthOf = (s: string): number => {
    let w = widths.get(s);
    if (w === undefined) {
      w = measure(s);
      widths.set(s, w);
    }
    return w;
  };
  const lines: string[] = [];
  for (const paragraph of text.split(HARD_BREAK)) {
    for (const line of breakParagraph(paragraph, maxWidth, measure, widthOf)) lines.push(line);
  }
  return lines;
}

/** A stretch of text set in one font. */
export interface FontRun<F> {
  text: string;
  font: F;
}

/**
 * Splits `text` into maximal runs of characters set in the same font (a PDF font is sliced, and each
 * slice is its own font). Joined, the runs give `text` back; neighbouring runs differ in font.
 */
export function fontRuns<F>(text: string, fontOf: (ch: string) => F): FontRun<F>[] {
  const runs: FontRun<F>[] = [];
  for (const ch of text) {
    const font = fontOf(ch);
    const last = runs[runs.length - 1];
    if (last !== undefined && Object.is(last.font, font)) last.text += ch;
    else runs.push({ text: ch, font });
  }
  return runs;
}
