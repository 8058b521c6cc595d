/**
 * /review/ keeps the reviewer's work in this browser: tick, comment, check a file, reload, and
 * it is all there; 清除 asks first; a damaged stored state keeps every part that still reads.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { exportDraftText } from '../../src/lib/self-check/draft';
import { importReviewText } from '../../src/lib/review/review-file';
import { addTeacher, emptySession, sessionText } from '../../src/lib/review/review-session';
import { teacherDraft } from '../support/teacher-draft';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { sidewaysScroll } from './layout';
import { openReview } from './review-page';
import { SUBPATH_ORIGIN } from '../../playwright.config';

const CASE_BYTES = Buffer.from('案例视频的内容'.repeat(200));
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const wangDraft = teacherDraft({ case: sha(CASE_BYTES) });
const chenDraft = { ...teacherDraft(), id: '1a2b3c4d-0000-4000-8000-000000000002' };
chenDraft.profile = { ...chenDraft.profile, name: '陈老师' };
const json = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
});
const WANG = json('王老师.json', exportDraftText(wangDraft, new Date(wangDraft.savedAt)));
const CHEN = json('陈老师.json', exportDraftText(chenDraft, new Date(chenDraft.savedAt)));

const section = (page: Page, name: string) =>
  page
    .locator('section.teacher-review')
    .filter({ has: page.getByRole('heading', { name: `评审：${name}` }) });
const passBoxes = (page: Page, name: string) =>
  section(page, name)
    .locator('[data-review-item="case-video"]')
    .getByRole('group', { name: /^合格标准/ })
    .getByRole('checkbox');

/** The autosave has written what is on the page (it waits a moment after the last change). */
async function keptNow(page: Page) {
  await expect(page.locator('[data-session-saved]')).toContainText('评审进度已自动保存在本浏览器中');
}

/**
 * A closing copy left by a tab that had read an older state, with 陈老师 opened in it: another
 * tab's save came after it, so the next visit keeps it aside.
 */
async function leaveOvertakenCopy(page: Page) {
  const closing = sessionText(
    addTeacher({ ...emptySession(), reviewer: { name: '张老师', role: '' } }, chenDraft, '陈老师.json')
      .session,
    new Date('2026-12-07T08:00:00.000Z'),
    'closing-tab',
  );
  await page.evaluate(
    (text) =>
      localStorage.setItem(
        'weinengli.closing.review-session',
        JSON.stringify({
          text,
          basedOn: ['long-ago'],
          writtenAs: 'closing-tab',
          at: '2026-12-07T08:00:00.000Z',
        }),
      ),
    closing,
  );
}

