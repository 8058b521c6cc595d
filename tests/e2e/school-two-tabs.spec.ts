/**
 * /school/ open in two tabs of one browser (one IndexedDB): a tab whose archive is older than
 * what the other tab saved writes nothing over it. It says so, keeps what was typed on the page
 * (a recorded 认定结果), and lets the principal load the other tab's archive, keep this tab's
 * (after confirming), or download this tab's first. And an outcome recorded just before the tab
 * closes is there on the next visit; one overtaken by another tab's save is kept aside.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { emptyArchive, exportArchiveText } from '../../src/lib/school/archive-file';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { COUNTY, countyReviewFile, schoolFiles, seedPlan } from './plan-school-fixture';
import { SUBPATH_ORIGIN } from '../../playwright.config';
import { sidewaysScroll } from './layout';

const elsewhere = (page: Page) => page.locator('[data-session-elsewhere]');
const typed = (page: Page) => page.locator('[data-typed]');
const LI_NA = `李娜 C5 ${COUNTY}：合格（徐水区专家组，2025-06-21）`;

async function openSchool(page: Page, address = '/school/') {
  await page.goto(address);
  await expect(page.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
}

/** The autosave has written an archive of `files` files. */
async function keptNow(page: Page, files: number) {
  await expect(page.locator(`[data-saved="${files}"]`)).toContainText('已保存在本浏览器中');
}

