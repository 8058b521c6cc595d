/**
 * The wizard never loses a teacher's draft: a colleague's file replaces it only when the teacher
 * says so (and 撤销 brings it back), two tabs on one draft never write over each other, a stored
 * draft that could not be read is kept until the teacher lets it go, and a double-click or the
 * browser's Back button moves one step, no more.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Page } from '@playwright/test';
import { emptyDraft, exportDraftText, type Draft } from '../../src/lib/self-check/draft';
import { buildReviewFile } from '../../src/lib/review/review';
import { exportReviewText } from '../../src/lib/review/review-file';
import { makePack } from '../../src/lib/rubrics/rubric-file';
import { encodeShareFragment } from '../../src/lib/rubrics/rubric-link';
import { abilityRubricArb } from '../support/rubric-arbitraries';
import { teacherDraft } from '../support/teacher-draft';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { fillProfile, item, savedNow, setStoredField, toEvidence } from './self-check-helpers';

const jsonFile = (name: string, text: string) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(text),
});
const heading = (page: Page) => page.getByRole('heading', { level: 2 });
const nameField = (page: Page) => page.getByLabel('姓名', { exact: true });

/** 李四's self-check, another teacher's draft (its own id). */
function colleagueDraft(): Draft {
  const d = emptyDraft(new Date('2025-04-01T08:00:00.000Z'));
  return {
    ...d,
    id: '3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a',
    profile: {
      name: '李四',
      school: '徐水区第二中学',
      subject: '英语',
      stage: '初中',
      region: 'xushui',
      environment: '智慧学习环境',
    },
  };
}

/** 王建国 has filled in the profile: a draft in progress. */
async function startAsWang(page: Page) {
  await page.goto('/self-check/');
  await fillProfile(page);
  await nameField(page).fill('王建国');
  await savedNow(page);
}

/**
 * Picks, with the button labelled `label`, a file of `bytes` bytes whose content cannot be read
 * (as a 2 GB video would make the browser fail): only its size may be looked at.
 */
async function pickHugeFile(page: Page, label: string, name: string, bytes: number) {
  await page.getByLabel(label).evaluate(
    (input, { name, bytes }) => {
      const file = new File(['{}'], name, { type: 'application/json' });
      Object.defineProperty(file, 'size', { value: bytes });
      const refuse = () =>
        Promise.reject(new DOMException('The file could not be read.', 'NotReadableError'));
      Object.assign(file, { text: refuse, arrayBuffer: refuse });
      Object.defineProperty(input, 'files', { configurable: true, value: [file] });
      input.dispatchEvent(new Event('change', { bubbles: true }));
      delete (input as { files?: unknown }).files;
    },
    { name, bytes },
  );
}

