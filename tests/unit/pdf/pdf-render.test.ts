/**
 * The packet renderer (src/components/self-check/pdf-packet.ts) run in Node with the real font files,
 * read back with pdf.js: every font path sets every heading as extractable Chinese, and the PDF
 * references no font but the embedded ones.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderPacketPdf, type PdfOutcome } from '../../../src/components/self-check/pdf-packet';
import { emptyDraft, type Draft } from '../../../src/lib/self-check/draft';
import type { Rubric } from '../../../src/lib/grading/grading';
import { buildPacket, type PacketReview } from '../../../src/lib/pdf/packet';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FONTS = path.join(ROOT, 'public', 'fonts', 'pdf');
const fonts = {
  regular: 'noto-sans-sc-regular.ttf',
  bold: 'noto-sans-sc-bold.ttf',
  full: 'noto-sans-sc-full.ttf',
  charset: 'charset.json',
};
const at = new Date(2026, 10, 23, 9, 5);

interface TextItem {
  str: string;
  fontName: string;
  size: number;
}

async function readPdf(outcome: PdfOutcome) {
  const bytes = new Uint8Array(await outcome.blob.arrayBuffer());
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false }).promise;
  const pages: TextItem[][] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(
      content.items.flatMap((item) =>
        'str' in item
          ? [{ str: item.str, fontName: item.fontName, size: Math.abs(item.transform[3] ?? 0) }]
          : [],
      ),
    );
  }
  await pdf.cleanup();
  // jsPDF writes no object streams: every font dictionary stands in the file as plain text.
  const latin = Buffer.from(bytes).toString('latin1');
  const baseFonts = [...latin.matchAll(/\/BaseFont\s*\/([^\s/<>[\]]+)/g)].map((m) => m[1]);
  return { pages, text: pages.map((p) => p.map((i) => i.str).join('')).join('\n'), baseFonts };
}

/** The text item that holds `text` (headings are drawn as one run each). */
function itemWith(pages: TextItem[][], text: string): TextItem | undefined {
  return pages.flat().find((i) => i.str.replace(/\s+/g, '') === text.replace(/\s+/g, ''));
}

let charset: { chars: string; boldChars: string };

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build', 'build-pdf-font.mjs')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  charset = JSON.parse(fs.readFileSync(path.join(FONTS, 'charset.json'), 'utf8')) as typeof charset;
  vi.stubGlobal('fetch', async (url: string) => new Response(fs.readFileSync(path.join(FONTS, url))));
}, 120_000);

const customRubric = (name: string): Rubric & { origin: '教师录入' } => ({
  code: 'A2',
  name,
  origin: '教师录入',
  alternativeGroups: [],
  items: [
    {
      id: 'report',
      label: '1',
      name: '资源评价报告',
      forms: ['文本'],
      required: true,
      graded: true,
      limits: {},
      criteria: { excellent: ['资源来源清楚'], pass: ['资源与教学目标相关'] },
    },
  ],
});

function draftFor(name: string, title = '报告'): Draft {
  const d = emptyDraft(at);
  d.profile = { ...d.profile, name, school: '徐水区实验小学', region: 'xushui' };
  d.abilities = ['A2'];
  d.customRubrics['A2'] = customRubric('数字教育资源获取与评价');
  d.evidence['A2'] = {
    chosen: {},
    items: {
      report: {
        present: true,
        title,
        description: '资源来自国家中小学智慧教育平台。',
        files: [],
        excellent: [],
        pass: [0],
      },
    },
    reflection: '我学会了评价资源。',
  };
  return d;
}

function packetOf(draft: Draft, reviews?: PacketReview[]) {
  return buildPacket({
    reviews,
    draft,
    abilities: [{ code: 'A2', name: '数字教育资源获取与评价', rubric: undefined }],
    regionName: '河北省保定市徐水区',
    generatedAt: at,
    siteVersion: '0.1.0',
  });
}

async function render(draft: Draft, options: { reviews?: PacketReview[]; bold?: boolean } = {}) {
  const packet = packetOf(draft, options.reviews);
  const outcome = await renderPacketPdf(
    packet,
    options.bold === false ? { ...fonts, bold: undefined } : fonts,
    () => {},
  );
  return { outcome, ...(await readPdf(outcome)) };
}

const HEADINGS = [
  '微能力自评证据包',
  '本次自评的微能力点',
  '总体情况：合格',
  'A2 数字教育资源获取与评价',
  '自评结果：合格',
  '评价标准来源：教师录入（按本地考核指南）',
  '原因与待改进：',
  '证据清单',
  '证据说明（教师填写的文字）',
  '各项证据的评定',
  '评价标准与自评勾选',
  '教学反思',
  '组内互评 / 复评：A2 的等级',
];

