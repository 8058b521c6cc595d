/**
 * Issue 21 as one story, each person in their own browser, files passed as people pass them
 * (a download saved to disk, then picked): the principal of a 徐水 school makes the plan (roster
 * of 8) and posts its links; two teachers self-check through the teachers' link; 语文组 and the
 * IT team review their assigned teachers through the reviewers' link; 孙丽 resubmits and the
 * group's review carries over; the principal opens everything on /school/ (杨光 handed in
 * nothing, a 广州 teacher's file set apart) and saves the hand-off; the county opens it with a
 * second school's. axe on every state, and keyboard along the way.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { importPlanText } from '../../src/lib/school/plan/plan-file';
import { importHandoffText } from '../../src/lib/school/handoff/handoff-file';
import { rosterCsvGbk, rosterXlsx } from '../fixtures/plan/rosters';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { assigned, expectAssigned } from './plan-review-fixture';
import {
  COUNTY,
  GROUP,
  SCHOOL,
  TEAM,
  colleagueReviews,
  colleagueSelfChecks,
  guangzhouSelfCheck,
  personPage,
  saveDownload,
  secondSchoolHandoff,
} from './plan-flow-helpers';
import { item, savedNow } from './self-check-helpers';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CASE_VIDEO = new URL('../fixtures/media/case-9min.webm', import.meta.url).pathname;

const category = (page: Page, name: string) => page.getByRole('group', { name: `教师类别：${name}` });
const assignment = (page: Page, name: string) => page.getByRole('group', { name: `评审分工：${name}` });
const stepHeading = (page: Page) => page.locator('h2.step-heading');
const rule = (page: Page) => page.getByRole('region', { name: '学校考核方案的要求' });
const pickLabel = (page: Page, code: string): Locator =>
  page.locator('label.pick-option').filter({ has: page.locator(`input[value="${code}"]`) });
const reviewCard = (page: Page, id: string) =>
  page.locator('section.teacher-review:not([hidden])').locator(`[data-review-item="${id}"]`);

/** Ticks every 合格 criterion of the review on screen. */
async function passAll(page: Page) {
  const boxes = page
    .locator('section.teacher-review:not([hidden])')
    .getByRole('group', { name: /^合格标准/ })
    .getByRole('checkbox');
  const all = await boxes.all();
  expect(all.length).toBeGreaterThan(0);
  for (const box of all) await box.check();
}

/** Opens the reviewers' link and takes the plan in, from the keyboard when asked. */
async function openReviewLink(page: Page, link: string, byKeyboard: boolean) {
  await page.goto(link);
  await expect(page.locator('.review-app')).toHaveAttribute('data-ready', 'true');
  const preview = page.locator('[data-plan-preview]');
  await expect(preview).toContainText(SCHOOL);
  await expect(preview).toContainText('8 人');
  await expectNoAxeViolations(page);
  const use = preview.getByRole('button', { name: '使用这份方案' });
  if (byKeyboard) {
    await expect(preview).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(use).toBeFocused();
    await page.keyboard.press('Enter');
  } else await use.click();
  await expect(page.locator('[data-kept-plan]')).toContainText(`当前方案：${SCHOOL}`);
}

