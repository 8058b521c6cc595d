/**
 * Issue 21 §2, the teacher's side: the school plan reaches a teacher of a 徐水 school by link and
 * by file, is previewed and confirmed, stays in the browser, and the wizard shows the school's
 * rule for the teacher's category, marks the 必修 abilities, says in the summary whether the
 * chosen set meets the rule (and what is missing) and when the self-check is due. A name not on
 * the roster is a warning, not a refusal. axe on every state, keyboard, and a phone screen.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { pdfPagesText } from './pdf-text';
import { planFile, planFragment, schoolPlan, secondPlan, SUBMIT_BY } from './plan-teacher-fixture';

const heading = (page: Page) => page.locator('h2.step-heading');
const planBar = (page: Page) => page.getByRole('region', { name: '学校考核方案', exact: true });
const rule = (page: Page) => page.getByRole('region', { name: '学校考核方案的要求' });
const pickLabel = (page: Page, code: string): Locator =>
  page.locator('label.pick-option').filter({ has: page.locator(`input[value="${code}"]`) });

async function openWizard(page: Page, hash = '') {
  await page.goto(`/self-check/${hash}`);
  await expect(heading(page)).toHaveText('第 1 步：基本信息');
}

/** The profile's remaining fields, as a teacher fills them after the plan set school and region. */
async function finishProfile(page: Page, name: string) {
  await page.getByLabel('姓名', { exact: true }).fill(name);
  await page.getByLabel('任教学科', { exact: true }).fill('语文');
  await page.getByLabel('学段', { exact: true }).selectOption('小学');
  await page.getByLabel('学校的教学环境').selectOption('混合学习环境');
}

async function toPick(page: Page) {
  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  await expect(heading(page)).toHaveText('第 2 步：选择微能力点');
}

async function toSummary(page: Page) {
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
  await expect(heading(page)).toHaveText('第 4 步：自评结果');
}

