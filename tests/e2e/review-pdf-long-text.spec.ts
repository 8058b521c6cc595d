/**
 * Assessment day: a reviewer's long comments reached the review PDF only in part, the rest ran
 * over the footer and off the page. A reviewer writes the longest comments the page takes, on an
 * item and on the ability, makes the PDF, and every character comes back, in order, from pages
 * that are all A4.
 */
import { exportDraftText } from '../../src/lib/self-check/draft';
import { teacherDraft } from '../support/teacher-draft';
import { expect, test } from './fixtures';
import { pdfPagesWithSize } from './pdf-text';
import { readFileSync } from 'node:fs';
import { openReview } from './review-page';

/** `length` characters of a reviewer's prose, numbered so that a lost or repeated run shows. */
function longComment(length: number, topic: string): string {
  let text = '';
  for (let n = 1; text.length < length; n++)
    text += `第${n}条${topic}：学生的作品显示出数据采集的过程，建议补充问卷数据。`;
  return text.slice(0, length);
}

test('a review PDF keeps every character of long comments, flowing across pages', async ({ page }) => {
  test.setTimeout(90_000);
  await openReview(page);
  await page.getByLabel(/^姓名/).fill('李老师');
  await page.getByLabel('打开自评文件').setInputFiles([
    {
      name: '微能力自评_王老师_20250401.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exportDraftText(teacherDraft())),
    },
  ]);
  await expect(page.getByRole('heading', { name: /评审：王老师/ })).toBeVisible();

  const itemField = page.getByLabel('对“案例展示”的评语').locator('visible=true');
  const abilityField = page.getByLabel('对 C5 的总体评语');
  const itemLimit = Number(await itemField.getAttribute('maxlength'));
  const abilityLimit = Number(await abilityField.getAttribute('maxlength'));
  const itemComment = longComment(itemLimit, '评语');
  const abilityComment = longComment(abilityLimit, '总评');
  await itemField.fill(itemComment);
  await abilityField.fill(abilityComment);
  await expect(itemField).toHaveValue(itemComment);

  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: /^生成填好“.+”栏的 PDF 证据包$/ }).click();
  const pdf = await pending;
  const pages = await pdfPagesWithSize(new Uint8Array(readFileSync(await pdf.path())));

  // Each page's running title and footer, and the column heads a table repeats on the page it
  // continues on, stand between the pieces of a comment that flowed on; the reader skips them.
  const furniture =
    /微能力自评证据包(C5基于数据的个别化指导)?第\d+页\/共\d+页生成于[^微]*微能力手册[\d.]+(证据项自评原因教师组内互评复评|评价环节等级评价人日期意见)?/g;
  const text = pages
    .map((p) => p.text)
    .join('')
    .replace(/\s+/g, '')
    .replace(furniture, '');
  expect(text).toContain(itemComment.replace(/\s+/g, ''));
  expect(text).toContain(abilityComment.replace(/\s+/g, ''));
  // The comments need more than the pages of the packet without them: they flowed on.
  expect(pages.length).toBeGreaterThan(2);
  for (const p of pages) {
    expect(Math.round(p.width)).toBe(595);
    expect(Math.round(p.height)).toBe(842);
  }
});
