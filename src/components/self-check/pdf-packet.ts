/**
 * Lays the packet out as an A4 PDF with jsPDF, in the browser. jsPDF and the CJK font are
 * fetched only when a teacher asks for the PDF. Text stays real text (selectable, searchable):
 * Chinese lines are broken by our own breaker, never drawn as images.
 */
import type { jsPDF as JsPdf } from 'jspdf';
import { breakLines } from '../../lib/pdf/line-break';
import { missingCharacters, packetText, type Packet } from '../../lib/pdf/packet';
import { PdfFileError } from '../../lib/pdf/pdf-offline';

export interface PdfFonts {
  regular: string;
  bold?: string | undefined;
  /** A fuller font for characters outside the subset, fetched only when needed. */
  full?: string | undefined;
  /** JSON { chars: string } listing what the subset covers. */
  charset: string;
}

export interface PdfOutcome {
  blob: Blob;
  /** Characters the subset lacked, drawn from the fuller font. */
  fromFallback: string[];
  /** Characters no font has; drawn as 〓 and reported. */
  unrenderable: string[];
}

const PAGE = { width: 210, height: 297, left: 18, right: 18, top: 18, bottom: 20 };
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const FAMILY = 'HandbookCJK';
const PT_TO_MM = 0.3528;
/** Ideographic spaces, written as escapes so they stay visible in the source. */
const SPACE = '\u3000';
const GAP = SPACE + SPACE;

/** Font files as base64, kept for the page's life: a second PDF skips the fetch and the encoding. */
const fontCache = new Map<string, Promise<string>>();

function fetchBase64(url: string): Promise<string> {
  let pending = fontCache.get(url);
  if (!pending) {
    pending = loadBase64(url);
    fontCache.set(url, pending);
    // A failed load is retried next time rather than remembered.
    pending.catch(() => fontCache.delete(url));
  }
  return pending;
}