test.describe('the self-check draft is never lost', () => {
  test('a colleague’s file: the wizard names both teachers and asks; 取消 keeps the draft, 撤销 brings it back', async ({
    page,
  }) => {
    await startAsWang(page);
    const colleague = jsonFile('微能力自评_李四.json', exportDraftText(colleagueDraft()));

    await page.getByLabel('打开自评文件').setInputFiles(colleague);
    const ask = page.getByRole('group', { name: '确认打开自评文件' });
    await expect(ask).toContainText('“微能力自评_李四.json”是李四的自评，不是当前这份王建国的自评');
    await expect(ask.getByRole('button', { name: '取消' })).toBeFocused();
    await expect(nameField(page)).toHaveValue('王建国');
    await expectNoAxeViolations(page);
    await page.keyboard.press('Enter');
    await expect(ask).toHaveCount(0);
    await expect(
      page.getByRole('status').filter({ hasText: '没有打开“微能力自评_李四.json”' }),
    ).toBeVisible();
    await expect(nameField(page)).toHaveValue('王建国');

    await page.getByLabel('打开自评文件').setInputFiles(colleague);
    await ask.getByRole('button', { name: '确定替换' }).click();
    await expect(nameField(page)).toHaveValue('李四');
    await expect(page.getByLabel('学校', { exact: true })).toHaveValue('徐水区第二中学');
    const opened = page.getByRole('status').filter({ hasText: '已打开“微能力自评_李四.json”' });
    await expectNoAxeViolations(page);
    await opened.getByRole('button', { name: /撤销/ }).click();
    await expect(nameField(page)).toHaveValue('王建国');
    await expect(page.getByLabel('学校', { exact: true })).toHaveValue('徐水区特殊教育学校');
    await expect(
      page.getByRole('status').filter({ hasText: '已撤销打开“微能力自评_李四.json”' }),
    ).toBeVisible();
    await savedNow(page);
    await page.reload();
    await expect(nameField(page)).toHaveValue('王建国');

    // 王建国's own file (same draft, same name) is asked about too, without speaking of anyone else.
    const saving = page.waitForEvent('download');
    await page.getByRole('button', { name: '保存自评文件' }).click();
    const ownPath = await (await saving).path();
    await page.getByLabel('打开自评文件').setInputFiles({
      name: '我的自评.json',
      mimeType: 'application/json',
      buffer: readFileSync(ownPath),
    });
    await expect(ask).toHaveText(/^打开“我的自评.json”会用文件中的内容替换王建国当前的自评。确定替换吗？/);
  });

  test('a double-click on a step button moves one step and ticks nothing on the next', async ({ page }) => {
    await page.goto('/self-check/');
    await fillProfile(page);
    await page.getByRole('button', { name: '下一步：选择微能力点' }).dblclick();
    await expect(heading(page)).toHaveText('第 2 步：选择微能力点');
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(0);
    await expect(page.locator('.pick-count')).toHaveText('已选 0 个微能力点。');

    // A single click right after is a choice.
    await page.getByRole('checkbox', { name: /^A11 / }).click();
    await expect(page.getByRole('checkbox', { name: /^A11 / })).toBeChecked();

    await page.getByRole('button', { name: '下一步：逐项自查证据' }).dblclick();
    await expect(heading(page)).toHaveText(/^第 3 步：逐项自查证据——A11/);
    await page.getByRole('button', { name: '上一步' }).dblclick();
    await expect(heading(page)).toHaveText('第 2 步：选择微能力点');
    await expect(page.getByRole('checkbox', { checked: true })).toHaveCount(1);
    await page.getByRole('button', { name: '1. 基本信息' }).dblclick();
    await expect(heading(page)).toHaveText('第 1 步：基本信息');
    await expect(nameField(page)).toHaveValue('王晓红');
    // One entry per step, not two for a double-click: Back goes to 选择微能力点.
    await page.goBack();
    await expect(heading(page)).toHaveText('第 2 步：选择微能力点');
  });

  test('two tabs on one draft: the tab behind learns of it, writes nothing over the newer work, and can load it', async ({
    context,
  }) => {
    const tabA = await context.newPage();
    await startAsWang(tabA);
    const tabB = await context.newPage();
    await tabB.goto('/self-check/');
    await expect(nameField(tabB)).toHaveValue('王建国');

    await nameField(tabA).fill('王建国（A）');
    await savedNow(tabA);
    const warning = tabB.getByRole('alert').filter({ hasText: '另一个标签页' });
    await expect(warning).toBeVisible();
    await tabB.getByLabel('学校', { exact: true }).fill('徐水区第三中学');
    await expect(tabB.locator('.save-state')).toHaveText('未保存：另一个标签页中有较新的内容');
    await expectNoAxeViolations(tabB);

    await tabA.reload();
    await expect(nameField(tabA)).toHaveValue('王建国（A）');
    await expect(tabA.getByLabel('学校', { exact: true })).toHaveValue('徐水区特殊教育学校');

    // Tab B takes up the newer work and goes on from there; now tab A is the one behind.
    await warning.getByRole('button', { name: '载入较新的内容' }).click();
    await expect(warning).toHaveCount(0);
    await expect(nameField(tabB)).toHaveValue('王建国（A）');
    await tabB.getByLabel('学校', { exact: true }).fill('徐水区第三中学');
    await savedNow(tabB);
    await expect(tabA.getByRole('alert').filter({ hasText: '另一个标签页' })).toBeVisible();
    await tabA.reload();
    await expect(tabA.getByLabel('学校', { exact: true })).toHaveValue('徐水区第三中学');
    await expect(nameField(tabA)).toHaveValue('王建国（A）');
  });

  test('a damaged stored draft is kept, and downloadable, across edits and reloads until the teacher lets it go', async ({
    page,
  }) => {
    const raw = '{"app":"微能力手册","version":2,"profile":';
    await page.addInitScript((raw) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('weinengli.self-check', raw);
        sessionStorage.setItem('seeded', '1');
      }
    }, raw);
    await page.goto('/self-check/');
    await expect(page.getByRole('alert')).toContainText('浏览器中保存的自评无法读取');
    await nameField(page).fill('王建国');
    await savedNow(page);

    await page.reload();
    await expect(nameField(page)).toHaveValue('王建国');
    const kept = page.getByRole('region', { name: '无法读取的原来数据' });
    await expectNoAxeViolations(page);
    const download = page.waitForEvent('download');
    await kept.getByRole('button', { name: '下载原来的数据' }).click();
    expect(readFileSync(await (await download).path(), 'utf8')).toBe(raw);

    await kept.getByRole('button', { name: '不再保留' }).click();
    await kept.getByRole('button', { name: '确定不再保留' }).click();
    await expect(kept).toHaveCount(0);
    await page.reload();
    await expect(nameField(page)).toHaveValue('王建国');
    await expect(page.getByRole('button', { name: '下载原来的数据' })).toHaveCount(0);
  });

  test('a partly recovered draft keeps its original after the next edit and reload', async ({ page }) => {
    await toEvidence(page, 'C5');
    await item(page, 'case-video').getByLabel('证据标题').fill('分层作业的个别化指导');
    await savedNow(page);
    const raw = await setStoredField(page, ['evidence', 'C5', 'items', 'case-video', 'manualMinutes'], 3600);
    await page.reload();
    await expect(page.getByRole('alert').filter({ hasText: '无法读取' })).toBeVisible();
    await item(page, 'case-video').getByLabel('证据标题').fill('改过的标题');
    await savedNow(page);
    await page.reload();
    await expect(item(page, 'case-video').getByLabel('证据标题')).toHaveValue('改过的标题');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载原来的数据' }).click();
    expect(readFileSync(await (await download).path(), 'utf8')).toBe(raw);
  });
});

