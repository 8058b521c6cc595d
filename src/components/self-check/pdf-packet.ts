/**
 * Lays the packet out as an A4 PDF with jsPDF, in the browser. jsPDF and the CJK font are
 * fetched only when a teacher asks for the PDF. Text stays real text (selectable, searchable):
 * Chinese lines are broken by our own breaker, never drawn as images.
 */
import { breakLines, fontRuns } from '../../lib/pdf/line-break';
import { missingCharacters, packetText, type Packet } from '../../lib/pdf/packet';
import { PdfRareCharactersError } from '../../lib/pdf/pdf-offline';
import { speedUpGlyfEncode } from '../../lib/pdf/glyf-encode';
import { speedUpFlateEncode } from '../../lib/pdf/flate-encode';
import { binaryBytes } from '../../lib/pdf/binary-string';
import { sliceLookup, slicesFor, type FontWeight, type SliceOf } from '../../lib/pdf/font-slices';
import { markPdf, startPdfLoads, type PdfFonts, type PdfLoads } from './pdf-loads';

export type { PdfFonts } from './pdf-loads';

export interface PdfOutcome {
  blob: Blob;
  /** Characters set from a rare slice, fetched for this packet (kept offline from now on). */
  fromFallback: string[];
  /** Characters no font has; drawn as 〓 and reported. */
  unrenderable: string[];
}