test.describe('review session kept in the browser', () => {
  test('tick, comment, check a file, pick the stage: a reload brings it all back; 清除 asks first', async ({
    page,
  }) => {
    await openReview(page);
    // Nothing kept yet: nothing to clear.
    await expect(page.getByRole('button', { name: '清除本机保存的评审进度' })).toHaveCount(0);
    await page.getByLabel(/^姓名/).fill('李老师');
    await page.getByLabel(/^身份或职务/).fill('数学教研组长');
    await page.getByLabel('打开自评文件').setInputFiles([WANG, CHEN]);
    const wang = section(page, '王老师');
    await expect(wang).toBeVisible();
    await wang.getByLabel('评审环节').selectOption('信息化团队复评');
    for (const box of (await passBoxes(page, '王老师').all()).slice(0, 3)) await box.check();
    const video = wang.locator('[data-review-item="case-video"]');
    await video.getByLabel('对“案例展示”的评语').fill('过程完整，数据来源单一。');
    await wang.getByLabel('对 C5 的总体评语').fill('尚未达到合格。');
    await wang.getByLabel('选择证据文件（可多选）').setInputFiles({
      name: '案例.mp4',
      mimeType: 'video/mp4',
      buffer: CASE_BYTES,
    });
    await expect(wang.locator('[data-verdict="same"]')).toContainText('案例.mp4：✓ 与自评时的文件一致');
    // The other teacher is shown when the page is left.
    await page
      .getByRole('navigation', { name: '选择要评审的教师' })
      .getByRole('button', { name: /陈老师/ })
      .click();
    await passBoxes(page, '陈老师').first().check();
    await keptNow(page);

    await page.reload();
    await expect(page.locator('.review-app')).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('[data-session-restored]')).toHaveText(
      /^已恢复上次在本浏览器中的评审进度：2 位教师的自评和您的评审（保存于 .+）。$/,
    );
    await expect(page.getByLabel(/^姓名/)).toHaveValue('李老师');
    await expect(page.getByLabel(/^身份或职务/)).toHaveValue('数学教研组长');
    await expect(section(page, '陈老师')).toBeVisible();
    await expect(passBoxes(page, '陈老师').first()).toBeChecked();
    await expectNoAxeViolations(page);
    await page
      .getByRole('navigation', { name: '选择要评审的教师' })
      .getByRole('button', { name: /王老师/ })
      .click();
    await expect(wang.getByLabel('评审环节')).toHaveValue('信息化团队复评');
    const boxes = passBoxes(page, '王老师');
    for (const i of [0, 1, 2]) await expect(boxes.nth(i)).toBeChecked();
    for (const i of [3, 4]) await expect(boxes.nth(i)).not.toBeChecked();
    await expect(video.getByLabel('对“案例展示”的评语')).toHaveValue('过程完整，数据来源单一。');
    await expect(wang.getByLabel('对 C5 的总体评语')).toHaveValue('尚未达到合格。');
    await expect(wang.locator('[data-verdict="same"]')).toContainText('案例.mp4：✓ 与自评时的文件一致');
    await expect(video).toContainText('案例.mp4：与自评时的文件一致');
    await expect(wang.locator('[data-reviewer-grade="C5"]')).toHaveText(/不合格/);

    // The review file made after the reload carries what was restored.
    const pending = page.waitForEvent('download');
    await wang.getByRole('button', { name: '保存评审意见文件' }).click();
    const saved = importReviewText(readFileSync(await (await pending).path(), 'utf8'));
    expect(saved.ok && saved.review).toMatchObject({
      stage: '信息化团队复评',
      reviewer: { name: '李老师', role: '数学教研组长' },
      abilities: {
        C5: {
          comment: '尚未达到合格。',
          items: {
            'case-video': {
              pass: [0, 1, 2],
              comment: '过程完整，数据来源单一。',
              files: [{ name: '案例.mp4', verdict: 'same' }],
            },
          },
        },
      },
    });

    // 清除 asks first; 取消 keeps everything.
    await page.getByRole('button', { name: '清除本机保存的评审进度' }).click();
    await expect(page.getByText(/^确定要清除本浏览器中保存的评审进度吗？/)).toBeVisible();
    await expectNoAxeViolations(page);
    await expect(page.getByRole('button', { name: '取消' })).toBeFocused();
    await page.getByRole('button', { name: '取消' }).click();
    await expect(wang).toBeVisible();
    await page.getByRole('button', { name: '清除本机保存的评审进度' }).click();
    await page.getByRole('button', { name: '确定清除' }).click();
    await expect(page.getByText('已清除本浏览器中保存的评审进度。')).toBeVisible();
    await expect(page.locator('section.teacher-review')).toHaveCount(0);
    await expect(page.getByLabel(/^姓名/)).toHaveValue('');
    await page.reload();
    await expect(page.locator('.review-app')).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('[data-session-restored]')).toHaveCount(0);
    await expect(page.locator('section.teacher-review')).toHaveCount(0);
    await expect(page.getByLabel(/^姓名/)).toHaveValue('');
  });

  test('a damaged stored state: every part that reads comes back, the rest is named and kept aside', async ({
    page,
  }) => {
    await openReview(page);
    await page.getByLabel(/^姓名/).fill('李老师');
    await page.getByLabel('打开自评文件').setInputFiles([WANG, CHEN]);
    const wang = section(page, '王老师');
    await passBoxes(page, '王老师').first().check();
    await wang.locator('[data-review-item="case-video"]').getByLabel('对“案例展示”的评语').fill('过程完整。');
    await wang.locator('[data-review-item="scenario"]').getByLabel('对“情景描述”的评语').fill('情境清楚。');
    await keptNow(page);

    // A half-written save or a hand edit: 陈老师's self-check and one of 王老师's items broken.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('weinengli', 1);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const get = db.transaction('school').objectStore('school').get('review-session');
      const text = await new Promise<string>(
        (resolve) => (get.onsuccess = () => resolve(get.result as string)),
      );
      const data = JSON.parse(text);
      data.teachers[1].draft.profile.stage = '大学';
      data.teachers[0].inputs.C5.items['case-video'].pass = ['第一条'];
      const tx = db.transaction('school', 'readwrite');
      tx.objectStore('school').put(JSON.stringify(data), 'review-session');
      await new Promise((resolve) => (tx.oncomplete = resolve));
    });
    await page.reload();
    await expect(page.locator('.review-app')).toHaveAttribute('data-ready', 'true');
    const alert = page.locator('[data-session-salvaged]');
    await expect(alert).toContainText('本机保存的评审进度有部分无法读取，其余已恢复');
    await expect(alert).toContainText('“陈老师.json”的自评内容无法读取');
    await expect(alert).toContainText('王老师的 C5 评审中有 1 处勾选或评语无法读取，已略去');
    await expect(page.getByLabel(/^姓名/)).toHaveValue('李老师');
    await expect(wang).toBeVisible();
    await expect(section(page, '陈老师')).toHaveCount(0);
    await expect(wang.locator('[data-review-item="scenario"]').getByLabel('对“情景描述”的评语')).toHaveValue(
      '情境清楚。',
    );
    await expect(passBoxes(page, '王老师').first()).not.toBeChecked();
    await expectNoAxeViolations(page);

    // The stored text as it was can be downloaded, even after the page has saved over it.
    await keptNow(page);
    const raw = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载原来保存的数据' }).click();
    const kept = JSON.parse(readFileSync(await (await raw).path(), 'utf8'));
    expect(kept.teachers).toHaveLength(2);
    expect(kept.teachers[1].draft.profile.name).toBe('陈老师');
  });

  test('a tick made just before the tab is closed, or before leaving for another page, is kept', async ({
    context,
    page,
  }) => {
    await openReview(page);
    await page.getByLabel('打开自评文件').setInputFiles(WANG);
    await passBoxes(page, '王老师').nth(0).check();
    await keptNow(page);
    // The last tick, then the tab closes at once: no moment passes for the autosave's pause.
    await passBoxes(page, '王老师').nth(2).check();
    await page.close({ runBeforeUnload: true });

    const again = await context.newPage();
    await openReview(again);
    await expect(passBoxes(again, '王老师').nth(0)).toBeChecked();
    await expect(passBoxes(again, '王老师').nth(2)).toBeChecked();

    // Following a link away straight after a tick keeps it too, and Back shows it.
    await passBoxes(again, '王老师').nth(3).check();
    await again.getByRole('link', { name: '首页' }).first().click();
    await again.waitForURL((url) => !url.pathname.includes('/review/'));
    await again.goBack();
    await expect(again.locator('.review-app')).toHaveAttribute('data-ready', 'true');
    await expect(passBoxes(again, '王老师').nth(3)).toBeChecked();
  });

  test('the last change of a tab closed after another tab saved is kept aside, not written over it', async ({
    page,
  }) => {
    await openReview(page);
    await page.getByLabel('打开自评文件').setInputFiles(WANG);
    await passBoxes(page, '王老师').nth(1).check();
    await keptNow(page);
    await leaveOvertakenCopy(page);
    await page.reload();
    await expect(page.locator('.review-app')).toHaveAttribute('data-ready', 'true');
    const aside = page.locator('[data-closing-aside]');
    await expect(aside).toContainText('最后的改动没有写入：另一个标签页在那之后保存了评审进度');
    // The other tab's work is what the page shows.
    await expect(passBoxes(page, '王老师').nth(1)).toBeChecked();
    await expect(page.getByRole('heading', { name: '评审：陈老师' })).toHaveCount(0);
    const download = page.waitForEvent('download');
    await aside.getByRole('button', { name: '下载关闭前的改动' }).click();
    const file = await (await download).path();
    const kept = JSON.parse(readFileSync(file, 'utf8'));
    expect(kept.teachers[0].draft.profile.name).toBe('陈老师');
    await expectNoAxeViolations(page);
    // Settled once: the next visit does not say it again.
    await page.reload();
    await expect(page.locator('.review-app')).toHaveAttribute('data-ready', 'true');
    await expect(page.locator('[data-closing-aside]')).toHaveCount(0);

    // The downloaded copy opens on the page like any file: offered, and loaded only once confirmed.
    await page.getByLabel('打开自评文件').setInputFiles({
      name: '评审进度_关闭前的改动.json',
      mimeType: 'application/json',
      buffer: readFileSync(file),
    });
    const offer = page.getByRole('region', { name: '打开的评审进度文件' });
    await expect(offer).toContainText('是保存下来的评审进度（评审人：张老师，1 位教师，保存于');
    await expectNoAxeViolations(page);
    await expect(passBoxes(page, '王老师').nth(1)).toBeChecked();
    await offer.getByRole('button', { name: '载入此评审进度' }).click();
    await offer.getByRole('button', { name: '确定载入' }).click();
    await expect(page.getByRole('heading', { name: '评审：陈老师' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '评审：王老师' })).toHaveCount(0);
    await expect(page.getByText('已载入“评审进度_关闭前的改动.json”中的评审进度')).toBeVisible();
    await keptNow(page);
    await page.reload();
    await expect(page.getByRole('heading', { name: '评审：陈老师' })).toBeVisible();
  });

  test('with the browser’s storage blocked (a privacy mode) it says so, and reviewing still works', async ({
    page,
  }) => {
    await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
    await openReview(page);
    const warning = page.getByRole('alert').filter({ hasText: '浏览器无法保存评审进度' });
    await expect(warning).toContainText('刷新或关闭页面前，请先点“保存评审意见文件”');
    await page.getByLabel('打开自评文件').setInputFiles(WANG);
    await passBoxes(page, '王老师').first().check();
    await expect(passBoxes(page, '王老师').first()).toBeChecked();
    await expect(warning).toBeVisible();
    await expect(page.locator('[data-session-saved]')).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
});