async function loadBase64(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new PdfFileError(response.status, url);
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

interface Charset {
  chars: string;
  boldChars: string;
  fullRanges: [number, number][];
}

function inRanges(ranges: readonly [number, number][], cp: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = ranges[mid] ?? [0, -1];
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Headings set in the regular face because no bold face covers them are this much larger. */
const NO_BOLD_SCALE = 1.12;
/** Space between a table cell's border and its text, mm. */
const CELL_PAD = 1.4;
/** A row split across pages leaves at least this many of its lines at the foot of a page. */
const MIN_SPLIT_LINES = 3;

class Layout {
  y = PAGE.top;
  /** The header label of each page, by page number (1-based); set as pages are added. */
  readonly pageLabels: string[] = [];
  label = '';

  constructor(
    readonly doc: JsPdf,
    /** Characters the bold face has; undefined when no bold face is registered. */
    private readonly boldChars: ReadonlySet<string> | undefined,
  ) {}

  /**
   * The bold face only when it is registered and has every character of `text`: an unregistered
   * style makes jsPDF fall back to Times (whose WinAnsi encoding turns Chinese into mojibake), and a
   * character the bold subset lacks ends the rest of the run.
   */
  canBold(text: string): boolean {
    const bold = this.boldChars;
    return bold !== undefined && [...text].every((c) => /\s/.test(c) || bold.has(c));
  }

  lineHeight(size: number): number {
    return size * PT_TO_MM * 1.45;
  }

  /** Selects the face for `text`; returns the size actually set (larger when bold was wanted but cannot be had). */
  font(size: number, text: string, bold = false): number {
    const useBold = bold && this.canBold(text);
    const actual = bold && !useBold ? size * NO_BOLD_SCALE : size;
    this.doc.setFont(FAMILY, useBold ? 'bold' : 'normal');
    this.doc.setFontSize(actual);
    return actual;
  }

  lines(text: string, width: number): string[] {
    return breakLines(text, width, (t) => this.doc.getTextWidth(t));
  }

  ensure(height: number): void {
    if (this.y + height > PAGE.height - PAGE.bottom) this.newPage();
  }

  /** Starts the first page's label (jsPDF creates that page itself). */
  startDocument(label: string): void {
    this.label = label;
    this.pageLabels[1] = label;
  }

  newPage(label = this.label): void {
    this.doc.addPage();
    this.label = label;
    this.pageLabels[this.doc.getNumberOfPages()] = label;
    this.y = PAGE.top;
  }

  paragraph(
    text: string,
    size = 10.5,
    opts: { bold?: boolean; indent?: number; gapAfter?: number } = {},
  ): void {
    const actual = this.font(size, text, opts.bold);
    const indent = opts.indent ?? 0;
    const lh = this.lineHeight(actual);
    for (const line of this.lines(text, CONTENT_WIDTH - indent)) {
      this.ensure(lh);
      this.doc.text(line, PAGE.left + indent, this.y + lh * 0.75);
      this.y += lh;
    }
    this.y += opts.gapAfter ?? 1.5;
  }

  heading(text: string, size: number): void {
    // Keep a heading with at least two lines of what follows it.
    this.ensure(this.lineHeight(size * NO_BOLD_SCALE) * 2 + this.lineHeight(10.5) * 2);
    this.y += 2;
    this.paragraph(text, size, { bold: true, gapAfter: 2 });
  }

  /**
   * A table whose header repeats on each new page. A row is kept on one page when a page can hold
   * it; a taller one (a long comment, description or criterion) flows on across pages, line by
   * line, so nothing runs over the footer or off the page. Header cells are bold where the bold
   * face covers them, at the body size either way (the shading marks them), so the column widths hold.
   */
  table(
    headers: string[],
    widths: number[],
    rows: string[][],
    size = 8.5,
    opts: { minRowHeight?: number } = {},
  ): void {
    const pad = CELL_PAD;
    const lh = this.lineHeight(size);
    const bottom = PAGE.height - PAGE.bottom;
    const setFace = (cells: string[], bold: boolean) => {
      this.doc.setFont(FAMILY, bold && this.canBold(cells.join('')) ? 'bold' : 'normal');
      this.doc.setFontSize(size);
    };
    const wrap = (cells: string[], bold: boolean) => {
      setFace(cells, bold);
      return cells.map((c, i) => this.lines(c, (widths[i] ?? 20) - pad * 2));
    };
    const lineCount = (wrapped: string[][]) => Math.max(1, ...wrapped.map((w) => w.length));
    /** Draws lines [from, from + count) of every cell as one band of the table. */
    const draw = (
      cells: string[],
      wrapped: string[][],
      from: number,
      count: number,
      height: number,
      header: boolean,
    ) => {
      let x = PAGE.left;
      wrapped.forEach((lines, i) => {
        const w = widths[i] ?? 20;
        if (header) {
          this.doc.setFillColor(236, 240, 246);
          this.doc.rect(x, this.y, w, height, 'FD');
        } else this.doc.rect(x, this.y, w, height);
        setFace(cells, header);
        lines.slice(from, from + count).forEach((line, j) => {
          if (line) this.doc.text(line, x + pad, this.y + pad + lh * j + lh * 0.75);
        });
        x += w;
      });
      this.y += height;
    };
    const head = wrap(headers, true);
    const headHeight = lineCount(head) * lh + pad * 2;
    let headPending = true;
    const drawHead = () => {
      draw(headers, head, 0, lineCount(head), headHeight, true);
      headPending = false;
    };
    const room = () => bottom - this.y - (headPending ? headHeight : 0);
    const turnPage = () => {
      this.newPage();
      headPending = true;
    };
    if (rows.length === 0) {
      this.ensure(headHeight);
      drawHead();
    }
    for (const row of rows) {
      const wrapped = wrap(row, false);
      const total = lineCount(wrapped);
      const whole = Math.max(total * lh + pad * 2, opts.minRowHeight ?? 0);
      if (whole > room() && whole <= bottom - PAGE.top - headHeight) turnPage();
      if (whole <= room()) {
        if (headPending) drawHead();
        draw(row, wrapped, 0, total, whole, false);
        continue;
      }
      // Taller than a page: as many lines as fit here, the rest on the next pages.
      for (let from = 0; from < total;) {
        const fit = Math.floor((room() - pad * 2) / lh + 1e-6);
        if (fit < Math.min(MIN_SPLIT_LINES, total - from) && this.y > PAGE.top) {
          turnPage();
          continue;
        }
        if (headPending) drawHead();
        const count = Math.max(1, Math.min(fit, total - from));
        draw(row, wrapped, from, count, count * lh + pad * 2, false);
        from += count;
        if (from < total) turnPage();
      }
    }
    this.y += 3;
  }
}

/** A stage's review cell: what the reviewer said, or blank for a pen. */
function reviewCell(status: string, comment: string): string {
  return [status, comment].filter(Boolean).join('\n');
}

const BLANK_GRADE = `□优秀${SPACE}□合格${SPACE}□不合格`;
const GRADE_BOX_SIZE = 9.5;

function drawPacket(layout: Layout, packet: Packet): void {
  const { doc } = layout;
  const columns = packet.reviewColumns;
  // The blank boxes stay on one line whatever the font's widths: a reviewer ticks one of three.
  layout.font(GRADE_BOX_SIZE, BLANK_GRADE);
  const gradeWidth = Math.ceil(doc.getTextWidth(BLANK_GRADE) + 2 * CELL_PAD + 1);
  // Cover
  layout.startDocument(packet.cover.pageLabel);
  layout.y = 40;
  layout.paragraph(packet.cover.title, 24, { bold: true, gapAfter: 8 });
  layout.table(
    ['项目', '内容'],
    [40, CONTENT_WIDTH - 40],
    packet.cover.fields.map(([k, v]) => [k, v]),
    11,
  );
  layout.heading('本次自评的微能力点', 13);
  layout.table(
    ['编号', '名称', '自评结果'],
    [20, CONTENT_WIDTH - 70, 50],
    packet.cover.abilities.map((a) => [a.code, a.name, a.gradeText]),
    10.5,
  );
  layout.paragraph(`总体情况：${packet.cover.overallText}`, 12, { bold: true, gapAfter: 3 });
  layout.paragraph(packet.cover.note, 9.5);

  for (const s of packet.sections) {
    layout.newPage(s.pageLabel);
    layout.heading(`${s.code} ${s.name}`, 16);
    if (s.rubricSource) {
      layout.paragraph(`自评结果：${s.gradeText}`, 11, { bold: true });
      layout.paragraph(`评价标准来源：${s.rubricSource}`, 10.5);
    } else
      layout.paragraph(`自评结果：${s.gradeText}${GAP}评价标准来源：${s.rubricOrigin}`, 11, { bold: true });
    if (s.reasons.length > 0) {
      layout.paragraph('原因与待改进：', 10.5, { bold: true, gapAfter: 0.5 });
      for (const r of s.reasons) layout.paragraph(`• ${r}`, 10, { indent: 3, gapAfter: 0.5 });
      layout.y += 1.5;
    }
    layout.heading('证据清单', 12.5);
    layout.table(
      ['证据项', '形式', '标题', '文件名', '大小', '时长', '文件校验码（SHA-256）'],
      [27, 13, 27, 30, 15, 18, CONTENT_WIDTH - 130],
      s.evidence.map((r) => [r.item, r.form, r.title, r.fileName, r.size, r.duration, r.sha256]),
      8,
    );
    if (s.descriptions.length > 0) {
      layout.heading('证据说明（教师填写的文字）', 12.5);
      for (const d of s.descriptions) {
        layout.paragraph(d.title ? `${d.item}：${d.title}` : d.item, 10.5, { bold: true, gapAfter: 0.8 });
        layout.paragraph(d.text, 10.5, { gapAfter: 3 });
      }
    }
    if (s.items.length > 0) {
      layout.heading('各项证据的评定', 12.5);
      const reviewWidth = 28;
      layout.table(
        ['证据项', '自评', '原因', ...columns],
        [36, 14, CONTENT_WIDTH - 50 - reviewWidth * columns.length, ...columns.map(() => reviewWidth)],
        s.items.map((i) => [
          i.item,
          i.status,
          i.reasons.join('\n') || '—',
          ...i.reviews.map((r) => reviewCell(r.status, r.comment)),
        ]),
        9,
      );
    }
    if (s.criteria.length > 0) {
      layout.heading('评价标准与自评勾选', 12.5);
      const reviewWidth = 16;
      layout.table(
        ['证据项', '等级', '标准', '自评', ...columns],
        [
          26,
          11,
          CONTENT_WIDTH - 26 - 11 - 14 - reviewWidth * columns.length,
          14,
          ...columns.map(() => reviewWidth),
        ],
        s.criteria.map((c) => [c.item, c.level, c.text, c.met ? '已满足' : '未满足', ...c.reviews]),
        8.5,
      );
    }
    layout.heading('教学反思', 12.5);
    layout.paragraph(s.reflection || '（未填写）', 10.5);
    layout.heading(`${columns.join(' / ')}：${s.code} 的等级`, 12.5);
    layout.table(
      ['评价环节', '等级', '评价人', '日期', '意见'],
      [22, gradeWidth, 26, 30, CONTENT_WIDTH - 78 - gradeWidth],
      s.reviewBoxes.map((b) => [b.stage, b.grade ?? BLANK_GRADE, b.reviewer, b.date, b.comment]),
      GRADE_BOX_SIZE,
      { minRowHeight: 14 },
    );
  }

  const total = doc.getNumberOfPages();
  for (let page = 1; page <= total; page++) {
    doc.setPage(page);
    doc.setTextColor(90);
    const header = `${packet.cover.title}${GAP}${layout.pageLabels[page] ?? packet.cover.pageLabel}`;
    layout.font(8.5, header);
    doc.text(header, PAGE.left, 11);
    doc.setDrawColor(180);
    doc.line(PAGE.left, 12.5, PAGE.width - PAGE.right, 12.5);
    doc.setDrawColor(0);
    const footer = `第 ${page} 页 / 共 ${total} 页${GAP}生成于 ${packet.footer.generatedAt}${GAP}微能力手册 ${packet.footer.version}`;
    layout.font(8, footer);
    doc.text(footer, PAGE.width / 2, PAGE.height - 10, { align: 'center' });
    doc.setTextColor(0);
  }
}

/** Replaces characters no font has with 〓, so nothing is silently dropped. */
function replaceUnrenderable(packet: Packet, chars: readonly string[]): Packet {
  if (chars.length === 0) return packet;
  const set = new Set(chars);
  return JSON.parse(
    JSON.stringify(packet, (_key, value: unknown) =>
      typeof value === 'string' ? [...value].map((c) => (set.has(c) ? '〓' : c)).join('') : value,
    ),
  ) as Packet;
}

export async function renderPacketPdf(
  packet: Packet,
  fonts: PdfFonts,
  progress: (step: string) => void,
): Promise<PdfOutcome> {
  progress('正在加载 PDF 组件……');
  const [{ jsPDF }, charsetResponse] = await Promise.all([import('jspdf'), fetch(fonts.charset)]);
  if (!charsetResponse.ok) throw new PdfFileError(charsetResponse.status, fonts.charset);
  const charset = (await charsetResponse.json()) as Charset;
  const missing = missingCharacters(packetText(packet), new Set(charset.chars));

  progress(missing.length > 0 && fonts.full ? '正在加载完整字库（有不常用的字）……' : '正在加载字体……');
  const useFull = missing.length > 0 && fonts.full !== undefined;
  // The bold subset stays in use beside the full regular face: headings it covers stay bold.
  const [regular, bold] = await Promise.all([
    fetchBase64(useFull ? (fonts.full as string) : fonts.regular),
    fonts.bold ? fetchBase64(fonts.bold) : Promise.resolve(undefined),
    // The subset too, though this PDF does not use it: the offline copy keeps what is fetched, and
    // the next ordinary PDF (and PdfOfflineNote) needs it. Failing here costs this PDF nothing.
    useFull ? fetchBase64(fonts.regular).catch(() => undefined) : undefined,
  ]);

  progress('正在排版……');
  // putOnlyUsedFonts: jsPDF otherwise lists its 14 standard fonts in every page's resources.
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  doc.addFileToVFS('regular.ttf', regular);
  doc.addFont('regular.ttf', FAMILY, 'normal');
  if (bold) {
    doc.addFileToVFS('bold.ttf', bold);
    doc.addFont('bold.ttf', FAMILY, 'bold');
  }
  doc.setFont(FAMILY, 'normal');
  // jsPDF cannot draw characters beyond U+FFFF at all; the rest depends on the font in use.
  const unrenderable = missing.filter((c) => {
    const cp = c.codePointAt(0) ?? 0;
    return !useFull || cp > 0xffff || !inRanges(charset.fullRanges, cp);
  });
  doc.setProperties({ title: packet.cover.title, subject: packet.filename, creator: '微能力手册' });
  drawPacket(
    new Layout(doc, bold ? new Set(charset.boldChars) : undefined),
    replaceUnrenderable(packet, unrenderable),
  );
  progress('PDF 已生成。');
  return {
    blob: doc.output('blob'),
    fromFallback: missing.filter((c) => !unrenderable.includes(c)),
    unrenderable,
  };
}
