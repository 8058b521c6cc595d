/**
 * 优秀 and 合格 criteria, from a table cell or from flattened text.
 *
 * In flattened text (a PDF's table copied as text, the seed's OCR) the 优秀 list comes first and
 * the 合格 list after it, with nothing between them. Two things in the 规范's own writing show
 * where 合格 begins: each list ends its last entry with "。" where the others end with "；", and
 * the 合格 list opens with (nearly) the same words as the 优秀 list, because 合格 asks for less
 * of the same. When both agree, or only one speaks and nothing contradicts it, the boundary is
 * certain; otherwise a person is asked, with a best guess shown. Where a page break falls inside
 * the table, copied text holds one page's 优秀 part and 合格 part, then the next page's: each
 * page's part is split on its own (seed 004, C4 任务二, pp. 51–52).
 */
import { bulletOf, endsEntry, endsWithStop, joinBroken } from './guide-lines';

/**
 * The entries of a list: a bullet opens one; a line without one continues the entry before it
 * unless that entry already ended ("；", "。"), or `paragraphs` says each line is a paragraph
 * (Word, where a line break is the author's).
 */
export function entriesOf(lines: readonly string[], paragraphs: boolean): string[] {
  const entries: string[] = [];
  let open = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const bullet = bulletOf(line);
    if (bullet) {
      if (bullet.text !== '') entries.push(bullet.text);
      open = bullet.text !== '';
      continue;
    }
    const last = entries.length - 1;
    if (open && last >= 0 && !paragraphs && !endsEntry(entries[last] ?? '')) {
      entries[last] = joinBroken(entries[last] ?? '', line);
    } else {
      entries.push(line);
      open = true;
    }
  }
  return entries;
}

/** Chinese characters shared at the start, ignoring punctuation and spaces. */
function sharedStart(a: string, b: string): number {
  const clean = (s: string) => s.replace(/[\s\p{P}]/gu, '');
  const x = clean(a);
  const y = clean(b);
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

const SAME_OPENING = 6;

export interface SegmentSplit {
  /** Where 合格 begins in this page's entries. */
  split: number;
  certain: boolean;
}

/** Where 合格 begins among one page's entries of a flattened 优秀 + 合格 list. */
export function splitSegment(entries: readonly string[]): SegmentSplit {
  const n = entries.length;
  if (n < 2) return { split: n, certain: false };
  const first = entries[0] ?? '';
  // The first full stop before the last entry closes the 优秀 list.
  const stop = entries.findIndex((e, i) => i < n - 1 && endsWithStop(e));
  const byStop = stop >= 0 ? stop + 1 : undefined;
  const byOpening = entries.findIndex(
    (e, i) => i > 0 && (e === first || sharedStart(e, first) >= Math.min(SAME_OPENING, first.length)),
  );
  const byRepeat = byOpening > 0 ? byOpening : undefined;
  if (byStop !== undefined && byRepeat !== undefined)
    return byStop === byRepeat ? { split: byStop, certain: true } : { split: byStop, certain: false };
  if (byStop !== undefined) return { split: byStop, certain: true };
  if (byRepeat !== undefined) {
    // A repeat with no full stop anywhere: certain only if no other entry ended a list either.
    return { split: byRepeat, certain: true };
  }
  return { split: Math.ceil(n / 2), certain: false };
}

export interface FlatCriteria {
  /** Every entry in reading order, with the page parts concatenated 优秀-first. */
  bullets: string[];
  split: number;
  certain: boolean;
}

/**
 * The criteria of one item from flattened text, given each page's lines in order. The result
 * lists all 优秀 entries then all 合格 entries, so one boundary describes it.
 */
export function flatCriteria(pages: readonly (readonly string[])[]): FlatCriteria {
  const excellent: string[] = [];
  const pass: string[] = [];
  let certain = true;
  for (const lines of pages) {
    const entries = entriesOf(lines, false);
    if (entries.length === 0) continue;
    const { split, certain: sure } = splitSegment(entries);
    certain &&= sure;
    excellent.push(...entries.slice(0, split));
    pass.push(...entries.slice(split));
  }
  return {
    bullets: [...excellent, ...pass],
    split: excellent.length,
    certain: certain && excellent.length > 0 && pass.length > 0,
  };
}
