/**
 * PDF text items (with positions) as a {@link GuideDocument}. pdf.js gives runs of text where
 * they sit on the page; this puts them back into lines, top to bottom, and recognises the 规范's
 * criteria table: under a line that holds only "优秀" and "合格" side by side, text that starts
 * left of the middle between the two words is the 优秀 column and the rest the 合格 column, until a line
 * starts at the left margin with something that ends the table (the next item, 任务, 实践建议,
 * the next ability). Two columns that run over a page break carry on into the same table.
 */
import { asciiAlnum, isFooterNoise, isPageMarker, squeeze } from './guide-lines';
import {
  GUIDE_BOUNDS,
  type GuideBlock,
  type GuideDocument,
  type PdfPageText,
  type PdfTextItem,
} from './guide-document';

interface Segment {
  x: number;
  end: number;
  text: string;
}

interface Line {
  y: number;
  segments: Segment[];
}

const ENDS_TABLE =
  /^(\d{1,2}\s*[.．、]|任务\s*[一二三四五六七八九十\d]|实践建议|提交指南|[A-CＡ-Ｃ]\s*\d{1,2}\s*\S)/;

/** Items on one baseline (within half a glyph) form a line; a gap wider than two glyphs splits it. */
function linesOf(page: PdfPageText): Line[] {
  const items = page.items
    .filter((i) => i.str.trim() !== '' && Number.isFinite(i.x) && Number.isFinite(i.y))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: PdfTextItem[] }[] = [];
  for (const item of items) {
    const size = Math.max(item.height, 1);
    const line = lines.find((l) => Math.abs(l.y - item.y) <= Math.max(l.size, size) * 0.5);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, size, items: [item] });
  }
  return lines
    .sort((a, b) => b.y - a.y)
    .map((l) => {
      const sorted = l.items.sort((a, b) => a.x - b.x);
      const segments: Segment[] = [];
      for (const item of sorted) {
        const last = segments[segments.length - 1];
        const glyph = Math.max(item.height, l.size, 1);
        if (last && item.x - last.end <= glyph * 2) {
          last.text +=
            item.x - last.end > glyph * 0.3 && /[A-Za-z0-9]$/.test(last.text) ? ` ${item.str}` : item.str;
          last.end = Math.max(last.end, item.x + item.width);
        } else segments.push({ x: item.x, end: item.x + item.width, text: item.str });
      }
      return { y: l.y, segments: segments.map((s) => ({ ...s, text: squeeze(s.text) })) };
    });
}

const isHeader = (line: Line) =>
  line.segments.length === 2 && line.segments[0]?.text === '优秀' && line.segments[1]?.text === '合格';

export function documentFromPdfPages(pages: readonly PdfPageText[]): GuideDocument {
  const blocks: GuideBlock[] = [];
  let pagesWithText = 0;
  let table: { split: number; margin: number; left: string[]; right: string[]; page: number } | undefined;
  const closeTable = () => {
    if (table)
      blocks.push({
        kind: 'table',
        rows: [
          ['优秀', '合格'],
          [table.left.join('\n'), table.right.join('\n')],
        ],
        page: table.page,
      });
    table = undefined;
  };
  pages.slice(0, GUIDE_BOUNDS.pdfPages).forEach((page, index) => {
    const number = index + 1;
    const lines = linesOf(page);
    if (lines.length > 0) pagesWithText++;
    const margin = Math.min(...lines.map((l) => l.segments[0]?.x ?? Infinity));
    for (const line of lines) {
      if (blocks.length >= GUIDE_BOUNDS.blocks) return;
      const whole = line.segments.map((s) => s.text).join(' ');
      if (isPageMarker(whole) || isFooterNoise(whole)) continue;
      if (isHeader(line)) {
        closeTable();
        // Each word is centred over its column: the columns meet between the two words.
        const [excellent, pass] = line.segments;
        table = {
          split: ((excellent?.end ?? 0) + (pass?.x ?? 0)) / 2,
          margin,
          left: [],
          right: [],
          page: number,
        };
        continue;
      }
      if (table) {
        const { split } = table;
        const first = line.segments[0];
        const atMargin = first !== undefined && first.x <= table.margin + 4;
        const allLeft = line.segments.every((s) => s.x < split);
        if (atMargin && allLeft && ENDS_TABLE.test(asciiAlnum(first.text))) closeTable();
        else {
          const left = line.segments.filter((s) => s.x < split).map((s) => s.text);
          const right = line.segments.filter((s) => s.x >= split).map((s) => s.text);
          if (left.length) table.left.push(left.join(' '));
          if (right.length) table.right.push(right.join(' '));
          continue;
        }
      }
      blocks.push({ kind: 'line', text: whole.slice(0, GUIDE_BOUNDS.lineChars), page: number });
    }
  });
  closeTable();
  return { from: 'pdf', blocks, pages: pages.length, pagesWithText };
}