async function reloadSchool(page: Page) {
  await page.reload();
  await expect(page.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
}

/** 李娜 C5 合格, recorded as the county's result. */
async function recordOutcome(page: Page) {
  const form = page.locator('[data-outcome-form]');
  await form.getByLabel('教师').selectOption('李娜');
  await form.getByLabel('微能力点').selectOption('C5');
  await form.getByLabel('结果').selectOption('合格');
  await form.getByLabel('认定日期').fill('2025-06-21');
  await form.getByLabel('认定人或认定单位').fill('徐水区专家组');
  await form.getByLabel('认定人或认定单位').press('Enter');
  await expect(page.locator('[data-outcome-message]')).toContainText('已录入：李娜 C5');
}

/** A principal's /school/ with the plan and the school's 19 files, saved. */
async function schoolWithFiles(page: Page) {
  await openSchool(page);
  await seedPlan(page);
  await reloadSchool(page);
  await page.getByLabel('选择文件（可多选）').setInputFiles(schoolFiles());
  await expect(page.locator('[data-load-report]')).toContainText('本次读入 8 份自评、11 份评审意见');
  await keptNow(page, 19);
}

test.describe('two tabs on /school/', () => {
  test('the older tab stops saving and asks; each choice lands as chosen and survives a reload', async ({
    page: tabA,
    context,
  }) => {
    test.setTimeout(120_000);
    await schoolWithFiles(tabA);

    // A second tab: it reads A's archive.
    const tabB = await context.newPage();
    await openSchool(tabB);
    await keptNow(tabB, 19);

    // A imports the county's file; B learns at once, before anything is typed in it.
    await tabA.getByLabel('选择文件（可多选）').setInputFiles([countyReviewFile()]);
    await keptNow(tabA, 20);
    const message = elsewhere(tabB);
    await expect(message).toContainText('另一个标签页（或窗口）中的考核档案已更新，本页暂停保存');
    await expect(tabB.locator('[data-paused]')).toContainText('本页暂停自动保存');
    await expectNoAxeViolations(tabB);

    // B's outcome stays on B's page and is not written over A's import.
    await recordOutcome(tabB);
    await expect(typed(tabB)).toContainText(LI_NA);
    await tabB.waitForTimeout(1000);
    await expect(message).toBeVisible();
    await reloadSchool(tabA);
    await keptNow(tabA, 20);
    await expect(typed(tabA)).toHaveCount(0);
    await expect(elsewhere(tabA)).toHaveCount(0);

    // Download this tab's archive first: the file holds what is on B's page, outcome included.
    const pending = tabB.waitForEvent('download');
    await message.getByRole('button', { name: '下载本页的档案文件' }).click();
    const download = await pending;
    expect(download.suggestedFilename()).toMatch(/^学校考核档案_本页_\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(file.reviews).toHaveLength(11);
    expect(file.outcomes).toMatchObject([{ teacher: '李娜', code: 'C5', grade: '合格', by: '徐水区专家组' }]);
    await expect(message).toBeVisible();

    // Keep this tab's: asked first, from the keyboard; 取消 takes focus so Enter twice is safe.
    await message.getByRole('button', { name: '保留本页的档案' }).focus();
    await tabB.keyboard.press('Enter');
    const confirm = message.getByRole('group', { name: '确认保留本页的考核档案' });
    await expect(confirm).toContainText('另一个标签页中新载入的文件和录入的结果将被替换');
    await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
    await expectNoAxeViolations(tabB);
    await tabB.keyboard.press('Enter');
    await expect(confirm).toHaveCount(0);
    await expect(message).toBeVisible();
    await message.getByRole('button', { name: '保留本页的档案' }).click();
    await confirm.getByRole('button', { name: '确定替换' }).focus();
    await tabB.keyboard.press('Enter');
    await expect(message).toHaveCount(0);
    await expect(tabB.getByText('已用本页的考核档案替换另一个标签页保存的档案')).toBeVisible();
    await keptNow(tabB, 19);
    await reloadSchool(tabB);
    await expect(typed(tabB)).toContainText(LI_NA);
    await keptNow(tabB, 19);

    // Now A is the older tab: it is told, and it loads B's archive (keyboard) and goes on from there.
    const messageA = elsewhere(tabA);
    await expect(messageA).toBeVisible();
    const load = messageA.getByRole('button', { name: '载入另一个标签页的档案' });
    await load.focus();
    await tabA.keyboard.press('Tab');
    await expect(messageA.getByRole('button', { name: '保留本页的档案' })).toBeFocused();
    await tabA.keyboard.press('Tab');
    await expect(messageA.getByRole('button', { name: '下载本页的档案文件' })).toBeFocused();
    await load.focus();
    await tabA.keyboard.press('Enter');
    await expect(messageA).toHaveCount(0);
    await expect(tabA.getByText('已载入另一个标签页保存的考核档案，本页继续自动保存。')).toBeVisible();
    await expect(typed(tabA)).toContainText(LI_NA);
    await keptNow(tabA, 19);

    // A imports the county's file again, on top of B's outcome; B, told in turn, takes A's.
    await tabA.getByLabel('选择文件（可多选）').setInputFiles([countyReviewFile()]);
    await keptNow(tabA, 20);
    await expect(message).toBeVisible();
    await message.getByRole('button', { name: '载入另一个标签页的档案' }).click();
    await keptNow(tabB, 20);
    await expect(typed(tabB)).toContainText(LI_NA);
    await reloadSchool(tabB);
    await keptNow(tabB, 20);
    await expect(typed(tabB)).toContainText(LI_NA);
  });

  test('清除本机数据 in an older tab removes nothing the other tab saved', async ({
    page: tabA,
    context,
  }) => {
    test.setTimeout(90_000);
    await schoolWithFiles(tabA);
    const tabB = await context.newPage();
    await openSchool(tabB);
    await keptNow(tabB, 19);
    await recordOutcome(tabA);
    await expect(elsewhere(tabB)).toBeVisible();
    await tabB.getByRole('button', { name: '清除本机数据' }).click();
    await tabB.getByRole('button', { name: '确定清除' }).click();
    await expect(elsewhere(tabB)).toBeVisible();
    await reloadSchool(tabA);
    await keptNow(tabA, 19);
    await expect(typed(tabA)).toContainText(LI_NA);
  });
});

test('without BroadcastChannel the check on save still stops the older tab', async ({
  page: tabA,
  context,
}) => {
  test.setTimeout(90_000);
  await context.addInitScript(() =>
    Object.defineProperty(window, 'BroadcastChannel', { value: undefined, configurable: true }),
  );
  await schoolWithFiles(tabA);
  const tabB = await context.newPage();
  await openSchool(tabB);
  await keptNow(tabB, 19);
  await tabA.getByLabel('选择文件（可多选）').setInputFiles([countyReviewFile()]);
  await keptNow(tabA, 20);
  // B has not heard: it learns on its next save, which writes nothing.
  await expect(elsewhere(tabB)).toHaveCount(0);
  await recordOutcome(tabB);
  await expect(elsewhere(tabB)).toContainText('本页暂停保存');
  await expect(typed(tabB)).toContainText(LI_NA);
  await reloadSchool(tabA);
  await keptNow(tabA, 20);
  await expect(typed(tabA)).toHaveCount(0);
});

test.describe('closing the tab on /school/', () => {
  test('an outcome recorded just before the tab is closed is there on the next visit', async ({
    context,
    page,
  }) => {
    test.setTimeout(90_000);
    await schoolWithFiles(page);
    // The outcome, then the tab closes at once: no moment passes for the autosave's pause.
    await recordOutcome(page);
    await page.close({ runBeforeUnload: true });

    const again = await context.newPage();
    await openSchool(again);
    await expect(typed(again)).toContainText(LI_NA);
    await keptNow(again, 19);
  });

  test('the last change of a tab closed after another tab saved is kept aside, not written over it', async ({
    page,
  }) => {
    await openSchool(page);
    await page.getByLabel('全校教师人数（可不填，不填按已载入的教师计）').fill('80');
    await expect(page.locator('[data-total-note]')).toBeVisible();
    // Saved (nothing in the hint without files): give the autosave its moment.
    await page.waitForTimeout(800);
    // A closing copy left by a tab that had read an older archive, with 95 typed in it.
    const closing = exportArchiveText(
      { ...emptyArchive(), settings: { region: '', teacherTotal: 95 } },
      new Date('2026-12-07T08:00:00.000Z'),
    );
    await page.evaluate(
      (text) =>
        localStorage.setItem(
          'weinengli.closing.school-archive',
          JSON.stringify({
            text,
            basedOn: ['2020-01-01T00:00:00.000Z'],
            writtenAs: '2026-12-07T08:00:00.000Z',
            at: '2026-12-07T08:00:00.000Z',
          }),
        ),
      closing,
    );
    await reloadSchool(page);
    const aside = page.locator('[data-closing-aside]');
    await expect(aside).toContainText('最后的改动没有写入：另一个标签页在那之后保存了考核档案');
    // The other tab's archive is what the page shows.
    await expect(page.getByLabel('全校教师人数（可不填，不填按已载入的教师计）')).toHaveValue('80');
    const download = page.waitForEvent('download');
    await aside.getByRole('button', { name: '下载关闭前的改动' }).click();
    const kept = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
    expect(kept.settings.teacherTotal).toBe(95);
    await expectNoAxeViolations(page);
    // Settled once: the next visit does not say it again.
    await reloadSchool(page);
    await expect(page.locator('[data-closing-aside]')).toHaveCount(0);
    await expect(page.getByLabel('全校教师人数（可不填，不填按已载入的教师计）')).toHaveValue('80');
  });
});

test.describe('on a phone, hosted under /handbook/', () => {
  test.use({ viewport: { width: 360, height: 740 }, hasTouch: true });

  test('the older tab’s question fits the screen, and its choices are reachable', async ({
    page: tabA,
    context,
  }) => {
    const open = (page: Page) => openSchool(page, `${SUBPATH_ORIGIN}/handbook/school/`);
    const files = schoolFiles();
    await open(tabA);
    await tabA.getByLabel('选择文件（可多选）').setInputFiles(files.slice(0, 4));
    await keptNow(tabA, 4);
    const tabB = await context.newPage();
    await open(tabB);
    await keptNow(tabB, 4);

    await tabA.getByLabel('选择文件（可多选）').setInputFiles(files.slice(4, 6));
    await keptNow(tabA, 6);
    const message = elsewhere(tabB);
    await expect(message).toContainText('另一个标签页（或窗口）中的考核档案已更新，本页暂停保存');
    expect(await sidewaysScroll(tabB)).toBeLessThanOrEqual(0);
    for (const button of await message.getByRole('button').all()) {
      const box = await button.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
    }
    await expectNoAxeViolations(tabB);
    await message.getByRole('button', { name: /载入另一个标签页/ }).tap();
    await expect(message).toHaveCount(0);
    await keptNow(tabB, 6);
  });
});
