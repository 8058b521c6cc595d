/**
 * The school plan on /review/ (issue 21, §3 and §5): each reviewer in their own browser opens the
 * plan by its link (a preview, then confirm), says who they are, sees only the teachers assigned
 * to them, reviews them, and the list follows; a teacher resubmits and the list asks for a new
 * review with the earlier ticks carried over; the county's experts review at the plan's outside
 * stage and their file records it; a second tab does not silently replace the kept plan.
 */
import type { Browser, Locator, Page } from '@playwright/test';
import { outcomeFromReview, planAbilityStatus } from '../../src/lib/school/plan/plan-stages';
import type { StageOutcome } from '../../src/lib/school/archive-status';
import { exportPlanText, planFileName } from '../../src/lib/school/plan/plan-file';
import { expect, expectNoAxeViolations, test } from './fixtures';
import {
  SCHOOL,
  assigned,
  expectAssigned,
  fileOf,
  planLink,
  resubmitted,
  savedReview,
  selfCheck,
  xushuiPlan,
} from './plan-review-fixture';

const WANG = selfCheck('王芳', 1);
const SUN = selfCheck('孙丽', 8);
const LI = selfCheck('李娜', 2);

const card = (page: Page, id: string) =>
  page.locator('section.teacher-review:not([hidden])').locator(`[data-review-item="${id}"]`);
const passBoxes = (item: Locator) => item.getByRole('group', { name: /^合格标准/ }).getByRole('checkbox');

async function passAll(page: Page) {
  for (const id of ['case-video', 'student-accounts'])
    for (const box of await passBoxes(card(page, id)).all()) await box.check();
}