const PAGE = { width: 210, height: 297, left: 18, right: 18, top: 18, bottom: 20 };
const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** Each slice is registered as its own font (its name is the PDF's BaseFont), in style normal or bold. */
const FAMILY = 'HandbookCJK';
const STYLE: Record<FontWeight, string> = { regular: 'normal', bold: 'bold' };
const fontName = (slice: number, weight: FontWeight): string =>
  `${FAMILY}${weight === 'bold' ? '-Bold' : ''}-${slice}`;
const PT_TO_MM = 0.3528;
/** Ideographic spaces, written as escapes so they stay visible in the source. */
const SPACE = '\u3000';
const GAP = SPACE + SPACE;

/** The part of jsPDF the layout draws with; a probe stands in for it to learn what is drawn in which weight. */
interface Surface {
  setFont(name: string, style: string): unknown;
  setFontSize(size: number): unknown;
  getTextWidth(text: string): number;
  text(text: string, x: number, y: number): unknown;
  addPage(): unknown;
  getNumberOfPages(): number;
  setPage(page: number): unknown;
  rect(x: number, y: number, w: number, h: number, style?: string): unknown;
  line(x1: number, y1: number, x2: number, y2: number): unknown;
  setFillColor(r: number, g: number, b: number): unknown;
  setDrawColor(gray: number): unknown;
  setTextColor(gray: number): unknown;
}

/** Which font each character is set in, per weight, and whether a text can be set bold at all. */
interface Faces {
  fontOf(ch: string, weight: FontWeight): string;
  canBold(text: string): boolean;
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

  /** The weight and size text is set in now (`font` chooses them). */
  private weight: FontWeight = 'regular';
  private size = 10;
  /** Widths at size 1, by weight and character (setFont and getTextWidth cost, per call). */
  private readonly unitWidths: Record<FontWeight, Map<string, number>> = {
    regular: new Map(),
    bold: new Map(),
  };

  constructor(
    readonly doc: Surface,
    private readonly faces: Faces,
    /** Only learning which characters are drawn in which weight: no widths, no line breaks, no runs. */
    private readonly probe = false,
  ) {}

  /** Selects the font `ch` is set in, in the current weight and size. */
  private setRunFont(font: string): void {
    this.doc.setFont(font, STYLE[this.weight]);
  }

  /**
   * Width of `text` in the current weight and size, each character in its slice's font. A PDF font's
   * widths add up, so a run's width is its characters', each looked up once per weight.
   */
  measure(text: string): number {
    if (this.probe) return 0;
    const widths = this.unitWidths[this.weight];
    let width = 0;
    for (const ch of text) {
      let w = widths.get(ch);
      if (w === undefined) {
        this.setRunFont(this.faces.fontOf(ch, this.weight));
        w = this.doc.getTextWidth(ch) / this.size;
        widths.set(ch, w);
      }
      width += w;
    }
    return width * this.size;
  }

  private setSize(size: number): void {
    this.size = size;
    this.doc.setFontSize(size);
  }

  /** Draws one line at (x, y), run by run, each in its slice's font; `center` centres it on x. */
  write(text: string, x: number, y: number, align: 'left' | 'center' = 'left'): void {
    if (this.probe) {
      this.setRunFont(''); // the probe records by style
      this.doc.text(text, x, y);
      return;
    }
    let at = align === 'center' ? x - this.measure(text) / 2 : x;
    for (const run of fontRuns(text, (ch) => this.faces.fontOf(ch, this.weight))) {
      this.setRunFont(run.font);
      this.doc.text(run.text, at, y);
      at += this.measure(run.text);
    }
  }

  lineHeight(size: number): number {
    return size * PT_TO_MM * 1.45;
  }

  /** Selects the face for `text`; returns the size actually set (larger when bold was wanted but cannot be had). */
  font(size: number, text: string, bold = false): number {
    // A character the bold face lacks would end the rest of the run: such a text is set regular, larger.
    const useBold = bold && this.faces.canBold(text);
    const actual = bold && !useBold ? size * NO_BOLD_SCALE : size;
    this.weight = useBold ? 'bold' : 'regular';
    this.setSize(actual);
    return actual;
  }

  lines(text: string, width: number): string[] {
    return this.probe ? text.split(/\r\n|\r|\n/) : breakLines(text, width, (t) => this.measure(t));
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
      this.write(line, PAGE.left + indent, this.y + lh * 0.75);
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
      this.weight = bold && this.faces.canBold(cells.join('')) ? 'bold' : 'regular';
      this.setSize(size);
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
          if (line) this.write(line, x + pad, this.y + pad + lh * j + lh * 0.75);
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
  const gradeWidth = Math.ceil(layout.measure(BLANK_GRADE) + 2 * CELL_PAD + 1);
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
    layout.write(header, PAGE.left, 11);
    doc.setDrawColor(180);
    doc.line(PAGE.left, 12.5, PAGE.width - PAGE.right, 12.5);
    doc.setDrawColor(0);
    const footer = `第 ${page} 页 / 共 ${total} 页${GAP}生成于 ${packet.footer.generatedAt}${GAP}微能力手册 ${packet.footer.version}`;
    layout.font(8, footer);
    layout.write(footer, PAGE.width / 2, PAGE.height - 10, 'center');
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

/**
 * Stands in for jsPDF while the packet is laid out once (a probe Layout) to learn which characters are
 * drawn in which weight, and so which slices to fetch. Nothing is measured or broken into lines: the
 * characters drawn do not depend on that, except the page count's digits, which the first slice holds.
 */
/** What the probe ignores: sizes, colours, pages turned back to, lines and boxes. */
const ignore = (): undefined => undefined;

class Probe implements Surface {
  readonly drawn: Record<FontWeight, string[]> = { regular: [], bold: [] };
  private style = 'normal';
  private pages = 1;

  setFont(_name: string, style: string): void {
    this.style = style;
  }
  text(text: string): void {
    this.drawn[this.style === 'bold' ? 'bold' : 'regular'].push(text);
  }
  addPage(): void {
    this.pages += 1;
  }
  getNumberOfPages(): number {
    return this.pages;
  }
  getTextWidth(): number {
    return 0;
  }
  readonly setFontSize = ignore;
  readonly setPage = ignore;
  readonly rect = ignore;
  readonly line = ignore;
  readonly setFillColor = ignore;
  readonly setDrawColor = ignore;
  readonly setTextColor = ignore;
}

/** Faces of a manifest: a character is set in its slice's font; one no slice sets (never drawn: 〓 replaces it) in the first. */
function facesOf(sliceOf: SliceOf): Faces {
  return {
    fontOf: (ch, weight) => fontName(sliceOf(ch, weight) ?? sliceOf(ch) ?? 0, weight),
    canBold: (text) => [...text].every((ch) => /\s/.test(ch) || sliceOf(ch, 'bold') !== undefined),
  };
}

export async function renderPacketPdf(
  packet: Packet,
  fonts: PdfFonts,
  progress: (step: string) => void,
  /** Started by the button at the click, beside this module's own fetch (pdf-loads.ts). */
  loads: PdfLoads = startPdfLoads(fonts),
): Promise<PdfOutcome> {
  progress('正在加载 PDF 组件……');
  const manifest = await loads.manifest;
  markPdf('manifest');
  const sliceOf = sliceLookup(manifest);
  const faces = facesOf(sliceOf);
  const unrenderable = missingCharacters(packetText(packet), { has: (ch) => sliceOf(ch) !== undefined });
  const printed = replaceUnrenderable(packet, unrenderable);

  // Laid out once without fonts: what is drawn in each weight decides the slices to fetch.
  const probe = new Probe();
  drawPacket(new Layout(probe, faces, true), printed);
  const needed = (weight: FontWeight) =>
    slicesFor(probe.drawn[weight].join(''), sliceOf, weight).map((slice) => ({ slice, weight }));
  const wanted = [...needed('regular'), ...needed('bold')];
  const rare = wanted.filter(({ slice }) => manifest.slices[slice]?.kind === 'rare');
  const fromFallback = [...new Set(probe.drawn.regular.join('') + probe.drawn.bold.join(''))].filter(
    (ch) => !/\s/.test(ch) && rare.some(({ slice }) => sliceOf(ch) === slice),
  );
  markPdf('probed');

  progress(fromFallback.length > 0 ? '正在加载字体（有不常用的字）……' : '正在加载字体……');
  const fetched = await Promise.allSettled(
    wanted.map(({ slice, weight }) => loads.font(manifest.slices[slice]?.[weight] ?? '')),
  );
  const failed = wanted.filter((_, i) => fetched[i]?.status === 'rejected');
  if (failed.length > 0) {
    const reasons = fetched.flatMap((l) => (l.status === 'rejected' ? [l.reason as unknown] : []));
    // Offline, rare slices never fetched before: name their characters rather than a file.
    if (
      failed.every(({ slice }) => manifest.slices[slice]?.kind === 'rare') &&
      reasons.every((reason) => reason instanceof TypeError)
    )
      throw new PdfRareCharactersError(
        fromFallback.filter((ch) => failed.some(({ slice }) => sliceOf(ch) === slice)),
      );
    throw reasons[0];
  }
  const files = fetched.map((l) => (l.status === 'fulfilled' ? l.value : ''));
  markPdf('fonts');

  progress('正在排版……');
  // putOnlyUsedFonts: jsPDF otherwise lists its 14 standard fonts in every page's resources.
  const { jsPDF } = await loads.jspdf;
  speedUpFlateEncode(jsPDF.API);
  const doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  wanted.forEach(({ slice, weight }, i) => {
    const file = `${weight}-${slice}.ttf`;
    doc.addFileToVFS(file, files[i] ?? '');
    doc.addFont(file, fontName(slice, weight), STYLE[weight]);
  });
  // jsPDF's glyph writer takes time with the square of a font's glyphs drawn: a linear one in its place.
  const first = wanted[0];
  if (first) {
    // jsPDF's types list getFont without arguments; it takes a name and style like setFont.
    const getFont = doc.getFont.bind(doc) as (
      name: string,
      style: string,
    ) => { metadata?: { glyf?: unknown } };
    speedUpGlyfEncode(getFont(fontName(first.slice, first.weight), STYLE[first.weight]).metadata?.glyf);
  }
  markPdf('fonts-added');
  doc.setProperties({ title: packet.cover.title, subject: packet.filename, creator: '微能力手册' });
  drawPacket(new Layout(doc, faces), printed);
  markPdf('drawn');
  progress('PDF 已生成。');
  // The bytes jsPDF's output('blob') gives, turned from its string by the loop that compressed every
  // stream just before (already compiled to fast code), not by a loop of jsPDF's run once, cold.
  const blob = new Blob([binaryBytes(doc.output())], { type: 'application/pdf' });
  return { blob, fromFallback, unrenderable };
}