/** A teacher takes the plan by its link and self-checks C6 in the wizard; returns the page. */
async function teacherSelfCheck(
  page: Page,
  link: string,
  who: { name: string; category: string; subject: string; rule: string },
  byKeyboard: boolean,
) {
  await page.goto(link);
  await expect(stepHeading(page)).toHaveText('第 1 步：基本信息');
  const preview = page.getByRole('region', { name: '链接中的学校考核方案' });
  await expect(preview).toContainText(SCHOOL);
  await expect(preview).toContainText('8 人');
  await expectNoAxeViolations(page);
  if (byKeyboard) {
    await expect(preview).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(preview.getByRole('button', { name: '使用这份方案' })).toBeFocused();
    await page.keyboard.press('Enter');
  } else await preview.getByRole('button', { name: '使用这份方案' }).click();
  await expect(page.getByLabel('学校', { exact: true })).toHaveValue(SCHOOL);
  await expect(page.getByLabel('所在地区（按哪份政策文件）')).toHaveValue('xushui');

  await page.getByLabel('姓名', { exact: true }).fill(who.name);
  await page.getByLabel('任教学科', { exact: true }).fill(who.subject);
  await page.getByLabel('学段', { exact: true }).selectOption('小学');
  await page.getByLabel('学校的教学环境').selectOption('智慧学习环境');
  await expect(page.locator('.plan-roster')).toContainText(`的教师名单中有您：${who.category}`);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  await expect(stepHeading(page)).toHaveText('第 2 步：选择微能力点');
  await expect(rule(page)).toContainText(`您的类别：${who.category}`);
  await expect(rule(page)).toContainText(who.rule);
  await pickLabel(page, 'C6').click();
  await expect(rule(page)).toContainText('当前选择符合本校要求。');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();
  await expect(page.getByRole('button', { name: '下一步：查看自评结果' })).toBeVisible();
  const model = item(page, 'model-introduction');
  await model.getByLabel('证据标题').fill('学困生识别的数据模型');
  await model.getByLabel('简要说明').fill('用三次单元测验的成绩和作业完成率识别学困生。');
  for (const box of await model
    .getByRole('group', { name: /合格标准/ })
    .getByRole('checkbox')
    .all())
    await box.check();
  const video = item(page, 'case-analysis');
  await video.getByLabel(/选择本地文件/).setInputFiles(CASE_VIDEO);
  await expect(video.getByText(/文件校验码 [0-9a-f]{8}…/)).toBeVisible();
  await video.getByLabel('视频中出现了我本人的形象').check();
  await video.getByLabel('这项证据我已准备好').check();
  for (const box of await video
    .getByRole('group', { name: /合格标准/ })
    .getByRole('checkbox')
    .all())
    await box.check();
  await savedNow(page);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: '下一步：查看自评结果' }).click();
  await expect(stepHeading(page)).toHaveText('第 4 步：自评结果');
  await expect(rule(page)).toContainText('当前选择符合本校要求。');
  await expectNoAxeViolations(page);
}

