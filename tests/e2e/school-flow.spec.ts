/**
 * The school's whole assessment as the people in it do it, through the pages only: three
 * teachers self-check C5 in the wizard and export; a colleague reviews two of them on /review/
 * (one evidence file the same, one swapped), reloading halfway, and saves the review files; the
 * school's team does 复评 on one on top of the 组内互评; the teacher opens the reviews in the
 * wizard; the principal loads exactly the files those people downloaded, plus a broken one, on
 * /school/. Each person has their own browser (context): nothing passes between them but files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test';
import { parseCsv } from '../support/csv';
import { expect, expectNoAxeViolations, test } from './fixtures';
import { abilityGrade, item, savedNow } from './self-check-helpers';
import { openReview } from './review-page';

const MEDIA = join(import.meta.dirname, '../fixtures/media');
const CASE_VIDEO = join(MEDIA, 'case-9min.webm');
const STUDENTS = [join(MEDIA, 'student-90s.weba'), join(MEDIA, 'student-100s.weba')];

interface Downloaded {
  name: string;
  buffer: Buffer;
}

/** A file a person downloaded, handed on under its own name (a staff chat, a USB stick). */
const handOn = (file: Downloaded) => ({ name: file.name, mimeType: 'application/json', buffer: file.buffer });

async function download(page: Page, click: () => Promise<void>): Promise<Downloaded> {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  return { name: file.suggestedFilename(), buffer: readFileSync(await file.path()) };
}

/**
 * A fresh browser for one person. As tests/e2e/fixtures.ts does for the test's own page, any
 * console error (a CSP block included) or request off the site's origin is kept to fail the test.
 */
async function person(browser: Browser, baseURL: string | undefined, problems: string[]) {
  const context = await browser.newContext({
    ...(baseURL ? { baseURL } : {}),
    locale: 'zh-CN',
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const origin = new URL(baseURL ?? 'http://127.0.0.1').origin;
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text());
  });
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== origin) problems.push(req.url());
  });
  return { context, page };
}

const SCHOOL = '广州市越秀区实验小学';

/** One teacher's C5 self-check in the wizard, ending with 保存自评文件. */
async function selfCheck(
  page: Page,
  teacher: { name: string; subject: string; stage: string },
  level: '合格' | '优秀',
): Promise<Downloaded> {
  await page.goto('/self-check/?a=C5');
  await page.getByLabel('姓名', { exact: true }).fill(teacher.name);
  await page.getByLabel('学校', { exact: true }).fill(SCHOOL);
  await page.getByLabel('任教学科', { exact: true }).fill(teacher.subject);
  await page.getByLabel('学段', { exact: true }).selectOption(teacher.stage);
  await page.getByLabel('所在地区（按哪份政策文件）').selectOption({ label: '广州市（市）' });
  await page.getByLabel('学校的教学环境').selectOption('智慧学习环境');
  await page.getByRole('button', { name: '下一步：选择微能力点' }).click();
  await page.getByRole('button', { name: '下一步：逐项自查证据' }).click();

  await item(page, 'scenario').getByLabel('这项证据我已准备好').check();
  const video = item(page, 'case-video');
  await video.getByLabel(/选择本地文件/).setInputFiles(CASE_VIDEO);
  await expect(video.getByText(/时长 9 分 0 秒/)).toBeVisible();
  await expect(video.getByText(/文件校验码 [0-9a-f]{8}…/)).toBeVisible();
  await video.getByLabel('视频中出现了我本人的形象').check();
  for (const box of await video
    .getByRole('group', { name: /合格标准/ })
    .getByRole('checkbox')
    .all())
    await box.check();
  if (level === '优秀')
    for (const box of await video
      .getByRole('group', { name: /优秀标准/ })
      .getByRole('checkbox')
      .all())
      await box.check();
  const accounts = item(page, 'student-accounts');
  await accounts.getByLabel(/选择本地文件/).setInputFiles(STUDENTS);
  await expect(accounts.getByText(/时长 1 分 40 秒/)).toBeVisible();
  await expect(abilityGrade(page, 'C5')).toHaveText(new RegExp(level));
  await expect(abilityGrade(page, 'C5')).not.toHaveText(/不合格/);
  await savedNow(page);

  const exported = await download(page, () => page.getByRole('button', { name: '保存自评文件' }).click());
  expect(exported.name).toMatch(new RegExp(`^微能力自评_${teacher.name}_\\d{8}\\.json$`));
  return exported;
}

