/**
 * /review/ open in two tabs of one browser (one IndexedDB): a tab whose progress is older than
 * what the other tab saved writes nothing over it. It says so, keeps what was typed on the page,
 * and lets the reviewer load the other tab's progress, keep this tab's (after confirming), or
 * download this tab's first. With or without BroadcastChannel.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { exportDraftText } from '../../src/lib/self-check/draft';
import { teacherDraft } from '../support/teacher-draft';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { openReview } from './review-page';

const wangDraft = teacherDraft();
const WANG = {
  name: '王老师.json',
  mimeType: 'application/json',
  buffer: Buffer.from(exportDraftText(wangDraft, new Date(wangDraft.savedAt))),
};

const passBoxes = (page: Page) =>
  page
    .locator('section.teacher-review')
    .locator('[data-review-item="case-video"]')
    .getByRole('group', { name: /^合格标准/ })
    .getByRole('checkbox');
const comment = (page: Page) =>
  page.locator('[data-review-item="case-video"]').getByLabel('对“案例展示”的评语');
const elsewhere = (page: Page) => page.locator('[data-session-elsewhere]');

/** The autosave has written what is on the page. */
async function keptNow(page: Page) {
  await expect(page.locator('[data-session-saved]')).toContainText('评审进度已自动保存在本浏览器中');
}

/** Which of the five 合格 boxes are ticked, as the page shows them. */
async function ticks(page: Page): Promise<number[]> {
  const boxes = await passBoxes(page).all();
  const out: number[] = [];
  for (const [i, box] of boxes.entries()) if (await box.isChecked()) out.push(i);
  return out;
}

async function reloadReview(page: Page) {
  await page.reload();
  await expect(page.locator('.review-app')).toHaveAttribute('data-ready', 'true');
  await expect(passBoxes(page).first()).toBeVisible();
}

test.describe('two tabs on /review/', () => {
  test('the older tab stops saving and asks; each choice lands as chosen and survives a reload', async ({
    page: tabA,
    context,
  }) => {
    await openReview(tabA);
    await tabA.getByLabel(/^姓名/).fill('李老师');
    await tabA.getByLabel('打开自评文件').setInputFiles(WANG);
    await passBoxes(tabA).nth(0).check();
    await keptNow(tabA);

    // A second tab (one per teacher, or one left open): it reads A's ticks and adds its own.
    const tabB = await context.newPage();
    await openReview(tabB);
    await expect(passBoxes(tabB).nth(0)).toBeChecked();
    await passBoxes(tabB).nth(1).check();
    await keptNow(tabB);

    // Tab A learns at once that B saved, before anything more is typed in it.
    const message = elsewhere(tabA);
    await expect(message).toContainText('另一个标签页（或窗口）中的评审进度已更新，本页暂停保存');
    await expect(tabA.locator('.session-bar [role="status"]')).toContainText('本页暂停自动保存');
    await expectNoAxeViolations(tabA);

    // A's next change stays on A's page and is not written over B's.
    await passBoxes(tabA).nth(2).check();
    await comment(tabA).fill('本页的评语，暂未保存。');
    await tabA.waitForTimeout(1000);
    await expect(message).toBeVisible();
    await expect(passBoxes(tabA).nth(2)).toBeChecked();
    await expect(comment(tabA)).toHaveValue('本页的评语，暂未保存。');
    await reloadReview(tabB);
    expect(await ticks(tabB)).toEqual([0, 1]);
    await expect(comment(tabB)).toHaveValue('');
    await expect(elsewhere(tabB)).toHaveCount(0);

    // Download this tab's work first: the file holds what is on A's page.
    const pending = tabA.waitForEvent('download');
    await message.getByRole('button', { name: '下载本页的评审进度' }).click();
    const download = await pending;
    expect(download.suggestedFilename()).toMatch(/^评审进度_本页_\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(file.reviewer.name).toBe('李老师');
    expect(file.teachers[0].inputs.C5.items['case-video']).toMatchObject({
      pass: [0, 2],
      comment: '本页的评语，暂未保存。',
    });
    await expect(message).toBeVisible();

    // Keep this tab's: asked first, from the keyboard; 取消 takes focus so Enter twice is safe.
    await message.getByRole('button', { name: '保留本页的进度' }).focus();
    await tabA.keyboard.press('Enter');
    const confirm = message.getByRole('group', { name: '确认保留本页的评审进度' });
    await expect(confirm).toContainText('另一个标签页中新做的勾选和评语将被替换');
    await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
    await expectNoAxeViolations(tabA);
    await tabA.keyboard.press('Enter');
    await expect(confirm).toHaveCount(0);
    await expect(message).toBeVisible();
    await message.getByRole('button', { name: '保留本页的进度' }).click();
    await confirm.getByRole('button', { name: '确定替换' }).focus();
    await tabA.keyboard.press('Enter');
    await expect(message).toHaveCount(0);
    await expect(tabA.getByText('已用本页的评审进度替换另一个标签页保存的进度')).toBeVisible();
    await keptNow(tabA);

    // Now B is the older tab: it is told, and it loads A's progress and goes on from there.
    const messageB = elsewhere(tabB);
    await expect(messageB).toBeVisible();
    const load = messageB.getByRole('button', { name: '载入另一个标签页的进度' });
    await load.focus();
    await tabB.keyboard.press('Tab');
    await expect(messageB.getByRole('button', { name: '保留本页的进度' })).toBeFocused();
    await tabB.keyboard.press('Tab');
    await expect(messageB.getByRole('button', { name: '下载本页的评审进度' })).toBeFocused();
    await load.focus();
    await tabB.keyboard.press('Enter');
    await expect(messageB).toHaveCount(0);
    await expect(tabB.getByText(/^已载入另一个标签页保存的评审进度/)).toBeVisible();
    expect(await ticks(tabB)).toEqual([0, 2]);
    await expect(comment(tabB)).toHaveValue('本页的评语，暂未保存。');
    await passBoxes(tabB).nth(3).check();
    await keptNow(tabB);
    await reloadReview(tabB);
    expect(await ticks(tabB)).toEqual([0, 2, 3]);

    // And A, told in turn, takes B's.
    await expect(message).toBeVisible();
    await message.getByRole('button', { name: '载入另一个标签页的进度' }).click();
    expect(await ticks(tabA)).toEqual([0, 2, 3]);
    await reloadReview(tabA);
    expect(await ticks(tabA)).toEqual([0, 2, 3]);
    await expect(comment(tabA)).toHaveValue('本页的评语，暂未保存。');
  });

  test('without BroadcastChannel the check on save still stops the older tab', async ({
    page: tabA,
    context,
  }) => {
    await context.addInitScript(() =>
      Object.defineProperty(window, 'BroadcastChannel', { value: undefined, configurable: true }),
    );
    await openReview(tabA);
    await tabA.getByLabel('打开自评文件').setInputFiles(WANG);
    await keptNow(tabA);
    const tabB = await context.newPage();
    await openReview(tabB);
    await expect(passBoxes(tabB).first()).toBeVisible();

    await passBoxes(tabA).nth(0).check();
    await keptNow(tabA);
    // B has not heard: it learns on its next save, which writes nothing.
    await expect(elsewhere(tabB)).toHaveCount(0);
    await passBoxes(tabB).nth(4).check();
    await expect(elsewhere(tabB)).toContainText('本页暂停保存');
    await expect(passBoxes(tabB).nth(4)).toBeChecked();
    await reloadReview(tabA);
    expect(await ticks(tabA)).toEqual([0]);
  });
});
