/**
 * 分享 beside 下载, where the browser can share files (a phone): the self-check file, the PDF and
 * the review file go to the system's share sheet as files. The share sheet is stubbed; the test
 * reads the File it was handed. Where the browser cannot share files, there is no 分享.
 */
import type { Page } from '@playwright/test';
import { exportDraftText } from '../../src/lib/self-check/draft';
import { teacherDraft } from '../support/teacher-draft';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { openReview } from './review-page';
import { fillProfile } from './self-check-helpers';

interface Shared {
  name: string;
  type: string;
  size: number;
  text: string;
}

/** A share sheet that takes any file and keeps what it was handed, as a phone's would pass on. */
async function stubShareSheet(page: Page, canShare: boolean) {
  await page.addInitScript((can) => {
    const handed: unknown[] = [];
    Object.assign(window, { __shared: handed });
    Object.defineProperty(Navigator.prototype, 'canShare', {
      configurable: true,
      value: (data?: { files?: File[] }) => can && Array.isArray(data?.files) && data.files.length > 0,
    });
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: async (data: { files: File[] }) => {
        for (const f of data.files)
          handed.push({
            name: f.name,
            type: f.type,
            size: f.size,
            text: f.type === 'application/json' ? await f.text() : '',
          });
      },
    });
  }, canShare);
}

const shared = (page: Page) => page.evaluate(() => (window as unknown as { __shared: Shared[] }).__shared);

async function toSummary(page: Page) {
  await page.goto('/self-check/?a=C5');
  await fillProfile(page);
  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
}

test.describe('分享 where the browser can share files', () => {
  test('the wizard shares the self-check file and the PDF as files', async ({ page }) => {
    test.setTimeout(60_000);
    await stubShareSheet(page, true);
    await toSummary(page);
    await page.getByRole('button', { name: '分享自评文件' }).click();
    await expect.poll(async () => (await shared(page)).length).toBe(1);
    const [file] = await shared(page);
    expect(file?.name).toMatch(/^微能力自评_王晓红_\d{8}\.json$/);
    expect(file?.type).toBe('application/json');
    expect(file?.size).toBeGreaterThan(0);
    expect(JSON.parse(file?.text ?? '{}')).toMatchObject({ profile: { name: '王晓红' }, abilities: ['C5'] });

    await expect(page.getByRole('button', { name: /^分享 PDF/ }), 'only once a PDF is made').toBeHidden();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '生成 PDF 证据包' }).click();
    await download;
    await page.getByRole('button', { name: /^分享 PDF/ }).click();
    await expect.poll(async () => (await shared(page)).length).toBe(2);
    const pdf = (await shared(page))[1];
    expect(pdf?.name).toMatch(/^微能力自评_王晓红_\d{8}\.pdf$/);
    expect(pdf?.type).toBe('application/pdf');
    expect(pdf?.size).toBeGreaterThan(10_000);
    await expectNoAxeViolations(page);
  });

  test('/review/ shares the review file', async ({ page }) => {
    await stubShareSheet(page, true);
    await openReview(page);
    await page.getByLabel('打开自评文件').setInputFiles([
      {
        name: '王老师.json',
        mimeType: 'application/json',
        buffer: Buffer.from(exportDraftText(teacherDraft())),
      },
    ]);
    await expect(page.getByRole('heading', { name: /评审：王老师/ })).toBeVisible();
    // No reviewer yet: the page asks for the name, nothing is shared.
    await page.getByRole('button', { name: '分享评审意见文件' }).click();
    await expect(page.getByText('请先在页面上方填写评审人姓名。')).toBeVisible();
    expect(await shared(page)).toEqual([]);
    await page.getByLabel(/^姓名/).fill('李老师');
    await page.getByRole('button', { name: '分享评审意见文件' }).click();
    await expect.poll(async () => (await shared(page)).length).toBe(1);
    const [file] = await shared(page);
    expect(file?.name).toMatch(/^评审意见_王老师_.+\.json$/);
    expect(file?.type).toBe('application/json');
    expect(file?.size).toBeGreaterThan(0);
    expect(JSON.parse(file?.text ?? '{}')).toMatchObject({ reviewer: { name: '李老师' } });
    await expectNoAxeViolations(page);
  });
});

test('without file sharing there is no 分享, only 下载', async ({ page }) => {
  test.setTimeout(60_000);
  await stubShareSheet(page, false);
  await toSummary(page);
  await expect(page.getByRole('button', { name: '保存自评文件' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '生成 PDF 证据包' }).click();
  await download;
  await expect(page.locator('#pdf-status')).toContainText('PDF 已生成');
  await expect(page.getByRole('button', { name: /分享/ })).toHaveCount(0);
});
