/**
 * HTML as a {@link GuideDocument}: mammoth's rendering of a Word file, or what Word, WPS or a web
 * page put on the clipboard. Paragraphs and list entries become lines; a table becomes a table
 * whose cells keep one line per paragraph. Word's bullet lists lose their glyph in HTML (mammoth
 * writes <ul><li>), so a list entry gets "• " back, and a numbered list its number, which is how
 * the parser tells criteria and items apart.
 *
 * Official Word files often box a whole ability in a layout table, with the 优秀 | 合格 table
 * nested in one of its cells: a table that holds tables is read as the lines of its cells, and
 * only a table without tables inside stays a table.
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

/** A cell's content in order: its lines and the tables inside it. */
type Content = (string | TableNode)[];

interface TableNode {
  rows: Content[][];
}

function cellText(content: Content): string {
  return content.filter((c): c is string => typeof c === 'string').join('\n');
}

/** A table as blocks: a table if it holds no table, otherwise the lines of its cells in order. */
function emit(table: TableNode, blocks: GuideBlock[]): void {
  const nested = table.rows.some((row) => row.some((cell) => cell.some((c) => typeof c !== 'string')));
  if (!nested) {
    const rows = table.rows.map((row) => row.map(cellText)).filter((r) => r.some((c) => c.trim() !== ''));
    if (rows.length > 0) blocks.push({ kind: 'table', rows });
    return;
  }
  for (const row of table.rows)
    for (const cell of row)
      for (const c of cell) {
        if (blocks.length >= GUIDE_BOUNDS.blocks) return;
        if (typeof c === 'string') blocks.push({ kind: 'line', text: c });
        else emit(c, blocks);
      }
}

export function documentFromHtml(html: string): GuideDocument {
  const blocks: GuideBlock[] = [];
  let line = '';
  let skipping = 0;
  let count = 0;
  const lists: List[] = [];
  /** Open tables, innermost last, each with the cell being read (undefined between cells). */
  const tables: { node: TableNode; row: Content[] | undefined; cell: Content | undefined }[] = [];

  const flush = () => {
    const text = line.replace(/[\s\u00a0]+/g, ' ').trim();
    line = '';
    if (text === '' || count >= GUIDE_BOUNDS.blocks) return;
    count++;
    const cut = text.slice(0, GUIDE_BOUNDS.lineChars);
    const open = tables[tables.length - 1];
    if (!open) blocks.push({ kind: 'line', text: cut });
    else if (open.cell) open.cell.push(cut);
    else {
      // Text between cells (a stray paragraph in a row): keep it in a cell of its own.
      open.row ??= [];
      open.row.push([cut]);
    }
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
          const node: TableNode = { rows: [] };
          const outer = tables[tables.length - 1];
          if (outer) {
            outer.row ??= [];
            if (!outer.cell) outer.row.push((outer.cell = []));
            outer.cell.push(node);
          }
          tables.push({ node, row: undefined, cell: undefined });
          return;
        }
        const open = tables[tables.length - 1];
        if (open && name === 'tr') {
          flush();
          open.row = [];
          open.node.rows.push(open.row);
          return;
        }
        if (open && (name === 'td' || name === 'th')) {
          flush();
          if (!open.row) open.node.rows.push((open.row = []));
          open.cell = [];
          open.row.push(open.cell);
          return;
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
        const open = tables[tables.length - 1];
        if (name === 'table' && open) {
          flush();
          tables.pop();
          if (tables.length === 0) emit(open.node, blocks);
          return;
        }
        if (open && (name === 'td' || name === 'th')) {
          flush();
          open.cell = undefined;
          return;
        }
        if (open && name === 'tr') {
          flush();
          open.row = undefined;
          return;
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
  // A table left open by cut-off HTML still counts.
  const outermost = tables[0];
  if (outermost) emit(outermost.node, blocks);
  return { from: 'html', blocks: blocks.slice(0, GUIDE_BOUNDS.blocks) };
}