test.describe('the wizard’s files and navigation', () => {
  test('a 2 GB file picked by mistake is refused by its size before reading, in place of the last message', async ({
    page,
  }) => {
    await startAsWang(page);
    await page.getByLabel('打开自评文件').setInputFiles(jsonFile('broken.json', '{"app":'));
    await expect(page.getByRole('alert')).toContainText('未能打开“broken.json”');
    await pickHugeFile(page, '打开自评文件', '录像.json', 2 * 1024 ** 3);
    const refused = page.getByRole('alert');
    await expect(refused).toHaveText(
      '未能打开“录像.json”：文件过大（2048.0 MB），自评文件不会超过 5 MB。请确认选择的是微能力手册保存的自评文件。 当前的自评没有改动。',
    );
    await expect(nameField(page)).toHaveValue('王建国');

    await pickHugeFile(page, '打开评审意见', '录像2.json', 2 * 1024 ** 3);
    await expect(page.getByRole('alert').filter({ hasText: '未能打开“录像2.json”' })).toContainText(
      '评审意见文件不会超过 2 MB',
    );

    await page.getByRole('button', { name: '使用学校录入的评价标准' }).click();
    await pickHugeFile(page, '打开评价标准文件', '录像3.json', 2 * 1024 ** 3);
    await expect(page.getByRole('alert').filter({ hasText: '未能打开“录像3.json”' })).toContainText(
      '评价标准文件不会超过 1 MB',
    );
    await expectNoAxeViolations(page);
  });

  test('several review files picked at once are all opened', async ({ page }) => {
    const draft = teacherDraft();
    const review = (name: string, stage: string) =>
      exportReviewText(
        buildReviewFile({
          draft,
          reviewer: { name, role: '' },
          stage,
          reviewedAt: new Date('2025-04-03T09:00:00.000Z'),
          abilities: [],
        }),
      );
    await page.goto('/self-check/');
    await page.getByLabel('打开自评文件').setInputFiles(jsonFile('自评.json', exportDraftText(draft)));
    await page
      .getByLabel('打开评审意见')
      .setInputFiles([
        jsonFile('互评.json', review('李老师', '组内互评')),
        jsonFile('复评.json', review('张老师', '复评')),
      ]);
    const list = page.getByRole('list', { name: '已打开的评审意见' });
    await expect(list.getByRole('listitem')).toHaveCount(2);
    await expect(list).toContainText('组内互评（李老师）');
    await expect(list).toContainText('复评（张老师）');
  });

  test('Back and Forward move between steps, reload keeps the step; 姓名 takes no more than 下一步 accepts', async ({
    page,
  }) => {
    await page.goto('/self-check/?a=C5');
    await fillProfile(page);
    await nameField(page).fill('王'.repeat(60));
    await expect(nameField(page)).toHaveValue('王'.repeat(30));
    await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
    await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
    await expect(heading(page)).toHaveText(/^第 3 步/);

    await page.goBack();
    await expect(heading(page)).toHaveText('第 2 步：选择微能力点');
    await expect(page).toHaveURL(/\/self-check\/$/);
    await page.goBack();
    await expect(heading(page)).toHaveText('第 1 步：基本信息');
    await page.goForward();
    await expect(heading(page)).toHaveText('第 2 步：选择微能力点');
    await expect(heading(page)).toBeFocused();
    await savedNow(page);
    await page.reload();
    await expect(heading(page)).toHaveText('第 2 步：选择微能力点');
    await page.goBack();
    await expect(heading(page)).toHaveText('第 1 步：基本信息');
    await page.goForward();
    await page.goForward();
    await expect(heading(page)).toHaveText(/^第 3 步/);
  });

  test('a rubric link pasted into a tab already on the wizard opens it', async ({ page }) => {
    const abilities = fc.sample(abilityRubricArb('A6'), { seed: 7, numRuns: 1 });
    const pack = makePack(
      { title: '本省校本应用考核指南', enteredBy: '信息化团队', enteredAt: '2026-03' },
      abilities,
    );
    await page.goto('/self-check/');
    await expect(heading(page)).toHaveText('第 1 步：基本信息');
    await page.goto(`/self-check/#${await encodeShareFragment(pack)}`);
    const preview = page.getByRole('region', { name: '链接中的评价标准' });
    await expect(preview).toContainText('本省校本应用考核指南');
    await expect(preview.getByRole('button', { name: '使用这些评价标准' })).toBeVisible();
  });

  test('at 360 px the results table keeps each column heading on one line', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await toEvidence(page, 'C5');
    await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
    const headings = page.locator('.summary-table thead th');
    await expect(headings).toHaveCount(4);
    const lines = await headings.evaluateAll((cells) =>
      cells.map((cell) => {
        const style = getComputedStyle(cell);
        const content = cell.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
        const line = parseFloat(style.lineHeight) || parseFloat(style.fontSize) * 1.5;
        return Math.round(content / line);
      }),
    );
    expect(lines).toEqual([1, 1, 1, 1]);
  });
});
