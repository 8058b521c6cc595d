/**
 * HTML as a {@link GuideDocument}: mammoth's rendering of a Word file, or what Word, WPS or a web
 * page put on the clipboard. Paragraphs and list entries become lines; a table becomes a table
 * whose cells keep one line per paragraph. Word's bullet lists lose their glyph in HTML (mammoth
 * writes <ul><li>), so a list entry gets "• " back, and a numbered list its number, which is how
 * the parser tells criteria and items apart.
 *
 * htmlparser2 rather than the browser's DOMParser: the same code runs in `rubric:import` on Node.
 */
import { Parser } from 'htmlparser2';
import { GUIDE_BOUNDS, type GuideBlock, type GuideDocument } from './guide-document';

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'li',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'tr',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'dt',
  'dd',
  'caption',
  'hr',
]);
const SKIPPED = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'svg', 'object']);

interface List {
  ordered: boolean;
  next: number;
}

export function documentFromHtml(html: string): GuideDocument {
  const blocks: GuideBlock[] = [];
  let line = '';
  let skipping = 0;
  const lists: List[] = [];
  /** The outermost table being read: its rows, and the cell lines of the row being read. */
  let table: { rows: string[][]; row: string[] | undefined; cell: string[] | undefined } | undefined;
  let tableDepth = 0;

  const full = () => blocks.length >= GUIDE_BOUNDS.blocks;
  const flush = () => {
    const text = line.replace(/[\s\u00a0]+/g, ' ').trim();
    line = '';
    if (text === '' || full()) return;
    if (table?.cell) table.cell.push(text.slice(0, GUIDE_BOUNDS.lineChars));
    else if (!table) blocks.push({ kind: 'line', text: text.slice(0, GUIDE_BOUNDS.lineChars) });
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (SKIPPED.has(name)) {
          skipping++;
          return;
        }
        if (skipping) return;
        if (name === 'table') {
          flush();
          tableDepth++;
          if (tableDepth === 1) table = { rows: [], row: undefined, cell: undefined };
          return;
        }
        if (table && tableDepth === 1) {
          if (name === 'tr') {
            flush();
            table.row = [];
            return;
          }
          if (name === 'td' || name === 'th') {
            flush();
            table.row ??= [];
            table.cell = [];
            return;
          }
        }
        if (name === 'ul' || name === 'ol') {
          flush();
          const start = Number(attributes['start']);
          lists.push({ ordered: name === 'ol', next: Number.isInteger(start) && start > 0 ? start : 1 });
          return;
        }
        if (BLOCK_TAGS.has(name)) flush();
        if (name === 'li') {
          const list = lists[lists.length - 1];
          line = list?.ordered ? `${list.next++}. ` : '• ';
        }
      },
      ontext(text) {
        if (!skipping) line += text;
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping) return;
        if (name === 'table') {
          flush();
          tableDepth = Math.max(0, tableDepth - 1);
          if (tableDepth === 0 && table) {
            const rows = table.rows.filter((r) => r.some((c) => c.trim() !== ''));
            if (rows.length > 0 && !full()) blocks.push({ kind: 'table', rows });
            table = undefined;
          }
          return;
        }
        if (table && tableDepth === 1) {
          if (name === 'td' || name === 'th') {
            flush();
            if (table.cell && table.row) table.row.push(table.cell.join('\n'));
            table.cell = undefined;
            return;
          }
          if (name === 'tr') {
            flush();
            if (table.row) table.rows.push(table.row);
            table.row = undefined;
            return;
          }
        }
        if (name === 'ul' || name === 'ol') {
          flush();
          lists.pop();
          return;
        }
        if (BLOCK_TAGS.has(name)) flush();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { from: 'html', blocks };
}