/** A reviewer's own browser, with the page errors collected. */
async function reviewerPage(
  browser: Browser,
  baseURL: string | undefined,
  viewport?: { width: number; height: number },
) {
  const context = await browser.newContext({
    ...(baseURL ? { baseURL } : {}),
    serviceWorkers: 'block',
    locale: 'zh-CN',
    ...(viewport ? { viewport, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  return { context, page, errors };
}

/** Opens the plan's link and takes the plan in after reading its preview. */
async function openPlanLink(page: Page, byKeyboard = false) {
  await page.goto(await planLink());
  await expect(page.locator('.review-app')).toHaveAttribute('data-ready', 'true');
  const preview = page.locator('[data-plan-preview]');
  await expect(preview).toContainText('链接中的学校考核方案');
  await expect(preview).toContainText(SCHOOL);
  await expect(preview).toContainText('教师名单8 人');
  await expect(preview).toContainText('50岁以上（2 人）：本校要求：完成 1 个');
  await expect(preview).toContainText('其他（6 人）');
  await expect(preview).toContainText('县级专家团队审核认定（校外）');
  await expect(preview).toContainText('语文组（教师组内互评）');
  await expect(preview).toBeFocused();
  // The address no longer holds the plan: a reload does not ask again.
  expect(new URL(page.url()).hash).toBe('');
  await expectNoAxeViolations(page);
  const use = preview.getByRole('button', { name: '使用这份方案' });
  if (byKeyboard) {
    // From the preview, which has focus, Tab reaches 使用这份方案 first.
    await page.keyboard.press('Tab');
    await expect(use).toBeFocused();
    await page.keyboard.press('Enter');
  } else await use.click();
  await expect(page.getByRole('status').filter({ hasText: '已在本浏览器中保存' })).toContainText(
    `已在本浏览器中保存“${SCHOOL}”的学校考核方案。请在下方选择您是谁`,
  );
  await expect(page.locator('[data-kept-plan]')).toContainText(`当前方案：${SCHOOL}`);
}

test('two reviewers work on their assigned teachers; a resubmission asks for a new review', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);

  // 语文组's 李老师, on a computer.
  const a = await reviewerPage(browser, baseURL);
  await openPlanLink(a.page, true);
  // Focus comes back to the plan's heading, where “您是谁” follows.
  await expect(a.page.getByRole('heading', { name: '学校考核方案与评审分工' })).toBeFocused();
  await a.page.getByLabel(/^姓名/).fill('李老师');
  await a.page.getByLabel(/^您是谁/).selectOption({ label: '语文组（教师组内互评）' });
  await expectAssigned(a.page, '教师组内互评', { 王芳: 'missing', 孙丽: 'missing' });
  await expect(a.page.locator('[data-assigned-summary]')).toContainText('共 2 人：未载入自评文件 2 人');
  await expect(a.page.locator('[data-assigned-stage="信息化团队复评"]')).toHaveCount(0);
  await expectNoAxeViolations(a.page);

  // The self-checks come in, one of a teacher 语文组 does not review.
  await a.page.getByLabel('打开自评文件').setInputFiles([fileOf(WANG), fileOf(SUN), fileOf(LI)]);
  await expectAssigned(a.page, '教师组内互评', { 王芳: 'todo', 孙丽: 'todo' });
  await expect(assigned(a.page, '教师组内互评', '孙丽')).toContainText('待评审');
  await expect(a.page.locator('[data-unassigned]')).toContainText(
    '已打开的自评中，李娜不在方案分配给您的教师中',
  );
  await expectNoAxeViolations(a.page);

  // By keyboard: to 孙丽 in the list, Enter, and the review of 孙丽 at 教师组内互评 has focus.
  const sunLink = assigned(a.page, '教师组内互评', '孙丽').getByRole('button');
  await sunLink.focus();
  await a.page.keyboard.press('Enter');
  const sunHeading = a.page.getByRole('heading', { name: /评审：孙丽/ });
  await expect(sunHeading).toBeFocused();
  const sunSection = a.page.locator('section.teacher-review:not([hidden])');
  await expect(sunSection.getByLabel('评审环节')).toHaveValue('教师组内互评');
  await expect(sunSection.locator('[data-stage-source]')).toContainText(
    `按“${SCHOOL}”学校考核方案的评审环节：教师组内互评 → 信息化团队复评 → 县级专家团队审核认定（校外） → 省市抽查（校外）。按方案的评审分工，您在“教师组内互评”环节评审这位教师。`,
  );
  await passAll(a.page);
  const sunReview = await savedReview(a.page);
  expect(sunReview.review).toMatchObject({
    stage: '教师组内互评',
    reviewer: { name: '李老师' },
    teacher: { name: '孙丽' },
  });
  await expectAssigned(a.page, '教师组内互评', { 王芳: 'todo', 孙丽: 'done' });
  await expect(assigned(a.page, '教师组内互评', '孙丽')).toContainText('已评审');

  // A reload: the plan, who they are and what is done are all still there.
  await expect(a.page.locator('[data-session-saved]')).toBeVisible();
  await a.page.reload();
  await expect(a.page.locator('.review-app')).toHaveAttribute('data-ready', 'true');
  await expect(a.page.getByLabel(/^您是谁/)).toHaveValue('reviewer:语文组');
  await expectAssigned(a.page, '教师组内互评', { 王芳: 'todo', 孙丽: 'done' });

  // The IT team's 张老师, on a phone, in their own browser.
  const b = await reviewerPage(browser, baseURL, { width: 390, height: 844 });
  await openPlanLink(b.page);
  await b.page.getByLabel(/^您是谁/).selectOption({ label: '信息化团队（信息化团队复评）' });
  // Who they are signs the review until a name is typed.
  await expect(b.page.getByLabel(/^姓名/)).toHaveValue('信息化团队');
  await b.page.getByLabel(/^姓名/).fill('张老师');
  await b.page.getByLabel('打开自评文件').setInputFiles([fileOf(WANG), fileOf(SUN), sunReview.file]);
  await expectAssigned(b.page, '信息化团队复评', {
    王芳: 'todo',
    李娜: 'missing',
    张伟: 'missing',
    刘洋: 'missing',
    陈静: 'missing',
    杨光: 'missing',
    赵敏: 'missing',
    孙丽: 'todo',
  });
  await expect(b.page.locator('[data-assigned-stage="教师组内互评"]')).toHaveCount(0);
  await expect(b.page.locator('[data-assigned-summary]')).toContainText(
    '共 8 人：待评审 2 人，未载入自评文件 6 人',
  );
  // The list fits the phone: nothing runs off the side.
  const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectNoAxeViolations(b.page);
  await assigned(b.page, '信息化团队复评', '王芳').getByRole('button').click();
  await expect(b.page.getByRole('heading', { name: /评审：王芳/ })).toBeFocused();
  await expect(b.page.locator('section.teacher-review:not([hidden])').getByLabel('评审环节')).toHaveValue(
    '信息化团队复评',
  );
  await passAll(b.page);
  const wangRecheck = await savedReview(b.page);
  expect(wangRecheck.review).toMatchObject({ stage: '信息化团队复评', reviewer: { name: '张老师' } });
  await expectAssigned(b.page, '信息化团队复评', {
    王芳: 'done',
    李娜: 'missing',
    张伟: 'missing',
    刘洋: 'missing',
    陈静: 'missing',
    杨光: 'missing',
    赵敏: 'missing',
    孙丽: 'todo',
  });
  await expectNoAxeViolations(b.page);

  // 孙丽 rewrites her scenario and sends the new file to 语文组.
  await a.page.getByLabel('打开自评文件').setInputFiles(fileOf(resubmitted(SUN)));
  await expect(a.page.getByRole('status').filter({ hasText: '教师重新提交' })).toBeVisible();
  await expectAssigned(a.page, '教师组内互评', { 王芳: 'todo', 孙丽: 'redo' });
  await expect(assigned(a.page, '教师组内互评', '孙丽')).toContainText('需重新评审（自评有更新）');
  await expectNoAxeViolations(a.page);
  await assigned(a.page, '教师组内互评', '孙丽').getByRole('button').click();
  await expect(a.page.getByRole('heading', { name: /评审：孙丽/ })).toBeFocused();
  // The unchanged evidence keeps the ticks; the changed scenario is marked.
  for (const box of await passBoxes(card(a.page, 'case-video')).all()) await expect(box).toBeChecked();
  await expect(card(a.page, 'scenario')).toHaveAttribute('data-changed', 'true');
  const again = await savedReview(a.page);
  expect(again.review.draft.savedAt).toBe('2025-05-20T08:00:00.000Z');
  await expectAssigned(a.page, '教师组内互评', { 王芳: 'todo', 孙丽: 'done' });

  for (const r of [a, b]) {
    await r.context.close();
    expect(r.errors).toEqual([]);
  }
});

test('the county’s experts review at the plan’s outside stage, and the school takes it as the county’s result', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openPlanLink(page);
  await page.getByLabel(/^姓名/).fill('赵专家');
  await page.getByLabel(/^身份或职务/).fill('徐水区县级专家团队');
  // The self-check is opened first: its review starts at the plan's first stage …
  await page.getByLabel('打开自评文件').setInputFiles(fileOf(WANG));
  const stage = page.locator('section.teacher-review:not([hidden])').getByLabel('评审环节');
  await expect(stage).toHaveValue('教师组内互评');
  // … and moves to the county's stage when the expert says who they are.
  await page
    .getByLabel(/^您是谁/)
    .selectOption({ label: '县级专家团队审核认定（校外环节，评审本校名单上的教师）' });
  await expect(page.getByRole('heading', { name: '县级专家团队审核认定（校外环节）' })).toBeVisible();
  await expect(stage).toHaveValue('县级专家团队审核认定');
  await expect(page.locator('[data-assigned-summary]')).toContainText(
    '共 8 人：待评审 1 人，未载入自评文件 7 人',
  );
  await expectNoAxeViolations(page);
  await assigned(page, '县级专家团队审核认定', '王芳').getByRole('button').click();
  await expect(stage).toHaveValue('县级专家团队审核认定');
  // Every stage of the plan is offered, the outside ones too; nothing is typed.
  await expect(stage.locator('option')).toHaveText([
    '教师组内互评',
    '信息化团队复评',
    '县级专家团队审核认定',
    '省市抽查',
  ]);
  await passAll(page);
  await expect(
    page.getByRole('button', { name: '生成填好“县级专家团队审核认定”栏的 PDF 证据包' }),
  ).toBeVisible();
  const { review } = await savedReview(page);
  expect(review.stage).toBe('县级专家团队审核认定');
  expect(review.reviewer).toEqual({ name: '赵专家', role: '徐水区县级专家团队' });
  await expectAssigned(page, '县级专家团队审核认定', {
    王芳: 'done',
    李娜: 'missing',
    张伟: 'missing',
    刘洋: 'missing',
    陈静: 'missing',
    杨光: 'missing',
    赵敏: 'missing',
    孙丽: 'missing',
  });
  await expectNoAxeViolations(page);
  // The list's colours hold in the dark theme too.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page);

  // What the school does with the file: the county's stage passes 王芳's C5 after both school stages.
  const plan = xushuiPlan();
  const outcomes = new Map<string, StageOutcome>([
    ['教师组内互评', { grade: '合格' as const, stale: false }],
    ['信息化团队复评', { grade: '合格' as const, stale: false }],
    [review.stage, outcomeFromReview({ grade: review.abilities['C5']?.grade, stale: false }, review)],
  ]);
  expect(planAbilityStatus(plan.stages, outcomes)).toMatchObject({ status: '已通过', final: '合格' });
});

test('a second tab does not silently replace the kept plan; a damaged link replaces nothing', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await openPlanLink(page);
  const second = await page.context().newPage();
  await second.goto('/review/');
  await expect(second.locator('.review-app')).toHaveAttribute('data-ready', 'true');
  await expect(second.locator('[data-kept-plan]')).toContainText(`当前方案：${SCHOOL}`);

  // The first tab takes in another school's plan by a pasted link.
  const other = await planLink(xushuiPlan('徐水区第二小学'));
  await page.getByLabel('或粘贴学校发来的方案链接').fill(`http://127.0.0.1${other}`);
  await page.getByRole('button', { name: '读取方案链接' }).click();
  await expect(page.locator('[data-plan-preview]')).toContainText('徐水区第二小学');
  await expect(page.locator('[data-plan-preview]')).toContainText(`将替换当前保存的“${SCHOOL}”方案`);
  await page.getByRole('button', { name: '使用这份方案' }).click();
  await expect(page.locator('[data-kept-plan]')).toContainText('当前方案：徐水区第二小学');

  // The second tab, still showing the first plan, says who the reviewer is: refused, and asked.
  await second.getByLabel(/^您是谁/).selectOption({ label: '语文组（教师组内互评）' });
  const conflict = second.locator('[data-plan-conflict]');
  await expect(conflict).toContainText('另一个标签页刚把本浏览器中保存的方案换成了“徐水区第二小学”的方案');
  await expectNoAxeViolations(second);
  await conflict.getByRole('button', { name: '改用另一个标签页的方案' }).click();
  await expect(second.locator('[data-kept-plan]')).toContainText('当前方案：徐水区第二小学');
  await expect(conflict).toHaveCount(0);
  await second.getByLabel(/^您是谁/).selectOption({ label: '语文组（教师组内互评）' });
  await expect(second.locator('[data-assigned-stage="教师组内互评"]')).toBeVisible();
  await second.reload();
  await expect(second.locator('.review-app')).toHaveAttribute('data-ready', 'true');
  await expect(second.getByLabel(/^您是谁/)).toHaveValue('reviewer:语文组');

  // A link cut short in the chat: said, and the kept plan stays.
  await second.getByLabel('或粘贴学校发来的方案链接').fill(other.slice(0, -40));
  await second.getByRole('button', { name: '读取方案链接' }).click();
  await expect(second.getByRole('alert')).toContainText('未能打开链接');
  await expect(second.getByRole('alert')).toContainText('本浏览器中保存的方案没有改动');
  await expect(second.locator('[data-plan-preview]')).toHaveCount(0);
  await expect(second.locator('[data-kept-plan]')).toContainText('当前方案：徐水区第二小学');
  // A teacher's self-check picked by mistake as the plan: said, and the kept plan stays.
  await second.getByLabel('打开另一份方案文件').setInputFiles(fileOf(WANG));
  await expect(second.getByRole('alert')).toContainText(`未能打开“${fileOf(WANG).name}”`);
  await expect(second.getByRole('alert')).toContainText('不是学校考核方案文件');
  await expect(second.locator('[data-kept-plan]')).toContainText('当前方案：徐水区第二小学');
  // The plan's file, as the principal saves it: previewed, and nothing changes on 取消.
  const planFile = xushuiPlan();
  await second.getByLabel('打开另一份方案文件').setInputFiles({
    name: planFileName(planFile),
    mimeType: 'application/json',
    buffer: Buffer.from(exportPlanText(planFile)),
  });
  const preview = second.locator('[data-plan-preview]');
  await expect(preview).toContainText(`“${planFileName(planFile)}”中的学校考核方案`);
  await expect(preview).toContainText(SCHOOL);
  await expectNoAxeViolations(second);
  await preview.getByRole('button', { name: '取消' }).click();
  await expect(preview).toHaveCount(0);
  await expect(second.locator('[data-kept-plan]')).toContainText('当前方案：徐水区第二小学');
  await second.close();
});
