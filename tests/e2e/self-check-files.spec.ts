/**
 * What the wizard makes of the evidence file a teacher picks, as it is on assessment day: an empty
 * file, a photo renamed .mp4, a second pick on an item that takes one file, a very long name, and
 * an MP4 whose header claims far less time than its tracks play.
 */
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mp4Bytes } from '../support/mp4-boxes';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { item, toEvidence } from './self-check-helpers';

const MEDIA = join(import.meta.dirname, '../fixtures/media');
/** The first bytes of a PNG, then a little picture data: a photo, whatever its name. */
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);

/** C5's 案例展示 (one video, at most 10 minutes) and its file picker, the profile filled. */
async function caseVideo(page: Page) {
  await toEvidence(page, 'C5');
  const video = item(page, 'case-video');
  return { video, picker: video.getByLabel(/选择本地文件/) };
}

test.describe('self-check: the evidence file picked', () => {
  test('a photo renamed .mp4 is not a video, typed minutes or not; an empty file is said to be empty', async ({
    page,
  }) => {
    const { video, picker } = await caseVideo(page);
    await picker.setInputFiles({ name: '课堂实录.mp4', mimeType: 'video/mp4', buffer: PNG });
    await expect(video.getByRole('alert')).toContainText(
      '“课堂实录.mp4”的内容是PNG 图片，不是视频（可能只是改了扩展名），按实际内容核对形式。',
    );
    await expect(video.getByRole('list', { name: '已选文件' })).toContainText('image/png');
    const minutes = video.getByLabel(/最长一份的时长（分钟）/);
    await minutes.fill('8');
    await expect(video.locator('[data-grade]').first()).toHaveText(/不合格/);
    await expect(video.getByText('「案例展示」形式不符：“课堂实录.mp4”不是视频')).toBeVisible();
    await expectNoAxeViolations(page);

    // The same item, now an empty file (a copy that never finished): replaced, and said to be empty.
    await picker.setInputFiles({ name: '案例.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(0) });
    await expect(video.getByRole('alert')).toContainText('“案例.mp4”是空文件（0 字节），没有内容');
    await expect(video.locator('[data-grade]').first()).toHaveText(/不合格/);
    await expect(video.getByText('「案例展示」“案例.mp4”是空文件（0 字节）')).toBeVisible();
  });

  test('on an item that takes one file, a new pick replaces the old one; 撤销 brings it back', async ({
    page,
  }) => {
    const { video, picker } = await caseVideo(page);
    const files = video.getByRole('list', { name: '已选文件' }).getByRole('listitem');
    await picker.setInputFiles(join(MEDIA, 'case-11min.webm'));
    await expect(files).toHaveCount(1);
    await expect(files).toContainText('case-11min.webm');
    await picker.setInputFiles(join(MEDIA, 'case-9min.webm'));
    await expect(files).toHaveCount(1);
    await expect(files).toContainText('case-9min.webm');
    await expect(video.getByText('已用“case-9min.webm”替换“case-11min.webm”。')).toBeVisible();
    await expect(video.getByText('「案例展示」时长 11 分 0 秒，超过 10 分钟的上限')).toHaveCount(0);
    await page.reload();
    await expect(files).toHaveCount(1);
    await expect(files).toContainText('case-9min.webm');

    await picker.setInputFiles(join(MEDIA, 'case-11min.webm'));
    await video.getByRole('button', { name: /^撤销\s*替换“case-9min.webm”$/ }).click();
    await expect(files).toHaveCount(1);
    await expect(files).toContainText('case-9min.webm');
    await expect(files).toContainText('时长 9 分 0 秒');
  });

  test('a file name longer than 255 characters is said to be shortened', async ({ page }) => {
    const { video, picker } = await caseVideo(page);
    const name = `${'第三单元分层作业个别化指导课堂实录'.repeat(16)}.webm`;
    expect(name.length).toBeGreaterThan(255);
    await picker.setInputFiles({
      name,
      mimeType: 'video/webm',
      buffer: readFileSync(join(MEDIA, 'case-9min.webm')),
    });
    await expect(video.getByRole('alert')).toContainText(
      `文件名有 ${name.length} 个字符，超过 255 个，自评中只记下前 255 个字符；提交平台前最好把文件名改短。`,
    );
    await expect(video.getByText(/时长 9 分 0 秒/)).toBeVisible();
  });

  test('an MP4 whose header claims 60 s while its tracks run 12 minutes is judged on the 12 minutes', async ({
    page,
  }) => {
    const { video, picker } = await caseVideo(page);
    const buffer = Buffer.from(mp4Bytes({ movieSeconds: 60, trackSeconds: [720, 720], mdatBytes: 2048 }));
    await picker.setInputFiles({ name: '课例.mp4', mimeType: 'video/mp4', buffer });
    await expect(video.getByRole('alert')).toContainText(
      '“课例.mp4”文件里记的时长不一致（短的 1 分 0 秒，长的 12 分 0 秒），播放时以长的为准，按 12 分 0 秒 核对时长上限。',
    );
    await expect(video.getByText('「案例展示」时长 12 分 0 秒，超过 10 分钟的上限')).toBeVisible();
    await expect(video.locator('[data-grade]').first()).toHaveText(/不合格/);
  });

  test('the file readers load with the first pick; if they cannot, the teacher is told and keeps the file there', async ({
    page,
  }) => {
    const { video, picker } = await caseVideo(page);
    await picker.setInputFiles(join(MEDIA, 'case-9min.webm'));
    await expect(video.getByText(/时长 9 分 0 秒/)).toBeVisible();
    // The draft with the file is stored before a second page reads it.
    await page.waitForFunction(() =>
      Object.keys(localStorage).some((key) => localStorage.getItem(key)?.includes('case-9min.webm')),
    );
    // A second page, its readers not yet loaded, then the network drops.
    const second = await page.context().newPage();
    await second.route(/\/_astro\/file-metadata\.[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
    await second.goto('/self-check/');
    const secondVideo = item(second, 'case-video');
    await expect(secondVideo.getByText(/时长 9 分 0 秒/)).toBeVisible();
    await secondVideo.getByLabel(/选择本地文件/).setInputFiles(join(MEDIA, 'case-11min.webm'));
    await expect(secondVideo.getByRole('alert')).toContainText('读取文件信息所需的程序没有加载成功');
    await expect(secondVideo.getByRole('list', { name: '已选文件' })).toContainText('case-9min.webm');
    await expect(secondVideo.getByRole('list', { name: '已选文件' })).not.toContainText('case-11min.webm');
  });
});