test.describe('on a phone, hosted under /handbook/', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });
  const REVIEW = `${SUBPATH_ORIGIN}/handbook/review/`;

  test('a tick made as the tab closes is kept; the kept-aside changes and the offered file fit the screen', async ({
    context,
    page,
  }) => {
    await openReview(page, REVIEW);
    await page.getByLabel('打开自评文件').setInputFiles(WANG);
    await passBoxes(page, '王老师').nth(0).tap();
    await keptNow(page);
    await passBoxes(page, '王老师').nth(2).tap();
    await page.close({ runBeforeUnload: true });

    const again = await context.newPage();
    await openReview(again, REVIEW);
    await expect(passBoxes(again, '王老师').nth(0)).toBeChecked();
    await expect(passBoxes(again, '王老师').nth(2)).toBeChecked();

    // A closing copy another tab's save overtook: said, downloadable, all on the screen.
    await leaveOvertakenCopy(again);
    await again.reload();
    await expect(again.locator('.review-app')).toHaveAttribute('data-ready', 'true');
    const aside = again.locator('[data-closing-aside]');
    await expect(aside).toContainText('最后的改动没有写入');
    expect(await sidewaysScroll(again)).toBeLessThanOrEqual(0);
    const button = aside.getByRole('button', { name: '下载关闭前的改动' });
    const box = await button.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
    await expectNoAxeViolations(again);
    const download = again.waitForEvent('download');
    await button.tap();
    const file = await (await download).path();

    await again.getByLabel('打开自评文件').setInputFiles({
      name: '评审进度_关闭前的改动.json',
      mimeType: 'application/json',
      buffer: readFileSync(file),
    });
    const offer = again.getByRole('region', { name: '打开的评审进度文件' });
    await expect(offer).toContainText('评审人：张老师，1 位教师');
    expect(await sidewaysScroll(again)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(again);
  });
});