describe('PDF packet fonts', () => {
  it('subset path: headings are bold, body regular, all text extractable, only the embedded fonts referenced', async () => {
    const { text, pages, baseFonts, outcome } = await render(draftFor('王晓红'));
    expect(outcome.fromFallback).toEqual([]);
    for (const h of HEADINGS) expect(itemWith(pages, h), h).toBeDefined();
    expect(text).toContain('王晓红');
    const title = itemWith(pages, '微能力自评证据包');
    const body = itemWith(pages, '我学会了评价资源。');
    expect(title?.fontName).not.toBe(body?.fontName);
    expect(new Set(baseFonts)).toEqual(new Set(['HandbookCJK']));
  }, 60_000);

  it('a heading the bold subset cannot cover is set in the regular face, larger, and whole', async () => {
    const rare = [...charset.chars].find((c) => /\p{Script=Han}/u.test(c) && !charset.boldChars.includes(c));
    expect(rare).toBeDefined();
    const title = `数字资源${rare}评价`;
    const { pages } = await render(draftFor('王晓红', title));
    const heading = itemWith(pages, `1. 资源评价报告：${title}`);
    const body = itemWith(pages, '我学会了评价资源。');
    expect(heading, 'the heading comes back whole').toBeDefined();
    expect(heading?.fontName).toBe(body?.fontName);
    expect(heading?.size ?? 0).toBeGreaterThan(body?.size ?? Infinity);
  }, 60_000);

  it('full fallback path (a name outside the subset): every heading is still real Chinese', async () => {
    const { text, pages, baseFonts, outcome } = await render(draftFor('王堃'));
    expect(outcome.fromFallback).toEqual(['堃']);
    expect(text).toContain('王堃');
    for (const h of HEADINGS) expect(itemWith(pages, h), h).toBeDefined();
    expect(new Set(baseFonts)).toEqual(new Set(['HandbookCJK']));
  }, 120_000);

  it('a character no font has: 〓 in its place, reported, every heading intact', async () => {
    const { text, pages, outcome } = await render(draftFor('王𪚥'));
    expect(outcome.unrenderable).toEqual(['𪚥']);
    expect(text).toContain('王〓');
    for (const h of HEADINGS) expect(itemWith(pages, h), h).toBeDefined();
  }, 120_000);

  it('without any bold face every heading is set in the regular face, larger than the body', async () => {
    const { pages, baseFonts } = await render(draftFor('王晓红'), { bold: false });
    for (const h of HEADINGS) expect(itemWith(pages, h), h).toBeDefined();
    const body = itemWith(pages, '我学会了评价资源。');
    const heading = itemWith(pages, '教学反思');
    expect(heading?.fontName).toBe(body?.fontName);
    expect(heading?.size ?? 0).toBeGreaterThan(12.5);
    expect(new Set(baseFonts)).toEqual(new Set(['HandbookCJK']));
  }, 60_000);
});

/** 李老师's 组内互评 of A2: 合格, with an overall comment and one on the report. */
function peerReview(comment: string, itemComment: string): PacketReview {
  return {
    stage: '教师组内互评',
    reviewer: '李老师',
    date: '2026年11月30日',
    abilities: {
      A2: {
        grade: '合格',
        comment,
        items: { report: { grade: '合格', comment: itemComment, pass: [0], excellent: [] } },
      },
    },
  };
}

describe('PDF packet review stages', () => {
  it("labels the evidence table's digest 文件校验码（SHA-256） and prints it whole", async () => {
    const draft = draftFor('王晓红');
    const digest = 'ab'.repeat(32);
    const report = draft.evidence['A2']?.items['report'];
    if (!report) throw new Error('fixture has no report item');
    report.files = [{ name: '报告.pdf', type: 'application/pdf', size: 2048, sha256: digest }];
    const { text } = await render(draft);
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain('文件校验码（SHA-256）');
    expect(compact).toContain(digest);
  }, 60_000);

  it('prints a filled stage: reviewer, date, grade, comments and ticks, beside a blank one', async () => {
    const { text } = await render(draftFor('王晓红'), {
      reviews: [peerReview('资源评价具体，建议补充版权说明。', '来源清楚')],
    });
    const compact = text.replace(/\s+/g, '');
    expect(compact).toContain('教师组内互评/复评：A2的等级');
    expect(compact).toContain('教师组内互评合格李老师2026年11月30日资源评价具体，建议补充版权说明。');
    expect(compact).toContain('复评□优秀□合格□不合格');
    expect(compact).toContain('合格来源清楚');
    expect(compact).toContain('资源与教学目标相关已满足满足');
    expect(compact).toContain('资源来源清楚未满足未满足');
  }, 60_000);
});

/** Points per millimetre; pdf.js reports positions in points from the page's bottom left. */
const PT = 72 / 25.4;
const A4 = { width: 210, height: 297 };
/** The packet's body box (pdf-packet.ts PAGE): 18 mm margins, the footer below 277 mm. */
const BODY = { left: 18, right: 192, top: 18, bottom: 277 };

interface PlacedItem {
  str: string;
  page: number;
  /** Left edge and right edge, mm from the page's left. */
  x: number;
  right: number;
  /** Baseline, mm from the page's top. */
  y: number;
}

