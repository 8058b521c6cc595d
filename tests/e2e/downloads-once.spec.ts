/**
 * A double-click on a save or download button hands over one file, not two: the wizard's PDF and
 * self-check file, the review file and review PDF on /review/, the rubric file on /rubrics/, the
 * school's CSV and archive file on /school/.
 */
import type { Locator, Page } from '@playwright/test';
import { exportDraftText } from '../../src/lib/self-check/draft';
import { handbookAbilities, makeDraft } from '../support/archive-fixtures';
import { teacherDraft } from '../support/teacher-draft';
import { expect, test } from './fixtures';
import { enterShortRubric } from './rubric-entry';
import { fillProfile } from './self-check-helpers';
import { openReview } from './review-page';

/** Time for a second file to arrive had the double-click's second click been acted on. */
const SETTLE_MS = 1500;

/** Double-clicks `button` and returns the names of the files the browser was handed. */
async function doubleClickDownloads(page: Page, button: Locator): Promise<string[]> {
  const names: string[] = [];
  const listener = (d: { suggestedFilename(): string }) => names.push(d.suggestedFilename());
  page.on('download', listener);
  const first = page.waitForEvent('download', { timeout: 60_000 });
  await button.dblclick();
  await first;
  await page.waitForTimeout(SETTLE_MS);
  page.off('download', listener);
  return names;
}

const json = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
});

test.describe('a double-click downloads one file', () => {
  test('wizard: the PDF packet and the self-check file', async ({ page }) => {
    test.setTimeout(90_000);
    await page.goto('/self-check/?a=C5');
    await fillProfile(page);
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
    await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
    const pdf = await doubleClickDownloads(page, page.getByRole('button', { name: '生成 PDF 证据包' }));
    expect(pdf).toHaveLength(1);
    expect(pdf[0]).toMatch(/^微能力自评_王晓红_\d{8}\.pdf$/);
    await expect(page.locator('#pdf-status')).toContainText('PDF 已生成');
    const file = await doubleClickDownloads(page, page.getByRole('button', { name: '保存自评文件' }));
    expect(file).toHaveLength(1);
    expect(file[0]).toMatch(/^微能力自评_王晓红_\d{8}\.json$/);
  });

  test('/review/: the review file and the review PDF', async ({ page }) => {
    test.setTimeout(90_000);
    await openReview(page);
    await page.getByLabel(/^姓名/).fill('李老师');
    await page
      .getByLabel('打开自评文件')
      .setInputFiles([json('微能力自评_王老师_20250401.json', exportDraftText(teacherDraft()))]);
    await expect(page.getByRole('heading', { name: /评审：王老师/ })).toBeVisible();
    const file = await doubleClickDownloads(page, page.getByRole('button', { name: '保存评审意见文件' }));
    expect(file).toHaveLength(1);
    const pdf = await doubleClickDownloads(
      page,
      page.getByRole('button', { name: '生成填好“教师组内互评”栏的 PDF 证据包' }),
    );
    expect(pdf).toHaveLength(1);
    expect(pdf[0]).toMatch(/\.pdf$/);
  });

  test('/rubrics/: the rubric file', async ({ page }) => {
    await enterShortRubric(page, '/rubrics/?a=A6');
    const file = await doubleClickDownloads(page, page.getByRole('button', { name: '下载评价标准文件' }));
    expect(file).toHaveLength(1);
    expect(file[0]).toMatch(/\.json$/);
  });

  test('/school/: the CSV and the archive file', async ({ page }) => {
    await page.goto('/school/');
    await expect(page.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
    const draft = makeDraft(
      { school: '广州市越秀区实验小学', region: 'guangzhou', name: '王晓红', levels: { C5: '合格' } },
      handbookAbilities(),
    );
    await page.getByLabel('选择文件（可多选）').setInputFiles([json('王晓红.json', exportDraftText(draft))]);
    await expect(page.locator('[data-load-report]')).toContainText('本次读入 1 份自评');
    const csv = await doubleClickDownloads(
      page,
      page.getByRole('button', { name: '导出 CSV（Excel / WPS）' }),
    );
    expect(csv).toHaveLength(1);
    const archive = await doubleClickDownloads(page, page.getByRole('button', { name: '保存档案文件' }));
    expect(archive).toHaveLength(1);
  });
});
