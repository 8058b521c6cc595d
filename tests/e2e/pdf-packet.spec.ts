import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pdfPagesText } from './pdf-text';

const MEDIA = join(import.meta.dirname, '../fixtures/media');
const compact = (text: string) => text.replace(/\s+/g, '');

async function completeC5(page: Page, name: string) {
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
    await completeC5(page, '王晓红');
    expect(pdfRequests, 'jsPDF and the font load only when a PDF is asked for').toEqual([]);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '生成 PDF 证据包' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^微能力自评_王晓红_\d{8}\.pdf$/);
    await expect(page.locator('#pdf-status')).toContainText('PDF 已生成');
    const pages = await pdfPagesText(await file.path());
    const all = compact(pages.join(''));
    expect(compact(pages[0] ?? '')).toContain('王晓红');
    expect(compact(pages[0] ?? '')).toContain('徐水区特殊教育学校');
    expect(all).toContain('C5基于数据的个别化指导');
    expect(all).toContain('C6应用数据分析模型');
    expect(all).toContain('自评结果：合格');
    expect(all).toContain('自评结果：不合格');
    expect(all).toContain(compact('围绕问题和假设收集的数据可靠、合理;'));
    expect(all).toContain('case-9min.webm');
    expect(all).toContain('组内互评');
    expect(all).toContain(compact(`第 1 页 / 共 ${pages.length} 页`));
  });

  test('a name with a character outside the subset is reported and the PDF still comes out', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await completeC5(page, '王㺭');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '生成 PDF 证据包' }).click();
    const file = await download;
    await expect(page.getByRole('alert')).toContainText('㺭');
    const pages = await pdfPagesText(await file.path());
    expect(compact(pages[0] ?? '')).toMatch(/王(㺭|〓)/);
  });
});