async function readPlaced(outcome: PdfOutcome): Promise<PlacedItem[]> {
  const pdf = await getDocument({
    data: new Uint8Array(await outcome.blob.arrayBuffer()),
    useSystemFonts: false,
  }).promise;
  const items: PlacedItem[] = [];
  for (let page = 1; page <= pdf.numPages; page++) {
    const content = await (await pdf.getPage(page)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const x = (item.transform[4] ?? 0) / PT;
      items.push({
        str: item.str,
        page,
        x,
        right: x + item.width / PT,
        y: A4.height - (item.transform[5] ?? 0) / PT,
      });
    }
  }
  await pdf.cleanup();
  return items;
}

/** Sentences numbered so that a line lost, doubled or out of order shows; cut to exactly `length`. */
function longText(tag: string, length: number): string {
  let text = '';
  for (let i = 1; text.length < length; i++)
    text += `${tag}第${String(i).padStart(3, '0')}句：请补充资源的来源、版权说明和使用范围，并写明课堂上如何使用。`;
  return text.slice(0, length);
}

/** Column heads a table repeats on each page it runs on; no line of the long texts is one of them. */
const HEADS = new Set([
  '证据项',
  '自评',
  '原因',
  '等级',
  '标准',
  '评价环节',
  '评价人',
  '日期',
  '意见',
  '教师组内互评',
  '复评',
]);

/**
 * The body lines drawn at the same left edge as the line that starts `text` (one table column, or
 * the paragraphs), from there on, across pages, without repeated column heads, joined: a long
 * cell or paragraph reads back whole.
 */
function column(items: readonly PlacedItem[], text: string): string {
  const body = items.filter((i) => i.y > BODY.top && i.y < BODY.bottom);
  const start = body.findIndex(
    (i) => text.startsWith(i.str.replace(/\s+/g, '')) || i.str.includes(text.slice(0, 12)),
  );
  const first = body[start];
  if (!first) return '';
  return body
    .slice(start)
    .filter((i) => Math.abs(i.x - first.x) < 0.01 && !HEADS.has(i.str))
    .map((i) => i.str)
    .join('')
    .replace(/\s+/g, '');
}

describe('PDF packet long text', () => {
  it('a long review comment, item comment, description, criterion and reflection flow across pages, whole and inside the page', async () => {
    const texts = {
      comment: longText('总评', 2583),
      itemComment: longText('项评', 2000),
      description: longText('说明', 2000),
      criterion: longText('标准', 3000),
      reflection: longText('反思', 5000),
    };
    const draft = draftFor('王晓红');
    const rubric = customRubric('数字教育资源获取与评价');
    const item = rubric.items[0];
    if (!item) throw new Error('the rubric has an item');
    item.criteria = { excellent: [texts.criterion], pass: ['资源与教学目标相关'] };
    draft.customRubrics['A2'] = rubric;
    const evidence = draft.evidence['A2'];
    const report = evidence?.items['report'];
    if (!evidence || !report) throw new Error('the draft has the report');
    report.description = texts.description;
    evidence.reflection = texts.reflection;
    const { outcome } = await render(draft, { reviews: [peerReview(texts.comment, texts.itemComment)] });
    const items = await readPlaced(outcome);
    for (const [name, text] of Object.entries(texts)) expect(column(items, text), name).toContain(text);

    const outside = items.filter((i) => {
      // The running head (11 mm) and the footer (287 mm) are the only lines outside the body.
      const header = Math.abs(i.y - 11) < 0.5;
      const footer = Math.abs(i.y - 287) < 0.5;
      if (header || footer) return i.x < 0 || i.right > A4.width;
      return i.y < BODY.top || i.y > BODY.bottom || i.x < BODY.left - 0.01 || i.right > BODY.right + 0.5;
    });
    expect(outside, 'text outside the body box').toEqual([]);
    expect(Math.max(...items.map((i) => i.page))).toBeGreaterThan(10);
  }, 120_000);
});

describe('PDF packet blank grade box', () => {
  it('prints □优秀 □合格 □不合格 on one line for the reviewer’s pen', async () => {
    const { outcome } = await render(draftFor('王晓红'));
    // pdf.js returns the line in pieces at its ideographic spaces; a line is one baseline.
    const boxes = (await readPlaced(outcome)).filter((i) => i.str.startsWith('□'));
    expect(boxes.map((b) => b.str)).toEqual(['□优秀', '□合格', '□不合格', '□优秀', '□合格', '□不合格']);
    for (const stage of [boxes.slice(0, 3), boxes.slice(3)])
      expect(new Set(stage.map((b) => `${b.page}:${b.y.toFixed(2)}`)).size, 'on one line').toBe(1);
  }, 60_000);
});

describe('PDF packet fonts kept for later', () => {
  it('a name outside the subset fetches the subset too, so the offline copy holds what the next PDF needs', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/components/self-check/pdf-packet');
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      asked.push(url);
      return new Response(fs.readFileSync(path.join(FONTS, url)));
    });
    try {
      const outcome = await fresh.renderPacketPdf(packetOf(draftFor('王堃')), fonts, () => {});
      expect(outcome.fromFallback).toEqual(['堃']);
      expect(new Set(asked)).toEqual(new Set([fonts.charset, fonts.full, fonts.bold, fonts.regular]));
    } finally {
      vi.stubGlobal('fetch', async (url: string) => new Response(fs.readFileSync(path.join(FONTS, url))));
    }
  }, 120_000);
});