const teacherSection = (page: Page, name: string) =>
  page
    .locator('section.teacher-review')
    .filter({ has: page.getByRole('heading', { name: `评审：${name}` }) });

const reviewItem = (section: Locator, id: string) => section.locator(`[data-review-item="${id}"]`);

async function tickAll(card: Locator, legend: RegExp) {
  for (const box of await card.getByRole('group', { name: legend }).getByRole('checkbox').all())
    await box.check();
}

const WANG_COMMENT = '分层指导过程清楚，数据使用还可以更充分。';
const LI_COMMENT = '发来的案例视频与自评时的不是同一个文件，请重新提交。';
const TEAM_COMMENT = '数据来源丰富，达到优秀。';

test('a school’s assessment from three self-checks to the principal’s archive, by files people pass on', async ({
  browser,
  baseURL,
  page: principal,
}) => {
  // Six people, three self-checks with media hashed, two review sessions, three pages of axe.
  test.setTimeout(240_000);
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const p = await person(browser, baseURL, errors);
    contexts.push(p.context);
    return p.page;
  };

  // 1. Three teachers, each in their own browser.
  const wangPage = await open();
  const wangFile = await selfCheck(wangPage, { name: '王晓红', subject: '语文', stage: '小学' }, '优秀');
  await expectNoAxeViolations(wangPage);
  const liPage = await open();
  const liFile = await selfCheck(liPage, { name: '李娜', subject: '数学', stage: '初中' }, '合格');
  const zhangPage = await open();
  const zhangFile = await selfCheck(zhangPage, { name: '张伟', subject: '英语', stage: '小学' }, '合格');
  await zhangPage.context().close();

  // 2. 陈老师 reviews 王晓红 and 李娜 (组内互评), checking the evidence files each sent.
  const reviewer = await open();
  await openReview(reviewer);
  await expectNoAxeViolations(reviewer);
  await reviewer.getByLabel(/^姓名/).fill('陈老师');
  await reviewer.getByLabel(/^身份或职务/).fill('数学教研组长');
  await reviewer.getByLabel('打开自评文件').setInputFiles([handOn(wangFile), handOn(liFile)]);
  const tabs = reviewer.getByRole('navigation', { name: '选择要评审的教师' });
  await expect(tabs.getByRole('button')).toHaveCount(2);

  const wang = teacherSection(reviewer, '王晓红');
  await expect(wang).toBeVisible();
  // Guangzhou's policy names no stages: the default 组内互评 → 复评.
  await expect(wang.getByLabel('评审环节')).toHaveValue('组内互评');
  await wang.getByLabel('选择证据文件（可多选）').setInputFiles(CASE_VIDEO);
  await expect(wang.locator('[data-verdict="same"]')).toContainText('case-9min.webm：✓ 与自评时的文件一致');
  const wangVideo = reviewItem(wang, 'case-video');
  await expect(wangVideo.getByText('（教师自评：已勾选）')).toHaveCount(10);
  await tickAll(wangVideo, /^合格标准/);
  // The sentence in both lists is one tick, as in the wizard.
  await expect(
    wangVideo
      .getByRole('group', { name: /^优秀标准/ })
      .getByRole('checkbox')
      .first(),
  ).toBeChecked();
  await expect(wang.locator('[data-reviewer-grade="C5"]')).toHaveText(/合格/);
  await expect(wangVideo).toHaveAttribute('data-differs', 'true');
  await wangVideo.getByLabel('对“案例展示”的评语').fill(WANG_COMMENT);
  await expectNoAxeViolations(reviewer);
  const wangReview = await download(reviewer, () =>
    wang.getByRole('button', { name: '保存评审意见文件' }).click(),
  );
  expect(wangReview.name).toMatch(/^评审意见_王晓红_组内互评_\d{8}\.json$/);

  // The reviewer's browser is reloaded halfway (a tab closed by mistake): the work comes back.
  await expect(reviewer.locator('[data-session-saved]')).toBeVisible();
  await reviewer.reload();
  await expect(reviewer.locator('[data-session-restored]')).toContainText('2 位教师的自评和您的评审');
  await expect(reviewer.getByLabel(/^姓名/)).toHaveValue('陈老师');
  await expect(wangVideo.getByLabel('对“案例展示”的评语')).toHaveValue(WANG_COMMENT);
  await expect(wang.locator('[data-verdict="same"]')).toContainText('case-9min.webm：✓ 与自评时的文件一致');

  await tabs.getByRole('button', { name: /李娜/ }).click();
  const li = teacherSection(reviewer, '李娜');
  await expect(li).toBeVisible();
  await expect(wang).toBeHidden();
  // 李娜 sent another video under the name she self-checked.
  await li.getByLabel('选择证据文件（可多选）').setInputFiles({
    name: 'case-9min.webm',
    mimeType: 'video/webm',
    buffer: readFileSync(join(MEDIA, 'case-6min.webm')),
  });
  await expect(li.locator('[data-verdict="different"]')).toContainText(
    'case-9min.webm：✗ 与自评时的文件不同',
  );
  const liVideo = reviewItem(li, 'case-video');
  await expect(liVideo).toContainText('case-9min.webm：与自评时的文件不同');
  await liVideo.getByLabel('对“案例展示”的评语').fill(LI_COMMENT);
  await expect(li.locator('[data-reviewer-grade="C5"]')).toHaveText(/不合格/);
  await expect(liVideo).toHaveAttribute('data-differs', 'true');
  await expectNoAxeViolations(reviewer);
  const liReview = await download(reviewer, () =>
    li.getByRole('button', { name: '保存评审意见文件' }).click(),
  );
  expect(liReview.name).toMatch(/^评审意见_李娜_组内互评_\d{8}\.json$/);

  // 3. The school's 信息化团队 does 复评 of 王晓红 on top of the 组内互评 file.
  const team = await open();
  await openReview(team);
  await team.getByLabel(/^姓名/).fill('周老师');
  await team.getByLabel(/^身份或职务/).fill('信息化团队');
  await team.getByLabel('打开自评文件').setInputFiles([handOn(wangFile), handOn(wangReview)]);
  const recheck = teacherSection(team, '王晓红');
  await expect(recheck.getByLabel('评审环节')).toHaveValue('复评');
  await expect(recheck.getByText(/组内互评 · 陈老师（数学教研组长）/)).toBeVisible();
  const recheckVideo = reviewItem(recheck, 'case-video');
  await expect(recheckVideo.locator('.earlier-item')).toContainText(
    `组内互评（陈老师）：✓ 合格 ${WANG_COMMENT}`,
  );
  await tickAll(recheckVideo, /^合格标准/);
  await tickAll(recheckVideo, /^优秀标准/);
  await expect(recheck.locator('[data-reviewer-grade="C5"]')).toHaveText(/优秀/);
  await recheck.getByLabel('对 C5 的总体评语').fill(TEAM_COMMENT);
  await expectNoAxeViolations(team);
  const teamReview = await download(team, () =>
    recheck.getByRole('button', { name: '保存评审意见文件' }).click(),
  );
  expect(teamReview.name).toMatch(/^评审意见_王晓红_复评_\d{8}\.json$/);

  // 4. 王晓红 opens both reviews in her own wizard, where her self-check still is.
  await wangPage.goto('/self-check/');
  await expect(abilityGrade(wangPage, 'C5')).toHaveText(/优秀/);
  await wangPage.getByLabel('打开评审意见').setInputFiles(handOn(wangReview));
  await expect(wangPage.getByRole('status').filter({ hasText: '已打开评审意见' })).toContainText(
    `已打开评审意见“${wangReview.name}”：组内互评，陈老师。`,
  );
  await wangPage.getByLabel('打开评审意见').setInputFiles(handOn(teamReview));
  await expect(wangPage.getByRole('list', { name: '已打开的评审意见' }).getByRole('listitem')).toHaveCount(2);
  const editor = item(wangPage, 'case-video');
  const peer = editor.locator('[data-review-note="组内互评"]');
  await expect(peer).toContainText('组内互评（陈老师，数学教研组长）评定：');
  await expect(peer).toContainText('合格');
  await expect(peer).toContainText(WANG_COMMENT);
  await expect(editor.locator('[data-review-note="复评"]')).toContainText('优秀');
  await expect(wangPage.locator('[data-review-note="复评"]').first()).toContainText(TEAM_COMMENT);
  await expect(wangPage.locator('[data-review-fit="outdated"]')).toHaveCount(0);
  await expectNoAxeViolations(wangPage);

  // 5. The principal loads exactly those files, plus one that broke on the way.
  await principal.goto('/school/');
  await expect(principal.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
  await expectNoAxeViolations(principal);
  const broken = {
    ...handOn(zhangFile),
    name: '张伟_自评_传输中断.json',
    buffer: zhangFile.buffer.subarray(0, 400),
  };
  await principal
    .getByLabel('选择文件（可多选）')
    .setInputFiles(
      [wangFile, liFile, zhangFile, wangReview, liReview, teamReview].map(handOn).concat(broken),
    );
  await expect(principal.locator('[data-load-report]')).toContainText('本次读入 3 份自评、3 份评审意见');
  const rejected = principal.locator('[data-rejected] li');
  await expect(rejected).toHaveCount(1);
  await expect(rejected).toContainText('张伟_自评_传输中断.json');
  await expect(rejected).toContainText('不是有效的 JSON 文件');
  await expect(principal.locator('[data-stages]')).toHaveText(
    '广州市：评审环节 组内互评 → 复评（政策文件未规定时的默认环节）',
  );

  const rows = principal.locator('.archive-table tbody tr');
  await expect(rows).toHaveCount(3);
  const cells = async (teacher: string) =>
    (
      await rows
        .filter({ has: principal.getByRole('button', { name: `${teacher} C5 详情` }) })
        .locator('td')
        .allInnerTexts()
    ).map((t) => t.split('\n')[0]?.trim());
  expect(await cells('王晓红')).toEqual([
    '王晓红',
    '语文',
    '小学',
    'C5',
    '优秀',
    '合格',
    '优秀',
    '优秀',
    '已通过',
  ]);
  expect(await cells('李娜')).toEqual(['李娜', '数学', '初中', 'C5', '合格', '不合格', '—', '—', '需修改']);
  expect(await cells('张伟')).toEqual(['张伟', '英语', '小学', 'C5', '合格', '—', '—', '—', '未评审']);

  await expect(principal.locator('[data-summary="teachers"] dd')).toHaveText('3 人');
  await expect(principal.locator('[data-summary="passed"] dd')).toHaveText('1 人（33.3%）');
  await expect(principal.locator('[data-summary="in-review"] dd')).toHaveText('1 人');
  await expect(principal.locator('[data-summary="not-reviewed"] dd')).toHaveText('1 人');
  await expect(principal.locator('[data-summary="self-passed"] dd')).toHaveText('3 人');
  await expect(principal.locator('[data-target-year="2020"]')).toContainText(
    '当年 30%，累计 30%；本校已通过 33.3%，已达到',
  );
  await expect(principal.locator('[data-coverage="智慧学习环境"]')).toContainText('选择 3 人，通过 1 人');
  await expectNoAxeViolations(principal);

  // The row's details show the reviewers' comments and the flagged file.
  await principal.getByRole('button', { name: '李娜 C5 详情' }).click();
  const details = principal.locator('[data-details]');
  await expect(details).toContainText('评审人 陈老师（数学教研组长）');
  await expect(details).toContainText(LI_COMMENT);
  await expectNoAxeViolations(principal);

  const csvFile = await download(principal, () =>
    principal.getByRole('button', { name: '导出 CSV（Excel / WPS）' }).click(),
  );
  expect(csvFile.name).toMatch(/^学校考核档案_\d{8}\.csv$/);
  expect([...csvFile.buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = parseCsv(csvFile.buffer.toString('utf8'));
  expect(csv).toHaveLength(4);
  const header = csv[0] ?? [];
  const byTeacher = (name: string) => {
    const row = csv.find((r) => r[0] === name) ?? [];
    return Object.fromEntries(header.map((h, i) => [h, row[i]]));
  };
  expect(byTeacher('王晓红')).toMatchObject({
    学校: SCHOOL,
    微能力点: 'C5',
    自评: '优秀',
    组内互评: '合格',
    组内互评评审人: '陈老师',
    复评: '优秀',
    复评评审人: '周老师',
    最终结果: '优秀',
    状态: '已通过',
  });
  expect(byTeacher('李娜')).toMatchObject({ 自评: '合格', 组内互评: '不合格', 复评: '', 状态: '需修改' });
  expect(byTeacher('张伟')).toMatchObject({ 自评: '合格', 组内互评: '', 状态: '未评审' });

  // A reload keeps the archive.
  await expect(principal.locator('[data-saved="6"]')).toContainText('已保存在本浏览器中');
  await principal.reload();
  await expect(principal.locator('.school-archive')).toHaveAttribute('data-ready', 'true');
  await expect(rows).toHaveCount(3);
  expect((await cells('王晓红')).slice(4)).toEqual(['优秀', '合格', '优秀', '优秀', '已通过']);
  await expect(principal.locator('[data-summary="passed"] dd')).toHaveText('1 人（33.3%）');
  await expectNoAxeViolations(principal);

  for (const context of contexts) await context.close();
  expect(errors, 'a page logged an error or asked for something off the site').toEqual([]);
});
