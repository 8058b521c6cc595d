/**
 * The PDF font comes in slices (scripts/build/build-pdf-font.mjs): every character the font can set
 * is in exactly one slice, and a packet fetches only the slices its text needs, in each weight. This
 * module reads the slices' manifest: which slice sets a character, which slices a text needs, which
 * characters no slice has.
 */

export type FontWeight = 'regular' | 'bold';

export interface FontSlice {
  /** common: kept offline after one visit; rare: fetched when a packet needs it. */
  kind: 'common' | 'rare';
  /** A common slice's characters. */
  chars?: string | undefined;
  /** A rare slice holds every character the font maps in [first, last] that no common slice holds. */
  range?: [number, number] | undefined;
  /** File names, relative to the manifest. */
  regular: string;
  bold: string;
}

export interface FontManifest {
  slices: FontSlice[];
  /** BMP code point ranges [first, last] the font maps, sorted. */
  fullRanges: [number, number][];
  /** Characters the regular weight has and the bold lacks. */
  boldLacks: string;
}

function inRanges(ranges: readonly [number, number][], cp: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = ranges[mid] ?? [0, -1];
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Which slice sets a character, per weight; undefined when the font cannot set it in that weight. */
export type SliceOf = (ch: string, weight?: FontWeight) => number | undefined;

export function sliceLookup(manifest: FontManifest): SliceOf {
  const common = new Map<string, number>();
  const rareRanges: [number, number][] = [];
  const rareIndex: number[] = [];
  manifest.slices.forEach((slice, i) => {
    for (const ch of slice.chars ?? '') common.set(ch, i);
    if (slice.range) {
      rareRanges.push(slice.range);
      rareIndex.push(i);
    }
  });
  const boldLacks = new Set(manifest.boldLacks);
  return (ch, weight = 'regular') => {
    if (weight === 'bold' && boldLacks.has(ch)) return undefined;
    const found = common.get(ch);
    if (found !== undefined) return found;
    const cp = ch.codePointAt(0) ?? -1;
    // jsPDF sets one UTF-16 code unit at a time: a string of more than one (a surrogate pair) cannot be set.
    if (ch.length !== 1 || inRanges(manifest.fullRanges, cp) === -1) return undefined;
    const r = inRanges(rareRanges, cp);
    return r === -1 ? undefined : rareIndex[r];
  };
}

/** Whitespace is drawn as a gap by any font: it never asks for a slice. */
const BLANK = /\s/u;

/** The slices that set every character of `text` in `weight`, ascending; characters no slice sets are skipped. */
export function slicesFor(text: string, sliceOf: SliceOf, weight: FontWeight = 'regular'): number[] {
  const found = new Set<number>();
  for (const ch of text) {
    if (BLANK.test(ch)) continue;
    const slice = sliceOf(ch, weight);
    if (slice !== undefined) found.add(slice);
  }
  return [...found].sort((a, b) => a - b);
}