test('issue 21 end to end: plan, teachers, two reviewers, a resubmission, the school’s hand-off, the county', async ({
  page: principal,
  browser,
  baseURL,
}, testInfo) => {
  // Six people's browsers, two wizards with a video hashed, four reviews, axe at every state.
  test.setTimeout(600_000);
  const dir = testInfo.outputPath('files');
  mkdirSync(dir, { recursive: true });
  const people: Awaited<ReturnType<typeof personPage>>[] = [];
  const person = async () => {
    const p = await personPage(browser, baseURL);
    people.push(p);
    return p.page;
  };

  let teacherLink = '';
  let reviewLink = '';
  await test.step('the principal makes the plan on /school/plan/ and posts its links', async () => {
    await principal.goto('/school/plan/');
    await expect(principal.getByLabel('学校名称')).toBeEditable();
    await expectNoAxeViolations(principal);
    await principal.getByLabel('学校名称').fill(SCHOOL);
    await principal.getByLabel('所在地区（按哪份政策文件）').selectOption('xushui');
    await principal.getByLabel('轮次或学年').fill('2024—2025 学年');
    await principal.getByLabel('提交自评截止日期').fill('2025-05-15');
    await principal.getByLabel('截止日期', { exact: true }).first().fill('2025-05-31');

    // The staff list: six teachers from a GBK CSV, two more from an .xlsx, merged.
    await principal.getByLabel('导入教师名单（.xlsx 或 CSV）').setInputFiles({
      name: '教师名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(rosterCsvGbk()),
    });
    await principal
      .getByRole('region', { name: '“教师名单.csv”中的教师名单' })
      .getByRole('button', { name: '导入名单' })
      .click();
    await principal.getByLabel('导入教师名单（.xlsx 或 CSV）').setInputFiles({
      name: '补充名单.xlsx',
      mimeType: XLSX_TYPE,
      buffer: Buffer.from(rosterXlsx()),
    });
    await principal
      .getByRole('region', { name: '“补充名单.xlsx”中的教师名单' })
      .getByRole('button', { name: '合并到名单' })
      .click();
    await expect(principal.getByText('现共 8 位教师。')).toBeVisible();

    // The rule: one ability each; 骨干's from the 混合 or 智慧 environment.
    for (const name of ['骨干', '其他', '50岁以上'])
      await category(principal, name).getByLabel('要完成几个微能力点').fill('1');
    await category(principal, '骨干').getByRole('button', { name: '添加“至少 N 个来自…”要求' }).click();
    const atLeast = category(principal, '骨干').getByRole('group', { name: '骨干的“至少”要求 1' });
    await atLeast.getByRole('checkbox', { name: '混合学习环境' }).check();
    await atLeast.getByRole('checkbox', { name: '智慧学习环境' }).check();

    // Two reviewers: 语文组 for 王芳 and 孙丽 at 组内互评, the IT team for everyone at 复评.
    await principal.getByRole('button', { name: '添加评审分工' }).click();
    await assignment(principal, '第 1 项分工').getByLabel('评审人或小组').fill('语文组');
    const chinese = assignment(principal, '语文组');
    await chinese.getByLabel('评审环节').selectOption({ label: GROUP });
    await chinese.getByRole('checkbox', { name: '王芳' }).check();
    await chinese.getByRole('checkbox', { name: '孙丽' }).check();
    await principal.getByRole('button', { name: '添加评审分工' }).click();
    await assignment(principal, '第 2 项分工').getByLabel('评审人或小组').fill('信息化团队');
    const team = assignment(principal, '信息化团队');
    await team.getByLabel('评审环节').selectOption({ label: TEAM });
    // By keyboard: 全选 with Enter.
    await team.getByRole('button', { name: '全选信息化团队的教师' }).focus();
    await principal.keyboard.press('Enter');
    await expect(team.getByRole('group', { name: '信息化团队评审的教师（已选 8 位）' })).toBeVisible();
    await expect(principal.getByText('方案完整，修改会自动保存。')).toBeVisible();
    await expectNoAxeViolations(principal);

    const planPath = await saveDownload(principal, '保存方案文件', dir);
    const plan = importPlanText(readFileSync(planPath, 'utf8'));
    if (!plan.ok) throw new Error(plan.error);
    expect(plan.plan.roster).toHaveLength(8);
    expect(plan.plan.assignments.map((a) => a.reviewer)).toEqual(['语文组', '信息化团队']);

    await principal.getByRole('button', { name: '生成教师自评链接' }).click();
    teacherLink = await principal.getByLabel('教师自评链接').inputValue();
    await principal.getByRole('button', { name: '生成评审链接' }).click();
    reviewLink = await principal.getByLabel('评审链接（互评与复评）').inputValue();
    expect(teacherLink).toMatch(/\/self-check\/#plan=1\./);
    expect(reviewLink).toMatch(/\/review\/#plan=1\./);
    await expectNoAxeViolations(principal);
  });

  // 王芳 and 孙丽 self-check in the wizard through the link. The other teachers' files (and the
  // school's reviews of them) are built with the fixture builders (plan-flow-helpers.ts) to keep
  // the story's run time reasonable; 杨光 hands in nothing, and a 广州 teacher's file turns up.
  let wangFile = '';
  let sunFile = '';
  let sunPage: Page | undefined;
  await test.step('two teachers open the link, see the rule, complete C6 and save their files', async () => {
    const wang = await person();
    await teacherSelfCheck(
      wang,
      teacherLink,
      {
        name: '王芳',
        category: '骨干',
        subject: '语文',
        rule: '本校要求：完成 1 个，至少 1 个来自混合或智慧学习环境',
      },
      true,
    );
    wangFile = await saveDownload(wang, '保存自评文件', dir);
    sunPage = await person();
    await teacherSelfCheck(
      sunPage,
      teacherLink,
      { name: '孙丽', category: '50岁以上', subject: '语文', rule: '本校要求：完成 1 个' },
      false,
    );
    sunFile = await saveDownload(sunPage, '保存自评文件', dir);
    expect(readFileSync(sunFile, 'utf8')).toContain('孙丽');
  });

  const reviewFiles: string[] = [];
  let group: Page | undefined;
  await test.step('语文组 reviews its two teachers', async () => {
    group = await person();
    await openReviewLink(group, reviewLink, true);
    await group.getByLabel(/^姓名/).fill('李老师');
    await group.getByLabel(/^您是谁/).selectOption({ label: '语文组（教师组内互评）' });
    await expectAssigned(group, GROUP, { 王芳: 'missing', 孙丽: 'missing' });
    await group.getByLabel('打开自评文件').setInputFiles([wangFile, sunFile]);
    await expectAssigned(group, GROUP, { 王芳: 'todo', 孙丽: 'todo' });
    await expectNoAxeViolations(group);
    for (const name of ['王芳', '孙丽']) {
      // By keyboard: the teacher's line, Enter, and the review has focus.
      await assigned(group, GROUP, name).getByRole('button').focus();
      await group.keyboard.press('Enter');
      await expect(group.getByRole('heading', { name: new RegExp(`评审：${name}`) })).toBeFocused();
      await passAll(group);
      const saved = await saveDownload(group, '保存评审意见文件', dir);
      // 孙丽's review handed on is the one of her resubmitted file (next step).
      if (name === '王芳') reviewFiles.push(saved);
    }
    await expectAssigned(group, GROUP, { 王芳: 'done', 孙丽: 'done' });
    await expectNoAxeViolations(group);
  });

  await test.step('孙丽 rewrites one item and resubmits; 语文组’s review carries over', async () => {
    if (!sunPage || !group) throw new Error('earlier steps');
    await sunPage.getByRole('button', { name: '上一步' }).click();
    await expect(sunPage.getByRole('button', { name: '下一步：查看自评结果' })).toBeVisible();
    const model = item(sunPage, 'model-introduction');
    await model.getByLabel('简要说明').fill('用三次单元测验的成绩、作业完成率和课堂提问记录识别学困生。');
    await savedNow(sunPage);
    sunFile = await saveDownload(sunPage, '保存自评文件', dir);

    await group.getByLabel('打开自评文件').setInputFiles(sunFile);
    await expect(group.getByRole('status').filter({ hasText: '教师重新提交' })).toBeVisible();
    await expectAssigned(group, GROUP, { 王芳: 'done', 孙丽: 'redo' });
    await expectNoAxeViolations(group);
    await assigned(group, GROUP, '孙丽').getByRole('button').click();
    await expect(group.getByRole('heading', { name: /评审：孙丽/ })).toBeFocused();
    // The unchanged video keeps its ticks; the rewritten model is marked, its ticks cleared.
    await expect(reviewCard(group, 'case-analysis')).toHaveAttribute('data-changed', 'false');
    for (const box of await reviewCard(group, 'case-analysis')
      .getByRole('group', { name: /^合格标准/ })
      .getByRole('checkbox')
      .all())
      await expect(box).toBeChecked();
    await expect(reviewCard(group, 'model-introduction')).toHaveAttribute('data-changed', 'true');
    await expect(reviewCard(group, 'model-introduction')).toContainText('课堂提问记录');
    await expectNoAxeViolations(group);
    await passAll(group);
    reviewFiles.push(await saveDownload(group, '保存评审意见文件', dir));
    await expectAssigned(group, GROUP, { 王芳: 'done', 孙丽: 'done' });
  });

  await test.step('the IT team reviews its assigned teachers at 复评', async () => {
    const itTeam = await person();
    await openReviewLink(itTeam, reviewLink, false);
    await itTeam.getByLabel(/^您是谁/).selectOption({ label: '信息化团队（信息化团队复评）' });
    await itTeam.getByLabel(/^姓名/).fill('张老师');
    await itTeam.getByLabel('打开自评文件').setInputFiles([wangFile, sunFile, ...colleagueSelfChecks(dir)]);
    await expectAssigned(itTeam, TEAM, {
      王芳: 'todo',
      李娜: 'todo',
      张伟: 'todo',
      刘洋: 'todo',
      陈静: 'todo',
      赵敏: 'todo',
      杨光: 'missing',
      孙丽: 'todo',
    });
    await expectNoAxeViolations(itTeam);
    for (const name of ['王芳', '孙丽']) {
      await assigned(itTeam, TEAM, name).getByRole('button').click();
      await expect(itTeam.getByRole('heading', { name: new RegExp(`评审：${name}`) })).toBeFocused();
      await expect(itTeam.locator('section.teacher-review:not([hidden])').getByLabel('评审环节')).toHaveValue(
        TEAM,
      );
      await passAll(itTeam);
      reviewFiles.push(await saveDownload(itTeam, '保存评审意见文件', dir));
      await expect(assigned(itTeam, TEAM, name)).toHaveAttribute('data-state', 'done');
    }
    await expectNoAxeViolations(itTeam);
  });

  let handoffPath = '';
  await test.step('the principal opens every file on /school/ and saves the hand-off', async () => {
    await principal.goto('/school/');
    await expect(principal.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
    await expect(principal.locator('[data-plan="true"]')).toContainText(`按学校考核方案：${SCHOOL}`);
    await expectNoAxeViolations(principal);
    await principal
      .getByLabel('选择文件（可多选）')
      .setInputFiles([
        wangFile,
        sunFile,
        ...colleagueSelfChecks(dir),
        guangzhouSelfCheck(dir),
        ...reviewFiles,
        ...colleagueReviews(dir),
      ]);
    await expect(principal.locator('[data-load-report]')).toContainText('本次读入 8 份自评');
    await expect(principal.locator('[data-others]')).toContainText(
      '陈晓（广州市越秀区实验小学）：来自广州市的广州市越秀区实验小学（本校在徐水区）',
    );
    await expect(principal.locator('[data-summary="teachers"] dd')).toHaveText('7 人');
    await expect(principal.locator('[data-roster-count]')).toHaveText(
      '名单 8 人，已提交自评 7 人，未提交 1 人。',
    );
    await expect(principal.locator('[data-nothing] li')).toHaveText([/杨光/]);
    const line = (name: string) => principal.locator(`[data-line="${name}"]`);
    for (const name of ['王芳', '孙丽', '李娜', '张伟', '赵敏'])
      await expect(line(name), name).toHaveAttribute('data-status', '校内评审已完成');
    await expect(line('刘洋')).toHaveAttribute('data-status', '待复评');
    await expect(line('陈静')).toHaveAttribute('data-status', '需修改');
    await expect(line('杨光')).toHaveAttribute('data-status', '未提交');
    await expect(line('王芳').locator('[data-rule]')).toHaveText('达标');
    await expect(
      principal.locator('.archive-table tbody tr').filter({ hasText: '孙丽' }).first(),
    ).toContainText(`校内评审已完成，待${COUNTY}`);
    await expect(principal.locator('[data-handoff-count]')).toContainText('5 人');
    await expectNoAxeViolations(principal);

    handoffPath = await saveDownload(principal, '保存移交文件（交县级专家团队）', dir);
    const handoff = importHandoffText(readFileSync(handoffPath, 'utf8'));
    if (!handoff.ok) throw new Error(handoff.error);
    expect(handoff.handoff.selfChecks.map((d) => d.profile.name).sort()).toEqual(
      ['孙丽', '张伟', '李娜', '王芳', '赵敏'].sort(),
    );
  });

  await test.step('the county opens this hand-off and a second school’s: school × status', async () => {
    const county = await person();
    await county.goto('/county/');
    await expect(county.locator('.county-view')).toHaveAttribute('data-ready', 'true');
    await expectNoAxeViolations(county);
    await county.getByLabel('选择文件（可多选）').setInputFiles([handoffPath, secondSchoolHandoff(dir)]);
    await expect(county.locator('[data-total="schools"]')).toHaveText('2');
    const row = (school: string) => county.locator(`.county-table tr[data-school="${school}"]`);
    const cell = (school: string, status: string) => row(school).locator(`td[data-status="${status}"]`);
    await expect(row(SCHOOL).locator('td').nth(2)).toHaveText('5');
    await expect(cell(SCHOOL, '校内评审已完成')).toHaveText('5');
    await expect(cell('徐水区第二小学', '校内评审已完成')).toHaveText('1');
    await expect(cell('徐水区第二小学', '需修改')).toHaveText('1');
    await expect(cell('徐水区第二小学', '已通过')).toHaveText('1');
    await expectNoAxeViolations(county);
    // By keyboard: this school's teachers.
    await county.getByRole('button', { name: SCHOOL }).focus();
    await county.keyboard.press('Enter');
    await expect(county.getByRole('heading', { name: `${SCHOOL}的教师` })).toBeFocused();
    const section = county.locator('#school-teachers');
    await expect(section).toContainText('5（方案名单 8 人）');
    await expect(section.locator('tr[data-teacher="孙丽"]')).toContainText(`校内评审已完成（待${COUNTY}）`);
    await expectNoAxeViolations(county);
  });

  for (const p of people) {
    await p.context.close();
    expect(p.errors).toEqual([]);
  }
});
