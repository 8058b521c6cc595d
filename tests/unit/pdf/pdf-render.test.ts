/**
 * The packet renderer (src/components/self-check/pdf-packet.ts) run in Node with the real font slices,
 * read back with pdf.js: every font path sets every heading as extractable Chinese, fetches only the
 * slices its text needs, and the PDF references no font but the embedded slices, each holding only the
 * glyphs drawn with it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { create } from 'fontkit';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderPacketPdf, type PdfOutcome } from '../../../src/components/self-check/pdf-packet';
import { emptyDraft, type Draft } from '../../../src/lib/self-check/draft';
import type { Rubric } from '../../../src/lib/grading/grading';
import { buildPacket, packetText, type PacketReview } from '../../../src/lib/pdf/packet';
import { sliceLookup, slicesFor, type FontManifest } from '../../../src/lib/pdf/font-slices';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const FONTS = path.join(ROOT, 'public', 'fonts', 'pdf');
const fonts = { manifest: 'manifest.json' };
const at = new Date(2026, 10, 23, 9, 5);

interface TextItem {
  str: string;
  /** The BaseFont of every slice the line is drawn in. */
  fonts: string[];
  size: number;
}

/** Points per millimetre; pdf.js reports positions in points from the page's bottom left. */
const PT = 72 / 25.4;
const A4 = { width: 210, height: 297 };

/** A line as drawn: its runs (one per slice) joined; positions in mm from the page's top left. */
interface Line extends TextItem {
  page: number;
  x: number;
  right: number;
  y: number;
}

/**
 * Every line of the PDF. A line is drawn run by run, one run per slice: runs that follow each other on
 * one baseline are joined. A gap wider than one and a half characters (a table's next cell, the
 * packet's double ideographic space) starts a new piece, as pdf.js reads whole lines apart there.
 */
async function readLines(bytes: Uint8Array): Promise<Line[]> {
  // fontExtraProperties keeps each font's name (its BaseFont) on the loaded font.
  const pdf = await getDocument({ data: bytes.slice(), useSystemFonts: false, fontExtraProperties: true })
    .promise;
  const lines: Line[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    // The operator list loads the page's fonts, whose names are the slices' BaseFonts.
    await page.getOperatorList();
    let last: Line | undefined;
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item) || item.str === '') continue;
      const size = Math.abs(item.transform[3] ?? 0);
      const x = (item.transform[4] ?? 0) / PT;
      const y = A4.height - (item.transform[5] ?? 0) / PT;
      const right = x + item.width / PT;
      if (item.str.trim() === '' && item.width > size * 1.5) {
        last = undefined;
        continue;
      }
      const font = (page.commonObjs.get(item.fontName) as { name: string }).name;
      if (last && last.page === i && Math.abs(last.y - y) < 0.01 && Math.abs(last.right - x) < 0.2) {
        last.str += item.str;
        if (!last.fonts.includes(font)) last.fonts.push(font);
        last.right = right;
      } else {
        last = { str: item.str, fonts: [font], size, page: i, x, right, y };
        lines.push(last);
      }
    }
  }
  await pdf.cleanup();
  return lines;
}

async function readPdf(outcome: PdfOutcome) {
  const bytes = new Uint8Array(await outcome.blob.arrayBuffer());
  const lines = await readLines(bytes);
  const pages: TextItem[][] = [];
  for (const line of lines) (pages[line.page - 1] ??= []).push(line);
  // jsPDF writes no object streams: every font dictionary stands in the file as plain text.
  const latin = Buffer.from(bytes).toString('latin1');
  const baseFonts = [...latin.matchAll(/\/BaseFont\s*\/([^\s/<>[\]]+)/g)].map((m) => m[1] ?? '');
  return { pages, text: pages.map((p) => p.map((i) => i.str).join('')).join('\n'), baseFonts, latin };
}

/** The line that holds `text` (spaces aside). */
function itemWith(pages: TextItem[][], text: string): TextItem | undefined {
  return pages.flat().find((i) => i.str.replace(/\s+/g, '') === text.replace(/\s+/g, ''));
}

const bold = (item: TextItem | undefined) => (item?.fonts ?? []).every((f) => f.includes('-Bold-'));
const regular = (item: TextItem | undefined) =>
  (item?.fonts ?? ['none']).every((f) => /^HandbookCJK-\d+$/.test(f));
/** Every font the PDF names is one of our slices. */
const onlySlices = (baseFonts: string[]) =>
  baseFonts.length > 0 && baseFonts.every((f) => /^HandbookCJK(-Bold)?-\d+$/.test(f));

