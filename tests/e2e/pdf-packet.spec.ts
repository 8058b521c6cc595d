import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pdfFontNames, pdfPagesText } from './pdf-text';
import { sliceLookup, type FontManifest } from '../../src/lib/pdf/font-slices';

const MEDIA = join(import.meta.dirname, '../fixtures/media');
const DIST_FONTS = join(import.meta.dirname, '../../dist/fonts/pdf');
const compact = (text: string) => text.replace(/\s+/g, '');
/** Every font the PDF names is one of the font's slices, registered one font per slice and weight. */
const SLICE_FONT = /^HandbookCJK(-Bold)?-\d+$/;

/** The built site's font manifest, and the slice a character is in. */
function builtManifest() {
  const manifest = JSON.parse(readFileSync(join(DIST_FONTS, 'manifest.json'), 'utf8')) as FontManifest;
  return { manifest, sliceOf: sliceLookup(manifest) };
}

/**
 * Records the font files a page fetches, as paths under fonts/pdf/, with their gzip size. The
 * name is recorded as the response arrives; `settled()` waits for every body, so an assertion
 * never runs before a slow body of a slice already fetched has been read.
 */
function fontRequests(page: Page) {
  const files: { name: string; gzip: number }[] = [];
  const bodies: Promise<void>[] = [];
  page.on('response', (response) => {
    const match = /\/fonts\/pdf\/(.+)$/.exec(new URL(response.url()).pathname);
    if (!match?.[1]) return;
    const file = { name: match[1], gzip: Number.POSITIVE_INFINITY };
    files.push(file);
    bodies.push(
      response.body().then((body) => {
        file.gzip = gzipSync(body).length;
      }),
    );
  });
  return { settled: async () => (await Promise.all(bodies), files) };
}

/** Headings a C5 + C6 packet prints, as pdf.js reads them back (spaces removed). */
const HEADINGS = [
  '微能力自评证据包',
  '本次自评的微能力点',
  '总体情况：不合格',
  'C5基于数据的个别化指导',
  'C6应用数据分析模型',
  '自评结果：合格',
  '自评结果：不合格',
  '原因与待改进：',
  '证据清单',
  '各项证据的评定',
  '评价标准与自评勾选',
  '教学反思',
  '组内互评/复评：C5的等级',
  '组内互评/复评：C6的等级',
];
const HEADER = (label: string) => `微能力自评证据包${label}`;
const C5_HEADER = HEADER('C5基于数据的个别化指导');
const C6_HEADER = HEADER('C6应用数据分析模型');

async function makePdf(page: Page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '生成 PDF 证据包' }).click();
  const file = await download;
  const path = await file.path();
  return { file, path, pages: (await pdfPagesText(path)).map(compact) };
}

async function completeC5(page: Page, name: string, scenario?: string) {
  await page.goto('/self-check/?a=C5');
  await page.getByLabel('姓名', { exact: true }).fill(name);
  await page.getByLabel('学校', { exact: true }).fill('徐水区特殊教育学校');
  await page.getByLabel('任教学科', { exact: true }).fill('语文');
  await page.getByLabel('学段', { exact: true }).selectOption('特殊教育');
  await page.getByLabel('所在地区（按哪份政策文件）').selectOption({ label: '徐水区（区县）' });
  await page.getByLabel('学校的教学环境').selectOption('智慧学习环境');
  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  await page.getByRole('checkbox', { name: /C6 应用数据分析模型/ }).check();
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  const item = (id: string) => page.locator(`[data-item-editor="${id}"]`);
  await item('scenario').getByLabel('这项证据我已准备好').check();
  if (scenario) await item('scenario').getByLabel('简要说明').fill(scenario);
  await item('case-video')
    .getByLabel(/选择本地文件/)
    .setInputFiles(join(MEDIA, 'case-9min.webm'));
  await expect(item('case-video').getByText(/时长 9 分 0 秒/)).toBeVisible();
  await item('case-video').getByLabel('视频中出现了我本人的形象').check();
  for (const box of await item('case-video')
    .getByRole('group', { name: /合格标准/ })
    .getByRole('checkbox')
    .all())
    await box.check();
  await item('student-accounts')
    .getByLabel(/选择本地文件/)
    .setInputFiles([join(MEDIA, 'student-90s.weba'), join(MEDIA, 'student-100s.weba')]);
  await expect(item('student-accounts').getByText(/时长 1 分 40 秒/)).toBeVisible();
  await page.getByLabel('我的反思（写入 PDF 证据包）').fill('数据让我看见了每个学生的差异。');
  await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
}