test.describe('the school plan in the self-check wizard', () => {
  test('by link: preview, confirm; the rule, 必修 marks, met or not in the summary with the deadline; kept on reload', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openWizard(page, `#${await planFragment(schoolPlan())}`);
    const preview = page.getByRole('region', { name: '链接中的学校考核方案' });
    await expect(preview).toContainText('徐水区实验小学');
    await expect(preview).toContainText('河北省保定市徐水区');
    await expect(preview).toContainText('8 人');
    await expect(preview).toContainText(
      '骨干（2 人）：本校要求：完成 3 个，至少 1 个来自混合或智慧学习环境；必修：A1 技术支持的学情分析',
    );
    await expect(preview).toContainText(SUBMIT_BY);
    await expect(preview).toContainText('县级专家团队审核认定（校外）');
    // The address bar no longer carries the plan: a reload does not ask again.
    expect(page.url()).not.toContain('#plan=');
    await expectNoAxeViolations(page);

    await preview.getByRole('button', { name: '使用这份方案' }).click();
    await expect(preview).toBeHidden();
    await expect(planBar(page)).toContainText('正在使用“徐水区实验小学”的学校考核方案（2024—2025 学年）');
    await expect(
      page.getByRole('status').filter({ hasText: '已使用“徐水区实验小学”的学校考核方案' }),
    ).toContainText('所在地区已设为河北省保定市徐水区');
    // The plan filled what was empty: the school's name and its region.
    await expect(page.getByLabel('学校', { exact: true })).toHaveValue('徐水区实验小学');
    await expect(page.getByLabel('所在地区（按哪份政策文件）')).toHaveValue('xushui');
    await expectNoAxeViolations(page);

    await finishProfile(page, '王芳');
    await expect(page.locator('.plan-roster')).toHaveText(
      '学校考核方案（徐水区实验小学）的教师名单中有您：骨干 · 语文 · 小学',
    );
    await toPick(page);
    await expect(rule(page)).toContainText('学校考核方案：徐水区实验小学（您的类别：骨干）');
    await expect(rule(page)).toContainText(
      '本校要求：完成 3 个，至少 1 个来自混合或智慧学习环境；必修：A1 技术支持的学情分析',
    );
    await expect(pickLabel(page, 'A1').locator('.tag-plan')).toHaveText('必修');
    await expect(pickLabel(page, 'A3').locator('.tag-plan')).toHaveCount(0);
    await pickLabel(page, 'A3').click();
    await expect(rule(page)).toContainText('当前选择还不符合本校要求');
    await expect(rule(page)).toContainText('还差必修 A1 技术支持的学情分析');
    await expectNoAxeViolations(page);

    await toSummary(page);
    const summaryRule = rule(page);
    await expect(summaryRule).toContainText('当前选择还不符合本校要求');
    await expect(summaryRule).toContainText('还差 2 个微能力点（要完成 3 个，已选 1 个）');
    await expect(summaryRule).toContainText('还差 1 个来自混合或智慧学习环境的微能力点');
    await expect(summaryRule).toContainText('还差必修 A1 技术支持的学情分析');
    await expect(summaryRule).toContainText(`提交自评截止：${SUBMIT_BY}（还有 30 天）`);
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByRole('button', { name: '上一步' }).click();
    await pickLabel(page, 'A1').click();
    await pickLabel(page, 'C5').click();
    await expect(rule(page)).toContainText('当前选择符合本校要求。');
    await toSummary(page);
    await expect(rule(page)).toContainText('当前选择符合本校要求。');
    await expect(rule(page)).not.toContainText('还差');

    // The PDF packet's cover carries the plan's line too.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '生成 PDF 证据包' }).click();
    const cover = ((await pdfPagesText(await (await download).path()))[0] ?? '').replace(/\s+/g, '');
    expect(cover).toContain('学校考核方案徐水区实验小学（2024—2025学年）');
    expect(cover).toContain('本校要求骨干：完成3个，至少1个来自混合或智慧学习环境');
    expect(cover).toContain('是否达到已达到本校要求');
    expect(cover).toContain(`提交自评截止${SUBMIT_BY}`);

    await page.reload();
    await expect(heading(page)).toHaveText('第 4 步：自评结果');
    await expect(planBar(page)).toContainText('正在使用“徐水区实验小学”的学校考核方案');
    await expect(rule(page)).toContainText('当前选择符合本校要求。');
    await expect(rule(page)).toContainText(`提交自评截止：${SUBMIT_BY}`);
  });

  test('by file: a name not on the roster is a warning with every category shown; the region asks; replacing asks and 撤销; remove', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openWizard(page);
    await page.getByLabel('学校', { exact: true }).fill('徐水区实验小学');
    await page.getByLabel('所在地区（按哪份政策文件）').selectOption({ label: '广州市（市）' });
    await finishProfile(page, '周杰');

    // Opened with the wrong button, the plan is pointed to the right one and nothing changes.
    await page.getByLabel('打开自评文件').setInputFiles(planFile('方案.json', schoolPlan()));
    await expect(page.getByRole('alert').filter({ hasText: '未能打开“方案.json”' })).toContainText(
      '这是学校考核方案文件，不是自评文件：请用“使用学校考核方案”打开它。',
    );
    await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('周杰');

    await page.getByRole('button', { name: '使用学校考核方案' }).click();
    await page
      .getByLabel('打开学校考核方案文件')
      .setInputFiles(planFile('学校考核方案_徐水区实验小学.json', schoolPlan()));
    const preview = page.getByRole('region', { name: '“学校考核方案_徐水区实验小学.json”中的学校考核方案' });
    await expect(preview).toContainText('使用这份学校考核方案吗？');
    await preview.getByRole('button', { name: '使用这份方案' }).click();

    // The teacher chose another region: asked, not overwritten.
    const ask = page.getByRole('group', { name: '确认改为方案中的地区' });
    await expect(ask).toContainText('方案中学校的地区是河北省保定市徐水区，您在基本信息中选的是广州市。');
    await expect(page.getByLabel('所在地区（按哪份政策文件）')).toHaveValue('guangzhou');
    await expect(ask.getByRole('button', { name: '取消' })).toBeFocused();
    await expectNoAxeViolations(page);
    await ask.getByRole('button', { name: '改为河北省保定市徐水区' }).click();
    await expect(page.getByLabel('所在地区（按哪份政策文件）')).toHaveValue('xushui');
    // What the teacher typed stays.
    await expect(page.getByLabel('姓名', { exact: true })).toHaveValue('周杰');

    await expect(page.locator('.plan-roster')).toContainText('“周杰”不在学校考核方案的教师名单中');
    await expectNoAxeViolations(page);
    await toPick(page);
    await expect(rule(page)).toContainText('未能按教师名单确定您的类别');
    await expect(rule(page).locator('.plan-rule-categories > li')).toHaveCount(3);
    await expect(rule(page)).toContainText('50岁以上：本校要求：完成 1 个');
    await expect(pickLabel(page, 'A1').locator('.tag-plan')).toHaveText('必修（骨干），本校选修（其他）');
    await expectNoAxeViolations(page);

    // Another school's plan replaces this one only when the teacher says so, and 撤销 brings it back.
    await page.getByRole('button', { name: '更换学校考核方案' }).click();
    await page.getByLabel('打开学校考核方案文件').setInputFiles(planFile('第二小学.json', secondPlan()));
    const second = page.getByRole('region', { name: '“第二小学.json”中的学校考核方案' });
    await expect(second).toContainText('用这份方案替换正在使用的“徐水区实验小学”的方案吗？');
    await expect(second.getByRole('checkbox', { name: '同时使用方案附带的评价标准（A6）' })).toBeChecked();
    await expectNoAxeViolations(page);
    await second.getByRole('button', { name: '使用这份方案' }).click();
    const done = page.getByRole('status').filter({ hasText: '已改用“徐水区第二小学”的学校考核方案' });
    await expect(done).toContainText('方案附带的评价标准（A6）也已使用');
    await expect(planBar(page)).toContainText('正在使用“徐水区第二小学”');
    await expect(pickLabel(page, 'A6')).toContainText('学校文件');
    await done.getByRole('button', { name: /^撤销/ }).click();
    await expect(planBar(page)).toContainText('正在使用“徐水区实验小学”');
    await expect(pickLabel(page, 'A6')).not.toContainText('学校文件');

    await page.reload();
    await expect(planBar(page)).toContainText('正在使用“徐水区实验小学”');
    await planBar(page).getByRole('button', { name: '移除方案' }).click();
    await planBar(page).getByRole('button', { name: '确定移除' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: '已移除“徐水区实验小学”的学校考核方案' }),
    ).toBeVisible();
    await expect(rule(page)).toHaveCount(0);
    await expect(pickLabel(page, 'A1').locator('.tag-plan')).toHaveCount(0);
    await page.reload();
    await expect(heading(page)).toHaveText('第 2 步：选择微能力点');
    await expect(page.getByRole('button', { name: '使用学校考核方案' })).toBeVisible();
    await expect(page.getByText('正在使用“')).toHaveCount(0);
  });

  test('by keyboard: a link pasted into an open tab, confirmed and removed without a mouse', async ({
    page,
  }) => {
    await openWizard(page);
    await page.goto(`/self-check/#${await planFragment(schoolPlan())}`);
    const preview = page.getByRole('region', { name: '链接中的学校考核方案' });
    await expect(preview).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(preview.getByRole('button', { name: '使用这份方案' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(planBar(page)).toContainText('正在使用“徐水区实验小学”');
    const change = page.getByRole('button', { name: '更换学校考核方案' });
    await expect(change).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '移除方案' })).toBeFocused();
    await page.keyboard.press('Enter');
    // The question puts focus on 取消, so a second Enter does not remove.
    await expect(page.getByRole('button', { name: '取消' })).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: '使用学校考核方案' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a teacher without a plan does not download the plan's code; the button fetches it", async ({
    page,
  }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await openWizard(page);
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((u) => /PlanPanel/.test(u))).toEqual([]);
    await page.getByRole('button', { name: '使用学校考核方案' }).click();
    await expect(page.getByLabel('打开学校考核方案文件')).toBeAttached();
    await expect(page.getByRole('button', { name: '使用学校考核方案' })).toBeFocused();
    expect(scripts.filter((u) => /PlanPanel/.test(u))).not.toEqual([]);
    await expectNoAxeViolations(page);
  });

  test('a damaged link is refused in Chinese and changes nothing', async ({ page }) => {
    await openWizard(page, `#${await planFragment(schoolPlan())}`);
    await page.getByRole('button', { name: '使用这份方案' }).click();
    await page.goto(`/self-check/#plan=1.00000000.AAAA`);
    await expect(page.getByRole('alert').filter({ hasText: '未能打开链接' })).toContainText(
      '当前使用的方案和自评都没有改动',
    );
    await expect(planBar(page)).toContainText('正在使用“徐水区实验小学”');
    await expectNoAxeViolations(page);
  });

  test('a kept plan that can no longer be read is said so, and let go when the teacher agrees', async ({
    page,
  }) => {
    await openWizard(page);
    await page.evaluate(() => localStorage.setItem('weinengli.self-check.plan', '{"app":"微能力手册"'));
    await page.reload();
    const warning = page.getByRole('alert').filter({ hasText: '浏览器中保存的学校考核方案无法读取' });
    await expect(warning).toContainText('请重新打开学校发来的方案文件或链接');
    await expectNoAxeViolations(page);
    await warning.getByRole('button', { name: '不再保留 无法读取的学校考核方案' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已删除无法读取的学校考核方案' })).toBeVisible();
    await page.reload();
    await expect(heading(page)).toHaveText('第 1 步：基本信息');
    await expect(page.getByRole('button', { name: '使用学校考核方案' })).toBeVisible();
    await expect(page.getByText('无法读取')).toHaveCount(0);
  });

  test('a plan taken in another tab is followed here, not silently overwritten', async ({
    page,
    context,
  }) => {
    await openWizard(page);
    const other = await context.newPage();
    await openWizard(other, `#${await planFragment(schoolPlan())}`);
    await other.getByRole('button', { name: '使用这份方案' }).click();
    await expect(planBar(other)).toContainText('正在使用“徐水区实验小学”');
    await expect(page.getByRole('alert').filter({ hasText: '学校考核方案' })).toContainText(
      '本页现在也使用“徐水区实验小学”的方案',
    );
    await expect(planBar(page)).toContainText('正在使用“徐水区实验小学”');
    // Removed there: this tab stops using it too, and says so.
    await planBar(other).getByRole('button', { name: '移除方案' }).click();
    await planBar(other).getByRole('button', { name: '确定移除' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '学校考核方案' })).toContainText(
      '另一个标签页（或窗口）移除了学校考核方案，本页也不再使用。',
    );
    await expect(page.getByText('正在使用“')).toHaveCount(0);
  });

  test('on a phone: the preview fits the screen and the pick step shows the rule', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await openWizard(page, `#${await planFragment(schoolPlan())}`);
    const preview = page.getByRole('region', { name: '链接中的学校考核方案' });
    await expect(preview).toBeVisible();
    const overflow = () =>
      page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    await preview.getByRole('button', { name: '使用这份方案' }).click();
    await finishProfile(page, '张伟');
    await toPick(page);
    await expect(rule(page)).toContainText('本校要求：完成 3 个；选修从 A1、A3、B2、C5 中选');
    await expect(pickLabel(page, 'B2').locator('.tag-plan')).toHaveText('本校选修');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
  });
});