/**
 * How many glyphs with an outline each embedded font holds (FontFile2 streams, Flate-compressed by
 * jsPDF). jsPDF keeps the slice's cmap and glyph numbering but writes outlines only for glyphs drawn.
 */
function embeddedGlyphCounts(latin: string): number[] {
  const counts: number[] = [];
  for (const m of latin.matchAll(/\/Length1 (\d+)[^>]*>>\s*stream\r?\n/g)) {
    const start = (m.index ?? 0) + m[0].length;
    const end = latin.indexOf('endstream', start);
    const data = zlib.inflateSync(Buffer.from(latin.slice(start, end), 'latin1'));
    if (data.readUInt32BE(0) !== 0x00010000) continue; // the ToUnicode cmaps carry a Length1 too
    const font = create(data) as unknown as { loca: { offsets: number[] } };
    const { offsets } = font.loca;
    counts.push(offsets.filter((offset, id) => (offsets[id + 1] ?? offset) > offset).length);
  }
  return counts;
}

let manifest: FontManifest;
/** Font file requests of the last render, relative to the manifest. */
let asked: string[] = [];

function serveFonts(edit: (m: FontManifest) => FontManifest = (m) => m) {
  asked = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    if (url === fonts.manifest) return new Response(JSON.stringify(edit(structuredClone(manifest))));
    return new Response(fs.readFileSync(path.join(FONTS, url)));
  });
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build', 'build-pdf-font.mjs')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  manifest = JSON.parse(fs.readFileSync(path.join(FONTS, 'manifest.json'), 'utf8')) as FontManifest;
  serveFonts();
}, 300_000);

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