test.describe('PDF evidence packet', () => {
  test('the downloaded PDF carries the teacher, every ability with its grade and the criteria as text', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    const pdfRequests: string[] = [];
    page.on('request', (r) => {
      if (/fonts\/pdf|jspdf/i.test(r.url())) pdfRequests.push(r.url());
    });
    const fontLog = fontRequests(page);
    await completeC5(page, '王晓红');
    expect(pdfRequests, 'jsPDF and the font load only when a PDF is asked for').toEqual([]);
    const { file, path, pages } = await makePdf(page);
    expect(file.suggestedFilename()).toMatch(/^微能力自评_王晓红_\d{8}\.pdf$/);
    await expect(page.locator('#pdf-status')).toContainText('PDF 已生成');
    // Only the manifest and common slices, each once: a fraction of the font, no rare slice.
    const fonts = await fontLog.settled();
    const names = fonts.map((f) => f.name);
    expect(names).toContain('manifest.json');
    expect(new Set(names).size, 'each file fetched once').toBe(names.length);
    expect(names.filter((n) => n !== 'manifest.json' && !n.startsWith('common/'))).toEqual([]);
    const { manifest } = builtManifest();
    const common = manifest.slices.filter((s) => s.kind === 'common').length;
    expect(names.length - 1).toBeLessThan(common);
    const gzip = fonts.reduce((sum, f) => sum + f.gzip, 0);
    expect(gzip, 'fonts fetched for this packet').toBeLessThanOrEqual(500 * 1024);
    const all = pages.join('');
    expect(pages[0]).toContain('王晓红');
    expect(pages[0]).toContain('徐水区特殊教育学校');
    expect(pages[0], '地区 with its parents').toContain('地区河北省保定市徐水区');
    for (const h of HEADINGS) expect(all, h).toContain(h);
    expect(all).toContain(compact('围绕问题和假设收集的数据可靠、合理；'));
    expect(all).toContain('case-9min.webm');
    expect(all).toContain(compact(`第 1 页 / 共 ${pages.length} 页`));
    // A grade box per ability, blank for the reviewers' pens.
    expect(
      all.match(/评价环节等级评价人日期意见组内互评□优秀□合格□不合格复评□优秀□合格□不合格/g),
    ).toHaveLength(2);
    // Every page's header names what the page belongs to.
    expect(pages[0]).toContain(HEADER('封面与总览（全部微能力点）'));
    const c6Start = pages.findIndex((p) => p.includes(C6_HEADER));
    expect(c6Start).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      if (i === 0) return;
      expect(p, `page ${i + 1}`).toContain(i < c6Start ? C5_HEADER : C6_HEADER);
    });
    const embedded = pdfFontNames(path);
    expect(
      embedded.filter((n) => !SLICE_FONT.test(n)),
      'only the slices, no unused standard fonts',
    ).toEqual([]);
    expect(embedded.length, 'one font per slice fetched').toBe(names.length - 1);
  });

  test('asked for a PDF, the page fetches jsPDF, the font manifest and the first slice at once, not one after another', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await completeC5(page, '王晓红');
    const first = builtManifest().manifest.slices[0];
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    // The packet's layout code is held back: what waited for it before (jsPDF, the manifest) and what
    // waited for the manifest (the first slice) must be on their way all the same.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/_astro\/pdf-packet\.[\w-]+\.js$/, async (route) => {
      await held;
      await route.fallback();
    });
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '生成 PDF 证据包' }).click();
    await expect(page.getByRole('button', { name: '正在生成 PDF……' })).toBeDisabled();
    const wanted = [
      /\/_astro\/jspdf\.[\w.-]+\.js$/,
      /\/fonts\/pdf\/manifest\.json$/,
      new RegExp(`/fonts/pdf/${first?.regular}$`),
      new RegExp(`/fonts/pdf/${first?.bold}$`),
    ];
    await expect
      .poll(() => wanted.filter((w) => !asked.some((path) => w.test(path))).map(String))
      .toEqual([]);
    expect(asked.some((path) => /\/_astro\/pdf-packet\./.test(path))).toBe(true);
    release();
    const pages = (await pdfPagesText(await (await download).path())).map(compact);
    expect(pages[0]).toContain('王晓红');
    await expect(page.locator('#pdf-status')).toContainText('PDF 已生成');
  });

  test('a teacher’s long description is printed in full, across a page break', async ({ page }) => {
    test.setTimeout(60_000);
    const sentences = Array.from(
      { length: 48 },
      (_, i) => `情景${String(i + 1).padStart(2, '0')}：小明在课堂上回答问题时有些犹豫。`,
    );
    const description = sentences.join('');
    expect(description.length).toBeLessThanOrEqual(2000);
    await completeC5(page, '王晓红', description);
    const { pages } = await makePdf(page);
    // Page headers and footers sit between the two halves; take each page's body only.
    const bodies = pages.map((p) =>
      p.replace(/微能力自评证据包(C\d+[^第]*|封面与总览（全部微能力点）)第\d+页\/共\d+页.*$/, ''),
    );
    expect(bodies.join('')).toContain(compact(description));
    const first = bodies.findIndex((b) => b.includes('情景01：'));
    const last = bodies.findIndex((b) => b.includes('情景48：'));
    expect(first).toBeGreaterThan(0);
    expect(last, 'the description runs on to the next page').toBe(first + 1);
    expect(bodies[first]).toContain('证据说明（教师填写的文字）1.情景描述');
    expect(bodies[first]).toContain('（文字说明，全文见“证据说明”）');
  });

  test('a rare name (王堃): one rare slice more is fetched, the name reads back, every heading is real Chinese', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    // 堃 is a common name character outside GB2312, and so in a rare slice.
    const { manifest, sliceOf } = builtManifest();
    const rare = manifest.slices[sliceOf('堃') ?? -1];
    expect(rare?.kind).toBe('rare');
    const fontLog = fontRequests(page);
    await completeC5(page, '王堃');
    const { path, pages } = await makePdf(page);
    const fonts = await fontLog.settled();
    const names = fonts.map((f) => f.name);
    expect(
      names.filter((n) => n.startsWith('rare/')),
      'only 堃’s slice, in the regular weight',
    ).toEqual([rare?.regular]);
    expect(fonts.find((f) => f.name === rare?.regular)?.gzip ?? Infinity).toBeLessThanOrEqual(60 * 1024);
    await expect(page.getByRole('alert')).toContainText('堃');
    const all = pages.join('');
    expect(pages[0]).toContain('王堃');
    for (const h of HEADINGS) expect(all, h).toContain(h);
    expect(pages[1]).toContain(C5_HEADER);
    expect(pdfFontNames(path).filter((n) => !SLICE_FONT.test(n))).toEqual([]);
  });

  test('a character no font has: the PDF still comes out, with 〓 and a notice, headings intact', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await completeC5(page, '王𪚥');
    const { pages } = await makePdf(page);
    await expect(page.getByRole('alert')).toContainText('〓');
    await expect(page.getByRole('alert')).toContainText('𪚥');
    expect(pages[0]).toContain('王〓');
    const all = pages.join('');
    for (const h of HEADINGS) expect(all, h).toContain(h);
  });

  test.describe('when the font fails to load once', () => {
    test.use({ expectedConsoleErrors: /status of 503/ });
    test('it says so in Chinese, and the next try makes the PDF', async ({ page }) => {
      test.setTimeout(60_000);
      await completeC5(page, '王晓红');
      let fail = true;
      await page.route('**/fonts/pdf/common/**', (route) =>
        fail ? route.fulfill({ status: 503, body: '' }) : route.fallback(),
      );
      await page.getByRole('button', { name: '生成 PDF 证据包' }).click();
      await expect(page.locator('#pdf-status')).toContainText(
        '网站服务器暂时没能给出生成 PDF 所需的文件，PDF 没有生成。请稍后再生成一次',
      );
      await expect(page.locator('#pdf-status')).toContainText('已填写的内容都还在');
      fail = false;
      const { pages } = await makePdf(page);
      expect(pages[0]).toContain('王晓红');
    });
  });

  test.describe('when the site’s server cannot be reached', () => {
    test.use({ expectedConsoleErrors: /Failed to load resource|ERR_FAILED|dynamically imported module/ });
    for (const [what, blocked] of [
      ['the PDF code', /\/_astro\/.*\.js$|\/fonts\/pdf\//],
      ['the fonts', /\/fonts\/pdf\//],
    ] as const)
      test(`${what} not fetched: 连不上网站服务器 in Chinese, and the draft is kept`, async ({ page }) => {
        test.setTimeout(60_000);
        await completeC5(page, '王晓红', '小明在课堂上回答问题时有些犹豫。');
        await page.route(blocked, (route) => route.abort('connectionfailed'));
        await page.getByRole('button', { name: '生成 PDF 证据包' }).click();
        const status = page.locator('#pdf-status');
        await expect(status).toContainText('连不上网站服务器，PDF 没有生成。请检查网络或学校内网是否连通');
        await expect(status).toContainText('已填写的内容都还在');
        expect((await status.innerText()).replace(/PDF|JSON/g, ''), 'no English, no address').not.toMatch(
          /[A-Za-z]/,
        );
        await expect(page.getByRole('button', { name: '生成 PDF 证据包' })).toBeEnabled();
        await page.unroute(blocked);
        await page.goto('/self-check/');
        await expect(page.getByRole('heading', { name: /第 4 步：自评结果/ })).toBeVisible();
        const kept = await page.evaluate(() => localStorage.getItem('weinengli.self-check') ?? '');
        expect(kept).toContain('王晓红');
        expect(kept).toContain('小明在课堂上回答问题时有些犹豫。');
      });
  });
});
