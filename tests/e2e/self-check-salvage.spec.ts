/**
 * Nothing a teacher types is lost: an invalid value is caught under its field and never saved,
 * and a saved draft with one bad field comes back with everything else, saying what it set aside.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { item, savedNow, setStoredField, toEvidence } from './self-check-helpers';

/** The C5 case video, marked ready and titled. */
async function startCaseVideo(page: Page) {
  await toEvidence(page, 'C5');
  const video = item(page, 'case-video');
  await video.getByLabel('这项证据我已准备好').check();
  await video.getByLabel('证据标题').fill('分层作业的个别化指导');
  return video;
}

test('a duration typed in seconds, or a negative one, is caught under the field and not saved; reload keeps the rest', async ({
  page,
}) => {
  const video = await startCaseVideo(page);
  const minutes = video.getByLabel(/最长一份的时长（分钟）/);
  const message = video.getByText('须为 0—600 之间的数字（分钟）');

  await minutes.fill('3600');
  await expect(message).toBeVisible();
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');
  await expect(minutes).toHaveAccessibleDescription('须为 0—600 之间的数字（分钟）');
  await expectNoAxeViolations(page);
  // The grade treats the duration as not given, not as 3600 minutes.
  await expect(video).toContainText('未提供时长');

  await minutes.fill('-5');
  await expect(message).toBeVisible();
  await savedNow(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(/第 3 步/);
  await expect(page.getByText(/无法读取/)).toHaveCount(0);
  await expect(item(page, 'case-video').getByLabel('证据标题')).toHaveValue('分层作业的个别化指导');
  await expect(item(page, 'case-video').getByLabel(/最长一份的时长（分钟）/)).toHaveValue('');
  await expect(page.getByLabel('姓名', { exact: true })).toHaveCount(0);

  // A valid value clears the message at once and is kept.
  const again = item(page, 'case-video').getByLabel(/最长一份的时长（分钟）/);
  await again.fill('-1');
  await expect(item(page, 'case-video').getByText('须为 0—600 之间的数字（分钟）')).toBeVisible();
  await again.fill('8');
  await expect(item(page, 'case-video').getByText('须为 0—600 之间的数字（分钟）')).toHaveCount(0);
  await expect(again).not.toHaveAttribute('aria-invalid', 'true');
  await savedNow(page);
  await page.reload();
  await expect(item(page, 'case-video').getByLabel(/最长一份的时长（分钟）/)).toHaveValue('8');
});

test('a stored draft with one bad field: everything else comes back, the notice names what was set aside, and the raw file imports the same way', async ({
  page,
}) => {
  const video = await startCaseVideo(page);
  await video.getByLabel('简要说明').fill('面向三位学生的作业分层。');
  await video.getByLabel('视频中出现了我本人的形象').check();
  await video
    .getByRole('group', { name: /合格标准/ })
    .getByRole('checkbox')
    .nth(1)
    .check();
  await page.getByLabel('我的反思（写入 PDF 证据包）').fill('数据让指导更有针对性。');
  await savedNow(page);
  // The stored draft gets one value no field accepts, as an older version could have saved.
  const raw = await setStoredField(page, ['evidence', 'C5', 'items', 'case-video', 'manualMinutes'], 3600);
  await page.reload();

  const notice = page.getByRole('alert').filter({ hasText: '无法读取' });
  await expect(notice).toContainText('浏览器中保存的自评有 1 处内容无法读取，已略去；其余内容都已恢复');
  await expect(notice.getByRole('listitem')).toHaveText([
    '第 1 个微能力点（C5）的证据“案例展示”的时长：须为 0—600 之间的数字（分钟）（原来是 3600），已舍弃。',
  ]);
  await expectNoAxeViolations(page);

  await expect(page.getByRole('heading', { level: 2 })).toHaveText(/第 3 步：逐项自查证据——C5/);
  await expect(page.getByLabel('姓名', { exact: true })).toHaveCount(0);
  await expect(video.getByLabel('证据标题')).toHaveValue('分层作业的个别化指导');
  await expect(video.getByLabel('简要说明')).toHaveValue('面向三位学生的作业分层。');
  await expect(video.getByLabel('视频中出现了我本人的形象')).toBeChecked();
  await expect(
    video
      .getByRole('group', { name: /合格标准/ })
      .getByRole('checkbox')
      .nth(1),
  ).toBeChecked();
  await expect(page.getByLabel('我的反思（写入 PDF 证据包）')).toHaveValue('数据让指导更有针对性。');

  // The rescued file is the stored text, and importing it gives the same draft and the same notes.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载原来的数据' }).click();
  const rescuedPath = await (await download).path();
  expect(readFileSync(rescuedPath, 'utf8')).toBe(raw);
  await video.getByLabel('证据标题').fill('改过的标题');
  await page.getByLabel('打开自评文件').setInputFiles({
    name: '原来的数据.json',
    mimeType: 'application/json',
    buffer: readFileSync(rescuedPath),
  });
  // Work is in progress, so the file replaces it only when the teacher says so.
  await page
    .getByRole('group', { name: '确认打开自评文件' })
    .getByRole('button', { name: '确定替换' })
    .click();
  const imported = page.getByRole('alert').filter({ hasText: '已打开“原来的数据.json”' });
  await expect(imported).toContainText('其中 1 处内容无法读取，已略去');
  await expect(imported.getByRole('listitem')).toHaveText([/证据“案例展示”的时长.*原来是 3600.*已舍弃/]);
  await expect(item(page, 'case-video').getByLabel('证据标题')).toHaveValue('分层作业的个别化指导');

  // A file that is not a self-check still replaces nothing.
  await page.getByLabel('打开自评文件').setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from(raw.replace('"app":"微能力手册"', '"app":"别的应用"')),
  });
  await expect(page.getByRole('alert').filter({ hasText: '未能打开“other.json”' })).toContainText(
    '当前的自评没有改动',
  );
  await expect(item(page, 'case-video').getByLabel('证据标题')).toHaveValue('分层作业的个别化指导');
});