async function render(draft: Draft, options: { reviews?: PacketReview[] } = {}) {
  const packet = packetOf(draft, options.reviews);
  const outcome = await renderPacketPdf(packet, fonts, () => {});
  return { outcome, packet, ...(await readPdf(outcome)) };
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

/** The slice files a text needs in the regular weight, with those `boldText` needs in bold. */
function sliceFiles(text: string, boldText: string): string[] {
  const sliceOf = sliceLookup(manifest);
  return [
    ...slicesFor(text, sliceOf).map((i) => manifest.slices[i]?.regular),
    ...slicesFor(boldText, sliceOf, 'bold').map((i) => manifest.slices[i]?.bold),
  ].sort() as string[];
}

describe('PDF packet fonts', () => {
  it('common text: headings bold, body regular, all extractable, only the slices drawn fetched and embedded', async () => {
    const { text, pages, baseFonts, outcome, packet, latin } = await render(draftFor('王晓红'));
    expect(outcome.fromFallback).toEqual([]);
    for (const h of HEADINGS) expect(itemWith(pages, h), h).toBeDefined();
    expect(text).toContain('王晓红');
    expect(bold(itemWith(pages, '微能力自评证据包')), 'the title is bold').toBe(true);
    expect(bold(itemWith(pages, '教学反思'))).toBe(true);
    expect(regular(itemWith(pages, '我学会了评价资源。')), 'the body is regular').toBe(true);
    expect(onlySlices(baseFonts)).toBe(true);
    // Only the slices the packet's text needs, each fetched once, none of them rare.
    const files = asked.filter((u) => u !== fonts.manifest);
    expect(new Set(files).size).toBe(files.length);
    expect(files.every((f) => f.startsWith('common/'))).toBe(true);
    expect(files.length).toBeLessThan(sliceFiles(packetText(packet), packetText(packet)).length);
    expect(new Set(baseFonts).size, 'one font per slice fetched').toBe(files.length);
    // The PDF embeds the glyphs drawn, not whole slices: one outline per distinct character drawn in a
    // weight, and each font's .notdef.
    const drawn = new Set(text.replace(/\s/g, '')).size;
    const glyphs = embeddedGlyphCounts(latin);
    expect(glyphs).toHaveLength(files.length);
    const slices = files.map((f) => manifest.slices.find((s) => f === s.regular || f === s.bold));
    const sliceChars = slices.reduce((n, s) => n + [...(s?.chars ?? '')].length, 0);
    const outlines = glyphs.reduce((a, b) => a + b, 0);
    expect(outlines).toBeGreaterThanOrEqual(drawn);
    expect(outlines).toBeLessThanOrEqual(drawn * 2 + glyphs.length);
    expect(outlines * 4, 'far fewer than the slices hold').toBeLessThan(sliceChars);
  }, 60_000);

  it('a heading with a character the bold face lacks is set in the regular face, larger, and whole', async () => {
    serveFonts((m) => ({ ...m, boldLacks: '资' }));
    try {
      const title = '数字资源评价';
      const { pages } = await render(draftFor('王晓红', title));
      const heading = itemWith(pages, `1. 资源评价报告：${title}`);
      const body = itemWith(pages, '我学会了评价资源。');
      expect(heading, 'the heading comes back whole').toBeDefined();
      expect(regular(heading)).toBe(true);
      expect(heading?.size ?? 0).toBeGreaterThan(body?.size ?? Infinity);
      expect(bold(itemWith(pages, '教学反思')), 'a heading the bold face covers stays bold').toBe(true);
    } finally {
      serveFonts();
    }
  }, 60_000);

  it('a rare name (堃) fetches one rare slice more, regular only, and every heading is still real Chinese', async () => {
    await render(draftFor('王晓红'));
    const common = [...asked];
    asked.length = 0;
    const { text, pages, baseFonts, outcome } = await render(draftFor('王堃'));
    expect(outcome.fromFallback).toEqual(['堃']);
    expect(text).toContain('王堃');
    expect(itemWith(pages, '王堃')).toBeDefined();
    for (const h of HEADINGS) expect(itemWith(pages, h), h).toBeDefined();
    expect(onlySlices(baseFonts)).toBe(true);
    const added = asked.filter((u) => !common.includes(u));
    const slice = manifest.slices[sliceLookup(manifest)('堃') ?? -1];
    expect(slice?.kind).toBe('rare');
    expect(added).toEqual([slice?.regular]);
    // 晓 and 红 were the common name's only characters outside the rest of the packet.
    expect(common.filter((u) => !asked.includes(u)).every((u) => u.startsWith('common/'))).toBe(true);
  }, 120_000);

  it('a rare character in a bold heading comes bold, from the bold face of its rare slice', async () => {
    const { pages, outcome } = await render(draftFor('王晓红', '喆的报告'));
    expect(outcome.fromFallback).toEqual(['喆']);
    const heading = itemWith(pages, '1. 资源评价报告：喆的报告');
    expect(heading).toBeDefined();
    expect(bold(heading)).toBe(true);
    const slice = manifest.slices[sliceLookup(manifest)('喆') ?? -1];
    expect(asked).toContain(slice?.bold);
    expect(asked).toContain(slice?.regular); // the evidence table prints the title in the body face
  }, 120_000);

  it('a character no font has: 〓 in its place, reported, every heading intact', async () => {
    const { text, pages, outcome } = await render(draftFor('王𪚥'));
    expect(outcome.unrenderable).toEqual(['𪚥']);
    expect(text).toContain('王〓');
    for (const h of HEADINGS) expect(itemWith(pages, h), h).toBeDefined();
  }, 120_000);

  it('offline, a rare slice never fetched: the PDF is not made and the error names its characters', async () => {
    vi.resetModules();
    const fresh = await import('../../../src/components/self-check/pdf-packet');
    const rare = new Set(
      manifest.slices.filter((s) => s.kind === 'rare').flatMap((s) => [s.regular, s.bold]),
    );
    vi.stubGlobal('fetch', async (url: string) => {
      if (rare.has(url)) throw new TypeError('Failed to fetch');
      if (url === fonts.manifest) return new Response(JSON.stringify(manifest));
      return new Response(fs.readFileSync(path.join(FONTS, url)));
    });
    try {
      const made = fresh.renderPacketPdf(packetOf(draftFor('王堃喆')), fonts, () => {});
      await expect(made).rejects.toMatchObject({ name: 'PdfRareCharactersError' });
      const error = (await made.catch((e: unknown) => e)) as { chars: string[] };
      expect([...error.chars].sort()).toEqual(['喆', '堃'].sort());
      // The common name needs no rare slice: it is made with the same network.
      const ordinary = await fresh.renderPacketPdf(packetOf(draftFor('王晓红')), fonts, () => {});
      expect((await readPdf(ordinary)).text).toContain('王晓红');
    } finally {
      serveFonts();
    }
  }, 120_000);
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

/** The packet's body box (pdf-packet.ts PAGE): 18 mm margins, the footer below 277 mm. */
const BODY = { left: 18, right: 192, top: 18, bottom: 277 };

type PlacedItem = Line;

async function readPlaced(outcome: PdfOutcome): Promise<PlacedItem[]> {
  return (await readLines(new Uint8Array(await outcome.blob.arrayBuffer()))).filter(
    (l) => l.str.trim() !== '',
  );
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
    expect(boxes.map((b) => b.str.replace(/\s+/g, ''))).toEqual(['□优秀□合格□不合格', '□优秀□合格□不合格']);
  }, 60_000);
});
